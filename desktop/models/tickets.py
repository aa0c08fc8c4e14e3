"""Transport tickets: the catalogue of products, each session's ticket policy, whether a member
needs a ticket on a given day, and the hand-out itself (one fact per hand-out).

The real 2023 timeline: residents with a week-end pass travel free on Saturdays and Sundays,
a 7j-7 pass every day, and from 21 December 2023 every resident travels free every day (the
magnetic tickets stopped being valid the same day). A ticket that is not needed, or not valid
on the session's day, is handed out only with a typed reason.
"""

import json
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import sqlite_utils

from desktop.models import journal, members
from desktop.models.checkin import live_check_in
from desktop.models.clock import Clock, paris_day
from desktop.models.convention import Session
from desktop.models.facts import (
    ConfirmReason,
    FieldError,
    HandoutOutcome,
    HandoutResult,
    PriorFact,
    clean_reason,
    fact_of,
    override_payload,
    prior_facts,
)
from desktop.models.ids import uuid7
from desktop.models.journal import Desk
from desktop.models.members import Member
from desktop.models.storage import write_transaction

FREE_TRAVEL_FROM = date(2023, 12, 21)  # every resident of the Métropole travels free, every day


@dataclass(frozen=True)
class TicketProduct:
    id: str
    name: str
    unit_price_cents: int
    valid_from: date | None = None  # inclusive; None: no start
    valid_until: date | None = None  # inclusive; None: no end
    free_travel_applies: bool = True  # a pass or the residents' free travel makes it unneeded
    active: bool = True

    def valid_on(self, day: date) -> bool:
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_until is None or day <= self.valid_until

    def expired_on(self, day: date) -> bool:
        """Past its validity on `day`: whatever is left in stock is lost value."""
        return self.valid_until is not None and day > self.valid_until


class ProductOutcome(Enum):
    SAVED = "saved"
    EMPTY_NAME = "empty_name"
    NEGATIVE_PRICE = "negative_price"
    DATES_REVERSED = "dates_reversed"
    NAME_TAKEN = "name_taken"


@dataclass(frozen=True)
class ProductResult:
    outcome: ProductOutcome
    product: TicketProduct | None = None


_PRODUCT_COLUMNS = (
    "id, name, unit_price_cents, valid_from, valid_until, free_travel_applies, active"
)


def _product(row: tuple[Any, ...]) -> TicketProduct:
    return TicketProduct(
        id=str(row[0]),
        name=str(row[1]),
        unit_price_cents=int(row[2]),
        valid_from=date.fromisoformat(row[3]) if row[3] else None,
        valid_until=date.fromisoformat(row[4]) if row[4] else None,
        free_travel_applies=bool(row[5]),
        active=bool(row[6]),
    )


def products(db: sqlite_utils.Database, *, include_inactive: bool = False) -> list[TicketProduct]:
    where = "" if include_inactive else "WHERE active = 1"
    rows = db.execute(f"SELECT {_PRODUCT_COLUMNS} FROM ticket_products {where} ORDER BY name")
    return [_product(row) for row in rows.fetchall()]


def get_product(db: sqlite_utils.Database, product_id: str) -> TicketProduct | None:
    row = db.execute(
        f"SELECT {_PRODUCT_COLUMNS} FROM ticket_products WHERE id = ?", [product_id]
    ).fetchone()
    return _product(row) if row else None


def save_product(db: sqlite_utils.Database, product: TicketProduct) -> ProductResult:
    """Add or edit a catalogue product (reference data, edited in place). An empty id makes a
    new product with a fresh id."""
    name = " ".join(product.name.split())
    if not name:
        return ProductResult(ProductOutcome.EMPTY_NAME)
    if product.unit_price_cents < 0:
        return ProductResult(ProductOutcome.NEGATIVE_PRICE)
    if product.valid_from and product.valid_until and product.valid_from > product.valid_until:
        return ProductResult(ProductOutcome.DATES_REVERSED)
    saved = TicketProduct(
        id=product.id or uuid7(),
        name=name,
        unit_price_cents=product.unit_price_cents,
        valid_from=product.valid_from,
        valid_until=product.valid_until,
        free_travel_applies=product.free_travel_applies,
        active=product.active,
    )
    with write_transaction(db):
        taken = db.execute(
            "SELECT 1 FROM ticket_products WHERE name = ? AND id <> ?", [name, saved.id]
        ).fetchone()
        if taken:
            return ProductResult(ProductOutcome.NAME_TAKEN)
        db.execute(
            f"INSERT INTO ticket_products ({_PRODUCT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
            "unit_price_cents = excluded.unit_price_cents, valid_from = excluded.valid_from, "
            "valid_until = excluded.valid_until, "
            "free_travel_applies = excluded.free_travel_applies, active = excluded.active",
            [
                saved.id,
                saved.name,
                saved.unit_price_cents,
                saved.valid_from.isoformat() if saved.valid_from else None,
                saved.valid_until.isoformat() if saved.valid_until else None,
                int(saved.free_travel_applies),
                int(saved.active),
            ],
        )
    return ProductResult(ProductOutcome.SAVED, saved)


