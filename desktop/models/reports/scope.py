"""The scope of a report: the sessions of one weekend, or of the whole convention."""

from dataclasses import dataclass
from datetime import date

import sqlite_utils

from desktop.models.convention import Session, all_sessions


class ReportError(Exception):
    """A report cannot be made (unknown weekend, no convention...): French message."""


@dataclass(frozen=True)
class Scope:
    weekend: int | None  # None: the whole convention
    sessions: tuple[Session, ...]

    @property
    def title(self) -> str:
        return "Toute la convention" if self.weekend is None else f"Week-end {self.weekend}"

    @property
    def slug(self) -> str:
        return "convention" if self.weekend is None else f"we{self.weekend}"

    @property
    def session_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.sessions)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(sorted({s.day for s in self.sessions}))


# --- scope ----------------------------------------------------------------------------------


def report_scope(db: sqlite_utils.Database, weekend: int | None) -> Scope:
    sessions = all_sessions(db)
    if weekend is not None:
        sessions = [s for s in sessions if s.weekend == weekend]
        if not sessions:
            known = sorted({s.weekend for s in all_sessions(db) if s.weekend is not None})
            listed = ", ".join(map(str, known)) or "aucun"
            raise ReportError(f"aucune séance pour le week-end {weekend} (week-ends : {listed}).")
    if not sessions:
        raise ReportError("aucune séance dans ce fichier.")
    return Scope(weekend, tuple(sessions))
