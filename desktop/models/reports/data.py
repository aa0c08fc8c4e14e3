"""What the office reports say, read from the merged master file: attendance, meals, tickets
and stock, the état liquidatif of parking refunds, merge anomalies and conflicts.

A report covers a *scope*: the sessions of one weekend (`weekend=N`), or the whole convention
(`weekend=None`). Everything here is plain data (frozen dataclasses, integer cents, UTC
times); `tables.py` turns it into rows for PDF, XLSX and CSV.
"""

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date

import sqlite_utils

from desktop.models import members
from desktop.models.attendance import RosterRow, session_roster
from desktop.models.conflicts import Conflict, list_conflicts
from desktop.models.convention import Session, get_convention
from desktop.models.meals import MealLine, meal_list
from desktop.models.reports.reconcile import (
    Anomaly,
    ResolvedConflict,
    anomalies,
    in_scope,
    resolved_conflicts,
)
from desktop.models.reports.scope import ReportError, Scope, report_scope
from desktop.models.reports.statement import ParkingStatement, StatementLine, parking_statement
from desktop.models.stock import StockLine, day_stock, stock_desks

__all__ = [
    "Anomaly",
    "OfficeReport",
    "ParkingStatement",
    "ProductTotal",
    "ReportError",
    "ResolvedConflict",
    "Scope",
    "SessionAttendance",
    "SessionMeals",
    "StatementLine",
    "StockSheetLine",
    "anomalies",
    "office_report",
    "parking_statement",
    "report_scope",
    "resolved_conflicts",
]


@dataclass(frozen=True)
class SessionAttendance:
    session: Session
    expected: int
    present: int
    rows: tuple[RosterRow, ...]  # every expected member (and anyone checked in), A → Z

    @property
    def methods(self) -> dict[str, int]:
        """How members were checked in: {"qr": 31, "manuel": 4}."""
        return dict(Counter(r.method or "?" for r in self.rows if r.present))


@dataclass(frozen=True)
class SessionMeals:
    session: Session
    lines: tuple[MealLine, ...]  # members (A → Z), then guests

    @property
    def member_passes(self) -> int:
        return sum(1 for line in self.lines if not line.meal_pass.is_guest)

    @property
    def guest_passes(self) -> int:
        return sum(1 for line in self.lines if line.meal_pass.is_guest)

    @property
    def served(self) -> int:
        return sum(1 for line in self.lines if line.served is not None)

    @property
    def guests_by_role(self) -> dict[str, int]:
        return dict(Counter(line.meal_pass.role for line in self.lines if line.meal_pass.is_guest))


@dataclass(frozen=True)
class StockSheetLine:
    """One product at one desk on one day (only products something happened to)."""

    day: date
    desk_label: str
    line: StockLine
    closed: bool

    @property
    def expired_value_cents(self) -> int:
        return self.line.expired_value_cents(self.day)


@dataclass(frozen=True)
class ProductTotal:
    product_id: str
    name: str
    unit_price_cents: int
    handed_out: int  # tickets handed to members for the scope's sessions (live facts)
    handed_out_cents: int
    stock_handed_out: int  # what the desks' stock sheets count as gone (same facts, by day)
    returned: int
    spoiled: int
    difference: int  # counted minus expected, over the counted sheets
    uncounted_sheets: int  # desk-days with activity but no closing count
    remaining: int  # last known stock over the desks (closing count, else expected)
    expired_value_cents: int  # of that remaining stock, when the product has expired


@dataclass(frozen=True)
class OfficeReport:
    convention_title: str
    organiser: str
    deliberation: str
    scope: Scope
    generated_at: str  # UTC ISO-8601
    attendance: tuple[SessionAttendance, ...]
    meals: tuple[SessionMeals, ...]  # lunch sessions only
    stock_sheets: tuple[StockSheetLine, ...]
    products: tuple[ProductTotal, ...]
    parking: ParkingStatement
    anomalies: tuple[Anomaly, ...]
    open_conflicts: tuple[Conflict, ...]
    resolved_conflicts: tuple[ResolvedConflict, ...]


# --- sections -------------------------------------------------------------------------------


