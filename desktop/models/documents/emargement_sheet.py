"""What a feuille d'émargement shows, read from the database as plain records."""

from collections.abc import Mapping
from dataclasses import dataclass, field

import sqlite_utils

from desktop.models.attendance import counts, session_roster
from desktop.models.clock import Clock, french_date, paris_day, paris_hhmm, system_clock
from desktop.models.convention import Session, get_convention, get_session
from desktop.models.documents.emargement_extras import (
    HandoutTotals,
    handout_extras,
    handout_totals,
)
from desktop.models.documents.layout import DocumentError
from desktop.models.workspace import CONVENTION_TITLE, DELIBERATION, ORGANISER

# The hand-out columns, in order: key in SheetRow.extras -> column heading. Another module
# fills them (meal given, tickets handed out, parking receipt) with a dict per member.
EXTRA_COLUMNS: tuple[tuple[str, str], ...] = (
    ("meal", "Repas"),
    ("tickets", "Tickets"),
    ("parking", "Stationnement"),
)
NOT_RECORDED = "—"


@dataclass(frozen=True)
class SheetRow:
    number: int
    surname: str
    first_name: str
    arrival: str  # "09:12" (Europe/Paris), "" when blank or absent
    present: bool
    extras: Mapping[str, str] = field(default_factory=dict)
    substitute: bool = False  # a suppléant·e, marked on the sheet

    def extra(self, key: str, blank: bool) -> str:
        if blank:
            return ""
        return self.extras.get(key) or NOT_RECORDED


@dataclass(frozen=True)
class Sheet:
    """One session's sheet as plain data: a worker thread can render it."""

    organiser: str
    title: str
    deliberation: str
    session: Session
    rows: tuple[SheetRow, ...]
    expected: int
    present: int | None  # None on a blank sheet: counted by hand
    blank: bool
    edited_at: str  # "11/11/2023 à 10:42", Europe/Paris
    totals: HandoutTotals | None = None  # None on a blank sheet: counted by hand


def emargement_sheet(
    db: sqlite_utils.Database,
    session_id: str,
    *,
    blank: bool = False,
    extras: Mapping[str, Mapping[str, str]] | None = None,
    clock: Clock = system_clock,
) -> Sheet:
    """Read a session's sheet. `extras` maps a member id to its hand-out cells
    ({"meal": "oui 09:14", "tickets": "1 voyage × 2"}); missing cells print as "—". By
    default they come from the hand-out facts (emargement_extras.handout_extras)."""
    session = get_session(db, session_id)
    if session is None:
        raise DocumentError(f"Séance inconnue : {session_id!r}.")
    convention = get_convention(db)
    if extras is None:
        extras = {} if blank else handout_extras(db, session_id)
    rows = tuple(
        SheetRow(
            number=index,
            surname=row.surname,
            first_name=row.first_name,
            arrival="" if blank or row.arrived_at is None else paris_hhmm(row.arrived_at),
            present=row.present and not blank,
            extras={} if blank else dict(extras.get(row.member_id, {})),
            substitute=row.status == "suppléant",
        )
        for index, row in enumerate(session_roster(db, session_id), start=1)
    )
    tally = counts(db, session_id)
    now = clock()
    return Sheet(
        organiser=convention.organiser if convention else ORGANISER,
        title=convention.title if convention else CONVENTION_TITLE,
        deliberation=convention.deliberation if convention else DELIBERATION,
        session=session,
        rows=rows,
        expected=tally.expected,
        present=None if blank else tally.present,
        blank=blank,
        edited_at=f"{french_date(paris_day(now))} à {paris_hhmm(now)}",
        totals=None if blank else handout_totals(db, session_id),
    )
