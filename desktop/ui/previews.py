"""One private folder per run for the PDFs drawn only to be previewed (export receipt, dashboard,
scanner test sheet, members' notice): made on first use, removed when the application quits.

Each preview used to get a folder of its own in the temporary folder, never removed: 80 and
more "guichet-recu-*" had piled up on one machine, and the notice went to a fixed
"/tmp/guichet-notice" any user of the machine could read. A run killed before it quits (power
cut, crash) leaves its folder: the next run sweeps the ones untouched for
scratch.STALE_AFTER_SECONDS, and those older versions left, before making its own, and once
at start-up (`sweep_after_start`, called by the desk's and the office's start).

What the agent saves with "Enregistrer sous…" is a copy written where they chose: the clean-up
never touches it. A preview of the same name as an earlier one gets a subfolder of its own, so
a PDF still shown in a preview is never written over.
"""

import atexit
import shutil
import tempfile
from itertools import count
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from desktop.models.scratch import sweep_stale

PREFIX = "guichet-apercus-"
# What earlier versions left in the temporary folder, each preview in a folder of its own.
LEGACY_PREFIXES = ("guichet-recu-", "guichet-notice")
SWEEP_DELAY_MS = 3_000  # after the start: the desk is up and painted

# "folder": this run's folder, "count": numbers its previews, "hooked": the application whose
# aboutToQuit removes it, "atexit": removed at Python's exit too.
_run: dict[str, object] = {}


def sweep() -> list[Path]:
    """Remove the preview folders left by runs that did not quit (untouched for long); the
    folders removed."""
    removed = []
    for prefix in (PREFIX, *LEGACY_PREFIXES):
        removed += sweep_stale(prefix)
    return removed


def sweep_after_start(delay_ms: int | None = None) -> None:
    """Sweep a moment after the start, the window shown and painted: so that a desk that never
    previews anything also clears what a crashed run left (a receipt names the desk and its
    export). Not at once: a first-turn timer ran before the first paint and the sweep (3 globs
    of the temporary folder, ~4 ms with 1 700 entries) delayed the cold start by as much."""
    QTimer.singleShot(SWEEP_DELAY_MS if delay_ms is None else delay_ms, sweep)


def run_folder() -> Path:
    """This run's preview folder (mode 0700), made on first use; it goes when the application
    quits."""
    folder = _run.get("folder")
    if isinstance(folder, Path) and folder.is_dir():
        return folder
    sweep()
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    _run["folder"], _run["count"] = folder, count(1)
    app = QCoreApplication.instance()
    if app is not None and _run.get("hooked") is not app:
        app.aboutToQuit.connect(clean_up)
        _run["hooked"] = app
    if not _run.get("atexit"):  # also when Python ends without the event loop (the tests)
        atexit.register(clean_up)
        _run["atexit"] = True
    return folder


def preview_path(name: str) -> Path:
    """Where to draw the preview called `name` (the name the preview shows and offers to save
    under): in a new subfolder of the run's folder."""
    folder = run_folder()
    numbers = _run["count"]
    assert isinstance(numbers, count)
    place = folder / f"{next(numbers):03d}"
    place.mkdir(mode=0o700)
    return place / name


def clean_up() -> None:
    """Remove this run's preview folder (connected to QCoreApplication.aboutToQuit)."""
    folder = _run.pop("folder", None)
    _run.pop("count", None)
    if isinstance(folder, Path):
        shutil.rmtree(folder, ignore_errors=True)
