"""The documents the desk makes in the background, split in two: what is read from the
database now (on the thread that owns the connection), and a `work(progress)` closure a
worker thread runs with only those plain records and a path (ARCHITECTURE.md: a worker never
gets the GUI's connection). The reprint, which writes facts, opens its own connection.

Used by desktop/ui/documents_dialog.py through ui.tasks.TaskRunner; no Qt here.
"""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop.models.clock import Clock
from desktop.models.convention import Session
from desktop.models.documents.badges_pdf import (
    badge_heading,
    badge_records,
    record_prints,
    render_badges_pdf,
    reprint_badge,
)
from desktop.models.documents.emargement_pdf import emargement_sheet, render_emargement_pdf
from desktop.models.documents.layout import DocumentError
from desktop.models.documents.passes_pdf import (
    lunch_session,
    pass_heading,
    pass_records,
    present_without_pass,
    render_meal_passes_pdf,
)
from desktop.models.journal import Desk
from desktop.models.storage import open_database

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]


def badges_work(db: sqlite_utils.Database, out: Path, layout: str) -> Work:
    """Every member's badge; the work returns (path, records): log the prints with
    badges_pdf.record_prints on the GUI thread once the file exists."""
    records, heading = badge_records(db, None), badge_heading(db)

    def work(progress: Progress) -> tuple[Path, list[Any]]:
        render_badges_pdf(records, out, layout, progress, heading=heading)
        return out, list(records)

    return work


def badges_logged_work(
    db: sqlite_utils.Database,
    db_path: Path,
    out: Path,
    layout: str,
    desk: Desk,
    clock: Clock,
) -> Work:
    """badges_work, and the prints logged by the worker itself on its own connection once the
    file exists (as reprint_work does): one 'badge.print' fact per badge, all in one
    transaction. 1 000 facts are 40-150 ms of inserts and fsync: on the GUI thread (the
    caller's record_prints) that blocks the event loop past its 50 ms budget. The work returns
    (path, records) like badges_work; the caller must not call record_prints again."""
    records, heading = badge_records(db, None), badge_heading(db)

    def work(progress: Progress) -> tuple[Path, list[Any]]:
        render_badges_pdf(records, out, layout, progress, heading=heading)
        log = open_database(db_path)
        try:
            record_prints(log, records, layout, desk, clock)
        finally:
            log.close()
        return out, list(records)

    return work


def passes_work(
    db: sqlite_utils.Database,
    session: Session,
    out: Path,
    layout: str,
    event_ids: Sequence[str] | None = None,
) -> Work:
    """The passes already given for the session's lunch (printing issues none), or only
    `event_ids` (the pass the desk has just handed out, say in "a6"); the work returns
    (path, passes printed, present members given no pass)."""
    lunch = lunch_session(db, session.day, session.id)
    records, heading = pass_records(db, lunch.id, event_ids), pass_heading(db, lunch)
    if not records:
        raise DocumentError(
            "Aucun bon repas remis pour ce déjeuner : les bons se remettent au guichet "
            "(panneau des remises) avant d'être imprimés."
        )
    missing = present_without_pass(db, lunch.id) if event_ids is None else ()

    def work(progress: Progress) -> tuple[Path, int, tuple[str, ...]]:
        render_meal_passes_pdf(records, out, heading, layout, progress)
        return out, len(records), missing

    return work


def emargement_work(
    db: sqlite_utils.Database, session: Session, out: Path, blank: bool, agent: str, clock: Clock
) -> Work:
    """The session's sheet, blank or completed from the hand-outs; returns (path, pages)."""
    sheet = emargement_sheet(db, session.id, blank=blank, clock=clock)

    def work(progress: Progress) -> tuple[Path, int]:
        pages = render_emargement_pdf([sheet], out, agent=agent)
        progress(1, 1)
        return out, pages

    return work


def reprint_work(
    db_path: Path, member_id: str, reason: str, desk: Desk, clock: Clock, out: Path, layout: str
) -> Work:
    """Revoke the member's code, issue and print a new one (its own connection, all or
    nothing); returns (path, member id)."""

    def work(progress: Progress) -> tuple[Path, str]:
        db = open_database(db_path)
        try:
            reprint_badge(db, member_id, reason, desk, clock, out, layout)
        finally:
            db.close()
        return out, member_id

    return work
