"""Helpers shared by the desk-to-office tests: real files, and the real CLI in a subprocess."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop.models import checkin, journal, keys, members
from desktop.models.clock import Clock
from desktop.models.convention import get_session
from desktop.models.demo import create_demo
from desktop.models.desk_setup import DeskCreated, create_desk
from desktop.models.export import ExportReceipt, export_desk
from desktop.models.merge import log_fingerprint
from desktop.models.storage import open_database, write_transaction

ROOT = Path(__file__).resolve().parents[2]
SESSION = "we1-samedi"


def run_cli(*args: object, check: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"guichet {args} failed: {done.stderr}")
    return done


def make_office(folder: Path, clock: Clock, name: str = "office.sqlite") -> Path:
    path = folder / name
    create_demo(path, clock).close()
    return path


def make_desk(office: Path, folder: Path, label: str, *, register: bool = True) -> DeskCreated:
    file_name = label.lower().replace(" ", "-") + ".sqlite"
    return create_desk(office, folder / file_name, label, register=register)


def member_id(db: sqlite_utils.Database, ref: str = "DEMO-017") -> str:
    row = db.execute("SELECT id FROM members WHERE external_ref = ?", [ref]).fetchone()
    return str(row[0])


def scan(desk_path: Path, clock: Clock, ref: str = "DEMO-017", agent: str = "Martin") -> Any:
    """Check a member in at a desk with their badge, as the scan field would."""
    db = open_database(desk_path)
    try:
        desk = journal.local_desk(db, agent)
        token = members.current_badge(db, member_id(db, ref))
        assert token is not None
        return checkin.check_in(db, token, get_session(db, SESSION), desk, clock)
    finally:
        db.close()


def record(
    desk_path: Path, clock: Clock, kind: str, agent: str = "Martin", **fields: Any
) -> journal.Event:
    """Write any fact at a desk (hand-out kinds may not have their module yet)."""
    db = open_database(desk_path)
    try:
        desk = journal.local_desk(db, agent)
        with write_transaction(db):
            return journal.append(db, desk, clock, kind, **fields)
    finally:
        db.close()


def meal(desk_path: Path, clock: Clock, ref: str = "DEMO-017", agent: str = "Martin") -> str:
    db = open_database(desk_path)
    try:
        mid = member_id(db, ref)
    finally:
        db.close()
    return record(desk_path, clock, "meal.pass", agent, member_id=mid, session_id=SESSION).id


def export(desk: DeskCreated | Path, out: Path, clock: Clock, **kw: Any) -> ExportReceipt:
    out.mkdir(parents=True, exist_ok=True)
    path = desk.db_path if isinstance(desk, DeskCreated) else desk
    return export_desk(path, out, clock=clock, **kw)


def fingerprint(office: Path) -> str:
    db = open_database(office)
    try:
        return log_fingerprint(db)
    finally:
        db.close()


def master_state(office: Path) -> tuple[object, ...]:
    """Everything a merge may change: the log, the import log, anomalies, badges."""
    db = open_database(office)
    try:
        return (
            log_fingerprint(db),
            db.execute("SELECT file_sha256 FROM import_log ORDER BY 1").fetchall(),
            db.execute(
                "SELECT kind, event_id, content FROM merge_anomalies ORDER BY 1, 2"
            ).fetchall(),
            db.execute("SELECT token, member_id FROM badges ORDER BY 1").fetchall(),
        )
    finally:
        db.close()


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest_of(receipt: ExportReceipt) -> Path:
    assert receipt.manifest_path is not None
    return receipt.manifest_path


def resign(
    manifest_path: Path,
    snapshot: Path,
    key_file: Path | None,
    *,
    recompute: bool = True,
    **overrides: Any,
) -> None:
    """Rewrite a manifest after a forgery: size and hash recomputed from `snapshot` (unless
    told not to), fields overridden, and signed with `key_file` (None: signature kept)."""
    document = json.loads(manifest_path.read_text(encoding="utf-8"))
    body = document["manifest"]
    if recompute:
        body["size"] = snapshot.stat().st_size
        body["sha256"] = sha256_file(snapshot)
    body.update(overrides)
    if key_file is not None:
        document["signature"] = keys.sign(keys.read_private_key(key_file), body)
    manifest_path.write_bytes(keys.canonical(document))


def at(hour: int, minute: int = 0) -> datetime:
    from datetime import UTC

    return datetime(2023, 11, 11, hour, minute, tzinfo=UTC)


def twin_exports(
    desk: DeskCreated, folder: Path, clock: Clock
) -> tuple[ExportReceipt, ExportReceipt]:
    """A desk file copied (with its key) to a second laptop after one scan, each copy then
    scanning on its own and exporting: (the genuine desk's export, the copy's)."""
    scan(desk.db_path, clock, ref="DEMO-001")
    twin = folder / "twin"
    twin.mkdir()
    shutil.copyfile(desk.db_path, twin / desk.db_path.name)
    shutil.copyfile(desk.key_path, twin / desk.key_path.name)
    scan(desk.db_path, clock, ref="DEMO-002")
    scan(twin / desk.db_path.name, clock, ref="DEMO-003")
    genuine = export(desk, folder / "out", clock)
    return genuine, export(twin / desk.db_path.name, folder / "out-twin", clock)
