"""What every hand-out shares: outcomes, reasons to confirm, earlier facts, overrides, voids.

A hand-out (meal pass, tickets, parking receipt) is one fact in the `events` log. A second one
of the same thing, or one the rules say is not needed, is refused with its reason; the agent
may then confirm with a typed reason (an override), which the new fact carries in its payload
so every report shows it. A mistake is cancelled by a 'void' fact pointing to it.
"""

import json
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

import sqlite_utils

from desktop.models import journal
from desktop.models.clock import Clock, paris_hhmm
from desktop.models.journal import Desk
from desktop.models.storage import write_transaction

if TYPE_CHECKING:
    from desktop.models.meals import MealPass
    from desktop.models.parking import Receipt
    from desktop.models.tickets import TicketHandout


class HandoutOutcome(Enum):
    RECORDED = "recorded"  # the fact is written
    ALREADY_GIVEN = "already_given"  # refused: see `prior`; confirm with a reason to give again
    NEEDS_CONFIRMATION = "needs_confirmation"  # refused: see `reasons`; confirm with a reason
    NOT_PRESENT = "not_present"  # the member is not checked in to this session
    NO_LUNCH = "no_lunch"  # the session provides no lunch
    NOT_ELIGIBLE = "not_eligible"  # parking: the office has not marked the member eligible
    DUPLICATE_RECEIPT = "duplicate_receipt"  # parking: receipt number already used (final)
    INVALID = "invalid"  # the form has errors: see `errors`
    SERIAL_ALREADY_USED = "serial_already_used"  # a ticket serial number was handed out before
    FORM_REQUIRED = "form_required"  # parking line: open the receipt form, no one-key confirm
    UNKNOWN_MEMBER = "unknown_member"
    MEMBER_WITHDRAWN = "member_withdrawn"
    UNKNOWN_PRODUCT = "unknown_product"
    UNKNOWN_LINE = "unknown_line"  # confirm() with a key that is not on the checklist
    NO_SESSION = "no_session"

    @property
    def recorded(self) -> bool:
        return self is HandoutOutcome.RECORDED

    @property
    def can_override(self) -> bool:
        """Whether confirming with a typed reason turns this refusal into a hand-out."""
        return self in (HandoutOutcome.ALREADY_GIVEN, HandoutOutcome.NEEDS_CONFIRMATION)


class ConfirmReason(Enum):
    """Why a hand-out asks for a confirmation (or why a line is not needed)."""

    PRODUCT_NOT_VALID = "product_not_valid"  # outside the product's validity window that day
    PASS_WEEKEND = "pass_weekend"  # week-end pass, session on a Saturday or Sunday
    PASS_7J7 = "pass_7j7"  # 7j-7 pass covers every day
    FREE_TRAVEL = "free_travel"  # from 21/12/2023 every resident travels free every day
    NOT_IN_POLICY = "not_in_policy"  # the session's ticket policy does not include it
    DAY_CLOSED = "day_closed"  # the desk's stock day is closed
    SECOND_RECEIPT_SAME_DAY = "second_receipt_same_day"  # parking
    DATE_NOT_SESSION_DAY = "date_not_session_day"  # parking receipt dated another day


@dataclass(frozen=True)
class PriorFact:
    """An earlier fact shown to the agent: when, where, by whom."""

    event_id: str
    at: str  # UTC ISO-8601
    desk_id: str
    desk_label: str
    agent: str
    payload: dict[str, Any] = field(default_factory=dict, compare=False)
    member_id: str | None = None
    session_id: str | None = None

    @property
    def local_time(self) -> str:
        """ "12:41" in Europe/Paris."""
        return paris_hhmm(self.at)

    @property
    def override_reason(self) -> str | None:
        override = self.payload.get("override")
        return str(override["reason"]) if isinstance(override, dict) else None


@dataclass(frozen=True)
class FieldError:
    field: str  # the form field's name (e.g. "amount", "receipt_no", "scan")
    message: str  # French, precise


