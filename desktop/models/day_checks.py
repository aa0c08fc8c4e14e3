"""End-of-day consistency checks at a desk, and closing the day with them.

Four checks, computed from the live facts (nothing is stored until the day is closed):
meals handed out <= members present at that day's lunch sessions + guests; tickets handed out
<= stock available (opening + returned - spoiled, per product and desk); no parking receipt for
a member absent at that session; every override carries a reason. Each check says, in French
and with the numbers, what it found.

`close_day_with_checks` records one `day.checks` fact (every check as run, the failing ones and
the typed reason needed to go on when one fails) and closes the stock day (stock.close_day) in
the same transaction: either both facts are written, or neither.
"""

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import sqlite_utils

from desktop.models import journal, members, parking
from desktop.models.clock import Clock, from_utc_text, paris_day, paris_hhmm
from desktop.models.convention import sessions_on
from desktop.models.facts import clean_reason
from desktop.models.journal import Desk
from desktop.models.stock import CloseOutcome, DayStock, close_day, day_stock, stock_desks
from desktop.models.storage import write_transaction


class CheckKey(Enum):
    MEALS = "repas"
    TICKETS = "tickets"
    PARKING = "stationnement"
    OVERRIDES = "derogations"


@dataclass(frozen=True)
class DayCheck:
    key: CheckKey
    ok: bool
    title: str  # French, what is checked
    detail: str  # French, what was found, with the numbers

    def document(self) -> dict[str, Any]:
        return {"key": self.key.value, "ok": self.ok, "title": self.title, "detail": self.detail}


_KIND_WORDS = {
    "meal.pass": "repas",
    "ticket.handout": "tickets",
    "parking.receipt": "stationnement",
    "checkin": "émargement",
}


def day_checks(db: sqlite_utils.Database, day: date, desk_id: str | None = None) -> list[DayCheck]:
    """The four checks for `day`, for one desk's facts (or every desk in the file)."""
    return [
        _meals(db, day, desk_id),
        _tickets(db, day, desk_id),
        _parking(db, day, desk_id),
        _overrides(db, day, desk_id),
    ]


def failing(checks: list[DayCheck]) -> list[DayCheck]:
    return [check for check in checks if not check.ok]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if abs(count) < 2 else many}"  # French: 0 and 1 take the singular


def _name(db: sqlite_utils.Database, member_id: str) -> str:
    member = members.get_member(db, member_id)
    return member.display_name if member else member_id[:8]


def _desk_clause(desk_id: str | None) -> tuple[str, list[object]]:
    return ("AND desk_id = ?", [desk_id]) if desk_id else ("", [])


# --- meals ----------------------------------------------------------------------------------


def _meals(db: sqlite_utils.Database, day: date, desk_id: str | None) -> DayCheck:
    title = "Repas remis ≤ membres présents au déjeuner + invités"
    lunches = [s.id for s in sessions_on(db, day) if s.lunch]
    if not lunches:
        return DayCheck(CheckKey.MEALS, True, title, "Pas de déjeuner prévu ce jour.")
    marks = ", ".join("?" for _ in lunches)
    where, params = _desk_clause(desk_id)
    passes = db.execute(
        f"SELECT member_id, session_id FROM live_events WHERE kind = 'meal.pass' "
        f"AND session_id IN ({marks}) {where}",
        [*lunches, *params],
    ).fetchall()
    present = {
        (str(row[0]), str(row[1]))
        for row in db.execute(
            f"SELECT DISTINCT member_id, session_id FROM live_events WHERE kind = 'checkin' "
            f"AND member_id IS NOT NULL AND session_id IN ({marks})",
            lunches,
        ).fetchall()
    }
    guests = sum(1 for row in passes if row[0] is None)
    given = Counter((str(row[0]), str(row[1])) for row in passes if row[0] is not None)
    member_passes = sum(given.values())
    detail = (
        f"{_plural(member_passes + guests, 'repas remis', 'repas remis')} "
        f"({_plural(member_passes, 'membre', 'membres')}, "
        f"{_plural(guests, 'invité', 'invités')}) pour "
        f"{_plural(len(present), 'membre présent', 'membres présents')} au déjeuner "
        f"et {_plural(guests, 'invité', 'invités')}."
    )
    ok = member_passes <= len(present)
    extra = sorted(
        f"{_name(db, member)} ({count} repas{'' if (member, session) in present else ', absent'})"
        for (member, session), count in given.items()
        if count > (1 if (member, session) in present else 0)
    )
    if not ok:
        detail += f" {_plural(member_passes - len(present), 'repas', 'repas')} de trop."
    if extra:
        detail += " À vérifier : " + ", ".join(extra) + "."
    return DayCheck(CheckKey.MEALS, ok, title, detail)


