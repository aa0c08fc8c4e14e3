"""Checking a member in: from a raw scan (or a name search) to one recorded fact.

Outcomes are an Enum and results are frozen records; the UI maps them to words and sounds.
"""

from dataclasses import dataclass
from enum import Enum

import sqlite_utils

from desktop.models import journal, members
from desktop.models.clock import Clock
from desktop.models.codes import BadgeCode, ScanProblem, parse_scan
from desktop.models.convention import Session, get_convention
from desktop.models.journal import Desk
from desktop.models.members import Member
from desktop.models.storage import write_transaction


class Outcome(Enum):
    CHECKED_IN = "checked_in"
    ALREADY_CHECKED_IN = "already_checked_in"
    EMPTY = "empty"
    UNREADABLE = "unreadable"
    TOO_LONG = "too_long"
    SCANNER_MISCONFIGURED = "scanner_misconfigured"
    OTHER_CONVENTION = "other_convention"
    UNKNOWN_CODE = "unknown_code"
    REVOKED_BADGE = "revoked_badge"
    NO_SESSION = "no_session"
    MEMBER_WITHDRAWN = "member_withdrawn"


class Method(Enum):
    QR = "qr"
    MANUAL = "manuel"


@dataclass(frozen=True)
class PriorCheckIn:
    event_id: str
    at: str  # UTC ISO-8601
    desk_id: str
    desk_label: str
    agent: str
    method: str


@dataclass(frozen=True)
class CheckInResult:
    outcome: Outcome
    member: Member | None = None
    session: Session | None = None
    first_seen: PriorCheckIn | None = None
    event_id: str | None = None

    @property
    def recorded(self) -> bool:
        return self.outcome is Outcome.CHECKED_IN


_SCAN_PROBLEMS = {
    ScanProblem.EMPTY: Outcome.EMPTY,
    ScanProblem.TOO_LONG: Outcome.TOO_LONG,
    ScanProblem.KEYBOARD_LAYOUT: Outcome.SCANNER_MISCONFIGURED,
    ScanProblem.UNREADABLE: Outcome.UNREADABLE,
}


def check_in(
    db: sqlite_utils.Database, raw: str, session: Session | None, desk: Desk, clock: Clock
) -> CheckInResult:
    """Check in whoever's badge was scanned, for `session` (None: no session today)."""
    parsed = parse_scan(raw)
    if isinstance(parsed, ScanProblem):
        return CheckInResult(_SCAN_PROBLEMS[parsed], session=session)
    return _check_in_code(db, parsed, session, desk, clock)


def _check_in_code(
    db: sqlite_utils.Database, code: BadgeCode, session: Session | None, desk: Desk, clock: Clock
) -> CheckInResult:
    convention = get_convention(db)
    if convention is None or code.tag != convention.code_tag:
        return CheckInResult(Outcome.OTHER_CONVENTION, session=session)
    member_id = members.badge_owner(db, code.code)
    member = members.get_member(db, member_id) if member_id else None
    if member is None:
        return CheckInResult(Outcome.UNKNOWN_CODE, session=session)
    if members.is_revoked(db, code.code):
        return CheckInResult(Outcome.REVOKED_BADGE, member=member, session=session)
    return _record(db, member, session, desk, clock, Method.QR, token=code.code)


def check_in_member(
    db: sqlite_utils.Database, member_id: str, session: Session | None, desk: Desk, clock: Clock
) -> CheckInResult:
    """Check in a member found by name (forgotten badge): the record notes "manuel"."""
    member = members.get_member(db, member_id)
    if member is None:
        return CheckInResult(Outcome.UNKNOWN_CODE, session=session)
    return _record(db, member, session, desk, clock, Method.MANUAL, token=None)


def _record(
    db: sqlite_utils.Database,
    member: Member,
    session: Session | None,
    desk: Desk,
    clock: Clock,
    method: Method,
    token: str | None,
) -> CheckInResult:
    if session is None:
        return CheckInResult(Outcome.NO_SESSION, member=member)
    if member.withdrawn:
        return CheckInResult(Outcome.MEMBER_WITHDRAWN, member=member, session=session)
    with write_transaction(db):
        prior = live_check_in(db, member.id, session.id)
        if prior is not None:
            return CheckInResult(
                Outcome.ALREADY_CHECKED_IN, member=member, session=session, first_seen=prior
            )
        payload: dict[str, object] = {"method": method.value}
        if token:
            payload["token"] = token
        event = journal.append(
            db, desk, clock, "checkin", member_id=member.id, session_id=session.id, payload=payload
        )
    return CheckInResult(Outcome.CHECKED_IN, member=member, session=session, event_id=event.id)


def live_check_in(
    db: sqlite_utils.Database, member_id: str, session_id: str
) -> PriorCheckIn | None:
    """The earliest check-in of this member for this session still in force, at any desk."""
    row = db.execute(
        "SELECT e.id, e.at, e.desk_id, COALESCE(d.label, substr(e.desk_id, 1, 8)), e.agent, "
        "json_extract(e.payload, '$.method') FROM live_events e "
        "LEFT JOIN desks d ON d.desk_id = e.desk_id "
        "WHERE e.kind = 'checkin' AND e.member_id = ? AND e.session_id = ? "
        "ORDER BY e.at, e.id LIMIT 1",
        [member_id, session_id],
    ).fetchone()
    if row is None:
        return None
    return PriorCheckIn(*(str(value) for value in row))


class UndoOutcome(Enum):
    UNDONE = "undone"
    REASON_REQUIRED = "reason_required"
    NOT_FOUND = "not_found"
    ALREADY_UNDONE = "already_undone"


def undo_check_in(
    db: sqlite_utils.Database, checkin_event_id: str, reason: str, desk: Desk, clock: Clock
) -> UndoOutcome:
    """Cancel a check-in by a counter-entry with a reason; the original row stays."""
    if not reason.strip():
        return UndoOutcome.REASON_REQUIRED
    with write_transaction(db):
        row = db.execute(
            "SELECT member_id, session_id FROM events WHERE id = ? AND kind = 'checkin'",
            [checkin_event_id],
        ).fetchone()
        if row is None:
            return UndoOutcome.NOT_FOUND
        if journal.is_voided(db, checkin_event_id):
            return UndoOutcome.ALREADY_UNDONE
        journal.append(
            db,
            desk,
            clock,
            "void",
            member_id=row[0],
            session_id=row[1],
            target_id=checkin_event_id,
            payload={"reason": reason.strip(), "voided_kind": "checkin"},
        )
    return UndoOutcome.UNDONE
