"""A guest's meal pass at the desk, keyboard only, on the demo file (Saturday 11/11/2023 09:12,
lunch served; Friday 10/11/2023 has no lunch)."""

import json
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QTreeWidget,
    QWidget,
)

from desktop.models import accounts
from desktop.models.accounts import Role
from desktop.models.catering import RedeemOutcome, redeem_meal_pass
from desktop.models.convention import current_session
from desktop.models.meals import meal_counts, meal_pass_payload
from desktop.ui.approval import ApprovalDialog
from desktop.ui.guest_meal_dialog import GuestMealDialog
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def session(demo_db, clock):
    return current_session(demo_db, clock())


def open_dialog(qtbot, demo_db, desk, clock, session):
    dialog = GuestMealDialog(demo_db, desk, clock, session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def dialog(qtbot, demo_db, desk, clock, session):
    return open_dialog(qtbot, demo_db, desk, clock, session)


def passes(db):
    rows = db.execute(
        "SELECT id, member_id, session_id, agent, payload FROM live_events "
        "WHERE kind = 'meal.pass' ORDER BY seq"
    ).fetchall()
    return [(row[0], row[1], row[2], row[3], json.loads(row[4])) for row in rows]


def give(qtbot, dialog, name):
    """Type a name in the (focused) name field and press Entrée."""
    dialog.name_field.setFocus()
    type_text(dialog.name_field, name)
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)


def test_it_opens_on_the_name_with_the_session_and_the_roles(dialog, session):
    assert dialog.focusWidget() is dialog.name_field
    assert session.title in dialog.session_label.text()
    combo = dialog.role_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Expert·e",
        "Personnel",
        "Élu·e",
        "Autre",
    ]
    assert dialog.answer_text() == "▣ Prêt : nom de l'invité, puis Entrée"
    assert dialog.listed() == []
    assert dialog.list_title.text() == "Bons repas d'invités remis pour ce repas : 0"
    assert not dialog.anyway_button.isVisibleTo(dialog)
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, QLineEdit | QComboBox | QAbstractButton | QTreeWidget)
    ]
    assert len(controls) >= 6
    for widget in controls:
        assert widget.accessibleName(), widget.objectName()
    assert dialog.name_field.objectName() == "guestNameField"


def test_a_guest_pass_typed_and_chosen_by_keyboard_is_one_fact(qtbot, dialog, demo_db):
    type_text(dialog.name_field, "Pr Anne-Sophie Lemaître")
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.role_combo
    qtbot.keyClick(dialog.role_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.role_combo, Qt.Key.Key_Down)
    assert dialog.role_combo.currentText() == "Élu·e"
    with qtbot.waitSignal(dialog.issued) as issued:
        qtbot.keyClick(dialog.role_combo, Qt.Key.Key_Return)
    ((event_id, member_id, session_id, agent, payload),) = passes(demo_db)
    assert issued.args == [event_id]
    assert (member_id, session_id, agent) == (None, "we1-samedi", "Martin")
    assert payload["guest"] == {"name": "Pr Anne-Sophie Lemaître", "role": "élu"}
    assert "override" not in payload
    assert dialog.answer_text() == "✔ Bon repas remis à Pr Anne-Sophie Lemaître (Élu·e)"
    assert dialog.banner.current.role.value == "success"
    # The form is ready for the next guest of the same group: name cleared, role kept.
    assert dialog.name_field.text() == ""
    assert dialog.role_combo.currentText() == "Élu·e"
    assert dialog.focusWidget() is dialog.name_field
    assert dialog.listed() == [
        ("09:12", "Pr Anne-Sophie Lemaître", "Élu·e", "Guichet démo, Martin", "")
    ]
    assert dialog.list_title.text().endswith(": 1")


def test_a_group_arrives_the_last_one_given_is_listed_first(qtbot, dialog, demo_db, clock):
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Tab)
    type_text(dialog.role_combo, "p")  # the first letter chooses the role
    assert dialog.role_combo.currentText() == "Personnel"
    give(qtbot, dialog, "Léa Caré")
    clock.advance(minutes=1)
    give(qtbot, dialog, "Noé Ferrand")
    assert [row[:3] for row in dialog.listed()] == [
        ("09:13", "Noé Ferrand", "Personnel"),
        ("09:12", "Léa Caré", "Personnel"),
    ]
    assert [p[4]["guest"]["role"] for p in passes(demo_db)] == ["personnel", "personnel"]


