"""Parking receipts: reimbursed to members the office marked eligible, for a session they
attended. A receipt is a fact (with its scan kept by SHA-256); its status moves
reçu → transmis → payé / rejeté by further facts; nothing is edited in place.
"""

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Any

import sqlite_utils

from desktop.models import attachments, journal, members
from desktop.models.attachments import Attachment
from desktop.models.checkin import live_check_in
from desktop.models.clock import Clock
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
from desktop.models.journal import Desk
from desktop.models.receipt_form import ReceiptForm, ValidForm, validate_form
from desktop.models.storage import write_transaction
from desktop.models.text import fold

PARKING_LINE = "parking"


class ReceiptStatus(Enum):
    RECEIVED = "reçu"
    SENT = "transmis"
    PAID = "payé"
    REJECTED = "rejeté"


TRANSITIONS: dict[ReceiptStatus, frozenset[ReceiptStatus]] = {
    ReceiptStatus.RECEIVED: frozenset({ReceiptStatus.SENT, ReceiptStatus.REJECTED}),
    ReceiptStatus.SENT: frozenset({ReceiptStatus.PAID, ReceiptStatus.REJECTED}),
    ReceiptStatus.PAID: frozenset(),
    ReceiptStatus.REJECTED: frozenset(),
}


@dataclass(frozen=True)
class Receipt:
    event_id: str
    member_id: str
    session_id: str
    car_park: str
    receipt_no: str
    amount_cents: int
    day: date
    time_in: str | None
    time_out: str | None
    attachment: Attachment
    status: ReceiptStatus
    recorded: PriorFact  # when, desk, agent (payload: any override)
    changes: tuple[PriorFact, ...]  # status changes, oldest first

    @property
    def override_reason(self) -> str | None:
        return self.recorded.override_reason


# --- eligibility (an office decision; the commune's tram is only a hint) --------------------


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reason: str
    commune_has_tram: bool  # tram stop in the commune in 2023: a hint for the office only


def eligibility(db: sqlite_utils.Database, member_id: str) -> Eligibility | None:
    row = db.execute(
        "SELECT m.parking_eligible, m.parking_reason, c.tram_2023 FROM members m "
        "JOIN communes c ON c.insee = m.commune_insee WHERE m.id = ?",
        [member_id],
    ).fetchone()
    return None if row is None else Eligibility(bool(row[0]), str(row[1]), bool(row[2]))


def set_eligibility(
    db: sqlite_utils.Database, member_id: str, eligible: bool, reason: str
) -> tuple[FieldError, ...]:
    """The office's decision, on the member's reference record; a reason is required."""
    text = " ".join(reason.split())
    if not text:
        return (FieldError("parking_reason", "Indiquez le motif de la décision."),)
    member = members.get_member(db, member_id)
    if member is None:
        return (FieldError("member", "Membre inconnu."),)
    with write_transaction(db):
        members.save_member(db, replace(member, parking_eligible=eligible, parking_reason=text))
    return ()


def _number_key(receipt_no: str) -> str:
    return fold(receipt_no).replace(" ", "").upper()


# --- recording ------------------------------------------------------------------------------


def record_receipt(
    db: sqlite_utils.Database,
    member_id: str,
    session: Session,
    form: ReceiptForm,
    desk: Desk,
    clock: Clock,
    override_reason: str | None = None,
) -> HandoutResult:
    """Record a parking receipt for an eligible member present at `session`. The same receipt
    number for the same car park is refused for good (DUPLICATE_RECEIPT); a second receipt
    for the member on the same day, or a receipt dated another day than the session, asks
    for a confirmation (NEEDS_CONFIRMATION) that a typed reason gives."""
    member = members.get_member(db, member_id)
    if member is None:
        return HandoutResult(HandoutOutcome.UNKNOWN_MEMBER, PARKING_LINE)
    if not member.parking_eligible:
        return HandoutResult(HandoutOutcome.NOT_ELIGIBLE, PARKING_LINE)
    if live_check_in(db, member.id, session.id) is None:
        return HandoutResult(HandoutOutcome.NOT_PRESENT, PARKING_LINE)
    valid = validate_form(db, form, session)
    if not isinstance(valid, ValidForm):
        return HandoutResult(HandoutOutcome.INVALID, PARKING_LINE, errors=valid)
    override = clean_reason(override_reason)
    with write_transaction(db):
        if live_check_in(db, member.id, session.id) is None:
            return HandoutResult(HandoutOutcome.NOT_PRESENT, PARKING_LINE)
        existing = receipts(db)
        same_number = tuple(
            r.recorded
            for r in existing
            if fold(r.car_park) == fold(valid.car_park)
            and _number_key(r.receipt_no) == _number_key(valid.receipt_no)
        )
        if same_number:
            return HandoutResult(HandoutOutcome.DUPLICATE_RECEIPT, PARKING_LINE, prior=same_number)
        same_day = tuple(
            r.recorded for r in existing if r.member_id == member.id and r.day == valid.day
        )
        reasons: tuple[ConfirmReason, ...] = ()
        if same_day:
            reasons += (ConfirmReason.SECOND_RECEIPT_SAME_DAY,)
        if valid.day != session.day:
            reasons += (ConfirmReason.DATE_NOT_SESSION_DAY,)
        if reasons and override is None:
            return HandoutResult(
                HandoutOutcome.NEEDS_CONFIRMATION, PARKING_LINE, reasons=reasons, prior=same_day
            )
        attachments.store(db, valid.scan)
        payload = _payload(valid)
        if reasons and override is not None:
            payload["override"] = override_payload(override, reasons, same_day)
        event = journal.append(
            db,
            desk,
            clock,
            "parking.receipt",
            member_id=member.id,
            session_id=session.id,
            payload=payload,
        )
        receipt = _receipt(db, fact_of(db, event), member.id, session.id)
    return HandoutResult(
        HandoutOutcome.RECORDED,
        PARKING_LINE,
        event_id=event.id,
        reasons=reasons,
        prior=same_day,
        receipt=receipt,
    )


