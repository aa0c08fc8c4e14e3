"""Members of the convention (reference data from the roster) and their badges."""

import json
from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from desktop.models.text import fold

STATUSES = ("actif", "suppléant", "retiré")
PASS_STATUSES = ("aucun", "week-end", "7j-7", "en cours")
MENUS = ("standard", "végétarien", "sans porc", "autre")
EXPECTED_STATUSES = ("actif", "suppléant")


@dataclass(frozen=True)
class Member:
    id: str
    surname: str
    first_name: str
    commune_insee: str
    commune: str
    status: str
    pass_status: str = "aucun"
    parking_eligible: bool = False
    parking_reason: str = ""
    menu: str = "standard"
    needs_assistance: bool = False
    assistance_note: str = ""
    external_ref: str | None = None

    @property
    def display_name(self) -> str:
        """How the desk greets a member: "Émilie ROUSSEL"."""
        return f"{self.first_name} {self.surname.upper()}"

    @property
    def withdrawn(self) -> bool:
        return self.status == "retiré"


def search_key(surname: str, first_name: str, commune: str) -> str:
    return fold(f"{first_name} {surname} {commune}")


_COLUMNS = (
    "m.id, m.surname, m.first_name, m.commune_insee, c.name, m.status, m.pass_status, "
    "m.parking_eligible, m.parking_reason, m.menu, m.needs_assistance, m.assistance_note, "
    "m.external_ref"
)
_FROM = "FROM members m JOIN communes c ON c.insee = m.commune_insee"


def _member(row: tuple[object, ...]) -> Member:
    return Member(
        id=str(row[0]),
        surname=str(row[1]),
        first_name=str(row[2]),
        commune_insee=str(row[3]),
        commune=str(row[4]),
        status=str(row[5]),
        pass_status=str(row[6]),
        parking_eligible=bool(row[7]),
        parking_reason=str(row[8]),
        menu=str(row[9]),
        needs_assistance=bool(row[10]),
        assistance_note=str(row[11]),
        external_ref=None if row[12] is None else str(row[12]),
    )


def save_member(db: sqlite_utils.Database, member: Member) -> None:
    """Insert or update a member in place (reference data: the log is never touched)."""
    values = {
        "id": member.id,
        "external_ref": member.external_ref,
        "surname": member.surname,
        "first_name": member.first_name,
        "commune_insee": member.commune_insee,
        "status": member.status,
        "pass_status": member.pass_status,
        "parking_eligible": int(member.parking_eligible),
        "parking_reason": member.parking_reason,
        "menu": member.menu,
        "needs_assistance": int(member.needs_assistance),
        "assistance_note": member.assistance_note,
        "search_key": search_key(member.surname, member.first_name, member.commune),
    }
    columns = ", ".join(values)
    updates = ", ".join(f"{name} = excluded.{name}" for name in values if name != "id")
    db.execute(
        f"INSERT INTO members ({columns}) VALUES ({', '.join('?' * len(values))}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}",
        list(values.values()),
    )


def get_member(db: sqlite_utils.Database, member_id: str) -> Member | None:
    row = db.execute(f"SELECT {_COLUMNS} {_FROM} WHERE m.id = ?", [member_id]).fetchone()
    return _member(row) if row else None


def members_by_id(db: sqlite_utils.Database, member_ids: Iterable[str]) -> dict[str, Member]:
    """The members of `member_ids` (unknown ids left out), in one query through the primary
    key: as cheap for the three passes of the morning as for 13 000 at the end of the day."""
    wanted = sorted(set(member_ids))
    if not wanted:
        return {}
    rows = db.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE m.id IN (SELECT value FROM json_each(?))",
        [json.dumps(wanted)],
    ).fetchall()
    return {member.id: member for member in map(_member, rows)}


def all_members(db: sqlite_utils.Database) -> list[Member]:
    rows = db.execute(f"SELECT {_COLUMNS} {_FROM} ORDER BY m.surname, m.first_name")
    return [_member(row) for row in rows.fetchall()]


def search_members(db: sqlite_utils.Database, query: str, limit: int = 50) -> list[Member]:
    """Accent- and case-insensitive search on names and commune ("emilie", "saint jean")."""
    words = fold(query).split()
    if not words:
        return []
    where = " AND ".join("m.search_key LIKE ?" for _ in words)
    params: list[object] = [f"%{word}%" for word in words]
    rows = db.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE {where} ORDER BY m.surname, m.first_name LIMIT ?",
        [*params, limit],
    )
    return [_member(row) for row in rows.fetchall()]


# --- badges ---------------------------------------------------------------------------------


def add_badge(db: sqlite_utils.Database, token: str, member_id: str, issued_at: str) -> None:
    db.execute(
        "INSERT INTO badges (token, member_id, issued_at) VALUES (?, ?, ?)",
        [token, member_id, issued_at],
    )


def badge_owner(db: sqlite_utils.Database, token: str) -> str | None:
    row = db.execute("SELECT member_id FROM badges WHERE token = ?", [token]).fetchone()
    return None if row is None else str(row[0])


def is_revoked(db: sqlite_utils.Database, token: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM live_events WHERE kind = 'badge.revoke' AND target_id = ? LIMIT 1",
        [token],
    ).fetchone()
    return row is not None


def current_badge(db: sqlite_utils.Database, member_id: str) -> str | None:
    """The member's newest badge that is not revoked."""
    row = db.execute(
        "SELECT b.token FROM badges b WHERE b.member_id = ? AND NOT EXISTS ("
        " SELECT 1 FROM live_events r WHERE r.kind = 'badge.revoke' AND r.target_id = b.token)"
        " ORDER BY b.issued_at DESC, b.rowid DESC LIMIT 1",
        [member_id],
    ).fetchone()
    return None if row is None else str(row[0])