def test_the_same_guest_again_is_already_given_and_nothing_is_written(qtbot, dialog, demo_db):
    give(qtbot, dialog, "Anne Lemaître")
    give(qtbot, dialog, "ANNE LEMAITRE")  # other case, no accent: the same person
    assert len(passes(demo_db)) == 1
    assert dialog.answer_text() == "⚠ Déjà remis à 09:12 (Guichet démo, agent Martin)"
    assert dialog.banner.current.role.value == "warning"
    assert "Anne Lemaître (Expert·e) a déjà un bon repas" in dialog.banner.detail.text()
    assert "Ctrl+Entrée" in dialog.banner.detail.text()
    assert dialog.name_field.text() == "ANNE LEMAITRE"  # nothing typed is lost
    assert dialog.anyway_button.isVisibleTo(dialog)
    assert len(dialog.listed()) == 1


def test_another_pass_anyway_asks_a_reason_and_records_it(
    qtbot, dialog, demo_db, clock, monkeypatch
):
    asked = []
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: asked.append(a[2]) or ("bon tombé", True)
    )
    give(qtbot, dialog, "Anne Lemaître")
    clock.advance(minutes=20)
    give(qtbot, dialog, "anne lemaitre")
    with qtbot.waitSignal(dialog.issued) as issued:
        qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return, CTRL)
    assert "Déjà remis à 09:12 (Guichet démo, agent Martin)" in asked[0]
    first, second = passes(demo_db)
    assert issued.args == [second[0]]
    assert second[4]["guest"] == {"name": "anne lemaitre", "role": "expert"}
    assert second[4]["override"] == {
        "reason": "bon tombé",
        "reasons": [],
        "duplicate_of": [first[0]],
    }
    assert dialog.answer_text() == "✔ Bon repas remis à anne lemaitre (Expert·e)"
    assert "Autre bon, motif : bon tombé." in dialog.banner.detail.text()
    assert not dialog.anyway_button.isVisibleTo(dialog)
    assert dialog.listed()[0] == (
        "09:32",
        "anne lemaitre",
        "Expert·e",
        "Guichet démo, Martin",
        "bon tombé",
    )
    # Ctrl+Entrée once the pass is given does nothing more.
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return, CTRL)
    assert len(passes(demo_db)) == 2 and len(asked) == 1


def test_a_cancelled_reason_records_nothing_and_keeps_the_answer(
    qtbot, dialog, demo_db, monkeypatch
):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    give(qtbot, dialog, "Anne Lemaître")
    give(qtbot, dialog, "Anne Lemaître")
    dialog.anyway_button.click()
    assert len(passes(demo_db)) == 1
    assert dialog.answer_text().startswith("⚠ Déjà remis à 09:12")
    assert dialog.anyway_button.isVisibleTo(dialog)
    assert dialog.name_field.text() == "Anne Lemaître"


def test_editing_the_name_after_already_given_drops_the_override(
    qtbot, dialog, demo_db, monkeypatch
):
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a) or ("x", True))
    give(qtbot, dialog, "Anne Lemaître")
    give(qtbot, dialog, "Anne Lemaître")
    dialog.name_field.end(False)
    type_text(dialog.name_field, "-Roux")
    assert not dialog.anyway_button.isVisibleTo(dialog)
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return, CTRL)
    assert asked == [] and len(passes(demo_db)) == 1
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)  # another person: given at once
    assert [p[4]["guest"]["name"] for p in passes(demo_db)] == [
        "Anne Lemaître",
        "Anne Lemaître-Roux",
    ]


def test_with_accounts_a_responsable_approves_and_is_named_in_the_reason(
    qtbot, dialog, demo_db, clock, monkeypatch
):
    accounts.create_account(demo_db, "Claire", Role.RESPONSABLE, "Resp0nsable-Sûre!", clock)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("deuxième service", True))
    give(qtbot, dialog, "Anne Lemaître")
    give(qtbot, dialog, "Anne Lemaître")

    def approve() -> None:
        approval = QApplication.activeModalWidget()
        assert isinstance(approval, ApprovalDialog)
        type_text(approval.name_edit, "Claire")
        type_text(approval.password_edit, "Resp0nsable-Sûre!")
        qtbot.keyClick(approval.password_edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, approve)
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return, CTRL)
    _, second = passes(demo_db)
    assert second[4]["override"]["reason"] == "deuxième service (accord : Claire)"
    (approval,) = demo_db.execute(
        "SELECT payload FROM events WHERE kind = 'account.approve'"
    ).fetchall()
    assert "Claire" in approval[0]