def _payload(valid: ValidForm) -> dict[str, Any]:
    item = valid.scan.attachment
    return {
        "car_park": valid.car_park,
        "receipt_number": valid.receipt_no,
        "amount_cents": valid.amount_cents,
        "day": valid.day.isoformat(),
        "time_in": valid.time_in,
        "time_out": valid.time_out,
        "scan": {
            "sha256": item.sha256,
            "name": item.name,
            "size": item.size,
            "media_type": item.media_type,
        },
    }


def _receipt(
    db: sqlite_utils.Database, fact: PriorFact, member_id: str, session_id: str
) -> Receipt:
    payload = fact.payload
    scan = payload["scan"]
    changes = _status_changes(db, fact.event_id)
    status = ReceiptStatus(changes[-1].payload["to"]) if changes else ReceiptStatus.RECEIVED
    return Receipt(
        event_id=fact.event_id,
        member_id=member_id,
        session_id=session_id,
        car_park=str(payload["car_park"]),
        receipt_no=str(payload["receipt_number"]),
        amount_cents=int(payload["amount_cents"]),
        day=date.fromisoformat(str(payload["day"])),
        time_in=payload.get("time_in"),
        time_out=payload.get("time_out"),
        attachment=Attachment(
            str(scan["sha256"]), str(scan["name"]), int(scan["size"]), str(scan["media_type"])
        ),
        status=status,
        recorded=fact,
        changes=tuple(changes),
    )


def _status_changes(db: sqlite_utils.Database, receipt_id: str) -> list[PriorFact]:
    return prior_facts(db, "e.kind = 'parking.status' AND e.target_id = ?", [receipt_id])


def receipts(
    db: sqlite_utils.Database, *, member_id: str | None = None, session_id: str | None = None
) -> list[Receipt]:
    """Live receipts (not voided), oldest first, optionally for one member and/or session."""
    rows = db.execute(
        "SELECT id, member_id, session_id FROM live_events WHERE kind = 'parking.receipt' "
        "AND (:member IS NULL OR member_id = :member) "
        "AND (:session IS NULL OR session_id = :session)",
        {"member": member_id, "session": session_id},
    ).fetchall()
    found = []
    for event_id, owner, session in rows:
        (fact,) = prior_facts(db, "e.id = ?", [event_id])
        found.append(_receipt(db, fact, str(owner), str(session)))
    return sorted(found, key=lambda r: (r.recorded.at, r.event_id))


def get_receipt(db: sqlite_utils.Database, receipt_id: str) -> Receipt | None:
    row = db.execute(
        "SELECT member_id, session_id FROM live_events WHERE id = ? AND kind = 'parking.receipt'",
        [receipt_id],
    ).fetchone()
    if row is None:
        return None
    (fact,) = prior_facts(db, "e.id = ?", [receipt_id])
    return _receipt(db, fact, str(row[0]), str(row[1]))


# --- status ---------------------------------------------------------------------------------


class StatusOutcome(Enum):
    CHANGED = "changed"
    NOT_FOUND = "not_found"  # no live receipt with this id (unknown or voided)
    ILLEGAL_TRANSITION = "illegal_transition"  # see `allowed`
    REASON_REQUIRED = "reason_required"  # a rejection needs its reason


@dataclass(frozen=True)
class StatusResult:
    outcome: StatusOutcome
    receipt: Receipt | None = None
    allowed: frozenset[ReceiptStatus] = frozenset()
    event_id: str | None = None


def change_status(
    db: sqlite_utils.Database,
    receipt_id: str,
    status: ReceiptStatus,
    desk: Desk,
    clock: Clock,
    note: str = "",
) -> StatusResult:
    """Move a receipt along reçu → transmis → payé / rejeté (rejection needs a reason)."""
    text = clean_reason(note)
    with write_transaction(db):
        receipt = get_receipt(db, receipt_id)
        if receipt is None:
            return StatusResult(StatusOutcome.NOT_FOUND)
        allowed = TRANSITIONS[receipt.status]
        if status not in allowed:
            return StatusResult(StatusOutcome.ILLEGAL_TRANSITION, receipt, allowed)
        if status is ReceiptStatus.REJECTED and text is None:
            return StatusResult(StatusOutcome.REASON_REQUIRED, receipt, allowed)
        event = journal.append(
            db,
            desk,
            clock,
            "parking.status",
            member_id=receipt.member_id,
            session_id=receipt.session_id,
            target_id=receipt.event_id,
            payload={"from": receipt.status.value, "to": status.value, "note": text or ""},
        )
        updated = get_receipt(db, receipt_id)
    return StatusResult(StatusOutcome.CHANGED, updated, TRANSITIONS[status], event.id)
