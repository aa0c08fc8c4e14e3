"""The hand-out panel, keyboard only, on the demo file (Saturday 11/11/2023, lunch served)."""

import json
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QInputDialog

from desktop.models import handouts, members
from desktop.models.checkin import check_in_member
from desktop.models.convention import current_session
from desktop.models.meals import MEAL_LINE
from desktop.models.parking import PARKING_LINE
from desktop.ui.handout_panel import HandoutPanel
from tests.ui.conftest import scan, type_text


def member_id(db, surname: str) -> str:
    return next(m.id for m in members.all_members(db) if m.surname.upper() == surname)


@pytest.fixture
def session(demo_db, clock):
    return current_session(demo_db, clock())


@pytest.fixture
def bertrand(demo_db, session, desk, clock):
    """No pass, parking eligible, checked in."""
    mid = member_id(demo_db, "BERTRAND")
    check_in_member(demo_db, mid, session, desk, clock)
    return mid


@pytest.fixture
def panel(qtbot, demo_db, desk, clock):
    widget = HandoutPanel(demo_db, desk, clock, close_delay_ms=50, key_delay_ms=0)
    qtbot.addWidget(widget)
    return widget


def open_for(panel, db, mid, session):
    panel.show_checklist(handouts.due_items(db, mid, session))
    return panel


def events(db, kind):
    rows = db.execute(
        "SELECT member_id, payload FROM live_events WHERE kind = ? ORDER BY seq", [kind]
    ).fetchall()
    return [(row[0], json.loads(row[1])) for row in rows]


def test_lines_and_keys(panel, demo_db, bertrand, session):
    open_for(panel, demo_db, bertrand, session)
    lines = panel.line_texts()
    assert lines[0] == "☐ Repas du samedi : à remettre"
    assert lines[1].startswith("☐ Tickets : 2 × Ticket 1 voyage")
    assert lines[1].endswith("— à remettre")
    assert lines[2] == "☐ Stationnement : éligible — saisir un justificatif (P)"
    assert panel.findChild(object, "handoutKey1").text() == "1"
    assert panel.has_due


def test_meal_key_writes_a_meal_pass(qtbot, panel, demo_db, bertrand, session):
    open_for(panel, demo_db, bertrand, session)
    with qtbot.waitSignal(panel.handed_out) as signal:
        qtbot.keyClick(panel, Qt.Key.Key_1)
    assert signal.args[0].recorded
    assert [mid for mid, _ in events(demo_db, "meal.pass")] == [bertrand]
    assert panel.outcome_text(MEAL_LINE) == "✔ remis"
    assert panel.line_texts()[0].startswith("✔ Repas du samedi : déjà remis à 09:12 (")
    assert panel.line_texts()[0].endswith(", agent Martin)")
    assert panel.isVisible()  # tickets are still due


def test_second_confirm_shows_already_given(qtbot, panel, demo_db, bertrand, session, monkeypatch):
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a[2]) or ("", False))
    open_for(panel, demo_db, bertrand, session)
    qtbot.keyClick(panel, Qt.Key.Key_1)
    qtbot.keyClick(panel, Qt.Key.Key_1)
    assert len(events(demo_db, "meal.pass")) == 1
    assert panel.outcome_text(MEAL_LINE).startswith("⚠ déjà remis à 09:12 (")
    assert asked and "Déjà remis à 09:12" in asked[0]


def test_override_with_a_reason_is_recorded(qtbot, panel, demo_db, bertrand, session, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("pass perdu", True))
    open_for(panel, demo_db, bertrand, session)
    qtbot.keyClick(panel, Qt.Key.Key_1)
    qtbot.keyClick(panel, Qt.Key.Key_1)
    passes = events(demo_db, "meal.pass")
    assert len(passes) == 2
    assert passes[1][1]["override"]["reason"] == "pass perdu"
    assert panel.outcome_text(MEAL_LINE) == "✔ remis"


def test_cancelled_reason_records_nothing(qtbot, panel, demo_db, session, desk, clock, monkeypatch):
    """A week-end pass holder: the ticket line is not needed, giving one asks a reason."""
    mid = member_id(demo_db, "DIALLO")
    check_in_member(demo_db, mid, session, desk, clock)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  ", True))
    open_for(panel, demo_db, mid, session)
    assert panel.line_texts()[1].endswith("non nécessaire (pass week-end)")
    qtbot.keyClick(panel, Qt.Key.Key_2)
    assert events(demo_db, "ticket.handout") == []
    assert panel.outcome_text(panel.rows[1].line.key).startswith("⚠ confirmation requise")


def test_everything_with_t_then_the_panel_closes(qtbot, panel, demo_db, bertrand, session):
    open_for(panel, demo_db, bertrand, session)
    with qtbot.waitSignal(panel.finished, timeout=10_000):
        qtbot.keyClick(panel, Qt.Key.Key_T)
        assert len(events(demo_db, "meal.pass")) == 1
        assert events(demo_db, "ticket.handout")[0][1]["quantity"] == 2
        assert not panel.has_due
    assert not panel.isVisible()


def test_ctrl_enter_hands_out_everything(qtbot, panel, demo_db, bertrand, session):
    open_for(panel, demo_db, bertrand, session)
    qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(events(demo_db, "meal.pass")) == 1
    assert len(events(demo_db, "ticket.handout")) == 1


