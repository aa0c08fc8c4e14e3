"""The hand-out checklist, one-key confirmations, the member card and the status report."""

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desktop.cli import main
from desktop.models import checkin, journal, members
from desktop.models.convention import get_session
from desktop.models.demo import MAGNETIC_TICKET
from desktop.models.facts import HandoutOutcome
from desktop.models.handouts import (
    LineKind,
    LineState,
    confirm,
    confirm_pending,
    due_items,
    member_history,
    session_handouts,
    ticket_key,
)
from desktop.models.meals import GuestRole, give_guest_meal_pass
from desktop.models.parking import record_receipt
from desktop.models.receipt_form import ReceiptForm

MAGNETIC = ticket_key(MAGNETIC_TICKET.id)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)


def _member(db, surname):
    return next(m for m in members.all_members(db) if m.surname == surname)


def _kinds(db):
    return [row[0] for row in db.execute("SELECT kind FROM events ORDER BY seq").fetchall()]


@pytest.fixture
def saturday(demo_db):
    return get_session(demo_db, "we1-samedi")


def test_checklist_of_a_member_not_yet_checked_in(demo_db, desk, clock, saturday):
    member = _member(demo_db, "ROUSSEL")
    checklist = due_items(demo_db, member.id, saturday)
    assert not checklist.present
    assert [(line.key, line.kind, line.state) for line in checklist.lines] == [
        ("meal", LineKind.MEAL, LineState.TO_HAND_OUT),
        (MAGNETIC, LineKind.TICKET, LineState.TO_HAND_OUT),
        ("parking", LineKind.PARKING, LineState.ELIGIBLE),
    ]
    assert checklist.line("parking").eligibility_reason == "Domicile non desservi par le tramway"
    result = confirm(demo_db, member.id, saturday, "meal", desk, clock)
    assert result.outcome is HandoutOutcome.NOT_PRESENT
    assert _kinds(demo_db) == []


def test_one_key_confirms_each_line_and_the_member_seen_again_shows_it(
    demo_db, desk, clock, saturday
):
    member = _member(demo_db, "DUBOIS")
    checkin.check_in_member(demo_db, member.id, saturday, desk, clock)
    checklist = due_items(demo_db, member.id, saturday)
    assert checklist.present and [line.key for line in checklist.pending] == ["meal", MAGNETIC]
    assert checklist.line("parking").state is LineState.NOT_ELIGIBLE

    clock.advance(minutes=2)
    meal = confirm(demo_db, member.id, saturday, "meal", desk, clock)
    ticket = confirm(demo_db, member.id, saturday, MAGNETIC, desk, clock)
    assert meal.recorded and ticket.recorded and ticket.ticket.quantity == 2
    assert _kinds(demo_db) == ["checkin", "meal.pass", "ticket.handout"]

    # Seen again, at another desk, by another agent: everything given is shown, nothing due.
    journal.register_desk(demo_db, "guichet-2", "Guichet 2")
    other = journal.Desk("guichet-2", "Guichet 2", "Paul")
    clock.advance(minutes=40)
    again = due_items(demo_db, member.id, saturday)
    assert again.pending == ()
    meal_line = again.line("meal")
    assert meal_line.state is LineState.ALREADY_GIVEN
    (given,) = meal_line.given
    assert (given.agent, given.desk_label, given.local_time) == ("Martin", "Guichet démo", "09:14")
    refused = confirm(demo_db, member.id, saturday, "meal", other, clock)
    assert refused.outcome is HandoutOutcome.ALREADY_GIVEN
    assert refused.prior[0].desk_label == "Guichet démo"
    assert _kinds(demo_db) == ["checkin", "meal.pass", "ticket.handout"]


def test_confirm_pending_hands_out_what_needs_no_question(demo_db, desk, clock, saturday):
    member = _member(demo_db, "NGUYEN")  # week-end pass: no ticket on Saturday
    checkin.check_in_member(demo_db, member.id, saturday, desk, clock)
    results = confirm_pending(demo_db, member.id, saturday, desk, clock)
    assert [(r.line_key, r.outcome) for r in results] == [("meal", HandoutOutcome.RECORDED)]
    assert due_items(demo_db, member.id, saturday).line(MAGNETIC).state is LineState.NOT_NEEDED
    assert _kinds(demo_db) == ["checkin", "meal.pass"]


def test_friday_without_lunch_plans_no_meal(demo_db, desk, clock):
    friday = get_session(demo_db, "we1-vendredi")
    clock.now = datetime(2023, 11, 10, 17, 30, tzinfo=UTC)
    member = _member(demo_db, "DUBOIS")
    checkin.check_in_member(demo_db, member.id, friday, desk, clock)
    checklist = due_items(demo_db, member.id, friday)
    assert checklist.line("meal").state is LineState.NOT_PLANNED
    assert [line.key for line in checklist.pending] == [MAGNETIC]
    result = confirm(demo_db, member.id, friday, "meal", desk, clock)
    assert result.outcome is HandoutOutcome.NO_LUNCH


