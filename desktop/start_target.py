"""Which file the desk window opens: decided from the command line and the desk's settings.

A pure function (no Qt, no disk), so that each case is tested without starting the GUI:

    guichet --db FILE     FILE, as given (with --demo too: the demo is made in FILE if absent)
    guichet --demo        the demo file in the user data folder
    guichet               the desk file chosen in the first-start wizard, if one was;
    guichet --agent NAME  otherwise the demo, as before

The remembered file is used as it is: when it has vanished or is damaged, the start check
(backup_dialog.start_check) offers the latest backup, and otherwise Guichet stops with a
message. It never falls back to the demo, which would take real people's check-ins.
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StartTarget:
    db_path: Path | None  # None: the demo file of the user data folder (paths.demo_database)
    demo: bool  # make the demo in db_path when it is absent, and a session today
    remembered: bool = False  # this laptop's desk file, from the settings (DESK_DATABASE)


def resolve_start(db_path: Path | None, demo: bool, remembered: str) -> StartTarget:
    """`db_path` and `demo` from the command line; `remembered`: the DESK_DATABASE setting
    ("" when none was chosen, or the desk chose the demo)."""
    if db_path is not None or demo:
        return StartTarget(db_path, demo)
    if remembered:
        return StartTarget(Path(remembered), demo=False, remembered=True)
    return StartTarget(None, demo=True)