def test_panel_stays_while_something_is_due_and_escape_closes(
    qtbot, panel, demo_db, bertrand, session
):
    open_for(panel, demo_db, bertrand, session)
    qtbot.keyClick(panel, Qt.Key.Key_1)
    qtbot.wait(150)  # longer than the close delay
    assert panel.isVisible()
    qtbot.keyClick(panel, Qt.Key.Key_Return)  # Enter does not close while tickets are due
    assert panel.isVisible()
    with qtbot.waitSignal(panel.finished):
        qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert events(demo_db, "ticket.handout") == []


def test_not_checked_in_hands_out_nothing(qtbot, panel, demo_db, session):
    mid = member_id(demo_db, "BERTRAND")
    open_for(panel, demo_db, mid, session)
    assert panel.status.text().startswith("✖ Arrivée non enregistrée")
    qtbot.keyClick(panel, Qt.Key.Key_1)
    assert events(demo_db, "meal.pass") == []
    assert panel.outcome_text(MEAL_LINE).startswith("✖ non remis : arrivée non enregistrée")
    qtbot.keyClick(panel, Qt.Key.Key_T)
    assert events(demo_db, "meal.pass") == []
    qtbot.wait(150)
    assert panel.isVisible()


def test_p_opens_the_receipt_form(qtbot, panel, demo_db, bertrand, session):
    open_for(panel, demo_db, bertrand, session)
    qtbot.keyClick(panel, Qt.Key.Key_P)
    dialog = panel.receipt_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.focusWidget() is dialog.fields["car_park"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_receipt_saved_from_the_panel(qtbot, panel, demo_db, bertrand, session, tmp_path):
    png = tmp_path / "recu.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(png), "PNG")
    open_for(panel, demo_db, bertrand, session)
    qtbot.keyClick(panel, Qt.Key.Key_3)
    dialog = panel.receipt_dialog
    for name, text in (("car_park", "Comédie"), ("receipt_no", "A-1"), ("amount", "12,50")):
        type_text(dialog.fields[name], text)
    type_text(dialog.fields["scan"], str(png))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.fields["scan"], Qt.Key.Key_Return)
    assert [mid for mid, _ in events(demo_db, "parking.receipt")] == [bertrand]
    assert panel.outcome_text(PARKING_LINE) == "✔ justificatif enregistré (12,50 €)"
    assert "[1 déjà saisi(s), 12,50 €]" in panel.line_texts()[2]


def test_azerty_number_row_needs_no_shift(qtbot, panel, demo_db, bertrand, session):
    open_for(panel, demo_db, bertrand, session)
    type_text(panel, "&")  # the "1" key of a French keyboard, unshifted
    assert len(events(demo_db, "meal.pass")) == 1


def test_a_badge_scan_is_not_read_as_panel_keys(qtbot, demo_db, desk, clock, bertrand, session):
    """Badge codes hold P and T: a scanner's burst is handed on, never acted upon."""
    panel = HandoutPanel(demo_db, desk, clock, key_delay_ms=40)
    qtbot.addWidget(panel)
    open_for(panel, demo_db, bertrand, session)
    with qtbot.waitSignal(panel.scanned) as signal:
        scan(qtbot, panel, "GUBCDPT1")
    assert signal.args == ["GUBCDPT1"]
    qtbot.wait(80)
    assert events(demo_db, "meal.pass") == events(demo_db, "ticket.handout") == []
    assert panel.receipt_dialog is None
    # A key typed alone acts once the delay has passed.
    qtbot.keyClick(panel, Qt.Key.Key_1)
    assert events(demo_db, "meal.pass") == []
    qtbot.waitUntil(lambda: len(events(demo_db, "meal.pass")) == 1, timeout=10_000)


def test_rows_reused_for_the_next_member_show_only_that_members_lines(
    qtbot, panel, demo_db, bertrand, session, desk, clock
):
    # The panel keeps its row widgets from one member to the next (speed at the desk): what
    # a row showed for the previous member must never be left on screen.
    open_for(panel, demo_db, bertrand, session)
    qtbot.keyClick(panel, Qt.Key.Key_1)
    assert panel.outcome_text(MEAL_LINE) == "✔ remis"
    martin = member_id(demo_db, "MARTIN")
    check_in_member(demo_db, martin, session, desk, clock)
    full = handouts.due_items(demo_db, martin, session)
    meal_and_parking = replace(full, lines=(full.lines[0], full.lines[2]))
    panel.show_checklist(meal_and_parking)
    lines = panel.line_texts()
    assert len(lines) == 2 and lines[0] == "☐ Repas du samedi : à remettre"
    assert "Stationnement" in lines[1]
    assert panel.outcome_text(MEAL_LINE) == ""  # BERTRAND's "✔ remis" is gone
    assert panel.findChild(object, "handoutKey2").text() == "2 / P"
    assert not panel.findChild(object, "handoutKey3").isVisibleTo(panel)
    assert not panel.findChild(object, "handoutLine3").isVisibleTo(panel)
    panel.show_checklist(full)
    key2 = panel.findChild(object, "handoutKey2")
    assert key2.text() == "2" and key2.maximumWidth() > 64  # no longer the parking key
    assert panel.findChild(object, "handoutKey3").text() == "3 / P"
    assert panel.findChild(object, "handoutLine3").isVisibleTo(panel)
    assert len(panel.line_texts()) == 3
    # Keys follow the lines shown now: 2 gives MARTIN his tickets.
    with qtbot.waitSignal(panel.handed_out):
        qtbot.keyClick(panel, Qt.Key.Key_2)
    assert events(demo_db, "ticket.handout")[-1][0] == martin