def test_an_empty_name_shows_the_error_under_the_field(qtbot, dialog, demo_db):
    give(qtbot, dialog, "   ")
    assert passes(demo_db) == []
    assert dialog.name_error.isVisibleTo(dialog)
    assert dialog.name_error.text() == "✖ Saisissez le nom de l'invité."
    assert dialog.name_field.text() == "   "  # nothing typed is lost
    assert dialog.focusWidget() is dialog.name_field
    assert dialog.isVisible()
    type_text(dialog.name_field, "Zoé")
    assert not dialog.name_error.isVisibleTo(dialog)


def test_friday_evening_without_lunch_is_refused(qtbot, demo_db, desk, clock):
    clock.now = datetime(2023, 11, 10, 17, 30, tzinfo=UTC)  # Friday 18:30 in Montpellier
    friday = current_session(demo_db, clock())
    assert friday.id == "we1-vendredi" and not friday.lunch
    dialog = open_dialog(qtbot, demo_db, desk, clock, friday)
    assert "pas de repas prévu" in dialog.session_label.text()
    assert not dialog.passes.isVisibleTo(dialog)
    give(qtbot, dialog, "Anne Lemaître")
    assert passes(demo_db) == []
    assert dialog.answer_text() == "✖ Pas de repas prévu à cette séance"
    assert dialog.banner.current.role.value == "error"
    assert "Rien n'a été enregistré" in dialog.banner.detail.text()
    assert dialog.name_field.text() == "Anne Lemaître" and dialog.isVisible()


def test_no_session_today_is_refused(qtbot, demo_db, desk, clock):
    dialog = open_dialog(qtbot, demo_db, desk, clock, None)
    give(qtbot, dialog, "Anne Lemaître")
    assert passes(demo_db) == []
    assert dialog.answer_text() == "✖ Aucune séance aujourd'hui"
    assert "rien n'a été enregistré" in dialog.banner.detail.text()
    assert dialog.name_field.text() == "Anne Lemaître"


def test_escape_closes(qtbot, dialog, demo_db):
    type_text(dialog.name_field, "Anne")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.name_field, Qt.Key.Key_Escape)
    assert passes(demo_db) == []


def test_the_caterer_serves_the_guest_pass_once(qtbot, dialog, demo_db, desk, clock, session):
    with qtbot.waitSignal(dialog.issued) as issued:
        give(qtbot, dialog, "Anne Lemaître")
    qr = meal_pass_payload(demo_db, issued.args[0])
    served = redeem_meal_pass(demo_db, qr, session, desk, clock)
    assert served.outcome is RedeemOutcome.SERVED
    assert served.meal_pass.holder == "Anne Lemaître" and served.meal_pass.is_guest
    again = redeem_meal_pass(demo_db, qr, session, desk, clock)
    assert again.outcome is RedeemOutcome.ALREADY_SERVED
    counts = meal_counts(demo_db, session.id)
    assert (counts.guest_passes, counts.served_guests, counts.member_passes) == (1, 1, 0)


def test_the_dialog_speaks_english(qtbot, qapp, demo_db, desk, clock, session):
    from desktop.ui import i18n
    from tests.ui.test_translations import _remove_languages

    assert i18n.install_language(qapp, "en") == "en"
    try:
        dialog = open_dialog(qtbot, demo_db, desk, clock, session)
        assert dialog.windowTitle() == "Guest's meal pass"
        assert dialog.answer_text() == "▣ Ready: the guest's name, then Enter"
        assert dialog.role_combo.itemText(2) == "Elected official"
        assert dialog.give_button.text() == "Give the pass (Enter)"
        give(qtbot, dialog, "Anne Lemaître")
        assert dialog.answer_text() == "✔ Meal pass given to Anne Lemaître (Expert)"
        assert dialog.listed()[0][2:4] == ("Expert", "Guichet démo, Martin")
        give(qtbot, dialog, "Anne Lemaître")
        assert dialog.answer_text() == "⚠ Already given at 09:12 (Guichet démo, agent Martin)"
        assert dialog.anyway_button.text() == "Give another pass… (Ctrl+Enter)"
    finally:
        _remove_languages(qapp)
