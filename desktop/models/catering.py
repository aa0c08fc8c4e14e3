"""The caterer's screen: each meal pass is served once. The first scan of a genuine pass for
this lunch is recorded as a 'meal.served' fact; a second one answers ALREADY_SERVED with the
time of the first; a forged, foreign, cancelled or other-lunch pass has its own outcome.
A pass issued at another desk is checked by its signature alone, offline.
"""

import hmac
from dataclasses import dataclass
from enum import Enum

import sqlite_utils

from desktop.models import journal
from desktop.models.clock import Clock
from desktop.models.codes import TAG_LENGTH, BadgeCode, ScanProblem, clean_scan
from desktop.models.codes import parse_scan as parse_badge_scan
from desktop.models.convention import Session, all_sessions, get_convention
from desktop.models.convention_settings import meal_pass_secret
from desktop.models.facts import PriorFact, prior_facts
from desktop.models.journal import Desk
from desktop.models.meals import (
    MAC_LENGTH,
    PASS_PATTERN,
    PASS_PREFIX,
    MealPass,
    meal_pass_of,
    signature,
)
from desktop.models.storage import write_transaction


class RedeemOutcome(Enum):
    SERVED = "served"
    ALREADY_SERVED = "already_served"  # see first_served (time, desk, agent)
    FORGED = "forged"  # a pass of this convention whose signature does not match
    OTHER_SESSION = "other_session"  # a genuine pass for another lunch (see pass_session)
    VOIDED = "voided"  # the pass was cancelled at the desk
    OTHER_CONVENTION = "other_convention"
    NOT_A_MEAL_PASS = "not_a_meal_pass"  # a member's badge was scanned instead
    EMPTY = "empty"
    UNREADABLE = "unreadable"
    SCANNER_MISCONFIGURED = "scanner_misconfigured"
    NO_SESSION = "no_session"


@dataclass(frozen=True)
class RedeemResult:
    outcome: RedeemOutcome
    meal_pass: MealPass | None = None  # None when the pass was issued at another desk
    first_served: PriorFact | None = None
    pass_session: Session | None = None
    event_id: str | None = None

    @property
    def served(self) -> bool:
        return self.outcome is RedeemOutcome.SERVED


_SCAN_PROBLEMS = {
    ScanProblem.EMPTY: RedeemOutcome.EMPTY,
    ScanProblem.TOO_LONG: RedeemOutcome.UNREADABLE,
    ScanProblem.UNREADABLE: RedeemOutcome.UNREADABLE,
    ScanProblem.KEYBOARD_LAYOUT: RedeemOutcome.SCANNER_MISCONFIGURED,
}


def redeem_meal_pass(
    db: sqlite_utils.Database, raw: str, session: Session | None, desk: Desk, clock: Clock
) -> RedeemResult:
    """The caterer scans a pass: the first scan of a genuine pass for this lunch is recorded
    as served; a second one says when it was served first."""
    match = PASS_PATTERN.search(clean_scan(raw)) if len(raw) < 2048 else None
    if match is None:
        parsed = parse_badge_scan(raw)
        if isinstance(parsed, BadgeCode):
            return RedeemResult(RedeemOutcome.NOT_A_MEAL_PASS)
        return RedeemResult(_SCAN_PROBLEMS[parsed])
    code = match.group(0)
    tag = code[len(PASS_PREFIX) : len(PASS_PREFIX) + TAG_LENGTH]
    token = code[len(PASS_PREFIX) + TAG_LENGTH : -MAC_LENGTH]
    mac = code[-MAC_LENGTH:]
    convention = get_convention(db)
    if convention is None or tag != convention.code_tag:
        return RedeemResult(RedeemOutcome.OTHER_CONVENTION)
    if session is None:
        return RedeemResult(RedeemOutcome.NO_SESSION)
    secret = meal_pass_secret(db)
    if not hmac.compare_digest(signature(secret, tag, session.id, token), mac):
        other = next(
            (
                s
                for s in all_sessions(db)
                if hmac.compare_digest(signature(secret, tag, s.id, token), mac)
            ),
            None,
        )
        if other is None:
            return RedeemResult(RedeemOutcome.FORGED)
        return RedeemResult(RedeemOutcome.OTHER_SESSION, pass_session=other)
    return _serve(db, session, token, desk, clock)


def _serve(
    db: sqlite_utils.Database, session: Session, token: str, desk: Desk, clock: Clock
) -> RedeemResult:
    with write_transaction(db):
        issued = db.execute(
            "SELECT id FROM events WHERE kind = 'meal.pass' "
            "AND json_extract(payload, '$.token') = ? AND session_id = ?",
            [token, session.id],
        ).fetchone()
        pass_id = None if issued is None else str(issued[0])
        found = prior_facts(db, "e.kind = 'meal.pass' AND e.id = ?", [pass_id]) if pass_id else []
        meal_pass = meal_pass_of(db, found[0], session.id) if found else None
        if pass_id is not None and meal_pass is None:
            return RedeemResult(RedeemOutcome.VOIDED)
        served = prior_facts(
            db,
            "e.kind = 'meal.served' AND json_extract(e.payload, '$.token') = ? "
            "AND e.session_id = ?",
            [token, session.id],
        )
        if served:
            return RedeemResult(
                RedeemOutcome.ALREADY_SERVED, meal_pass=meal_pass, first_served=served[0]
            )
        event = journal.append(
            db,
            desk,
            clock,
            "meal.served",
            member_id=meal_pass.member_id if meal_pass else None,
            session_id=session.id,
            payload={"token": token, "pass_id": pass_id},
        )
    return RedeemResult(RedeemOutcome.SERVED, meal_pass=meal_pass, event_id=event.id)
