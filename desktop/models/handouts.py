"""What a member is due now, at the desk: the checklist of meal pass, tickets and parking, each
line with a stable key the hand-out panel confirms with one key press; and everything a member
was given, across sessions, for the member card.
"""

from collections import defaultdict
from dataclasses import dataclass
from enum import Enum

import sqlite_utils

from desktop.models import members, parking
from desktop.models.checkin import PriorCheckIn, live_check_in
from desktop.models.clock import Clock
from desktop.models.convention import Session, all_sessions
from desktop.models.facts import (
    ConfirmReason,
    HandoutOutcome,
    HandoutResult,
    PriorFact,
    prior_facts,
)
from desktop.models.journal import Desk
from desktop.models.meals import MEAL_LINE, give_meal_pass, member_meal_passes
from desktop.models.members import Member
from desktop.models.parking import PARKING_LINE, Receipt, ReceiptStatus
from desktop.models.tickets import (
    TicketHandout,
    TicketProduct,
    confirm_reasons,
    get_product,
    given_tickets,
    hand_out_ticket,
    pass_covers,
    ticket_policy,
)

TICKET_PREFIX = "ticket:"


def ticket_key(product_id: str) -> str:
    return TICKET_PREFIX + product_id


class LineKind(Enum):
    MEAL = "repas"
    TICKET = "ticket"
    PARKING = "stationnement"


class LineState(Enum):
    TO_HAND_OUT = "à remettre"
    ALREADY_GIVEN = "déjà remis"  # see `given`: when, desk, agent
    NOT_PLANNED = "non prévu"  # meal: no lunch at this session
    NOT_NEEDED = "non nécessaire"  # ticket: the member's pass or free travel covers the day
    ELIGIBLE = "éligible"  # parking: enter a receipt (a form, not one key)
    NOT_ELIGIBLE = "non éligible"  # parking


@dataclass(frozen=True)
class ChecklistLine:
    key: str  # "meal", "ticket:<product id>", "parking": pass it to confirm()
    kind: LineKind
    state: LineState
    product: TicketProduct | None = None
    quantity: int = 0  # tickets: still to hand out (TO_HAND_OUT) or planned (NOT_NEEDED)
    given_quantity: int = 0  # tickets already handed out for this session
    # TO_HAND_OUT: confirming will ask for a reason (e.g. product not valid that day);
    # NOT_NEEDED: why, the first reason being the pass or free travel.
    reasons: tuple[ConfirmReason, ...] = ()
    given: tuple[PriorFact, ...] = ()  # earlier hand-outs (meal passes, ticket hand-outs)
    receipts: tuple[Receipt, ...] = ()  # parking: receipts already entered for this session
    eligibility_reason: str = ""  # parking: the office's reason
    commune_has_tram: bool = False  # parking: the hint the office used

    @property
    def one_key(self) -> bool:
        """Confirming this line with one key press records it without further question."""
        return self.state is LineState.TO_HAND_OUT and not self.reasons

    @property
    def not_needed_because(self) -> ConfirmReason | None:
        covers = (ConfirmReason.PASS_7J7, ConfirmReason.PASS_WEEKEND, ConfirmReason.FREE_TRAVEL)
        return next((r for r in self.reasons if r in covers), None)


@dataclass(frozen=True)
class Checklist:
    member: Member
    session: Session
    checkin: PriorCheckIn | None  # None: not checked in (nothing can be handed out)
    lines: tuple[ChecklistLine, ...]

    @property
    def present(self) -> bool:
        return self.checkin is not None

    @property
    def pending(self) -> tuple[ChecklistLine, ...]:
        return tuple(line for line in self.lines if line.state is LineState.TO_HAND_OUT)

    def line(self, key: str) -> ChecklistLine | None:
        return next((line for line in self.lines if line.key == key), None)


def due_items(db: sqlite_utils.Database, member_id: str, session: Session) -> Checklist:
    """The member's checklist for `session`. Raises LookupError for an unknown member id (a
    programming fault: ids come from the roster)."""
    member = members.get_member(db, member_id)
    if member is None:
        raise LookupError(f"membre inconnu : {member_id}")
    lines = (
        _meal_line(db, member, session),
        *_ticket_lines(db, member, session),
        _parking_line(db, member, session),
    )
    return Checklist(member, session, live_check_in(db, member.id, session.id), lines)


