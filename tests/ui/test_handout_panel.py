"""The hand-out panel, keyboard only, on the demo file (Saturday 11/11/2023, lunch served)."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from desktop.models import handouts, members
from desktop.models.checkin import check_in_member
from desktop.models.convention import current_session
from desktop.models.meals import MEAL_LINE
from desktop.ui.handout_panel import HandoutPanel


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
    widget = HandoutPanel(demo_db, desk, clock, close_delay_ms=50)
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
    with qtbot.waitSignal(panel.finished, timeout=2000):
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