def attendance(db: sqlite_utils.Database, scope: Scope) -> tuple[SessionAttendance, ...]:
    found = []
    for session in scope.sessions:
        rows = tuple(session_roster(db, session.id))
        expected = sum(1 for r in rows if r.status in members.EXPECTED_STATUSES)
        present = sum(1 for r in rows if r.present)
        found.append(SessionAttendance(session, expected, present, rows))
    return tuple(found)


def meals(db: sqlite_utils.Database, scope: Scope) -> tuple[SessionMeals, ...]:
    return tuple(SessionMeals(s, tuple(meal_list(db, s.id))) for s in scope.sessions if s.lunch)


def stock_sheets(db: sqlite_utils.Database, scope: Scope) -> tuple[StockSheetLine, ...]:
    found = []
    for day in scope.days:
        for desk_id in stock_desks(db, day):
            sheet = day_stock(db, desk_id, day)
            for line in sheet.lines:
                if line.active or line.closing is not None:
                    found.append(StockSheetLine(day, sheet.desk_label, line, sheet.closed))
    return tuple(found)


def product_totals(
    db: sqlite_utils.Database, scope: Scope, sheets: tuple[StockSheetLine, ...]
) -> tuple[ProductTotal, ...]:
    ids = sorted(scope.session_ids)
    marks = ", ".join("?" * len(ids))
    handed: dict[str, tuple[str, int, int]] = {}
    for payload_text in db.execute(
        f"SELECT payload FROM live_events WHERE kind = 'ticket.handout' AND session_id IN ({marks})",
        ids,
    ).fetchall():
        payload = json.loads(str(payload_text[0]))
        product_id = str(payload["product_id"])
        name, count, cents = handed.get(product_id, (str(payload["product_name"]), 0, 0))
        quantity = int(payload["quantity"])
        handed[product_id] = (
            name,
            count + quantity,
            cents + quantity * int(payload["unit_price_cents"]),
        )
    by_product: dict[str, list[StockSheetLine]] = {}
    for sheet in sheets:
        by_product.setdefault(sheet.line.product.id, []).append(sheet)
    names = {pid: lines[0].line.product for pid, lines in by_product.items()}
    totals = []
    for product_id in sorted(set(handed) | set(by_product)):
        lines = by_product.get(product_id, [])
        product = names.get(product_id)
        last_by_desk: dict[str, StockSheetLine] = {}
        for sheet in sorted(lines, key=lambda s: s.day):
            last_by_desk[sheet.desk_label] = sheet
        remaining = sum(
            max(s.line.closing if s.line.closing is not None else s.line.expected, 0)
            for s in last_by_desk.values()
        )
        name, count, cents = handed.get(product_id, (product.name if product else product_id, 0, 0))
        totals.append(
            ProductTotal(
                product_id=product_id,
                name=product.name if product else name,
                unit_price_cents=product.unit_price_cents if product else 0,
                handed_out=count,
                handed_out_cents=cents,
                stock_handed_out=sum(s.line.handed_out for s in lines),
                returned=sum(s.line.returned for s in lines),
                spoiled=sum(s.line.spoiled for s in lines),
                difference=sum(s.line.difference or 0 for s in lines),
                uncounted_sheets=sum(1 for s in lines if s.line.active and s.line.closing is None),
                remaining=remaining,
                expired_value_cents=sum(s.expired_value_cents for s in last_by_desk.values()),
            )
        )
    return tuple(totals)


# --- the whole report -----------------------------------------------------------------------


def office_report(
    db: sqlite_utils.Database, weekend: int | None, generated_at: str
) -> OfficeReport:
    """Everything the office files for a weekend (or the whole convention, weekend=None)."""
    convention = get_convention(db)
    if convention is None:
        raise ReportError("ce fichier ne contient aucune convention.")
    scope = report_scope(db, weekend)
    whole = weekend is None
    sheets = stock_sheets(db, scope)
    return OfficeReport(
        convention_title=convention.title,
        organiser=convention.organiser,
        deliberation=convention.deliberation,
        scope=scope,
        generated_at=generated_at,
        attendance=attendance(db, scope),
        meals=meals(db, scope),
        stock_sheets=sheets,
        products=product_totals(db, scope, sheets),
        parking=parking_statement(db, scope),
        anomalies=anomalies(db, scope, whole),
        open_conflicts=tuple(c for c in list_conflicts(db) if in_scope(c.session_id, scope, whole)),
        resolved_conflicts=resolved_conflicts(db, scope, whole),
    )