@dataclass(frozen=True)
class HandoutResult:
    outcome: HandoutOutcome
    line_key: str | None = None
    event_id: str | None = None
    reasons: tuple[ConfirmReason, ...] = ()
    prior: tuple[PriorFact, ...] = ()
    errors: tuple[FieldError, ...] = ()
    # What was handed out, for the banner and printing (one of them, by kind of line).
    meal_pass: "MealPass | None" = None
    ticket: "TicketHandout | None" = None
    receipt: "Receipt | None" = None

    @property
    def recorded(self) -> bool:
        return self.outcome.recorded

    @property
    def reason(self) -> ConfirmReason | None:
        """The main reason a confirmation is asked for."""
        return self.reasons[0] if self.reasons else None


_PRIOR_COLUMNS = (
    "e.id, e.at, e.desk_id, COALESCE(d.label, substr(e.desk_id, 1, 8)), e.agent, e.payload, "
    "e.member_id, e.session_id"
)
_PRIOR_FROM = "FROM live_events e LEFT JOIN desks d ON d.desk_id = e.desk_id"


def prior_facts(
    db: sqlite_utils.Database, where: str, params: list[object] | dict[str, object]
) -> list[PriorFact]:
    """Live facts matching `where` (on alias `e`), oldest first."""
    rows = db.execute(
        f"SELECT {_PRIOR_COLUMNS} {_PRIOR_FROM} WHERE {where} ORDER BY e.at, e.seq, e.id", params
    ).fetchall()
    return [_prior(row) for row in rows]


def _prior(row: tuple[Any, ...]) -> PriorFact:
    return PriorFact(
        event_id=str(row[0]),
        at=str(row[1]),
        desk_id=str(row[2]),
        desk_label=str(row[3]),
        agent=str(row[4]),
        payload=json.loads(row[5]),
        member_id=None if row[6] is None else str(row[6]),
        session_id=None if row[7] is None else str(row[7]),
    )


def fact_of(db: sqlite_utils.Database, event: journal.Event) -> PriorFact:
    """The PriorFact view of a fact just written."""
    return PriorFact(
        event_id=event.id,
        at=event.at,
        desk_id=event.desk_id,
        desk_label=journal.desk_label(db, event.desk_id),
        agent=event.agent,
        payload=event.payload,
        member_id=event.member_id,
        session_id=event.session_id,
    )


def clean_reason(reason: str | None) -> str | None:
    """A typed reason, or None when nothing (or only spaces) was typed."""
    if reason is None:
        return None
    text = " ".join(reason.split())
    return text or None


def override_payload(
    reason: str, reasons: tuple[ConfirmReason, ...], prior: tuple[PriorFact, ...]
) -> dict[str, Any]:
    """What a confirmed override records, so that reports show who overrode what and why."""
    return {
        "reason": reason,
        "reasons": [r.value for r in reasons],
        "duplicate_of": [p.event_id for p in prior],
    }


class VoidOutcome(Enum):
    VOIDED = "voided"
    REASON_REQUIRED = "reason_required"
    NOT_FOUND = "not_found"
    ALREADY_VOIDED = "already_voided"
    NOT_VOIDABLE = "not_voidable"  # e.g. a check-in: use checkin.undo_check_in


VOIDABLE_KINDS = (
    "meal.pass",
    "meal.served",
    "ticket.handout",
    "stock.count",
    "stock.move",
    "day.close",
    "parking.receipt",
    "parking.status",
)


def void_fact(
    db: sqlite_utils.Database, event_id: str, reason: str, desk: Desk, clock: Clock
) -> VoidOutcome:
    """Cancel a hand-out (or a stock count, a day closing, a receipt...) by a counter-entry with
    a reason. The original fact stays in the log; projections stop counting it."""
    text = clean_reason(reason)
    if text is None:
        return VoidOutcome.REASON_REQUIRED
    with write_transaction(db):
        row = db.execute(
            "SELECT kind, member_id, session_id FROM events WHERE id = ?", [event_id]
        ).fetchone()
        if row is None:
            return VoidOutcome.NOT_FOUND
        if row[0] not in VOIDABLE_KINDS:
            return VoidOutcome.NOT_VOIDABLE
        if journal.is_voided(db, event_id):
            return VoidOutcome.ALREADY_VOIDED
        journal.append(
            db,
            desk,
            clock,
            "void",
            member_id=row[1],
            session_id=row[2],
            target_id=event_id,
            payload={"reason": text, "voided_kind": row[0]},
        )
    return VoidOutcome.VOIDED
