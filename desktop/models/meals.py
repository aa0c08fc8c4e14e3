"""Meal passes: one per person per lunch, for members checked in to a session with lunch and
for guests (experts, staff, elected officials) counted apart (redemption: catering.py).

A pass's QR code holds "GR" + the convention tag + 30 random letters + a 16-letter HMAC-SHA256
signature (per-convention secret kept in the file) over the tag, the session and the random
part. It reveals nothing (no name, no session in clear), cannot be forged without the secret,
and any laptop holding the file checks it offline, even for a pass issued at another desk.
The letters are those of the badges: a scanner set for the wrong keyboard layout types them
right.
"""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from enum import Enum
from typing import Any

import sqlite_utils

from desktop.models import journal, members
from desktop.models.checkin import live_check_in
from desktop.models.clock import Clock, paris_day
from desktop.models.codes import ALPHABET, TAG_LENGTH
from desktop.models.convention import Session, get_convention, get_session
from desktop.models.convention_settings import meal_pass_secret
from desktop.models.facts import (
    FieldError,
    HandoutOutcome,
    HandoutResult,
    PriorFact,
    clean_reason,
    fact_of,
    override_payload,
    prior_facts,
)
from desktop.models.journal import Desk
from desktop.models.storage import write_transaction
from desktop.models.text import fold

PASS_PREFIX = "GR"
TOKEN_LENGTH = 30  # 21**30 > 2**131
MAC_LENGTH = 16  # 21**16 > 2**70: guessing a signature online is hopeless
PASS_LENGTH = len(PASS_PREFIX) + TAG_LENGTH + TOKEN_LENGTH + MAC_LENGTH
PASS_PATTERN = re.compile(f"{PASS_PREFIX}[{ALPHABET}]{{{PASS_LENGTH - len(PASS_PREFIX)}}}")
MEAL_LINE = "meal"


class GuestRole(Enum):
    EXPERT = "expert"
    STAFF = "personnel"
    ELECTED = "élu"
    OTHER = "autre"


@dataclass(frozen=True)
class MealPass:
    event_id: str
    session_id: str
    token: str
    qr_payload: str  # what the printed QR code holds
    member_id: str | None  # None for a guest
    holder: str  # "Émilie DUBOIS", or the guest's name as typed
    role: str  # "membre", or a GuestRole value
    menu: str | None  # the member's menu code (for the caterer); None for a guest
    issued: PriorFact  # when, desk, agent, payload (override)

    @property
    def is_guest(self) -> bool:
        return self.member_id is None


# --- signature ------------------------------------------------------------------------------


def _letters(value: int, length: int) -> str:
    out = []
    for _ in range(length):
        value, digit = divmod(value, len(ALPHABET))
        out.append(ALPHABET[digit])
    return "".join(out)


def signature(secret: bytes, tag: str, session_id: str, token: str) -> str:
    """The pass's 16 signature letters: HMAC-SHA256 over the convention, session and token."""
    message = f"meal-pass|{tag}|{session_id}|{token}".encode()
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    return _letters(int.from_bytes(digest[:16], "big"), MAC_LENGTH)


@dataclass(frozen=True)
class _Signer:
    """The convention's tag and the passes' secret, read once for a list of passes."""

    tag: str
    secret: bytes

    @classmethod
    def of(cls, db: sqlite_utils.Database) -> "_Signer":
        convention = get_convention(db)
        if convention is None:
            raise LookupError("aucune convention dans ce fichier")
        return cls(convention.code_tag, meal_pass_secret(db))

    def payload(self, session_id: str, token: str) -> str:
        return PASS_PREFIX + self.tag + token + signature(self.secret, self.tag, session_id, token)


def _payload(db: sqlite_utils.Database, session_id: str, token: str) -> str:
    return _Signer.of(db).payload(session_id, token)


def meal_pass_payload(db: sqlite_utils.Database, event_id: str) -> str | None:
    """The QR payload of an issued pass again (reprint); None if no such live pass."""
    found = prior_facts(db, "e.kind = 'meal.pass' AND e.id = ?", [event_id])
    if not found:
        return None
    return _payload(db, str(found[0].session_id), str(found[0].payload["token"]))


# --- issuing --------------------------------------------------------------------------------


