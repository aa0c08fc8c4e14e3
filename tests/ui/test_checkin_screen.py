"""The check-in screen driven like a desk agent: keyboard only, real widgets, real file."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QTableView

from desktop.models import members
from desktop.models.badges import reissue_badge
from desktop.ui.roster_model import COL_ARRIVAL, COL_DESK, COL_METHOD, COL_PRESENCE
from desktop.ui.wording import Role
from tests.ui.conftest import scan


def badge(db, surname: str) -> str:
    member = next(m for m in members.all_members(db) if m.surname == surname)
    token = members.current_badge(db, member.id)
    assert token
    return token


def row_texts(window, surname: str) -> dict[int, str]:
    proxy = window.model
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data() == surname:
            return {col: proxy.index(row, col).data() for col in range(proxy.columnCount())}
    raise AssertionError(f"{surname} not shown")


def event_count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def test_widgets_have_stable_object_and_accessible_names(window):
    for name, kind in [
        ("scanField", QLineEdit),
        ("searchField", QLineEdit),
        ("rosterView", QTableView),
        ("counterLabel", QLabel),
    ]:
        widget = window.findChild(kind, name)
        assert widget is not None, name
        assert widget.accessibleName()
    assert window.findChild(type(window.banner), "resultBanner") is window.banner
    assert window.scan_field.hasFocus()


def test_scan_welcomes_the_member_and_marks_the_roster(qtbot, window, demo_db):
    scan(qtbot, window.scan_field, badge(demo_db, "DUBOIS"))
    assert window.banner.current.role is Role.SUCCESS
    assert window.banner.title.text() == "Bienvenue, Émilie DUBOIS"
    assert window.banner.icon.text() == "✔"
    assert window.scan_field.text() == ""
    # Saturday lunch is due: the hand-out panel takes the keys until the agent is done.
    assert window.handout_panel.isVisible() and window.handout_panel.hasFocus()
    assert "Repas du samedi : à remettre" in " ".join(window.handout_panel.line_texts())
    qtbot.keyClick(window.handout_panel, Qt.Key.Key_Escape)
    assert not window.handout_panel.isVisible() and window.scan_field.hasFocus()
    row = row_texts(window, "DUBOIS")
    assert row[COL_PRESENCE] == "✔ présent·e"
    assert row[COL_ARRIVAL] == "09:12"
    assert row[COL_METHOD] == "QR" and row[COL_DESK] == "Guichet démo"
    assert window.counter_label.text() == "Présents : 1 / 39"


def test_second_scan_with_tab_is_amber_and_records_nothing(qtbot, window, demo_db, clock):
    code = badge(demo_db, "DUBOIS")
    scan(qtbot, window.scan_field, code)
    clock.advance(minutes=5)
    scan(qtbot, window.scan_field, code, end=Qt.Key.Key_Tab)
    assert window.banner.current.role is Role.WARNING
    assert window.banner.icon.text() == "⚠"
    assert "Déjà enregistré·e à 09:12 (Guichet démo, agent Martin)" in window.banner.detail.text()
    assert event_count(demo_db) == 1
    assert window.handout_panel.isVisible()  # what was already given, and what is still due


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("&é\"'(-è_çà", "Scanner mal configuré (clavier)"),
        ("GUBBBBBBBB", "Code illisible"),
        ("   ", "Rien n'a été lu"),
    ],
)
def test_bad_scans_are_red_or_neutral_with_words(qtbot, window, demo_db, typed, title):
    scan(qtbot, window.scan_field, typed)
    assert window.banner.title.text() == title
    assert window.banner.current.role in (Role.ERROR, Role.INFO)
    assert event_count(demo_db) == 0


def test_ten_thousand_pasted_characters(qtbot, window, demo_db):
    window.scan_field.setText("A" * 10_000)
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Return)
    assert window.banner.title.text() == "Saisie trop longue"
    assert event_count(demo_db) == 0 and window.scan_field.text() == ""


def test_revoked_and_withdrawn_badges_are_refused_in_words(qtbot, window, demo_db, desk, clock):
    member = next(m for m in members.all_members(demo_db) if m.surname == "GARCIA")
    old = members.current_badge(demo_db, member.id)
    reissue_badge(demo_db, member.id, "perdu", desk, clock)
    scan(qtbot, window.scan_field, old)
    assert window.banner.title.text() == "Badge révoqué"
    assert "Fabien GARCIA" in window.banner.detail.text()
    scan(qtbot, window.scan_field, badge(demo_db, "ÉTIENNE"))
    assert window.banner.title.text() == "Membre retiré·e de la convention"
    assert window.banner.icon.text() == "✖"


def test_two_quick_scans_keep_the_second_result(qtbot, window, demo_db):
    scan(qtbot, window.scan_field, badge(demo_db, "DUBOIS"))
    scan(qtbot, window.scan_field, badge(demo_db, "MARTIN"))
    assert window.banner.title.text() == "Bienvenue, Denis MARTIN"
    assert window.handout_panel.checklist.member.surname == "MARTIN"


def test_search_without_accents_and_check_in_by_keyboard(qtbot, window, demo_db):
    qtbot.keyClick(window.scan_field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, "emilie")
    assert window.model.rowCount() == 1
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.banner.title.text() == "Bienvenue, Émilie DUBOIS"
    assert row_texts(window, "DUBOIS")[COL_METHOD] == "manuel"
    assert window.scan_field.hasFocus() and window.search_field.text() == ""
    assert window.model.rowCount() == 39


def test_search_saint_jean_and_arrow_keys(qtbot, window, demo_db):
    window.focus_search()
    qtbot.keyClicks(window.search_field, "saint jean")
    names = {window.model.index(r, 0).data() for r in range(window.model.rowCount())}
    assert "SAINT-JEAN" in names and "COSTA" in names  # a surname and a commune
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.roster_view.hasFocus()
    qtbot.keyClick(window.roster_view, Qt.Key.Key_Down)
    chosen = window.model.index(window.roster_view.currentIndex().row(), 0).data()
    qtbot.keyClick(window.roster_view, Qt.Key.Key_Return)
    assert window.banner.current.role is Role.SUCCESS
    assert row_texts(window, chosen)[COL_METHOD] == "manuel"


def test_escape_returns_to_scan(qtbot, window):
    window.focus_search()
    qtbot.keyClicks(window.search_field, "mar")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.scan_field.hasFocus() and window.search_field.text() == ""


def test_undo_last_check_in_asks_a_reason(qtbot, window, demo_db, monkeypatch):
    scan(qtbot, window.scan_field, badge(demo_db, "DUBOIS"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("mauvais badge", True))
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.banner.title.text() == "Arrivée annulée"
    assert window.counter_label.text() == "Présents : 0 / 39"
    assert row_texts(window, "DUBOIS")[COL_PRESENCE] == "attendu·e"
    kinds = [r[0] for r in demo_db.execute("SELECT kind FROM events ORDER BY seq")]
    assert kinds == ["checkin", "void"]


def test_undo_without_reason_changes_nothing(qtbot, window, demo_db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    scan(qtbot, window.scan_field, badge(demo_db, "DUBOIS"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("   ", True))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    window.undo_selected()
    assert warnings == ["Un motif est obligatoire : rien n'a été annulé."]
    assert window.counter_label.text() == "Présents : 1 / 39"


def test_no_session_today(qtbot, demo_db, db_path, desk, clock):
    from datetime import UTC, datetime

    from desktop.ui.main_window import MainWindow
    from desktop.ui.sounds import Sounds

    clock.now = datetime(2023, 11, 15, 9, 0, tzinfo=UTC)  # a Wednesday: nothing planned
    win = MainWindow(demo_db, db_path, desk, clock, sounds=Sounds(enabled=False))
    qtbot.addWidget(win)
    assert win.session_combo.currentText() == "Aucune séance aujourd'hui"
    # Before any scan, the waiting banner says so and what to do, not "Prêt".
    assert win.banner.title.text() == "Aucune séance aujourd'hui"
    assert "ajoutez celle du jour : F6 puis Ctrl+N" in win.banner.detail.text()
    scan(qtbot, win.scan_field, badge(demo_db, "DUBOIS"))
    assert win.banner.title.text() == "Aucune séance aujourd'hui"
    assert win.banner.detail.text().startswith("Émilie DUBOIS : aucune séance n'est prévue")
    assert event_count(demo_db) == 0
    win.banner.reset()  # the refusal's time is over: waiting, still without a session
    assert win.banner.title.text() == "Aucune séance aujourd'hui"
    # The agent picks a session by hand: ready to scan.
    win.session_combo.setCurrentIndex(1)
    win.session_combo.activated.emit(1)  # what choosing it with the keyboard or mouse sends
    assert win.session is not None
    win.banner.reset()
    assert win.banner.title.text() == "Prêt : scannez un badge"


def test_roster_model_passes_qt_model_tester(qtmodeltester, window):
    qtmodeltester.check(window.model)
    window.model.set_query("mar")
    qtmodeltester.check(window.model)


def test_a_check_in_while_searching_updates_the_shown_row(qtbot, window, demo_db):
    window.focus_search()
    qtbot.keyClicks(window.search_field, "dubois")
    scan(qtbot, window.scan_field, badge(demo_db, "MARTIN"))  # not shown: filtered out
    assert window.model.rowCount() == 1
    scan(qtbot, window.scan_field, badge(demo_db, "DUBOIS"))
    assert row_texts(window, "DUBOIS")[COL_PRESENCE] == "✔ présent·e"
    window.back_to_scan()
    assert window.model.rowCount() == 39
    assert row_texts(window, "MARTIN")[COL_PRESENCE] == "✔ présent·e"


def test_search_narrows_while_typing_and_widens_when_erasing(window):
    counts = []
    for text in ("m", "ma", "mar", "mart", "mar", "ma", "", "saint", "saint j", "saint"):
        window.model.set_query(text)
        counts.append(window.model.rowCount())
        shown = {window.model.row_at(r).member_id for r in range(window.model.rowCount())}
        expected = {r.member_id for r in window.model._rows if window.model._matches(r)}
        assert shown == expected, text
    assert counts[0] >= counts[1] >= counts[2] >= counts[3]
    assert counts[4] == counts[2] and counts[5] == counts[1] and counts[6] == 39
    assert counts[9] == counts[7] >= counts[8]


def test_the_banner_colour_follows_each_outcome_in_turn(qtbot, window, demo_db):
    # The banner re-styles itself only when the colours change: welcome, refusal, welcome
    # again must each paint their own colour (read from the painted pixels).
    from desktop.ui.theme import banner_colours

    def painted() -> str:
        image = window.banner.grab().toImage()
        return image.pixelColor(image.width() // 2, 4).name()

    for code, role in [
        (badge(demo_db, "DUBOIS"), Role.SUCCESS),
        ("GUXXXXBCDEFGHIJKLNOPRSTUVXYBCDEFGHIJKL", Role.ERROR),
        (badge(demo_db, "MARTIN"), Role.SUCCESS),
        (badge(demo_db, "MARTIN"), Role.WARNING),
    ]:
        qtbot.keyClick(window.handout_panel, Qt.Key.Key_Escape)
        scan(qtbot, window.scan_field, code)
        assert window.banner.current.role is role
        assert painted() == banner_colours(role)[0].lower()


def test_the_counter_follows_check_ins_and_undos_as_the_file_counts_them(
    qtbot, window, demo_db, monkeypatch
):
    from desktop.models.attendance import counts

    def shown() -> str:
        return window.counter_label.text()

    def in_file() -> str:
        tally = counts(demo_db, window.session.id)
        return f"Présents : {tally.present} / {tally.expected}"

    assert shown() == in_file() == "Présents : 0 / 39"
    for surname in ("DUBOIS", "MARTIN", "MARTIN", "NGUYEN"):  # MARTIN twice: no change
        qtbot.keyClick(window.handout_panel, Qt.Key.Key_Escape)
        scan(qtbot, window.scan_field, badge(demo_db, surname))
        assert shown() == in_file()
    assert shown() == "Présents : 3 / 39"
    qtbot.keyClick(window.handout_panel, Qt.Key.Key_Escape)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("erreur", True))
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown() == in_file() == "Présents : 2 / 39"
