"""Work handed to background tasks. A worker never shares the GUI's SQLite connection: it gets
plain records read beforehand, or opens its own connection to the file."""

from pathlib import Path

import sqlite_utils

from desktop.models.clock import Clock
from desktop.ui.tasks import Progress, Work


def import_roster_job(db_path: Path, roster: Path, clock: Clock) -> Work:
    def work(progress: Progress) -> object:
        from desktop.models.roster import import_roster
        from desktop.models.storage import open_database

        db = open_database(db_path)
        try:
            return import_roster(db, roster, clock)
        finally:
            db.close()

    return work


def badges_job(db: sqlite_utils.Database, out: Path, layout: str) -> Work:
    """Records and heading are read here, on the GUI thread; the worker only draws."""
    from desktop.models.documents.badges_pdf import badge_heading, badge_records, render_badges_pdf

    records = badge_records(db, None)
    heading = badge_heading(db)

    def work(progress: Progress) -> tuple[Path, list[object]]:
        render_badges_pdf(records, out, layout, progress, heading=heading)
        return out, list(records)

    return work