def meal_pass_of(db: sqlite_utils.Database, fact: PriorFact, session_id: str) -> MealPass:
    """The MealPass view of a live meal.pass fact."""
    member = members.get_member(db, fact.member_id) if fact.member_id else None
    return _meal_pass(fact, session_id, member, _Signer.of(db))


def _meal_pass(
    fact: PriorFact, session_id: str, member: members.Member | None, signer: _Signer
) -> MealPass:
    payload = fact.payload
    guest = payload.get("guest")
    member_id = fact.member_id
    return MealPass(
        event_id=fact.event_id,
        session_id=session_id,
        token=str(payload["token"]),
        qr_payload=signer.payload(session_id, str(payload["token"])),
        member_id=member_id,
        holder=member.display_name if member else str(guest["name"]) if guest else "?",
        role="membre" if member_id else str(guest["role"]) if guest else "?",
        menu=str(payload["menu"]) if payload.get("menu") else None,
        issued=fact,
    )


def member_meal_passes(
    db: sqlite_utils.Database, member_id: str, session_id: str
) -> list[PriorFact]:
    """Live meal passes of a member for a session (any desk), oldest first."""
    return prior_facts(
        db,
        "e.kind = 'meal.pass' AND e.member_id = ? AND e.session_id = ?",
        [member_id, session_id],
    )


def give_meal_pass(
    db: sqlite_utils.Database,
    member_id: str,
    session: Session,
    desk: Desk,
    clock: Clock,
    override_reason: str | None = None,
) -> HandoutResult:
    """A meal pass for a member checked in to a session with lunch. A second pass for the same
    lunch is refused (ALREADY_GIVEN, with when/desk/agent of the first) unless a reason is
    typed: the override is then recorded in the new fact."""
    member = members.get_member(db, member_id)
    if member is None:
        return HandoutResult(HandoutOutcome.UNKNOWN_MEMBER, MEAL_LINE)
    if not session.lunch:
        return HandoutResult(HandoutOutcome.NO_LUNCH, MEAL_LINE)
    override = clean_reason(override_reason)
    with write_transaction(db):
        if live_check_in(db, member.id, session.id) is None:
            return HandoutResult(HandoutOutcome.NOT_PRESENT, MEAL_LINE)
        prior = tuple(member_meal_passes(db, member.id, session.id))
        if prior and override is None:
            return HandoutResult(HandoutOutcome.ALREADY_GIVEN, MEAL_LINE, prior=prior)
        payload: dict[str, Any] = {"token": _new_token(), "menu": member.menu}
        return _issue(db, session, desk, clock, member.id, payload, override, prior)


# Titles typed before a guest's name: "Dr Hélène Sorel" and "hélène sorel" are one guest.
_TITLES = frozenset(
    {"dr", "docteur", "pr", "professeur", "m", "mr", "monsieur", "mme", "madame", "mlle", "me"}
)


def same_guest(name: str, other: str) -> bool:
    """The same person for the one-pass-per-lunch check: case, accents, punctuation and a
    leading title aside."""

    def key(text: str) -> list[str]:
        words = fold(text).split()
        while len(words) > 1 and words[0] in _TITLES:
            words = words[1:]
        return words

    return key(name) == key(other)


def give_guest_meal_pass(
    db: sqlite_utils.Database,
    session: Session,
    name: str,
    role: GuestRole,
    desk: Desk,
    clock: Clock,
    override_reason: str | None = None,
) -> HandoutResult:
    """A meal pass for a guest who is not a member (expert, staff, elected official...),
    recorded with name and role for the finance office and counted apart."""
    guest_name = " ".join(name.split())
    if not guest_name:
        error = FieldError("name", "Saisissez le nom de l'invité.")
        return HandoutResult(HandoutOutcome.INVALID, errors=(error,))
    if not session.lunch:
        return HandoutResult(HandoutOutcome.NO_LUNCH)
    override = clean_reason(override_reason)
    with write_transaction(db):
        prior = tuple(
            fact
            for fact in _guest_pass_facts(db, session.id)
            if same_guest(str(fact.payload["guest"]["name"]), guest_name)
        )
        if prior and override is None:
            return HandoutResult(HandoutOutcome.ALREADY_GIVEN, prior=prior)
        payload: dict[str, Any] = {
            "token": _new_token(),
            "guest": {"name": guest_name, "role": role.value},
        }
        return _issue(db, session, desk, clock, None, payload, override, prior)


