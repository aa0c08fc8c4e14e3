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
from desktop.models.conflicts import Conflict, ConflictKind, Fact, list_conflicts
from desktop.models.convention import Session, all_sessions, get_convention
from desktop.models.meals import MealLine, meal_list
from desktop.models.parking import Receipt, ReceiptStatus, receipts
from desktop.models.stock import StockLine, day_stock, stock_desks
from desktop.models.text import fold


class ReportError(Exception):
    """A report cannot be made (unknown weekend, no convention...): French message."""


@dataclass(frozen=True)
class Scope:
    weekend: int | None  # None: the whole convention
    sessions: tuple[Session, ...]

    @property
    def title(self) -> str:
        return "Toute la convention" if self.weekend is None else f"Week-end {self.weekend}"

    @property
    def slug(self) -> str:
        return "convention" if self.weekend is None else f"we{self.weekend}"

    @property
    def session_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.sessions)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(sorted({s.day for s in self.sessions}))


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
class StatementLine:
    """One row of the état liquidatif: one parking receipt."""

    number: int
    receipt: Receipt
    surname: str
    first_name: str
    commune: str
    session: Session | None
    scan_file: str  # the name of the scan in the bundled folder

    @property
    def amount_cents(self) -> int:
        return self.receipt.amount_cents


@dataclass(frozen=True)
class ParkingStatement:
    lines: tuple[StatementLine, ...]  # payable: reçu, transmis, payé
    rejected: tuple[StatementLine, ...]

    @property
    def total_cents(self) -> int:
        return sum(line.amount_cents for line in self.lines)

    @property
    def rejected_cents(self) -> int:
        return sum(line.amount_cents for line in self.rejected)


@dataclass(frozen=True)
class Anomaly:
    kind: str  # 'contenu_different' | 'poste_copie'
    event_id: str
    desk_label: str
    seq: int
    fact_kind: str
    detected_at: str
    file_sha256: str

    @property
    def label(self) -> str:
        return {
            "contenu_different": "même identifiant, contenu différent",
            "poste_copie": "fichier de guichet copié sur un second poste",
        }.get(self.kind, self.kind)


@dataclass(frozen=True)
class ResolvedConflict:
    kind: ConflictKind | None  # None: a kind this version does not know
    kind_value: str
    member_name: str | None
    session_id: str | None
    kept_id: str | None
    set_aside_id: str
    decision: str  # 'void' (the other fact cancelled) | 'conflict.accept'
    decided_by: str
    decided_at: str
    decided_desk: str
    reason: str
    kept: Fact | None = None  # desk, agent and time of the fact kept
    set_aside: Fact | None = None  # ... and of the fact voided (or the revocation accepted)

    @property
    def label(self) -> str:
        return self.kind.label if self.kind else self.kind_value


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


# --- scope ----------------------------------------------------------------------------------


def report_scope(db: sqlite_utils.Database, weekend: int | None) -> Scope:
    sessions = all_sessions(db)
    if weekend is not None:
        sessions = [s for s in sessions if s.weekend == weekend]
        if not sessions:
            known = sorted({s.weekend for s in all_sessions(db) if s.weekend is not None})
            listed = ", ".join(map(str, known)) or "aucun"
            raise ReportError(f"aucune séance pour le week-end {weekend} (week-ends : {listed}).")
    if not sessions:
        raise ReportError("aucune séance dans ce fichier.")
    return Scope(weekend, tuple(sessions))


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


def parking_statement(db: sqlite_utils.Database, scope: Scope) -> ParkingStatement:
    sessions = {s.id: s for s in scope.sessions}
    found = [r for r in receipts(db) if r.session_id in sessions]
    people = {m.id: m for m in members.all_members(db)}

    def order(receipt: Receipt) -> tuple[str, str, str, str, str]:
        member = people.get(receipt.member_id)
        session = sessions[receipt.session_id]
        return (
            session.day.isoformat(),
            fold(f"{member.surname} {member.first_name}") if member else "",
            receipt.day.isoformat(),
            receipt.receipt_no,
            receipt.event_id,
        )

    payable: list[StatementLine] = []
    rejected: list[StatementLine] = []
    for number, receipt in enumerate(sorted(found, key=order), start=1):
        member = people.get(receipt.member_id)
        line = StatementLine(
            number=number,
            receipt=receipt,
            surname=member.surname if member else "?",
            first_name=member.first_name if member else "?",
            commune=member.commune if member else "",
            session=sessions.get(receipt.session_id),
            scan_file=scan_file_name(number, member.surname if member else "", receipt),
        )
        (rejected if receipt.status is ReceiptStatus.REJECTED else payable).append(line)
    return ParkingStatement(tuple(payable), tuple(rejected))


_EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/heic": ".heic",
}


def scan_file_name(number: int, surname: str, receipt: Receipt) -> str:
    """`003-dubois-1a2b3c4d5e6f.jpg`: numbered like the statement, safe on every system."""
    slug = "".join(c if c.isalnum() else "-" for c in fold(surname)).strip("-")[:24] or "membre"
    while "--" in slug:
        slug = slug.replace("--", "-")
    extension = _EXTENSIONS.get(receipt.attachment.media_type, ".bin")
    return f"{number:03d}-{slug}-{receipt.attachment.sha256[:12]}{extension}"


def anomalies(db: sqlite_utils.Database, scope: Scope, whole: bool) -> tuple[Anomaly, ...]:
    rows = db.execute(
        "SELECT a.kind, a.event_id, COALESCE(d.label, substr(a.desk_id, 1, 8)), a.seq, "
        "a.content, a.detected_at, a.file_sha256 FROM merge_anomalies a "
        "LEFT JOIN desks d ON d.desk_id = a.desk_id ORDER BY a.detected_at, a.id"
    ).fetchall()
    found = []
    for kind, event_id, desk, seq, content, detected_at, sha in rows:
        fact = json.loads(str(content))
        session_id = fact.get("session_id") if isinstance(fact, dict) else None
        if not whole and session_id is not None and session_id not in scope.session_ids:
            continue
        found.append(
            Anomaly(
                kind=str(kind),
                event_id=str(event_id),
                desk_label=str(desk),
                seq=int(seq),
                fact_kind=str(fact.get("kind", "")) if isinstance(fact, dict) else "",
                detected_at=str(detected_at),
                file_sha256=str(sha),
            )
        )
    return tuple(found)


def _in_scope(session_id: str | None, scope: Scope, whole: bool) -> bool:
    return whole or session_id is None or session_id in scope.session_ids


def resolved_conflicts(
    db: sqlite_utils.Database, scope: Scope, whole: bool
) -> tuple[ResolvedConflict, ...]:
    """Decisions recorded on conflicts: a void of one fact (the other kept), or the
    acceptance of a check-in made with a badge another desk had revoked."""
    rows = db.execute(
        "SELECT e.kind, e.target_id, e.payload, e.agent, e.at, "
        "COALESCE(d.label, substr(e.desk_id, 1, 8)), e.member_id, e.session_id, "
        "CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || upper(m.surname) END "
        "FROM events e LEFT JOIN desks d ON d.desk_id = e.desk_id "
        "LEFT JOIN members m ON m.id = e.member_id "
        "WHERE (e.kind = 'conflict.accept' OR (e.kind = 'void' "
        "AND json_extract(e.payload, '$.conflict') IS NOT NULL)) "
        "AND NOT EXISTS (SELECT 1 FROM events v WHERE v.kind = 'void' AND v.target_id = e.id) "
        "ORDER BY e.at, e.id"
    ).fetchall()
    known = {k.value: k for k in ConflictKind}
    found = []
    for kind, target, payload_text, agent, at, desk, _member, session_id, name in rows:
        if not _in_scope(session_id, scope, whole):
            continue
        payload = json.loads(str(payload_text))
        accept = kind == "conflict.accept"
        kept_id = str(target) if accept else _text(payload.get("kept_id"))
        set_aside_id = str(payload.get("other_id")) if accept else str(target)
        found.append(
            ResolvedConflict(
                kind=known.get(str(payload.get("conflict"))),
                kind_value=str(payload.get("conflict", "")),
                member_name=None if name is None else str(name),
                session_id=None if session_id is None else str(session_id),
                kept_id=kept_id,
                set_aside_id=set_aside_id,
                decision=str(kind),
                decided_by=str(agent),
                decided_at=str(at),
                decided_desk=str(desk),
                reason=str(payload.get("reason", "")),
                kept=_fact(db, kept_id),
                set_aside=_fact(db, set_aside_id),
            )
        )
    return tuple(found)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _fact(db: sqlite_utils.Database, event_id: str | None) -> Fact | None:
    if event_id is None:
        return None
    row = db.execute(
        "SELECT e.id, e.kind, e.desk_id, COALESCE(d.label, substr(e.desk_id, 1, 8)), e.agent, "
        "e.at FROM events e LEFT JOIN desks d ON d.desk_id = e.desk_id WHERE e.id = ?",
        [event_id],
    ).fetchone()
    return None if row is None else Fact(*(str(v) for v in row))


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
        open_conflicts=tuple(
            c for c in list_conflicts(db) if _in_scope(c.session_id, scope, whole)
        ),
        resolved_conflicts=resolved_conflicts(db, scope, whole),
    )
