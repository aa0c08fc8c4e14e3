"""The live dashboard's figures: one read of the desk file, plain frozen records.

`arrivals` is the series the chart draws (first check-in of each member, by time slot,
Europe/Paris); `snapshot` gathers everything the dashboard shows for one session at one
desk, so the screen holds no query.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import sqlite_utils

from desktop.models import attendance, meals, parking, stock
from desktop.models.attendance import Counts
from desktop.models.clock import PARIS, from_utc_text
from desktop.models.convention import Session
from desktop.models.meals import MealCounts
from desktop.models.parking import ReceiptStatus
from desktop.models.stock import DayStock

DEFAULT_SLOT_MINUTES = 10


@dataclass(frozen=True)
class ArrivalSlot:
    start: datetime  # Europe/Paris, aware
    arrivals: int  # members whose first check-in of the session fell in this slot
    cumulative: int  # present at the end of the slot

    @property
    def label(self) -> str:
        return self.start.strftime("%H:%M")


@dataclass(frozen=True)
class ParkingTotals:
    receipts: int
    total_cents: int
    by_status: tuple[tuple[ReceiptStatus, int, int], ...]  # status, receipts, cents


@dataclass(frozen=True)
class Snapshot:
    session: Session
    counts: Counts
    arrivals: tuple[ArrivalSlot, ...]
    meals: MealCounts | None  # None: no lunch at this session
    stock: DayStock
    parking: ParkingTotals
    taken_at: datetime


def _first_arrivals(db: sqlite_utils.Database, session_id: str) -> list[datetime]:
    rows = db.execute(
        "SELECT MIN(at) FROM live_events WHERE kind = 'checkin' AND session_id = ? "
        "GROUP BY member_id",
        [session_id],
    ).fetchall()
    return sorted(from_utc_text(str(at)) for (at,) in rows)


def _slot_start(moment: datetime, minutes: int) -> datetime:
    floored = moment.astimezone(UTC).replace(second=0, microsecond=0)
    return floored - timedelta(minutes=floored.minute % minutes)


def arrival_slots(
    times: Sequence[datetime], minutes: int = DEFAULT_SLOT_MINUTES
) -> tuple[ArrivalSlot, ...]:
    """Arrival times (aware) counted by slot of `minutes`, empty slots between the first and
    the last arrival included (a chart must show the quiet minutes too). Slots are cut in
    UTC and shown in Paris time: Paris is a whole number of hours from UTC, so the slot
    edges are the same, and the night the clocks go back stays in order."""
    if minutes <= 0 or 60 % minutes:
        raise ValueError("a slot must divide the hour (5, 10, 15, 20, 30 or 60 minutes)")
    if not times:
        return ()
    per_slot: dict[datetime, int] = {}
    for moment in times:
        start = _slot_start(moment, minutes)
        per_slot[start] = per_slot.get(start, 0) + 1
    slots, total = [], 0
    start, last = min(per_slot), max(per_slot)
    while start <= last:
        total += per_slot.get(start, 0)
        slots.append(ArrivalSlot(start.astimezone(PARIS), per_slot.get(start, 0), total))
        start += timedelta(minutes=minutes)
    return tuple(slots)


def arrivals(
    db: sqlite_utils.Database, session_id: str, minutes: int = DEFAULT_SLOT_MINUTES
) -> tuple[ArrivalSlot, ...]:
    """First check-in of each member at `session_id` (voided ones left out), by slot."""
    return arrival_slots(_first_arrivals(db, session_id), minutes)


def parking_totals(db: sqlite_utils.Database, session_id: str) -> ParkingTotals:
    found = parking.receipts(db, session_id=session_id)
    by_status = tuple(
        (
            status,
            sum(1 for r in found if r.status is status),
            sum(r.amount_cents for r in found if r.status is status),
        )
        for status in ReceiptStatus
    )
    return ParkingTotals(len(found), sum(r.amount_cents for r in found), by_status)


def snapshot(
    db: sqlite_utils.Database,
    session: Session,
    desk_id: str,
    now: datetime,
    minutes: int = DEFAULT_SLOT_MINUTES,
    day: date | None = None,
) -> Snapshot:
    """Everything the dashboard shows for `session`; stock is this desk's on the session
    day (or `day`)."""
    return Snapshot(
        session=session,
        counts=attendance.counts(db, session.id),
        arrivals=arrivals(db, session.id, minutes),
        meals=meals.meal_counts(db, session.id) if session.lunch else None,
        stock=stock.day_stock(db, desk_id, day or session.day),
        parking=parking_totals(db, session.id),
        taken_at=now,
    )