def _guest_pass_facts(db: sqlite_utils.Database, session_id: str) -> list[PriorFact]:
    return prior_facts(
        db,
        "e.kind = 'meal.pass' AND e.member_id IS NULL AND e.session_id = ?",
        [session_id],
    )


def guest_meal_passes(db: sqlite_utils.Database, session_id: str) -> list[MealPass]:
    """Live guest meal passes of a session (any desk), oldest first: name and role as
    recorded, and when, where and by whom each was given (`MealPass.issued`)."""
    return [meal_pass_of(db, fact, session_id) for fact in _guest_pass_facts(db, session_id)]


def _new_token() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(TOKEN_LENGTH))


def _issue(
    db: sqlite_utils.Database,
    session: Session,
    desk: Desk,
    clock: Clock,
    member_id: str | None,
    payload: dict[str, Any],
    override: str | None,
    prior: tuple[PriorFact, ...],
) -> HandoutResult:
    payload["day"] = paris_day(clock()).isoformat()
    if prior and override is not None:
        payload["override"] = override_payload(override, (), prior)
    event = journal.append(
        db, desk, clock, "meal.pass", member_id=member_id, session_id=session.id, payload=payload
    )
    meal_pass = meal_pass_of(db, fact_of(db, event), session.id)
    return HandoutResult(
        HandoutOutcome.RECORDED,
        MEAL_LINE if member_id else None,
        event_id=event.id,
        prior=prior,
        meal_pass=meal_pass,
    )


# --- lists and counts -----------------------------------------------------------------------


@dataclass(frozen=True)
class MealLine:
    """One line of the list of who received a meal pass (the caterer bill's justification)."""

    meal_pass: MealPass
    commune: str | None  # members only
    served: PriorFact | None

    @property
    def override_reason(self) -> str | None:
        return self.meal_pass.issued.override_reason


@dataclass(frozen=True)
class MealCounts:
    member_passes: int
    guest_passes: int
    served_members: int
    served_guests: int
    served_unknown: int  # genuine passes issued at another desk, not in this file

    @property
    def passes(self) -> int:
        return self.member_passes + self.guest_passes


def meal_list(db: sqlite_utils.Database, session_id: str) -> list[MealLine]:
    """Every live meal pass of the session: members (alphabetical) first, then guests."""
    session = get_session(db, session_id)
    if session is None:
        return []
    served = {
        str(f.payload["token"]): f
        for f in reversed(
            prior_facts(db, "e.kind = 'meal.served' AND e.session_id = ?", [session_id])
        )
    }
    facts = prior_facts(db, "e.kind = 'meal.pass' AND e.session_id = ?", [session_id])
    # One read of the members and of the signing key for the whole list (13 000 passes at a
    # large event: five queries a pass made it the slowest part of the weekend report).
    holders = members.members_by_id(db, {f.member_id for f in facts if f.member_id})
    signer = _Signer.of(db) if facts else None
    keyed = []
    for fact in facts:
        assert signer is not None
        member = holders.get(fact.member_id) if fact.member_id else None
        meal_pass = _meal_pass(fact, session_id, member, signer)
        line = MealLine(meal_pass, member.commune if member else None, served.get(meal_pass.token))
        name = f"{member.surname} {member.first_name}" if member else meal_pass.holder
        keyed.append(((meal_pass.is_guest, fold(name)), line))
    return [line for _, line in sorted(keyed, key=lambda pair: pair[0])]


def meal_counts(db: sqlite_utils.Database, session_id: str) -> MealCounts:
    lines = meal_list(db, session_id)
    known = {line.meal_pass.token for line in lines}
    served_elsewhere = {
        str(f.payload["token"])
        for f in prior_facts(db, "e.kind = 'meal.served' AND e.session_id = ?", [session_id])
        if f.payload.get("pass_id") is None
    }
    return MealCounts(
        member_passes=sum(1 for line in lines if not line.meal_pass.is_guest),
        guest_passes=sum(1 for line in lines if line.meal_pass.is_guest),
        served_members=sum(1 for line in lines if line.served and not line.meal_pass.is_guest),
        served_guests=sum(1 for line in lines if line.served and line.meal_pass.is_guest),
        served_unknown=len(served_elsewhere - known),
    )