# --- the session's policy and the member's needs ----------------------------------------------


@dataclass(frozen=True)
class PolicyLine:
    product: TicketProduct
    quantity: int  # per attendance


def ticket_policy(db: sqlite_utils.Database, session_id: str) -> tuple[PolicyLine, ...]:
    rows = db.execute(
        f"SELECT s.quantity, {', '.join('p.' + c.strip() for c in _PRODUCT_COLUMNS.split(','))} "
        "FROM session_tickets s JOIN ticket_products p ON p.id = s.product_id "
        "WHERE s.session_id = ? ORDER BY p.name",
        [session_id],
    ).fetchall()
    return tuple(PolicyLine(_product(row[1:]), int(row[0])) for row in rows)


def pass_covers(pass_status: str, day: date) -> ConfirmReason | None:
    """Why a member needs no ticket on `day` (their pass, or the residents' free travel)."""
    if pass_status == "7j-7":
        return ConfirmReason.PASS_7J7
    if pass_status == "week-end" and day.weekday() >= 5:
        return ConfirmReason.PASS_WEEKEND
    if day >= FREE_TRAVEL_FROM:
        return ConfirmReason.FREE_TRAVEL
    return None


def confirm_reasons(
    product: TicketProduct, member: Member, session: Session, policy: tuple[PolicyLine, ...]
) -> tuple[ConfirmReason, ...]:
    """Everything that makes handing out `product` for `session` need a typed reason."""
    reasons: list[ConfirmReason] = []
    if not product.valid_on(session.day):
        reasons.append(ConfirmReason.PRODUCT_NOT_VALID)
    covered = pass_covers(member.pass_status, session.day) if product.free_travel_applies else None
    if covered is not None:
        reasons.append(covered)
    if all(line.product.id != product.id for line in policy):
        reasons.append(ConfirmReason.NOT_IN_POLICY)
    return tuple(reasons)


# --- hand-outs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TicketHandout:
    event_id: str
    member_id: str
    session_id: str
    product_id: str
    product_name: str
    quantity: int
    unit_price_cents: int
    serials: tuple[str, ...]
    prior: PriorFact  # when, desk, agent (and the payload with any override)

    @property
    def total_cents(self) -> int:
        return self.quantity * self.unit_price_cents

    @property
    def override_reason(self) -> str | None:
        return self.prior.override_reason


def _handout(fact: PriorFact, member_id: str, session_id: str) -> TicketHandout:
    payload = fact.payload
    return TicketHandout(
        event_id=fact.event_id,
        member_id=member_id,
        session_id=session_id,
        product_id=str(payload["product_id"]),
        product_name=str(payload["product_name"]),
        quantity=int(payload["quantity"]),
        unit_price_cents=int(payload["unit_price_cents"]),
        serials=tuple(str(s) for s in payload.get("serials", [])),
        prior=fact,
    )


def given_tickets(
    db: sqlite_utils.Database, member_id: str, session_id: str, product_id: str | None = None
) -> list[TicketHandout]:
    """Live hand-outs to this member for this session (any desk), oldest first."""
    where = "e.kind = 'ticket.handout' AND e.member_id = ? AND e.session_id = ?"
    params: list[object] = [member_id, session_id]
    if product_id is not None:
        where += " AND json_extract(e.payload, '$.product_id') = ?"
        params.append(product_id)
    return [_handout(f, member_id, session_id) for f in prior_facts(db, where, params)]


def day_closure(db: sqlite_utils.Database, desk_id: str, day: date) -> PriorFact | None:
    """The live closing of this desk's stock day, if it was closed."""
    found = prior_facts(
        db,
        "e.kind = 'day.close' AND e.desk_id = ? AND json_extract(e.payload, '$.day') = ?",
        [desk_id, day.isoformat()],
    )
    return found[0] if found else None


