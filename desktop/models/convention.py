"""The convention and its calendar of sessions (reference data prepared by the office)."""

from dataclasses import dataclass
from datetime import date, datetime

import sqlite_utils

from desktop.models.clock import PARIS

PARTS = ("matin", "après-midi", "journée", "soirée")
# Before this hour (Paris time) a day with a morning and an afternoon session is "morning".
AFTERNOON_STARTS_AT = 13


@dataclass(frozen=True)
class Convention:
    convention_id: str
    code_tag: str
    title: str
    organiser: str
    deliberation: str


@dataclass(frozen=True)
class Session:
    id: str
    day: date
    part: str
    place: str
    weekend: int | None
    lunch: bool
    label: str

    @property
    def title(self) -> str:
        return f"{self.label} — {self.day.strftime('%d/%m/%Y')} ({self.part})"


def get_convention(db: sqlite_utils.Database) -> Convention | None:
    row = db.execute(
        "SELECT convention_id, code_tag, title, organiser, deliberation FROM convention"
    ).fetchone()
    return Convention(*row) if row else None


def set_convention(db: sqlite_utils.Database, convention: Convention) -> None:
    db.execute(
        "INSERT INTO convention (id, convention_id, code_tag, title, organiser, deliberation) "
        "VALUES (1, ?, ?, ?, ?, ?)",
        [
            convention.convention_id,
            convention.code_tag,
            convention.title,
            convention.organiser,
            convention.deliberation,
        ],
    )


def _session(row: tuple[object, ...]) -> Session:
    sid, day, part, place, weekend, lunch, label = row
    return Session(
        id=str(sid),
        day=date.fromisoformat(str(day)),
        part=str(part),
        place=str(place),
        weekend=int(weekend) if isinstance(weekend, int) else None,
        lunch=bool(lunch),
        label=str(label),
    )


_SESSION_COLUMNS = "id, day, part, place, weekend, lunch, label"
_PART_ORDER = (
    "CASE part WHEN 'matin' THEN 0 WHEN 'journée' THEN 1 WHEN 'après-midi' THEN 2 ELSE 3 END"
)


def add_session(db: sqlite_utils.Database, session: Session) -> None:
    if session.part not in PARTS:
        raise ValueError(f"partie de journée inconnue : {session.part}")
    db.execute(
        f"INSERT INTO sessions ({_SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            session.id,
            session.day.isoformat(),
            session.part,
            session.place,
            session.weekend,
            int(session.lunch),
            session.label,
        ],
    )


def all_sessions(db: sqlite_utils.Database) -> list[Session]:
    rows = db.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions ORDER BY day, {_PART_ORDER}")
    return [_session(row) for row in rows.fetchall()]


def sessions_on(db: sqlite_utils.Database, day: date) -> list[Session]:
    rows = db.execute(
        f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE day = ? ORDER BY {_PART_ORDER}",
        [day.isoformat()],
    )
    return [_session(row) for row in rows.fetchall()]


def get_session(db: sqlite_utils.Database, session_id: str) -> Session | None:
    row = db.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", [session_id])
    found = row.fetchone()
    return _session(found) if found else None


def current_session(db: sqlite_utils.Database, now: datetime) -> Session | None:
    """The session a scan at `now` belongs to: today's (Paris) session, the morning or the
    afternoon one by the clock when the day has both; None when nothing is planned today."""
    local = now.astimezone(PARIS)
    today = sessions_on(db, local.date())
    if len(today) <= 1:
        return today[0] if today else None
    afternoon = local.hour >= AFTERNOON_STARTS_AT
    preferred = ("après-midi", "soirée", "journée") if afternoon else ("matin", "journée")
    for part in preferred:
        for session in today:
            if session.part == part:
                return session
    return today[0]
