"""The dashboard's figures read from a real demo file after real check-ins and hand-outs."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desktop.models import checkin, members
from desktop.models.checkin import UndoOutcome
from desktop.models.clock import PARIS
from desktop.models.convention import get_session
from desktop.models.dashboard_data import arrival_slots, arrivals, parking_totals, snapshot
from desktop.models.meals import give_meal_pass
from desktop.models.parking import ReceiptStatus, record_receipt
from desktop.models.receipt_form import ReceiptForm
from desktop.models.tickets import hand_out_ticket

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))


@pytest.fixture
def saturday(demo_db):
    return get_session(demo_db, "we1-samedi")


def _arrive(db, desk, clock, member, session, minutes: float = 0):
    clock.advance(minutes=minutes)
    result = checkin.check_in_member(db, member.id, session, desk, clock)
    assert result.recorded
    return result


def test_arrivals_by_ten_minutes_with_the_quiet_slots(demo_db, desk, clock, saturday):
    people = members.all_members(demo_db)[:6]
    # 09:12, 09:14, 09:19 | nobody 09:20-09:29 | 09:31, 09:31 | 09:58
    for member, gap in zip(people, (0, 2, 5, 12, 0, 27), strict=True):
        _arrive(demo_db, desk, clock, member, saturday, gap)
    slots = arrivals(demo_db, saturday.id)
    assert [s.label for s in slots] == ["09:10", "09:20", "09:30", "09:40", "09:50"]
    assert [s.arrivals for s in slots] == [3, 0, 2, 0, 1]
    assert [s.cumulative for s in slots] == [3, 3, 5, 5, 6]
    assert all(
        s.start.tzinfo is not None and s.start.utcoffset() == PARIS.utcoffset(s.start)
        for s in slots
    )
    assert [s.arrivals for s in arrivals(demo_db, saturday.id, minutes=30)] == [3, 3]


def test_a_cancelled_check_in_leaves_the_series_and_a_second_scan_counts_once(
    demo_db, desk, clock, saturday
):
    first, second = members.all_members(demo_db)[:2]
    kept = _arrive(demo_db, desk, clock, first, saturday)
    assert not checkin.check_in_member(demo_db, first.id, saturday, desk, clock).recorded
    cancelled = _arrive(demo_db, desk, clock, second, saturday, 15)
    assert (
        checkin.undo_check_in(demo_db, cancelled.event_id, "Mauvaise personne", desk, clock)
        is UndoOutcome.UNDONE
    )
    slots = arrivals(demo_db, saturday.id)
    assert [(s.label, s.arrivals) for s in slots] == [("09:10", 1)]
    assert kept.recorded


def test_no_arrival_no_slot_and_slots_must_divide_the_hour(demo_db, saturday):
    assert arrivals(demo_db, saturday.id) == ()
    with pytest.raises(ValueError):
        arrival_slots([], minutes=7)


def test_slots_follow_paris_time_across_the_dst_change():
    # 29 October 2023: 02:59 summer time, then 02:00 winter time; UTC keeps going.
    times = [datetime(2023, 10, 29, 0, 50, tzinfo=UTC), datetime(2023, 10, 29, 1, 5, tzinfo=UTC)]
    slots = arrival_slots(times, minutes=30)
    assert [s.label for s in slots] == ["02:30", "02:00"]
    assert [s.cumulative for s in slots] == [1, 2]


def test_snapshot_gathers_presence_meals_stock_and_parking(
    demo_db, desk, clock, saturday, tmp_path
):
    everyone = members.all_members(demo_db)
    eligible = next(m for m in everyone if m.parking_eligible)
    _arrive(demo_db, desk, clock, eligible, saturday)
    other = next(m for m in everyone if m.id != eligible.id and not m.withdrawn)
    _arrive(demo_db, desk, clock, other, saturday, 3)
    assert give_meal_pass(demo_db, eligible.id, saturday, desk, clock).outcome.value
    scan = tmp_path / "ticket.png"
    scan.write_bytes(PNG)
    form = ReceiptForm(car_park="Parking Comédie", receipt_no="P-1", amount="12,50", scan_path=scan)
    record_receipt(demo_db, eligible.id, saturday, form, desk, clock)
    form2 = replace(form, receipt_no="P-2", amount="3,20")
    record_receipt(
        demo_db, eligible.id, saturday, form2, desk, clock, override_reason="Aller-retour"
    )
    product = demo_db.execute("SELECT id FROM ticket_products WHERE active = 1").fetchone()[0]
    hand_out_ticket(demo_db, other.id, saturday, product, desk, clock, override_reason="test")

    shot = snapshot(demo_db, saturday, desk.desk_id, clock())
    assert shot.counts.present == 2 and shot.counts.expected >= 30
    assert shot.arrivals[-1].cumulative == 2
    assert shot.meals is not None and shot.meals.member_passes == 1
    assert shot.parking.receipts == 2 and shot.parking.total_cents == 1570
    assert dict((s, (n, c)) for s, n, c in shot.parking.by_status)[ReceiptStatus.RECEIVED] == (
        2,
        1570,
    )
    assert shot.stock.day == saturday.day
    handed = sum(line.handed_out for line in shot.stock.lines)
    assert (
        handed
        == demo_db.execute(
            "SELECT COALESCE(SUM(json_extract(payload, '$.quantity')), 0) FROM live_events "
            "WHERE kind = 'ticket.handout'"
        ).fetchone()[0]
    )
    assert parking_totals(demo_db, "no-such-session").receipts == 0


def test_a_session_without_lunch_has_no_meal_figures(demo_db, desk, clock):
    friday = next(
        s
        for s in (
            get_session(demo_db, sid)
            for (sid,) in demo_db.execute("SELECT id FROM sessions").fetchall()
        )
        if s and not s.lunch
    )
    assert snapshot(demo_db, friday, desk.desk_id, clock()).meals is None