# --- tickets --------------------------------------------------------------------------------


def _tickets(db: sqlite_utils.Database, day: date, desk_id: str | None) -> DayCheck:
    title = "Tickets remis ≤ stock disponible"
    sheets = [day_stock(db, d, day) for d in ([desk_id] if desk_id else stock_desks(db, day))]
    lines = [(sheet, line) for sheet in sheets for line in sheet.lines if line.active]
    handed = sum(line.handed_out for _, line in lines)
    available = sum(line.opening + line.returned - line.spoiled for _, line in lines)
    if not lines or not handed:
        return DayCheck(CheckKey.TICKETS, True, title, "Aucun ticket remis ce jour.")
    over = []
    for sheet, line in lines:
        stock = line.opening + line.returned - line.spoiled
        if line.handed_out > stock:
            where = f" ({sheet.desk_label})" if len(sheets) > 1 else ""
            over.append(
                f"{line.product.name}{where} : {line.handed_out} remis pour {stock} en stock "
                f"(ouverture {line.opening}, retours {line.returned}, abîmés {line.spoiled})"
            )
    if over:
        return DayCheck(CheckKey.TICKETS, False, title, " ; ".join(over) + ".")
    detail = (
        f"{_plural(handed, 'ticket remis', 'tickets remis')} pour "
        f"{available} en stock ({_plural(len(lines), 'produit', 'produits')})."
    )
    return DayCheck(CheckKey.TICKETS, True, title, detail)


# --- parking --------------------------------------------------------------------------------


def _parking(db: sqlite_utils.Database, day: date, desk_id: str | None) -> DayCheck:
    title = "Aucun ticket de stationnement pour un membre absent"
    found = [
        receipt
        for session in sessions_on(db, day)
        for receipt in parking.receipts(db, session_id=session.id)
        if desk_id is None or receipt.recorded.desk_id == desk_id
    ]
    absent = [
        r
        for r in found
        if db.execute(
            "SELECT 1 FROM live_events WHERE kind = 'checkin' AND member_id = ? "
            "AND session_id = ? LIMIT 1",
            [r.member_id, r.session_id],
        ).fetchone()
        is None
    ]
    if not found:
        return DayCheck(CheckKey.PARKING, True, title, "Aucun ticket de stationnement ce jour.")
    if not absent:
        detail = (
            f"{_plural(len(found), 'ticket de stationnement', 'tickets de stationnement')}, "
            "tous pour des membres présents."
        )
        return DayCheck(CheckKey.PARKING, True, title, detail)
    names = ", ".join(f"{_name(db, r.member_id)} (n° {r.receipt_no}, {r.car_park})" for r in absent)
    detail = (
        f"{_plural(len(absent), 'ticket', 'tickets')} de stationnement sur {len(found)} "
        f"pour un membre absent : {names}."
    )
    return DayCheck(CheckKey.PARKING, False, title, detail)


# --- overrides ------------------------------------------------------------------------------


def _override_reason(payload: dict[str, Any]) -> str | None:
    override = payload.get("override")
    if isinstance(override, dict):
        override = override.get("reason")
    return clean_reason(override) if isinstance(override, str) else None