def _meal_line(db: sqlite_utils.Database, member: Member, session: Session) -> ChecklistLine:
    given = tuple(member_meal_passes(db, member.id, session.id))
    if given:
        return ChecklistLine(MEAL_LINE, LineKind.MEAL, LineState.ALREADY_GIVEN, given=given)
    state = LineState.TO_HAND_OUT if session.lunch else LineState.NOT_PLANNED
    return ChecklistLine(MEAL_LINE, LineKind.MEAL, state)


def _ticket_lines(
    db: sqlite_utils.Database, member: Member, session: Session
) -> list[ChecklistLine]:
    policy = ticket_policy(db, session.id)
    handouts = given_tickets(db, member.id, session.id)
    lines = []
    for line in policy:
        product = line.product
        mine = tuple(h for h in handouts if h.product_id == product.id)
        given_quantity = sum(h.quantity for h in mine)
        reasons = confirm_reasons(product, member, session, policy)
        covered = product.free_travel_applies and pass_covers(member.pass_status, session.day)
        if given_quantity >= line.quantity:
            state = LineState.ALREADY_GIVEN
        elif covered and not given_quantity:
            state = LineState.NOT_NEEDED
            reasons = tuple(sorted(reasons, key=lambda r: r is ConfirmReason.PRODUCT_NOT_VALID))
        else:
            state = LineState.TO_HAND_OUT
        lines.append(
            ChecklistLine(
                key=ticket_key(product.id),
                kind=LineKind.TICKET,
                state=state,
                product=product,
                quantity=max(line.quantity - given_quantity, 0)
                if state is not LineState.NOT_NEEDED
                else line.quantity,
                given_quantity=given_quantity,
                reasons=reasons,
                given=tuple(h.prior for h in mine),
            )
        )
    planned = {line.product.id for line in policy}
    extra: dict[str, list[TicketHandout]] = defaultdict(list)
    for handout in handouts:
        if handout.product_id not in planned:
            extra[handout.product_id].append(handout)
    for product_id, given in extra.items():
        lines.append(
            ChecklistLine(
                key=ticket_key(product_id),
                kind=LineKind.TICKET,
                state=LineState.ALREADY_GIVEN,
                product=get_product(db, product_id),
                given_quantity=sum(h.quantity for h in given),
                given=tuple(h.prior for h in given),
            )
        )
    return lines


def _parking_line(db: sqlite_utils.Database, member: Member, session: Session) -> ChecklistLine:
    decision = parking.eligibility(db, member.id)
    receipts = tuple(parking.receipts(db, member_id=member.id, session_id=session.id))
    return ChecklistLine(
        key=PARKING_LINE,
        kind=LineKind.PARKING,
        state=LineState.ELIGIBLE if member.parking_eligible else LineState.NOT_ELIGIBLE,
        receipts=receipts,
        eligibility_reason=member.parking_reason,
        commune_has_tram=bool(decision and decision.commune_has_tram),
    )


def confirm(
    db: sqlite_utils.Database,
    member_id: str,
    session: Session,
    line_key: str,
    desk: Desk,
    clock: Clock,
    override_reason: str | None = None,
) -> HandoutResult:
    """Hand out what a checklist line says (the meal pass, or the tickets still due). A line
    that needs a confirmation comes back NEEDS_CONFIRMATION / ALREADY_GIVEN with its reasons:
    call again with the typed `override_reason`. The parking line answers FORM_REQUIRED (use
    parking.record_receipt) or NOT_ELIGIBLE."""
    if line_key == MEAL_LINE:
        return give_meal_pass(db, member_id, session, desk, clock, override_reason)
    if line_key.startswith(TICKET_PREFIX) and len(line_key) > len(TICKET_PREFIX):
        product_id = line_key[len(TICKET_PREFIX) :]
        return hand_out_ticket(
            db, member_id, session, product_id, desk, clock, override_reason=override_reason
        )
    if line_key == PARKING_LINE:
        member = members.get_member(db, member_id)
        if member is None:
            return HandoutResult(HandoutOutcome.UNKNOWN_MEMBER, line_key)
        outcome = (
            HandoutOutcome.FORM_REQUIRED if member.parking_eligible else HandoutOutcome.NOT_ELIGIBLE
        )
        return HandoutResult(outcome, line_key)
    return HandoutResult(HandoutOutcome.UNKNOWN_LINE, line_key)


