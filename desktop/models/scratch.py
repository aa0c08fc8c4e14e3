"""Private scratch folders for copies of a desk's data (merge staging, private exports).

A process killed in the middle (power cut, SIGKILL, a crash) never runs its clean-up, and what
it left is a full copy of a desk's log: personal data lying in the temporary folder. Each new
scratch folder therefore first removes the ones of the same kind left long ago by a process that
can no longer be using them.
"""

import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Older than any merge or export could last: a folder this old was left by a dead process.
STALE_AFTER_SECONDS = 12 * 3600


def sweep_stale(prefix: str, now: float | None = None) -> list[Path]:
    """Remove this kind's scratch folders untouched for STALE_AFTER_SECONDS; those removed."""
    limit = (time.time() if now is None else now) - STALE_AFTER_SECONDS
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(prefix + "*"):
        try:
            stale = folder.is_dir() and not folder.is_symlink() and folder.stat().st_mtime < limit
        except OSError:
            continue  # gone meanwhile, or not ours to read
        if stale:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextmanager
def scratch_folder(prefix: str) -> Iterator[Path]:
    """A new private folder (mode 0700), wiped on the way out, after sweeping stale ones."""
    sweep_stale(prefix)
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        yield Path(folder)
