"""Work handed to background tasks. A worker never shares the GUI's SQLite connection: it gets
plain records read beforehand, or opens its own connection to the file."""

from pathlib import Path

from desktop.models.clock import Clock
from desktop.ui.tasks import Progress, Work


def import_roster_job(
    db_path: Path, roster: Path, clock: Clock, *, withdraw_most: bool = False
) -> Work:
    def work(progress: Progress) -> object:
        from desktop.models.roster import import_roster
        from desktop.models.storage import open_database

        db = open_database(db_path)
        try:
            return import_roster(db, roster, clock, withdraw_most=withdraw_most)
        finally:
            db.close()

    return work
