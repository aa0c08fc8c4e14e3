"""Processes killed at random (SIGKILL): a desk writing scans, an export, an office merge.

Each victim is a real child process; the parent kills it at a random moment and then checks
what survives: acknowledged scans all present, never a manifest for a partial file, and a
merge that is all or nothing per file.
"""

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.models import journal, keys
from desktop.models.clock import to_utc_text
from desktop.models.ids import uuid7
from desktop.models.merge import merge_exports
from desktop.models.storage import open_database, write_transaction
from tests.models.sync_support import (
    ROOT,
    export,
    fingerprint,
    make_desk,
    make_office,
    sha256_file,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")


@pytest.fixture(autouse=True)
def _children_scratch_in_the_test_folder(tmp_path, monkeypatch):
    """A killed child never wipes its scratch copy: keep it in the test's folder, not /tmp."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))


WRITER = """
import sys
from datetime import UTC, datetime
from desktop.models import journal
from desktop.models.storage import open_database, write_transaction

db = open_database(sys.argv[1])
desk = journal.local_desk(db, "Martin")
clock = lambda: datetime.now(UTC)
for n in range(int(sys.argv[2])):
    with write_transaction(db):
        event = journal.append(db, desk, clock, "scan.test", payload={"n": n})
    # Acknowledged only after the commit returned, in one write: with PYTHONUNBUFFERED (set on
    # some machines) print() would make one write per piece, and a kill could cut the line.
    sys.stdout.write(f"{event.id} {event.seq}\\n")
    sys.stdout.flush()
"""

EXPORTER = """
import sys
from desktop.models.export import export_desk
export_desk(sys.argv[1], sys.argv[2], progress=lambda step: print(step.name, flush=True))
print("DONE", flush=True)
"""


MERGER = """
import sys
from desktop.models.merge import merge_exports
merge_exports(sys.argv[1], sys.argv[2:], progress=lambda i, n, path: print(i, n, flush=True))
print("DONE", flush=True)
"""


def _child(script: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _kill(proc: subprocess.Popen[str]) -> str:
    """SIGKILL, then what the child had written before dying.

    The rest is read through the same buffered text stream the caller iterated: with a
    timeout, `communicate` reads the raw pipe and skips what that stream had already
    buffered, so the rest would start in the middle of a line (a flaky CI run did).
    """
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read() if proc.stdout is not None else ""
    proc.wait(timeout=30)
    return rest


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_desk_writer_killed_at_random_loses_no_acknowledged_scan(tmp_path, clock):
    office = make_office(tmp_path, clock)
    desk = make_desk(office, tmp_path, "Guichet 2")
    rng = random.Random(20231111)
    acked: dict[str, int] = {}
    kills = 0
    while len(acked) < 1000:
        proc = _child(WRITER, desk.db_path, 1000 - len(acked))
        assert proc.stdout is not None
        kill_after = rng.randint(60, 320)
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if len(lines) >= kill_after:
                time.sleep(rng.random() * 0.004)  # land anywhere in the next transaction
                break
        written = "".join(lines) + _kill(proc)
        assert proc.returncode in (0, -signal.SIGKILL), "the writer failed on its own"
        kills += proc.returncode == -signal.SIGKILL
        for line in written.split("\n")[:-1]:  # after the last newline: not acknowledged
            event_id, seq = line.split()
            acked[event_id] = int(seq)

        db = open_database(desk.db_path)  # reopening recovers the WAL like a restart
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = dict(db.execute("SELECT id, seq FROM events").fetchall())
        db.close()
        missing = set(acked) - set(rows)
        assert not missing, f"{len(missing)} acknowledged scans lost"
        assert all(rows[i] == s for i, s in acked.items())
        assert sorted(rows.values()) == list(range(1, len(rows) + 1))  # gapless
    assert kills >= 3


def _fill(desk_path: Path, count: int, clock) -> None:
    """Many facts at once (a long day), in one transaction, with gapless sequence numbers."""
    db = open_database(desk_path)
    desk = journal.local_desk(db, "Martin")
    at = to_utc_text(clock())
    with write_transaction(db):
        (last,) = db.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM events WHERE desk_id = ?", [desk.desk_id]
        ).fetchone()
        db.conn.executemany(
            "INSERT INTO events (id, desk_id, seq, at, agent, kind, payload) "
            "VALUES (?, ?, ?, ?, ?, 'scan.test', ?)",
            (
                (
                    uuid7(),
                    desk.desk_id,
                    last + n,
                    at,
                    "Martin",
                    json.dumps({"n": n, "pad": "x" * 80}),
                )
                for n in range(1, count + 1)
            ),
        )
    db.close()


def _check_manifests(folder: Path, public_key: str) -> int:
    """Every manifest names a complete file: right size, right hash, valid signature."""
    found = 0
    for manifest in folder.glob("*.manifest.json"):
        document = json.loads(manifest.read_text(encoding="utf-8"))
        body = document["manifest"]
        snapshot = folder / body["file"]
        assert snapshot.stat().st_size == body["size"]
        assert sha256_file(snapshot) == body["sha256"]
        assert keys.verify(public_key, body, document["signature"])
        found += 1
    return found


def test_export_killed_midway_never_leaves_a_manifest_for_a_partial_file(tmp_path, clock):
    office = make_office(tmp_path, clock)
    desk = make_desk(office, tmp_path, "Guichet 2")
    _fill(desk.db_path, 30_000, clock)
    out = tmp_path / "usb"
    out.mkdir()
    rng = random.Random(3)
    steps = ["SNAPSHOT", "HASH", "SIGN", None, None, None]
    for n, stop_at in enumerate(steps):
        clock.advance(seconds=1)
        proc = _child(EXPORTER, desk.db_path, out)
        assert proc.stdout is not None
        if stop_at is None:
            time.sleep(0.15 + rng.random() * 0.6)
        else:
            for line in proc.stdout:
                if line.strip() == stop_at:
                    time.sleep(rng.random() * 0.01 * n)
                    break
        _kill(proc)
        _check_manifests(out, desk.public_key)
    assert _integrity(desk.db_path) == "ok"
    # Leftovers do not get in the way of the next export, nor of the merge.
    proc = _child(EXPORTER, desk.db_path, out)
    assert proc.communicate(timeout=60)[0].strip().endswith("DONE")
    assert _check_manifests(out, desk.public_key) >= 1
    reports = merge_exports(office, sorted(out.iterdir()))
    assert any(r.outcome.value == "importé" for r in reports)
    partial = [r for r in reports if r.refused]
    assert all(r.rejection.reason in ("fichier tronqué", "format inconnu") for r in partial)


def test_office_merge_killed_midway_is_all_or_nothing_per_file(tmp_path, clock):
    office = make_office(tmp_path, clock)
    files, ids_by_hash = [], {}
    for n in range(4):
        desk = make_desk(office, tmp_path, f"Guichet {n + 2}")
        _fill(desk.db_path, 6_000, clock)
        receipt = export(desk, tmp_path / "exports", clock)
        files.append(receipt.snapshot_path)
        conn = sqlite3.connect(receipt.snapshot_path)
        ids_by_hash[receipt.sha256] = {r[0] for r in conn.execute("SELECT id FROM events")}
        conn.close()
    reference = tmp_path / "reference.sqlite"
    shutil.copyfile(office, reference)
    merge_exports(reference, files)
    expected = fingerprint(reference)

    rng = random.Random(7)
    outcomes = set()
    for trial in range(6):
        copy = tmp_path / f"office-{trial}.sqlite"
        shutil.copyfile(office, copy)
        proc = _child(MERGER, copy, *files)
        assert proc.stdout is not None
        # Killed while file k is being verified or written, k = 0..3, at a random instant.
        stop_at = f"{trial % len(files)} {len(files)}"
        for line in proc.stdout:
            if line.strip() == stop_at:
                time.sleep(rng.random() * 0.08)
                break
        _kill(proc)
        assert _integrity(copy) == "ok"
        db = open_database(copy)
        imported = [r[0] for r in db.execute("SELECT file_sha256 FROM import_log")]
        present = {r[0] for r in db.execute("SELECT id FROM events")}
        db.close()
        outcomes.add(len(imported))
        wanted = set().union(*(ids_by_hash[h] for h in imported)) if imported else set()
        assert present == wanted  # every imported file whole, nothing of the others
        merge_exports(copy, files)  # finishing later gives the same master
        assert fingerprint(copy) == expected
    assert len(outcomes) >= 2  # the kills did land at different points