def _overrides(db: sqlite_utils.Database, day: date, desk_id: str | None) -> DayCheck:
    title = "Chaque dérogation a un motif"
    where, params = _desk_clause(desk_id)
    rows = db.execute(
        "SELECT e.kind, e.at, e.agent, e.desk_id, e.member_id, e.payload FROM live_events e "
        f"WHERE json_extract(e.payload, '$.override') IS NOT NULL {where} ORDER BY e.at, e.id",
        params,
    ).fetchall()
    mine = [row for row in rows if paris_day(from_utc_text(str(row[1]))) == day]
    missing = [row for row in mine if _override_reason(json.loads(row[5])) is None]
    if not mine:
        return DayCheck(CheckKey.OVERRIDES, True, title, "Aucune dérogation ce jour.")
    if not missing:
        detail = f"{_plural(len(mine), 'dérogation', 'dérogations')}, toutes motivées."
        return DayCheck(CheckKey.OVERRIDES, True, title, detail)
    listed = ", ".join(
        f"{_KIND_WORDS.get(str(kind), str(kind))} à {paris_hhmm(str(at))} "
        f"({journal.desk_label(db, str(desk))}, {agent}"
        f"{', ' + _name(db, str(member)) if member else ''})"
        for kind, at, agent, desk, member, _ in missing
    )
    detail = (
        f"{_plural(len(missing), 'dérogation', 'dérogations')} sur {len(mine)} "
        f"sans motif : {listed}."
    )
    return DayCheck(CheckKey.OVERRIDES, False, title, detail)


# --- closing the day ------------------------------------------------------------------------


class DayCloseOutcome(Enum):
    CLOSED = "closed"
    REASON_REQUIRED = "reason_required"  # a check fails: type why the day closes anyway
    ALREADY_CLOSED = "already_closed"
    MISSING_COUNTS = "missing_counts"  # see stock.missing_counts
    EXPLANATION_REQUIRED = "explanation_required"  # see stock.differences


_FROM_STOCK = {
    CloseOutcome.CLOSED: DayCloseOutcome.CLOSED,
    CloseOutcome.ALREADY_CLOSED: DayCloseOutcome.ALREADY_CLOSED,
    CloseOutcome.MISSING_COUNTS: DayCloseOutcome.MISSING_COUNTS,
    CloseOutcome.EXPLANATION_REQUIRED: DayCloseOutcome.EXPLANATION_REQUIRED,
}


@dataclass(frozen=True)
class DayCloseResult:
    outcome: DayCloseOutcome
    checks: tuple[DayCheck, ...]
    stock: DayStock
    checks_event_id: str | None = None
    close_event_id: str | None = None

    @property
    def failing(self) -> tuple[DayCheck, ...]:
        return tuple(check for check in self.checks if not check.ok)


class _Undo(Exception):
    """Rolls back the day.checks fact when the stock day cannot be closed."""

    def __init__(self, outcome: CloseOutcome, stock: DayStock) -> None:
        super().__init__(outcome.value)
        self.outcome = outcome
        self.stock = stock


def close_day_with_checks(
    db: sqlite_utils.Database,
    day: date,
    desk: Desk,
    clock: Clock,
    reason: str | None = None,
    explanation: str | None = None,
) -> DayCloseResult:
    """Run this desk's checks, record them (`day.checks`, with `reason` when one fails: then
    required), and close the stock day (`explanation` for stock differences). All or nothing."""
    text = clean_reason(reason)
    try:
        with write_transaction(db):
            checks = tuple(day_checks(db, day, desk.desk_id))
            stock = day_stock(db, desk.desk_id, day)
            if stock.closed:
                return DayCloseResult(DayCloseOutcome.ALREADY_CLOSED, checks, stock)
            if stock.missing_counts:
                return DayCloseResult(DayCloseOutcome.MISSING_COUNTS, checks, stock)
            bad = [c for c in checks if not c.ok]
            if bad and text is None:
                return DayCloseResult(DayCloseOutcome.REASON_REQUIRED, checks, stock)
            payload = {
                "day": day.isoformat(),
                "checks": [c.document() for c in checks],
                "failing": [c.key.value for c in bad],
                "reason": text if bad else None,
            }
            event = journal.append(db, desk, clock, "day.checks", payload=payload)
            closed = close_day(db, day, desk, clock, explanation)
            if closed.outcome is not CloseOutcome.CLOSED:
                raise _Undo(closed.outcome, closed.stock)
    except _Undo as undo:
        return DayCloseResult(_FROM_STOCK[undo.outcome], checks, undo.stock)
    return DayCloseResult(DayCloseOutcome.CLOSED, checks, closed.stock, event.id, closed.event_id)