def test_parking_and_unknown_lines(demo_db, desk, clock, saturday):
    eligible = _member(demo_db, "ROUSSEL")
    other = _member(demo_db, "DUBOIS")
    assert confirm(demo_db, eligible.id, saturday, "parking", desk, clock).outcome is (
        HandoutOutcome.FORM_REQUIRED
    )
    assert confirm(demo_db, other.id, saturday, "parking", desk, clock).outcome is (
        HandoutOutcome.NOT_ELIGIBLE
    )
    for key in ("tickets", "ticket:", "repas", ""):
        assert confirm(demo_db, other.id, saturday, key, desk, clock).outcome is (
            HandoutOutcome.UNKNOWN_LINE
        )
    assert confirm(demo_db, other.id, saturday, "ticket:nope", desk, clock).outcome is (
        HandoutOutcome.UNKNOWN_PRODUCT
    )
    with pytest.raises(LookupError):
        due_items(demo_db, "nobody", saturday)


def _busy_member(demo_db, desk, clock, saturday, tmp_path):
    member = _member(demo_db, "ROUSSEL")
    friday = get_session(demo_db, "we1-vendredi")
    checkin.check_in_member(demo_db, member.id, friday, desk, clock)
    checkin.check_in_member(demo_db, member.id, saturday, desk, clock)
    clock.advance(minutes=3)
    confirm_pending(demo_db, member.id, saturday, desk, clock)
    scan = tmp_path / "recu.png"
    scan.write_bytes(PNG)
    form = ReceiptForm("Parking Arceaux", "P-77", "12,50", scan)
    assert record_receipt(demo_db, member.id, saturday, form, desk, clock).recorded
    return member


def test_member_history_across_sessions(demo_db, desk, clock, saturday, tmp_path):
    member = _busy_member(demo_db, desk, clock, saturday, tmp_path)
    history = member_history(demo_db, member.id)
    assert len(history.sessions) == 7 and history.attended == 2
    by_id = {record.session.id: record for record in history.sessions}
    assert by_id["we1-vendredi"].present and by_id["we1-vendredi"].meal_passes == ()
    record = by_id["we1-samedi"]
    assert record.meal_passes[0].local_time == "09:15" and record.meal_served is None
    assert [(t.product_name, t.quantity) for t in record.tickets] == [
        ("Ticket 1 voyage (magnétique)", 2)
    ]
    assert [r.receipt_no for r in record.receipts] == ["P-77"]
    assert history.parking_total_cents == 1250
    assert not by_id["we2-samedi"].present


def test_status_csv_shows_meal_tickets_and_parking(
    demo_db, db_path, desk, clock, saturday, tmp_path, capsys
):
    member = _busy_member(demo_db, desk, clock, saturday, tmp_path)
    give_guest_meal_pass(demo_db, saturday, "Anne Lemaire", GuestRole.EXPERT, desk, clock)
    given = session_handouts(demo_db, saturday.id)
    assert set(given) == {member.id}
    assert given[member.id].tickets_text == "Ticket 1 voyage (magnétique) × 2"

    assert main(["status", "--db", str(db_path), "--date", "2023-11-11", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].lstrip("\ufeff").split(";")
    assert header[8:] == [
        "Pass repas",
        "Pass repas à",
        "Pass repas guichet",
        "Tickets",
        "Reçus parking",
        "Total parking",
    ]
    row = next(line.split(";") for line in lines if ";ROUSSEL;" in line)
    assert row[4] == "oui"
    assert row[8:] == [
        "oui",
        "09:15",
        "Guichet démo",
        "Ticket 1 voyage (magnétique) × 2",
        "1",
        "12,50 €",
    ]
    absent = next(line.split(";") for line in lines if ";DUBOIS;" in line)
    assert absent[8:] == ["non", "", "", "", "0", "0,00 €"]

    assert main(["status", "--db", str(db_path), "--date", "2023-11-11"]) == 0
    assert "Pass repas : 1 membres, 1 invités" in capsys.readouterr().out


def test_an_override_is_visible_in_the_reports(demo_db, desk, clock, saturday):
    member = _member(demo_db, "DUBOIS")
    checkin.check_in_member(demo_db, member.id, saturday, desk, clock)
    first = confirm(demo_db, member.id, saturday, "meal", desk, clock)
    second = confirm(
        demo_db, member.id, saturday, "meal", replace(desk, agent="Paul"), clock, "pass perdu"
    )
    assert second.recorded
    line = due_items(demo_db, member.id, saturday).line("meal")
    assert [g.override_reason for g in line.given] == [None, "pass perdu"]
    payload = json.loads(
        demo_db.execute("SELECT payload FROM events WHERE id = ?", [second.event_id]).fetchone()[0]
    )
    assert payload["override"]["duplicate_of"] == [first.event_id]