def confirm_pending(
    db: sqlite_utils.Database, member_id: str, session: Session, desk: Desk, clock: Clock
) -> tuple[HandoutResult, ...]:
    """ "Tout remettre": every line that one key records (no question asked); lines needing a
    confirmation are left for the agent."""
    checklist = due_items(db, member_id, session)
    return tuple(
        confirm(db, member_id, session, line.key, desk, clock)
        for line in checklist.lines
        if line.one_key
    )


# --- the member card ------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRecord:
    session: Session
    checkin: PriorCheckIn | None
    meal_passes: tuple[PriorFact, ...]
    meal_served: PriorFact | None
    tickets: tuple[TicketHandout, ...]
    receipts: tuple[Receipt, ...]

    @property
    def present(self) -> bool:
        return self.checkin is not None


@dataclass(frozen=True)
class MemberHistory:
    member: Member
    sessions: tuple[SessionRecord, ...]  # every session, in calendar order

    @property
    def attended(self) -> int:
        return sum(1 for record in self.sessions if record.present)

    @property
    def parking_total_cents(self) -> int:
        return sum(
            r.amount_cents
            for record in self.sessions
            for r in record.receipts
            if r.status is not ReceiptStatus.REJECTED
        )


def member_history(db: sqlite_utils.Database, member_id: str) -> MemberHistory:
    """Presence, meals, tickets and receipts of a member across all sessions. Raises
    LookupError for an unknown member id."""
    member = members.get_member(db, member_id)
    if member is None:
        raise LookupError(f"membre inconnu : {member_id}")
    records = []
    for session in all_sessions(db):
        passes = tuple(member_meal_passes(db, member.id, session.id))
        served = prior_facts(
            db,
            "e.kind = 'meal.served' AND e.session_id = ? AND e.member_id = ?",
            [session.id, member.id],
        )
        records.append(
            SessionRecord(
                session=session,
                checkin=live_check_in(db, member.id, session.id),
                meal_passes=passes,
                meal_served=served[0] if served else None,
                tickets=tuple(given_tickets(db, member.id, session.id)),
                receipts=tuple(parking.receipts(db, member_id=member.id, session_id=session.id)),
            )
        )
    return MemberHistory(member, tuple(records))


# --- one session, every member (status, attendance sheet) -----------------------------------


@dataclass(frozen=True)
class MemberHandouts:
    meal: PriorFact | None = None  # the first live meal pass (time, desk, agent)
    tickets: tuple[tuple[str, int], ...] = ()  # (product name, quantity), by name
    receipts: int = 0  # live receipts, rejected ones excluded
    receipts_cents: int = 0

    @property
    def tickets_text(self) -> str:
        """ "Ticket 1 voyage (magnétique) × 2, Ticket démo × 1"."""
        return ", ".join(f"{name} × {quantity}" for name, quantity in self.tickets)


def session_handouts(db: sqlite_utils.Database, session_id: str) -> dict[str, MemberHandouts]:
    """What each member received at a session, by member id (members with nothing are absent
    from the mapping)."""
    meals: dict[str, PriorFact] = {}
    for fact in prior_facts(
        db, "e.kind = 'meal.pass' AND e.session_id = ? AND e.member_id IS NOT NULL", [session_id]
    ):
        meals.setdefault(str(fact.member_id), fact)
    tickets: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for fact in prior_facts(db, "e.kind = 'ticket.handout' AND e.session_id = ?", [session_id]):
        name = str(fact.payload["product_name"])
        tickets[str(fact.member_id)][name] += int(fact.payload["quantity"])
    receipts: dict[str, list[Receipt]] = defaultdict(list)
    for receipt in parking.receipts(db, session_id=session_id):
        if receipt.status is not ReceiptStatus.REJECTED:
            receipts[receipt.member_id].append(receipt)
    return {
        member_id: MemberHandouts(
            meal=meals.get(member_id),
            tickets=tuple(sorted(tickets[member_id].items())) if member_id in tickets else (),
            receipts=len(receipts.get(member_id, [])),
            receipts_cents=sum(r.amount_cents for r in receipts.get(member_id, [])),
        )
        for member_id in {*meals, *tickets, *receipts}
    }
