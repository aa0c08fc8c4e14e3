"""Adding and deleting sessions from the sessions screen (F6), keyboard only, on the demo file."""

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from desktop.models import accounts, checkin, members, session_plan
from desktop.models.accounts import Role
from desktop.models.convention import all_sessions, get_session
from desktop.ui import session_form
from desktop.ui.approval import ApprovalDialog
from desktop.ui.session_form import DeleteQuestion, NewSessionDialog
from desktop.ui.sessions_screen import SessionsScreen
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
IN_USE = "des faits y sont déjà enregistrés : la séance ne peut plus être supprimée ; corrigez-la"
PLACE = "Salle Pétrarque, Montpellier"


@pytest.fixture
def screen(qtbot, demo_db, desk, clock):
    widget = SessionsScreen(demo_db, desk, clock)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.isActiveWindow)  # window shortcuts need the active window
    yield widget
    widget.dirty = widget.products.product_dirty = False
    if widget.new_session_dialog is not None:
        widget.new_session_dialog.done(0)
    widget.close()
    widget.deleteLater()


def open_form(qtbot, screen) -> NewSessionDialog:
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL)
    dialog = screen.new_session_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.fields.day_field)
    return dialog


def fill(qtbot, dialog, day, part_downs, label, weekend="", lunch=False, place=None):
    """Type each field in turn, Tab after Tab, as the agent does; the part of day by ↓ from
    "matin" (matin, après-midi, journée, soirée)."""
    fields = dialog.fields
    type_text(fields.day_field, day)
    qtbot.keyClick(fields.day_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is fields.part_field
    for _ in range(part_downs):
        qtbot.keyClick(fields.part_field, Qt.Key.Key_Down)
    qtbot.keyClick(fields.part_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is fields.place_field
    if place is not None:
        qtbot.keyClick(fields.place_field, Qt.Key.Key_A, CTRL)
        type_text(fields.place_field, place)
    qtbot.keyClick(fields.place_field, Qt.Key.Key_Tab)
    type_text(fields.weekend_field, weekend)
    qtbot.keyClick(fields.weekend_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is fields.lunch_field
    if lunch:
        qtbot.keyClick(fields.lunch_field, Qt.Key.Key_Space)
    qtbot.keyClick(fields.lunch_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is fields.label_field
    type_text(fields.label_field, label)


def list_texts(screen) -> list[str]:
    return [screen.session_list.item(i).text() for i in range(screen.session_list.count())]


def go_to(qtbot, screen, session_id):
    ids = [plan.session.id for plan in screen.plans]
    screen.session_list.setFocus()
    qtbot.keyClick(screen.session_list, Qt.Key.Key_Home)
    for _ in range(ids.index(session_id)):
        qtbot.keyClick(screen.session_list, Qt.Key.Key_Down)
    assert screen.current_plan().session.id == session_id


def answer_question(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, seen=None):
    """Press a key in the next modal question once it is shown (as the agent would)."""
    tries = [0]

    def press():
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, DeleteQuestion) or not modal.isActiveWindow():
            tries[0] += 1
            if tries[0] < 100:  # two seconds, then give up (never a key into a later test)
                QTimer.singleShot(20, press)
            return
        if seen is not None:
            seen.append(modal.text())
        qtbot.keyClick(modal.focusWidget() or modal, key, modifier)

    QTimer.singleShot(0, press)


def test_add_a_session_by_keyboard(qtbot, screen, demo_db):
    go_to(qtbot, screen, "we1-samedi")
    dialog = open_form(qtbot, screen)
    assert dialog.fields.place_field.text() == get_session(demo_db, "we1-samedi").place
    fill(qtbot, dialog, "18/11/2023", 1, "Samedi reporté", weekend="1", lunch=True, place=PLACE)
    with qtbot.waitSignal(screen.session_added, timeout=10_000) as added:
        qtbot.keyClick(dialog.fields.label_field, Qt.Key.Key_Return)
    assert added.args == ["s-2023-11-18-apres-midi"]
    assert not dialog.isVisible()
    session = get_session(demo_db, "s-2023-11-18-apres-midi")
    assert session in all_sessions(demo_db)
    assert (session.day, session.part, session.place, session.weekend, session.lunch) == (
        date(2023, 11, 18),
        "après-midi",
        PLACE,
        1,
        True,
    )
    assert session.label == "Samedi reporté"
    # in the list, in calendar order, and shown in the editor with its ticket plan
    assert list_texts(screen)[2].startswith("Samedi reporté — 18/11/2023 (après-midi) — repas")
    assert screen.current_plan().session.id == session.id
    assert screen.label_field.text() == "Samedi reporté"
    assert screen.quantities["ticket-1-voyage-magnetique"].value() == 2
    assert screen.status.text().startswith("✔ Séance ajoutée : Samedi reporté — 18/11/2023")
    assert "tickets : 2 × Ticket 1 voyage (magnétique)" in screen.status.text()
    assert screen.focusWidget() is screen.session_list


def test_an_overlapping_session_is_refused_and_the_typing_kept(qtbot, screen, demo_db):
    before = all_sessions(demo_db)
    dialog = open_form(qtbot, screen)
    fill(qtbot, dialog, "11/11/2023", 0, "Matinée en plus")  # 11/11 is a "journée"
    qtbot.keyClick(dialog.fields.label_field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    error = dialog.fields.errors["part"]
    assert error.isVisibleTo(dialog)
    assert error.text() == (
        "✖ Le 11/11/2023 a déjà une séance à ce moment : « Week-end 1 » (journée). Une journée "
        "occupe le matin et l'après-midi : choisissez une autre partie de journée ou un autre jour."
    )
    assert dialog.focusWidget() is dialog.fields.part_field
    assert dialog.fields.day_field.text() == "11/11/2023"  # nothing typed is lost
    assert dialog.fields.label_field.text() == "Matinée en plus"
    assert all_sessions(demo_db) == before
    # an evening after the day's session is another moment: added
    for _ in range(3):
        qtbot.keyClick(dialog.fields.part_field, Qt.Key.Key_Down)
    assert dialog.fields.part_field.currentText() == "soirée"
    qtbot.keyClick(dialog.fields.part_field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert get_session(demo_db, "s-2023-11-11-soiree").label == "Matinée en plus"


def test_a_bad_date_or_empty_label_shows_under_its_field(qtbot, screen, demo_db):
    before = all_sessions(demo_db)
    dialog = open_form(qtbot, screen)
    fill(qtbot, dialog, "31/02/2024", 0, "Séance en plus")
    qtbot.keyClick(dialog.fields.label_field, Qt.Key.Key_Return)
    day_error = dialog.fields.errors["day"]
    assert day_error.isVisibleTo(dialog) and "31/02/2024" in day_error.text()
    assert dialog.focusWidget() is dialog.fields.day_field
    qtbot.keyClick(dialog.fields.day_field, Qt.Key.Key_A, CTRL)
    type_text(dialog.fields.day_field, "02/03/2024")
    dialog.fields.label_field.setFocus()
    qtbot.keyClick(dialog.fields.label_field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(dialog.fields.label_field, Qt.Key.Key_Delete)
    qtbot.keyClick(dialog.fields.label_field, Qt.Key.Key_Return)
    assert not day_error.isVisibleTo(dialog)
    assert dialog.fields.errors["label"].text() == "✖ Indiquez le libellé de la séance."
    assert dialog.fields.day_field.text() == "02/03/2024"
    assert all_sessions(demo_db) == before


def test_escape_with_typing_asks_before_dropping_it(qtbot, screen, demo_db, monkeypatch):
    dialog = open_form(qtbot, screen)
    type_text(dialog.fields.day_field, "18/11/2023")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    qtbot.keyClick(dialog.fields.day_field, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.fields.day_field.text() == "18/11/2023"
    qtbot.keyClick(dialog.fields.day_field, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers == []
    assert len(all_sessions(demo_db)) == len(screen.plans)


def test_delete_a_fresh_session(qtbot, screen, demo_db):
    _, fresh = session_plan.create_session(
        demo_db, date(2023, 11, 18), "matin", PLACE, None, False, "Séance saisie par erreur"
    )
    screen.reload_sessions()
    go_to(qtbot, screen, fresh.id)
    seen: list[str] = []
    answer_question(qtbot, Qt.Key.Key_S, ALT, seen)  # "&Supprimer la séance"
    with qtbot.waitSignal(screen.session_deleted, timeout=10_000) as deleted:
        qtbot.keyClick(screen.session_list, Qt.Key.Key_Delete)
    assert deleted.args == [fresh.id]
    assert seen == [f"Supprimer la séance « {fresh.title} » ?"]
    assert get_session(demo_db, fresh.id) is None
    assert fresh not in all_sessions(demo_db)
    assert not any("18/11/2023" in text for text in list_texts(screen))
    assert screen.status.text() == f"✔ Séance supprimée : {fresh.title}"
    # the next session in the calendar is shown, the list keeps the keys
    assert screen.current_plan().session.id == "we2-vendredi"
    assert screen.focusWidget() is screen.session_list


def test_enter_on_the_question_keeps_the_session(qtbot, screen, demo_db):
    _, fresh = session_plan.create_session(
        demo_db, date(2023, 11, 18), "matin", PLACE, None, False, "Séance à garder"
    )
    screen.reload_sessions(keep=fresh.id)
    screen.session_list.setFocus()
    answer_question(qtbot, Qt.Key.Key_Return)
    button = screen.findChild(QPushButton, "deleteSessionButton")
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert get_session(demo_db, fresh.id) == fresh
    assert screen.status.text() == "Suppression annulée : la séance est gardée."


def test_a_session_with_a_check_in_is_never_deleted(qtbot, screen, demo_db, desk, clock):
    saturday = get_session(demo_db, "we1-samedi")
    member = members.all_members(demo_db)[0]
    assert checkin.check_in_member(demo_db, member.id, saturday, desk, clock).recorded
    go_to(qtbot, screen, "we1-samedi")
    asked = []
    answer_question(qtbot, Qt.Key.Key_S, ALT, asked)  # no question must come
    qtbot.keyClick(screen.session_list, Qt.Key.Key_Delete)
    qtbot.wait(100)
    assert asked == []
    assert screen.status.text() == (f"✖ « {saturday.title} » : {IN_USE} plutôt.")
    assert get_session(demo_db, "we1-samedi") == saturday
    assert screen.current_plan().session.id == "we1-samedi"
    assert any("11/11/2023" in text for text in list_texts(screen))


def test_with_accounts_only_a_responsable_changes_the_calendar(qtbot, screen, demo_db, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, "Accueil-Martin-2023", clock)
    accounts.create_account(demo_db, "Claire", Role.RESPONSABLE, "Resp0nsable-Sûre!", clock)

    def cancel() -> None:
        approval = QApplication.activeModalWidget()
        assert isinstance(approval, ApprovalDialog)
        qtbot.keyClick(approval.name_edit, Qt.Key.Key_Escape)

    QTimer.singleShot(50, cancel)
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL)
    assert screen.new_session_dialog is None
    assert screen.status.text().startswith("✖ Seul un responsable ou le bureau")
    qtbot.waitUntil(screen.isActiveWindow)  # the approval dialog gave the keys back

    def approve() -> None:
        approval = QApplication.activeModalWidget()
        assert isinstance(approval, ApprovalDialog)
        type_text(approval.name_edit, "Claire")
        type_text(approval.password_edit, "Resp0nsable-Sûre!")
        qtbot.keyClick(approval.password_edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, approve)
    dialog = open_form(qtbot, screen)
    assert dialog.isVisible()
    (payload,) = demo_db.execute(
        "SELECT payload FROM events WHERE kind = 'account.approve'"
    ).fetchone()
    assert "Ajouter une séance" in payload and "Claire" in payload
    assert session_form.may_change_calendar(demo_db, "Claire")
    assert not session_form.may_change_calendar(demo_db, "Martin")


def test_every_control_is_named(qtbot, screen):
    dialog = open_form(qtbot, screen)
    check_names(screen, dialog)
    dialog.done(0)
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_2, CTRL)
    assert screen.products.isVisible()
    check_names(screen)


def check_names(*owners):
    for owner in owners:
        for widget in owner.findChildren(QWidget):
            if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(owner):
                continue
            if widget.objectName().startswith("qt_") or widget.parent().objectName().startswith(
                "qt_"
            ):
                continue  # Qt's own parts (a spin box's line edit, a tab bar's scrollers)
            if type(widget).__name__ in ("QLineEdit",) and widget.parent().inherits(
                "QAbstractSpinBox"
            ):
                continue
            if widget.inherits("QTabBar"):
                continue
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()
