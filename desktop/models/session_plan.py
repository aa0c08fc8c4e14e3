"""What the office plans for each session: date, part of day, place, lunch, ticket policy.

Sessions are reference data prepared by the office: they are edited in place (the facts of the
log never are). The ticket policy says which products, and how many, a member present at the
session receives.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

import sqlite_utils

from desktop.models.convention import PARTS, Session, all_sessions, get_session
from desktop.models.storage import write_transaction
from desktop.models.tickets import PolicyLine, get_product, ticket_policy

MAX_TICKETS_PER_LINE = 20


class SessionEditOutcome(Enum):
    SAVED = "saved"
    NOT_FOUND = "not_found"
    INVALID_PART = "invalid_part"
    EMPTY_LABEL = "empty_label"
    EMPTY_PLACE = "empty_place"
    UNKNOWN_PRODUCT = "unknown_product"
    INVALID_QUANTITY = "invalid_quantity"  # 1 to 20 tickets per product
    DUPLICATE_PRODUCT = "duplicate_product"  # the same product twice in one policy


@dataclass(frozen=True)
class SessionPlan:
    session: Session
    tickets: tuple[PolicyLine, ...]


def session_plan(db: sqlite_utils.Database, session_id: str) -> SessionPlan | None:
    session = get_session(db, session_id)
    return None if session is None else SessionPlan(session, ticket_policy(db, session.id))


def session_plans(db: sqlite_utils.Database) -> list[SessionPlan]:
    """Every session in calendar order, with its ticket policy (the sessions screen)."""
    return [SessionPlan(s, ticket_policy(db, s.id)) for s in all_sessions(db)]


def update_session(db: sqlite_utils.Database, session: Session) -> SessionEditOutcome:
    """Save the session's day, part of day, place, weekend, lunch and label (by its id)."""
    if session.part not in PARTS:
        return SessionEditOutcome.INVALID_PART
    if not session.label.strip():
        return SessionEditOutcome.EMPTY_LABEL
    if not session.place.strip():
        return SessionEditOutcome.EMPTY_PLACE
    with write_transaction(db):
        if get_session(db, session.id) is None:
            return SessionEditOutcome.NOT_FOUND
        db.execute(
            "UPDATE sessions SET day = ?, part = ?, place = ?, weekend = ?, lunch = ?, "
            "label = ? WHERE id = ?",
            [
                session.day.isoformat(),
                session.part,
                " ".join(session.place.split()),
                session.weekend,
                int(session.lunch),
                " ".join(session.label.split()),
                session.id,
            ],
        )
    return SessionEditOutcome.SAVED


def set_lunch(db: sqlite_utils.Database, session_id: str, lunch: bool) -> SessionEditOutcome:
    with write_transaction(db):
        if get_session(db, session_id) is None:
            return SessionEditOutcome.NOT_FOUND
        db.execute("UPDATE sessions SET lunch = ? WHERE id = ?", [int(lunch), session_id])
    return SessionEditOutcome.SAVED


def set_ticket_policy(
    db: sqlite_utils.Database, session_id: str, lines: Sequence[tuple[str, int]]
) -> SessionEditOutcome:
    """Replace the session's ticket policy by `lines` of (product id, quantity per attendance);
    an empty sequence means no tickets for this session."""
    product_ids = [product_id for product_id, _ in lines]
    if len(set(product_ids)) < len(product_ids):
        return SessionEditOutcome.DUPLICATE_PRODUCT
    if any(not 1 <= quantity <= MAX_TICKETS_PER_LINE for _, quantity in lines):
        return SessionEditOutcome.INVALID_QUANTITY
    with write_transaction(db):
        if get_session(db, session_id) is None:
            return SessionEditOutcome.NOT_FOUND
        if any(get_product(db, product_id) is None for product_id in product_ids):
            return SessionEditOutcome.UNKNOWN_PRODUCT
        db.execute("DELETE FROM session_tickets WHERE session_id = ?", [session_id])
        for product_id, quantity in lines:
            db.execute(
                "INSERT INTO session_tickets (session_id, product_id, quantity) VALUES (?, ?, ?)",
                [session_id, product_id, quantity],
            )
    return SessionEditOutcome.SAVED
