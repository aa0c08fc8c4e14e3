"""Ticket stock per product, per desk and per day: opening count, handed out (from the facts),
returned, spoiled, closing physical count, difference; expired stock shown as lost value.
Closing the day is an explicit fact recording who closed it, with a typed explanation when
the counts do not match.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import sqlite_utils

from desktop.models import journal
from desktop.models.clock import Clock
from desktop.models.facts import PriorFact, clean_reason, prior_facts
from desktop.models.journal import Desk
from desktop.models.storage import write_transaction
from desktop.models.tickets import TicketProduct, day_closure, get_product, products


class CountMoment(Enum):
    OPENING = "ouverture"
    CLOSING = "clôture"


class Movement(Enum):
    RETURNED = "retour"  # tickets given back (unused) to the desk: back in stock
    SPOILED = "abîmé"  # torn, misprinted, lost at the desk: out of stock


@dataclass(frozen=True)
class StockLine:
    product: TicketProduct
    opening: int
    opening_carried: bool  # no opening count that day: last closing count of the desk
    handed_out: int
    returned: int
    spoiled: int
    closing: int | None  # the physical count at closing, if made

    @property
    def expected(self) -> int:
        """What should be left: opening - handed out + returned - spoiled."""
        return self.opening - self.handed_out + self.returned - self.spoiled

    @property
    def difference(self) -> int | None:
        """Counted minus expected (negative: tickets missing); None until counted."""
        return None if self.closing is None else self.closing - self.expected

    @property
    def active(self) -> bool:
        """Something happened to this product at this desk that day (a count is needed)."""
        return bool(self.opening or self.handed_out or self.returned or self.spoiled)

    def expired(self, day: date) -> bool:
        return self.product.expired_on(day)

    def expired_value_cents(self, day: date) -> int:
        """Stock past its validity is lost: count (or expected count) × unit price."""
        if not self.expired(day):
            return 0
        left = self.closing if self.closing is not None else self.expected
        return max(left, 0) * self.product.unit_price_cents


@dataclass(frozen=True)
class DayStock:
    desk_id: str
    desk_label: str
    day: date
    lines: tuple[StockLine, ...]
    closure: PriorFact | None  # the live day.close fact (who, when, explanation)

    @property
    def closed(self) -> bool:
        return self.closure is not None

    @property
    def missing_counts(self) -> tuple[TicketProduct, ...]:
        return tuple(line.product for line in self.lines if line.active and line.closing is None)

    @property
    def differences(self) -> tuple[StockLine, ...]:
        return tuple(line for line in self.lines if line.difference)

    @property
    def expired_value_cents(self) -> int:
        return sum(line.expired_value_cents(self.day) for line in self.lines)

    @property
    def explanation(self) -> str | None:
        return None if self.closure is None else self.closure.payload.get("explanation")


# --- recording counts and movements ---------------------------------------------------------


class StockOutcome(Enum):
    RECORDED = "recorded"
    DAY_CLOSED = "day_closed"  # reopen by voiding the day.close fact (with a reason)
    INVALID_COUNT = "invalid_count"  # negative count, or a movement of 0
    UNKNOWN_PRODUCT = "unknown_product"


@dataclass(frozen=True)
class StockResult:
    outcome: StockOutcome
    event_id: str | None = None
    closure: PriorFact | None = None


def record_count(
    db: sqlite_utils.Database,
    product_id: str,
    day: date,
    moment: CountMoment,
    count: int,
    desk: Desk,
    clock: Clock,
) -> StockResult:
    """A physical count at this desk. A later count of the same moment replaces it (the
    latest live count wins; the earlier one stays in the log)."""
    if count < 0:
        return StockResult(StockOutcome.INVALID_COUNT)
    payload = {"product_id": product_id, "day": day.isoformat(), "moment": moment.value}
    return _record(db, "stock.count", {**payload, "count": count}, desk, clock)


def record_movement(
    db: sqlite_utils.Database,
    product_id: str,
    day: date,
    movement: Movement,
    quantity: int,
    desk: Desk,
    clock: Clock,
    note: str = "",
) -> StockResult:
    if quantity < 1:
        return StockResult(StockOutcome.INVALID_COUNT)
    payload = {
        "product_id": product_id,
        "day": day.isoformat(),
        "movement": movement.value,
        "quantity": quantity,
        "note": " ".join(note.split()),
    }
    return _record(db, "stock.move", payload, desk, clock)


def _record(
    db: sqlite_utils.Database, kind: str, payload: dict[str, Any], desk: Desk, clock: Clock
) -> StockResult:
    if get_product(db, str(payload["product_id"])) is None:
        return StockResult(StockOutcome.UNKNOWN_PRODUCT)
    with write_transaction(db):
        closure = day_closure(db, desk.desk_id, date.fromisoformat(str(payload["day"])))
        if closure is not None:
            return StockResult(StockOutcome.DAY_CLOSED, closure=closure)
        event = journal.append(db, desk, clock, kind, payload=payload)
    return StockResult(StockOutcome.RECORDED, event.id)


# --- the day's sheet ------------------------------------------------------------------------


def _facts(
    db: sqlite_utils.Database, kind: str, desk_id: str, where: str, day: str
) -> list[PriorFact]:
    return prior_facts(
        db,
        f"e.kind = '{kind}' AND e.desk_id = ? AND {where}",
        [desk_id, day],
    )


def day_stock(db: sqlite_utils.Database, desk_id: str, day: date) -> DayStock:
    """The stock sheet of one desk for one day, every product of the catalogue."""
    iso = day.isoformat()
    on_day = "json_extract(e.payload, '$.day') = ?"
    counts = _facts(db, "stock.count", desk_id, on_day, iso)
    moves = _facts(db, "stock.move", desk_id, on_day, iso)
    handouts = _facts(db, "ticket.handout", desk_id, on_day, iso)
    earlier_closings = _facts(
        db,
        "stock.count",
        desk_id,
        "json_extract(e.payload, '$.day') < ? AND json_extract(e.payload, '$.moment') = 'clôture'",
        iso,
    )
    known = {p.id: p for p in products(db, include_inactive=True)}
    lines = []
    for product in known.values():
        mine = _for(product.id)
        opening = _latest(counts, product.id, CountMoment.OPENING)
        carried = _last_by_day(earlier_closings, product.id) if opening is None else None
        if not product.active and not any(map(mine, counts + moves + handouts)):
            continue
        lines.append(
            StockLine(
                product=product,
                opening=opening if opening is not None else carried or 0,
                opening_carried=opening is None and carried is not None,
                handed_out=sum(int(f.payload["quantity"]) for f in handouts if mine(f)),
                returned=_moved(moves, product.id, Movement.RETURNED),
                spoiled=_moved(moves, product.id, Movement.SPOILED),
                closing=_latest(counts, product.id, CountMoment.CLOSING),
            )
        )
    return DayStock(
        desk_id=desk_id,
        desk_label=journal.desk_label(db, desk_id),
        day=day,
        lines=tuple(lines),
        closure=day_closure(db, desk_id, day),
    )


def _for(product_id: str) -> Callable[[PriorFact], bool]:
    return lambda fact: fact.payload.get("product_id") == product_id


def _latest(counts: list[PriorFact], product_id: str, moment: CountMoment) -> int | None:
    found = [
        f
        for f in counts
        if f.payload["product_id"] == product_id and f.payload["moment"] == moment.value
    ]
    return int(found[-1].payload["count"]) if found else None


def _last_by_day(closings: list[PriorFact], product_id: str) -> int | None:
    found = sorted(
        (f for f in closings if f.payload["product_id"] == product_id),
        key=lambda f: (str(f.payload["day"]), f.at),
    )
    return int(found[-1].payload["count"]) if found else None


def _moved(moves: list[PriorFact], product_id: str, movement: Movement) -> int:
    return sum(
        int(f.payload["quantity"])
        for f in moves
        if f.payload["product_id"] == product_id and f.payload["movement"] == movement.value
    )


def stock_desks(db: sqlite_utils.Database, day: date) -> list[str]:
    """Desks with stock facts or ticket hand-outs that day (the office's merged file may hold
    several); the local desk when none."""
    rows = db.execute(
        "SELECT DISTINCT desk_id FROM live_events WHERE kind IN "
        "('stock.count', 'stock.move', 'ticket.handout', 'day.close') "
        "AND json_extract(payload, '$.day') = ? ORDER BY desk_id",
        [day.isoformat()],
    ).fetchall()
    if rows:
        return [str(r[0]) for r in rows]
    local = db.execute("SELECT desk_id FROM desk_identity WHERE id = 1").fetchone()
    return [str(local[0])] if local else []


# --- closing the day ------------------------------------------------------------------------


class CloseOutcome(Enum):
    CLOSED = "closed"
    ALREADY_CLOSED = "already_closed"  # see stock.closure
    MISSING_COUNTS = "missing_counts"  # see stock.missing_counts
    EXPLANATION_REQUIRED = "explanation_required"  # see stock.differences


@dataclass(frozen=True)
class CloseResult:
    outcome: CloseOutcome
    stock: DayStock
    event_id: str | None = None


def close_day(
    db: sqlite_utils.Database,
    day: date,
    desk: Desk,
    clock: Clock,
    explanation: str | None = None,
) -> CloseResult:
    """Close this desk's stock day: every product used that day needs its closing count, and
    a non-zero difference needs a typed explanation. The fact records who closed it and the
    whole sheet as it stood. Reopen by voiding it (facts.void_fact, with a reason)."""
    text = clean_reason(explanation)
    with write_transaction(db):
        stock = day_stock(db, desk.desk_id, day)
        if stock.closed:
            return CloseResult(CloseOutcome.ALREADY_CLOSED, stock)
        if stock.missing_counts:
            return CloseResult(CloseOutcome.MISSING_COUNTS, stock)
        if stock.differences and text is None:
            return CloseResult(CloseOutcome.EXPLANATION_REQUIRED, stock)
        event = journal.append(db, desk, clock, "day.close", payload=_sheet(stock, text))
        closed = day_stock(db, desk.desk_id, day)
    return CloseResult(CloseOutcome.CLOSED, closed, event.id)


def _sheet(stock: DayStock, explanation: str | None) -> dict[str, Any]:
    return {
        "day": stock.day.isoformat(),
        "explanation": explanation,
        "lines": [
            {
                "product_id": line.product.id,
                "product_name": line.product.name,
                "opening": line.opening,
                "handed_out": line.handed_out,
                "returned": line.returned,
                "spoiled": line.spoiled,
                "expected": line.expected,
                "closing": line.closing,
                "difference": line.difference,
                "expired_value_cents": line.expired_value_cents(stock.day),
            }
            for line in stock.lines
        ],
        "total_difference": sum(line.difference or 0 for line in stock.lines),
        "expired_value_cents": stock.expired_value_cents,
    }
