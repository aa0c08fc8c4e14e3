"""What the office plans for each session: date, part of day, place, lunch, ticket policy.

Sessions are reference data prepared by the office: they are edited in place (the facts of the
log never are), added when the calendar changes (a postponed Saturday, an added evening), and
deleted only while no fact refers to them. The ticket policy says which products, and how
many, a member present at the session receives.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

import sqlite_utils

from desktop.models.convention import (
    PARTS,
    Session,
    add_session,
    all_sessions,
    get_session,
    sessions_on,
)
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
    CREATED = "created"
    DELETED = "deleted"
    OVERLAP = "overlap"  # that day already has a session at that part of day (clashing_session)
    INVALID_WEEKEND = "invalid_weekend"  # a weekend number is 1 or more (or none)
    HAS_FACTS = "has_facts"  # something was recorded at the session: correct it, never delete


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
    if session.weekend is not None and session.weekend < 1:
        return SessionEditOutcome.INVALID_WEEKEND
    with write_transaction(db):
        if get_session(db, session.id) is None:
            return SessionEditOutcome.NOT_FOUND
        # Moved onto another session's part of day: two sessions would claim the same scans.
        if clashing_session(db, session.day, session.part, ignore=session.id) is not None:
            return SessionEditOutcome.OVERLAP
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


# --- adding and deleting sessions -----------------------------------------------------------

# A whole-day session takes the morning and the afternoon; an evening stands apart.
_TAKES = {
    "matin": {"matin"},
    "après-midi": {"après-midi"},
    "journée": {"matin", "après-midi"},
    "soirée": {"soirée"},
}
_ID_PARTS = {"matin": "matin", "après-midi": "apres-midi", "journée": "journee", "soirée": "soiree"}
# Facts of a desk's day that name no session but are found through the day's sessions (the
# stock sheets of a report: Scope.days): the only session of such a day must stay.
DAY_FACTS = ("stock.count", "stock.move", "day.close", "day.checks")


def parts_overlap(first: str, second: str) -> bool:
    """Two parts of one day that cannot both hold a session ("journée" takes both halves)."""
    return bool(_TAKES.get(first, {first}) & _TAKES.get(second, {second}))


def clashing_session(
    db: sqlite_utils.Database, day: date, part: str, ignore: str | None = None
) -> Session | None:
    """The session of `day` whose part of day overlaps `part` (other than `ignore`), if any."""
    for session in sessions_on(db, day):
        if session.id != ignore and parts_overlap(session.part, part):
            return session
    return None


def _free_id(db: sqlite_utils.Database, day: date, part: str) -> str:
    """A readable id, "s-2024-03-09-matin", suffixed "-2", "-3"… when taken. An id that a fact
    still names (a session deleted at the office, recorded at a desk) is never given again."""
    base = f"s-{day.isoformat()}-{_ID_PARTS[part]}"
    candidate, n = base, 1
    while db.execute(
        "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = :id) "
        "OR EXISTS (SELECT 1 FROM events WHERE session_id = :id)",
        {"id": candidate},
    ).fetchone()[0]:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def default_ticket_plan(db: sqlite_utils.Database, day: date) -> list[tuple[str, int]]:
    """The plan most sessions share (the office's usual plan: 2 magnetic tickets in the real
    calendar), keeping only the products offered at the desks and valid on `day`: a ticket
    outside its validity is handed out only with a typed reason, so planning it would make
    every hand-out a question. No plan when the sessions are split evenly between plans."""
    plans = Counter(
        tuple((line.product.id, line.quantity) for line in plan.tickets)
        for plan in session_plans(db)
    )
    ranked = plans.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return []
    lines = []
    for product_id, quantity in ranked[0][0]:
        product = get_product(db, product_id)
        if product is not None and product.active and product.valid_on(day):
            lines.append((product_id, quantity))
    return lines


def create_session(
    db: sqlite_utils.Database,
    day: date,
    part: str,
    place: str,
    weekend: int | None,
    lunch: bool,
    label: str,
) -> tuple[SessionEditOutcome, Session | None]:
    """Add a session to the calendar, with the usual ticket plan (default_ticket_plan); the
    new session on CREATED, None with the reason otherwise (OVERLAP: see clashing_session)."""
    place, label = " ".join(place.split()), " ".join(label.split())
    if part not in PARTS:
        return SessionEditOutcome.INVALID_PART, None
    if not place:
        return SessionEditOutcome.EMPTY_PLACE, None
    if not label:
        return SessionEditOutcome.EMPTY_LABEL, None
    if weekend is not None and weekend < 1:
        return SessionEditOutcome.INVALID_WEEKEND, None
    with write_transaction(db):
        if clashing_session(db, day, part) is not None:
            return SessionEditOutcome.OVERLAP, None
        session = Session(_free_id(db, day, part), day, part, place, weekend, lunch, label)
        lines = default_ticket_plan(db, day)
        add_session(db, session)
        if set_ticket_policy(db, session.id, lines) is not SessionEditOutcome.SAVED:
            raise RuntimeError(f"plan de tickets refusé pour {session.id}")  # cannot happen
    return SessionEditOutcome.CREATED, session


def session_in_use(db: sqlite_utils.Database, session_id: str) -> bool:
    """Something was recorded at the session: a fact of any kind names it (check-in, hand-out,
    correction...), a fact set aside at a merge names it, or it is the only session of a day
    whose stock was counted or closed (the report finds that stock sheet through it)."""
    session = get_session(db, session_id)
    if session is None:
        return False
    named = db.execute(
        "SELECT EXISTS (SELECT 1 FROM events WHERE session_id = :id) "
        "OR EXISTS (SELECT 1 FROM merge_anomalies "
        "           WHERE json_extract(content, '$.session_id') = :id)",
        {"id": session_id},
    ).fetchone()[0]
    if named:
        return True
    if len(sessions_on(db, session.day)) > 1:
        return False
    marks = ", ".join("?" for _ in DAY_FACTS)
    day_fact = db.execute(
        f"SELECT EXISTS (SELECT 1 FROM events WHERE kind IN ({marks}) "
        "AND json_extract(payload, '$.day') = ?)",
        [*DAY_FACTS, session.day.isoformat()],
    ).fetchone()[0]
    return bool(day_fact)


def delete_session(db: sqlite_utils.Database, session_id: str) -> SessionEditOutcome:
    """Remove a session entered by mistake, with its ticket plan, in one transaction; refused
    (HAS_FACTS) once anything was recorded at it: then it is corrected, never deleted."""
    with write_transaction(db):
        if get_session(db, session_id) is None:
            return SessionEditOutcome.NOT_FOUND
        if session_in_use(db, session_id):
            return SessionEditOutcome.HAS_FACTS
        db.execute("DELETE FROM session_tickets WHERE session_id = ?", [session_id])
        db.execute("DELETE FROM sessions WHERE id = ?", [session_id])
    return SessionEditOutcome.DELETED