def _serials_in_use(db: sqlite_utils.Database, product_id: str, serials: tuple[str, ...]) -> bool:
    rows = db.execute(
        "SELECT payload FROM live_events WHERE kind = 'ticket.handout' "
        "AND json_extract(payload, '$.product_id') = ?",
        [product_id],
    ).fetchall()
    used = {str(s) for (payload,) in rows for s in json.loads(payload).get("serials", [])}
    return bool(used.intersection(serials))


def _check_count(count: int, serials: tuple[str, ...]) -> tuple[FieldError, ...]:
    if count < 1:
        return (FieldError("quantity", "La quantité doit être d'au moins 1 ticket."),)
    if serials and len(serials) != count:
        return (
            FieldError(
                "serials",
                f"{len(serials)} numéro(s) de série saisi(s) pour {count} ticket(s) : "
                "saisissez un numéro par ticket, ou aucun.",
            ),
        )
    if len(set(serials)) < len(serials):
        return (FieldError("serials", "Le même numéro de série est saisi deux fois."),)
    return ()


def hand_out_ticket(
    db: sqlite_utils.Database,
    member_id: str,
    session: Session,
    product_id: str,
    desk: Desk,
    clock: Clock,
    *,
    quantity: int | None = None,
    serials: tuple[str, ...] = (),
    override_reason: str | None = None,
) -> HandoutResult:
    """Hand `quantity` tickets of a product to a member checked in to `session` (default: what
    the session's policy still owes them, or 1). Refused with ALREADY_GIVEN when it would give
    more than the policy and something was given already, with NEEDS_CONFIRMATION when the
    product is not valid that day, the member's pass (or free travel) covers the day, the
    policy does not list it or the desk's stock day is closed; a typed `override_reason`
    records it anyway, with the override in the payload."""
    key = f"ticket:{product_id}"
    member = members.get_member(db, member_id)
    if member is None:
        return HandoutResult(HandoutOutcome.UNKNOWN_MEMBER, key)
    product = get_product(db, product_id)
    if product is None:
        return HandoutResult(HandoutOutcome.UNKNOWN_PRODUCT, key)
    cleaned = tuple(s.strip() for s in serials if s.strip())
    override = clean_reason(override_reason)
    day = paris_day(clock())
    with write_transaction(db):
        if live_check_in(db, member.id, session.id) is None:
            return HandoutResult(HandoutOutcome.NOT_PRESENT, key)
        policy = ticket_policy(db, session.id)
        due = next((line.quantity for line in policy if line.product.id == product.id), 0)
        given = given_tickets(db, member.id, session.id, product.id)
        given_quantity = sum(h.quantity for h in given)
        count = quantity if quantity is not None else max(due - given_quantity, 1)
        errors = _check_count(count, cleaned)
        if errors:
            return HandoutResult(HandoutOutcome.INVALID, key, errors=errors)
        if cleaned and _serials_in_use(db, product.id, cleaned):
            return HandoutResult(HandoutOutcome.SERIAL_ALREADY_USED, key)
        prior = tuple(h.prior for h in given) if given_quantity + count > due and given else ()
        reasons = confirm_reasons(product, member, session, policy)
        if day_closure(db, desk.desk_id, day) is not None:
            reasons += (ConfirmReason.DAY_CLOSED,)
        if override is None and prior:
            return HandoutResult(HandoutOutcome.ALREADY_GIVEN, key, reasons=reasons, prior=prior)
        if override is None and reasons:
            return HandoutResult(HandoutOutcome.NEEDS_CONFIRMATION, key, reasons=reasons)
        payload: dict[str, Any] = {
            "product_id": product.id,
            "product_name": product.name,
            "quantity": count,
            "unit_price_cents": product.unit_price_cents,
            "day": day.isoformat(),
        }
        if cleaned:
            payload["serials"] = list(cleaned)
        if override is not None and (prior or reasons):
            payload["override"] = override_payload(override, reasons, prior)
        event = journal.append(
            db,
            desk,
            clock,
            "ticket.handout",
            member_id=member.id,
            session_id=session.id,
            payload=payload,
        )
        recorded = _handout(fact_of(db, event), member.id, session.id)
    return HandoutResult(
        HandoutOutcome.RECORDED,
        key,
        event_id=event.id,
        reasons=reasons,
        prior=prior,
        ticket=recorded,
    )
