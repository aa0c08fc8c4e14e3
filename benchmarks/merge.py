"""The office merge at scale: 20 desk exports of 10 000 facts each, merged into one master.

    .venv/bin/python benchmarks/merge.py [--quick]

The floor is a bare `INSERT OR IGNORE ... SELECT` of the same rows from the same files into a
copy of the same office file (same pragmas and page cache, one transaction per file),
measured in the same run. The merge adds everything the floor skips: signature, copy + SHA-256, integrity check,
sequence and convention checks, anomaly and copied-desk queries, badges, import log.
Each measurement runs in a fresh child process, so that its peak RSS is its own.
Budgets: merge ≤ 5 s and ≤ 2× the floor; peak RSS ≤ 2× the floor's.
"""

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import Row, print_table
from desktop.models import journal
from desktop.models.clock import to_utc_text
from desktop.models.demo import create_demo
from desktop.models.desk_setup import create_desk
from desktop.models.export import export_desk
from desktop.models.ids import uuid7
from desktop.models.merge import CORE_COLUMNS, MERGE_CACHE_KIB, merge_exports
from desktop.models.storage import open_database, write_transaction

MOMENT = datetime(2023, 11, 11, 8, 12, tzinfo=UTC)
KINDS = ("checkin", "meal.pass", "ticket.handout", "parking.receipt", "badge.revoke")


def _fill(desk_path: Path, count: int, rng: random.Random) -> None:
    """A long day at a desk: facts of every kind about real members and sessions."""
    db = open_database(desk_path)
    desk = journal.local_desk(db, "Martin")
    member_ids = [r[0] for r in db.execute("SELECT id FROM members")]
    session_ids = [r[0] for r in db.execute("SELECT id FROM sessions")]
    at = to_utc_text(MOMENT)
    rows = []
    for seq in range(1, count + 1):
        kind = KINDS[seq % len(KINDS)]
        payload = {"method": "qr", "n": seq, "product": "1 voyage", "quantity": rng.randint(1, 4)}
        rows.append(
            (
                uuid7(),
                desk.desk_id,
                seq,
                at,
                "Martin",
                kind,
                rng.choice(member_ids),
                rng.choice(session_ids),
                json.dumps(payload, sort_keys=True),
            )
        )
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO events (id, desk_id, seq, at, agent, kind, member_id, session_id, "
            "payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    db.close()


def prepare(folder: Path, desks: int, facts: int) -> tuple[Path, list[Path]]:
    office = folder / "office.sqlite"
    create_demo(office, lambda: MOMENT).close()
    rng = random.Random(17)
    (folder / "exports").mkdir()
    files = []
    for n in range(desks):
        desk = create_desk(office, folder / f"desk{n:02d}.sqlite", f"Guichet {n + 2}")
        _fill(desk.db_path, facts, rng)
        files.append(export_desk(desk.db_path, folder / "exports").snapshot_path)
    return office, [f for f in files if f is not None]


# --- what a child process measures ------------------------------------------------------------


def floor(office: Path, files: list[Path]) -> None:
    db = open_database(office)
    db.execute(f"PRAGMA cache_size = {MERGE_CACHE_KIB}")  # the same page cache as the merge
    names = ", ".join(CORE_COLUMNS)
    for path in files:
        db.execute("ATTACH DATABASE ? AS src", [str(path)])
        with write_transaction(db):
            db.execute(
                f"INSERT OR IGNORE INTO main.events ({names}) SELECT {names} FROM src.events"
            )
        db.execute("DETACH DATABASE src")
    db.close()


def merge(office: Path, files: list[Path]) -> None:
    reports = merge_exports(office, files)
    assert all(not r.refused for r in reports), [r.rejection for r in reports]


def child(mode: str, office: Path, files: list[Path]) -> None:
    # No tracemalloc here: it slows Python-heavy work (the chain check hashes every row) four
    # times and not the floor's C loop, so it would skew the ratio. Memory is the peak RSS.
    start = time.perf_counter()
    {"floor": floor, "merge": merge}[mode](office, files)
    elapsed = (time.perf_counter() - start) * 1000
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"ms": elapsed, "rss_mb": rss}))


def measure(mode: str, office: Path, files: list[Path], work: Path) -> dict[str, float]:
    target = work / f"{mode}-{time.monotonic_ns()}.sqlite"
    shutil.copyfile(office, target)
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(target), *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )
    target.unlink()
    for extra in ("-wal", "-shm"):
        Path(f"{target}{extra}").unlink(missing_ok=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(quick: bool) -> list[Row]:
    desks, facts, repeats = (5, 2_000, 2) if quick else (20, 10_000, 3)
    scale = f"{desks} desks × {facts:,} facts".replace(",", " ")
    with tempfile.TemporaryDirectory(prefix="guichet-bench-merge-") as tmp:
        work = Path(tmp)
        office, files = prepare(work, desks, facts)
        floors = [measure("floor", office, files, work) for _ in range(repeats)]
        merges = [measure("merge", office, files, work) for _ in range(repeats)]
        # Merging the same files again: every one is recognised by its hash, nothing changes.
        merged = work / "merged.sqlite"
        shutil.copyfile(office, merged)
        merge(merged, files)
        again = [measure("merge", merged, files, work) for _ in range(repeats)]
    floor_ms = min(f["ms"] for f in floors)
    merge_ms = [m["ms"] for m in merges]
    floor_rss = max(f["rss_mb"] for f in floors)
    merge_rss = max(m["rss_mb"] for m in merges)
    median = sorted(merge_ms)[len(merge_ms) // 2]
    return [
        Row(
            "floor: bare INSERT OR IGNORE",
            scale,
            [f["ms"] for f in floors],
            None,
            "-",
            None,
            floor_rss,
        ),
        Row(
            "merge_exports (verified)",
            scale,
            merge_ms,
            floor_ms,
            "≤ 5 s and ≤ 2× floor",
            median <= 5000 and median <= 2 * floor_ms,
            merge_rss,
        ),
        Row(
            "merge peak RSS vs floor's",
            scale,
            [merge_rss],
            floor_rss,
            "≤ 2× floor (MB, not ms)",
            merge_rss <= 2 * floor_rss,
            merge_rss,
        ),
        Row(
            "merge again (all déjà importé)",
            scale,
            [a["ms"] for a in again],
            floor_ms,
            "≤ floor",
            sorted(a["ms"] for a in again)[len(again) // 2] <= floor_ms,
            max(a["rss_mb"] for a in again),
        ),
    ]


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]), [Path(p) for p in sys.argv[4:]])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print_table(run(args.quick))


if __name__ == "__main__":
    main()
