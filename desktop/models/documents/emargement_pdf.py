"""The feuille d'émargement as PDF: the signed attendance sheet of a session, the French proof
of presence the finance office files. Blank before the session (names only, to be signed),
completed after it (arrival times, counts); "page x / y" on every page of each sheet."""

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

import sqlite_utils

from desktop.models.clock import Clock, french_date, system_clock
from desktop.models.convention import Session, sessions_on
from desktop.models.documents.emargement_draw import PAGE_HEIGHT, PAGE_WIDTH, draw_sheet, page_plan
from desktop.models.documents.emargement_sheet import (
    EXTRA_COLUMNS,
    Sheet,
    SheetRow,
    emargement_sheet,
)
from desktop.models.documents.layout import DocumentError, atomic_output, new_canvas

__all__ = [
    "EXTRA_COLUMNS",
    "Sheet",
    "SheetRow",
    "day_sessions",
    "emargement_sheet",
    "render_emargement",
    "render_emargement_day",
    "render_emargement_pdf",
]


def render_emargement_pdf(
    sheets: Sequence[Sheet],
    out: Path,
    *,
    agent: str = "",
    role: str = "",
    certified_on: date | None = None,
) -> int:
    """Write the sheets one after the other (each numbered "page x / y" on its own) to `out`
    through a temporary file. Needs no database. Returns the number of pages written."""
    if not sheets:
        raise DocumentError("Aucune séance à imprimer.")
    plans = [page_plan(sheet) for sheet in sheets]
    with atomic_output(out) as temporary:
        first = sheets[0]
        canvas = new_canvas(
            temporary,
            PAGE_WIDTH,
            PAGE_HEIGHT,
            title=f"Feuille d'émargement — {first.title}",
            author=first.organiser,
            subject=", ".join(sheet.session.title for sheet in sheets),
        )
        for sheet, plan in zip(sheets, plans, strict=True):
            draw_sheet(canvas, sheet, plan, agent=agent, role=role, certified_on=certified_on)
        canvas.save()
    return sum(len(plan) for plan in plans)


def render_emargement(
    db: sqlite_utils.Database,
    session_id: str,
    out: Path,
    blank: bool = False,
    agent: str = "",
    role: str = "",
    *,
    clock: Clock = system_clock,
    extras: Mapping[str, Mapping[str, str]] | None = None,
    certified_on: date | None = None,
) -> int:
    """The sheet of one session as a PDF; returns its number of pages. `extras` maps a
    member id to its hand-out cells ({"meal": "oui"}); missing cells print as "—"."""
    sheet = emargement_sheet(db, session_id, blank=blank, extras=extras, clock=clock)
    return render_emargement_pdf([sheet], out, agent=agent, role=role, certified_on=certified_on)


def day_sessions(
    db: sqlite_utils.Database, day: date, session_id: str | None = None
) -> list[Session]:
    """The sessions of `day`, or the one asked for (which must take place that day)."""
    sessions = sessions_on(db, day)
    if not sessions:
        raise DocumentError(f"Aucune séance le {french_date(day)}.")
    if session_id is None:
        return sessions
    chosen = [s for s in sessions if s.id == session_id]
    if not chosen:
        known = ", ".join(s.id for s in sessions)
        raise DocumentError(
            f"La séance {session_id!r} n'a pas lieu le {french_date(day)} (séances de ce jour : {known})."
        )
    return chosen


def render_emargement_day(
    db: sqlite_utils.Database,
    day: date,
    out: Path,
    blank: bool = False,
    agent: str = "",
    role: str = "",
    *,
    session_id: str | None = None,
    clock: Clock = system_clock,
    certified_on: date | None = None,
) -> int:
    """Every session of `day` (or only `session_id`) in one PDF, a sheet each; returns the
    number of pages."""
    sheets = [
        emargement_sheet(db, s.id, blank=blank, clock=clock)
        for s in day_sessions(db, day, session_id)
    ]
    return render_emargement_pdf(sheets, out, agent=agent, role=role, certified_on=certified_on)
