"""The état liquidatif of parking refunds: one row per live receipt of the scope's
sessions (payable ones apart from rejected ones), numbered, with the file name its scan gets in
the bundled folder. Amounts are integer cents: the total is exact."""

from dataclasses import dataclass

import sqlite_utils

from desktop.models import members
from desktop.models.convention import Session
from desktop.models.parking import Receipt, ReceiptStatus, receipts
from desktop.models.reports.scope import Scope
from desktop.models.text import fold


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


def parking_statement(db: sqlite_utils.Database, scope: Scope) -> ParkingStatement:
    sessions = {s.id: s for s in scope.sessions}
    # The scope's receipts only, and their holders only (not every receipt and member).
    found = [r for session_id in sessions for r in receipts(db, session_id=session_id)]
    holders = {r.member_id for r in found}
    people = {m.id: m for m in (members.get_member(db, i) for i in holders) if m is not None}

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
