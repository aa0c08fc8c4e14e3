"""Desk export: a consistent snapshot, a signed manifest written last, nothing without a key."""

import json
import shutil
import sqlite3
import subprocess
import threading
import uuid
from pathlib import Path

import pytest
import pyzipper

from desktop.models import journal, keys
from desktop.models.export import ExportError, ExportStep, export_desk
from desktop.models.storage import open_database, write_transaction
from tests.models.sync_support import (
    export,
    make_desk,
    make_office,
    manifest_of,
    meal,
    scan,
    sha256_file,
)

PHRASE = "cheval agrafe 2023"


@pytest.fixture
def desk(tmp_path, clock):
    office = make_office(tmp_path, clock)
    return make_desk(office, tmp_path, "Guichet 2")


def _ids(snapshot: Path) -> set[str]:
    conn = sqlite3.connect(snapshot)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM events")}
    finally:
        conn.close()


def test_receipt_and_signed_manifest_describe_the_file(desk, tmp_path, clock):
    scan(desk.db_path, clock)
    meal(desk.db_path, clock)
    steps: list[ExportStep] = []
    receipt = export(desk, tmp_path / "out", clock, progress=steps.append)
    assert steps == [
        ExportStep.SNAPSHOT,
        ExportStep.HASH,
        ExportStep.SIGN,
        ExportStep.DONE,
    ]
    assert (receipt.desk_label, receipt.last_seq, receipt.event_count) == ("Guichet 2", 2, 2)
    assert receipt.short_hash == receipt.sha256[:12] and len(receipt.short_hash) == 12
    snapshot, manifest = receipt.snapshot_path, manifest_of(receipt)
    assert set(receipt.paths) == {snapshot, manifest}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [snapshot.name, manifest.name]
    )
    document = json.loads(manifest.read_text(encoding="utf-8"))
    body = document["manifest"]
    assert body["format"] == "guichet-export/1"
    assert (body["desk_id"], body["desk_label"]) == (desk.desk_id, "Guichet 2")
    assert body["file"] == snapshot.name and body["size"] == snapshot.stat().st_size
    assert body["sha256"] == sha256_file(snapshot) == receipt.sha256
    assert (body["event_count"], body["last_seq"]) == (2, 2)
    assert body["created_at"] == "2023-11-11T08:12:00.000+00:00"
    assert keys.verify(desk.public_key, body, document["signature"])
    # A standalone file (no WAL needed) whose log is the desk's, and no private key in it.
    assert snapshot.read_bytes()[18:20] == b"\x01\x01"
    conn = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    pem = desk.key_path.read_bytes().splitlines()[1]
    assert pem not in snapshot.read_bytes()


def test_each_export_holds_the_whole_log(desk, tmp_path, clock):
    scan(desk.db_path, clock)
    first = export(desk, tmp_path / "one", clock)
    clock.advance(minutes=5)
    scan(desk.db_path, clock, ref="DEMO-001")
    second = export(desk, tmp_path / "two", clock)
    assert _ids(first.snapshot_path) < _ids(second.snapshot_path)
    assert second.last_seq == 2


def test_export_never_writes_to_the_desk_file(desk, tmp_path, clock):
    scan(desk.db_path, clock)
    before = sha256_file(desk.db_path)
    export(desk, tmp_path / "out", clock)
    export(desk, tmp_path / "out2", clock, passphrase=PHRASE)
    assert sha256_file(desk.db_path) == before


def test_missing_destination_is_a_clear_french_error(desk, tmp_path, clock):
    scan(desk.db_path, clock)
    before = sha256_file(desk.db_path)
    with pytest.raises(ExportError, match="introuvable"):
        export_desk(desk.db_path, tmp_path / "clé-usb-absente", clock=clock)
    assert sha256_file(desk.db_path) == before


def test_missing_key_refuses_to_export(desk, tmp_path, clock):
    desk.key_path.rename(tmp_path / "ailleurs.key")
    with pytest.raises(ExportError, match="Clé privée du poste introuvable"):
        export(desk, tmp_path / "out", clock)
    assert list((tmp_path / "out").iterdir()) == []


def test_a_key_that_is_not_the_registered_one_is_refused(desk, tmp_path, clock):
    desk.key_path.unlink()
    keys.write_private_key(desk.key_path, keys.new_private_key())
    with pytest.raises(ExportError, match="ne correspond pas"):
        export(desk, tmp_path / "out", clock)


@pytest.fixture
def tiny_disk(tmp_path):
    """A 200 KiB file system, like a USB stick that is almost full."""
    mount = tmp_path / "usb"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.parametrize("fill", [0, 150_000])
def test_full_destination_leaves_nothing_and_the_desk_untouched(
    desk, tmp_path, clock, tiny_disk, fill
):
    db = open_database(desk.db_path)
    me = journal.local_desk(db, "Martin")
    with write_transaction(db):
        for n in range(400):
            journal.append(db, me, clock, "note", payload={"n": n, "texte": uuid.uuid4().hex * 4})
    db.close()
    if fill:
        (tiny_disk / "photos.bin").write_bytes(b"\1" * fill)
    before = sha256_file(desk.db_path)
    with pytest.raises(ExportError, match="Plus de place"):
        export_desk(desk.db_path, tiny_disk, clock=clock)
    assert sha256_file(desk.db_path) == before
    left = sorted(p.name for p in tiny_disk.iterdir())
    assert left == (["photos.bin"] if fill else [])


def test_encrypted_export_leaves_only_an_aes_archive(desk, tmp_path, clock):
    scan(desk.db_path, clock)
    usb = tmp_path / "usb"
    usb.mkdir()
    receipt = export(desk, usb, clock, passphrase="cheval agrafe 2023")
    assert receipt.snapshot_path is None and receipt.manifest_path is None
    assert list(usb.iterdir()) == [receipt.archive_path]
    data = receipt.archive_path.read_bytes()
    assert b"SQLite format 3" not in data and b"desk_id" not in data
    with pyzipper.AESZipFile(receipt.archive_path) as zf:
        infos = zf.infolist()
        assert sorted(i.filename.rsplit(".", 2)[-2:][-1] for i in infos) == ["json", "sqlite"]
        assert all(i.flag_bits & 0x1 for i in infos)  # encrypted
        zf.setpassword(b"cheval agrafe 2023")
        snapshot = next(i for i in infos if i.filename.endswith(".sqlite"))
        assert zf.read(snapshot)[:15] == b"SQLite format 3"
    seven = shutil.which("7zz") or shutil.which("7z")
    if seven is None:
        pytest.skip("7-Zip is not installed: the archive was checked with pyzipper only")
    listing = subprocess.run(
        [seven, "l", "-slt", "-pcheval agrafe 2023", str(receipt.archive_path)],
        capture_output=True,
        text=True,
    ).stdout
    assert listing.count("Method = AES-256") == 2
    out = tmp_path / "extrait"
    done = subprocess.run(
        [seven, "x", "-pcheval agrafe 2023", f"-o{out}", str(receipt.archive_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout
    extracted = next(out.glob("*.sqlite"))
    assert sha256_file(extracted) == receipt.sha256


def test_empty_or_short_passphrase_is_refused(desk, tmp_path, clock):
    with pytest.raises(ExportError, match="au moins 12"):
        export(desk, tmp_path / "out", clock, passphrase="  ")
    with pytest.raises(ExportError, match="au moins 12 caractères"):
        export(desk, tmp_path / "out", clock, passphrase="court")


def test_export_from_a_worker_thread_while_the_desk_writes(desk, tmp_path, clock):
    """The export opens its own read-only connection: the desk goes on recording meanwhile,
    and the snapshot is consistent (a gapless prefix of the log)."""
    stop, started = threading.Event(), threading.Event()

    def writer() -> None:
        db = open_database(desk.db_path)
        me = journal.local_desk(db, "Martin")
        while not stop.is_set():
            with write_transaction(db):
                journal.append(db, me, clock, "note", payload={"x": 1})
            started.set()
        db.close()

    thread = threading.Thread(target=writer)
    thread.start()
    assert started.wait(10)
    try:
        receipts = []
        for n in range(3):
            receipts.append(export(desk, tmp_path / f"out{n}", clock))
    finally:
        stop.set()
        thread.join()
    for receipt in receipts:
        conn = sqlite3.connect(receipt.snapshot_path)
        count, last = conn.execute("SELECT COUNT(*), MAX(seq) FROM events").fetchone()
        conn.close()
        assert count == last == receipt.last_seq > 0
    assert receipts[0].last_seq < receipts[-1].last_seq


def test_cli_export_prints_the_receipt(desk, tmp_path, clock):
    from tests.models.sync_support import run_cli

    scan(desk.db_path, clock)
    secret = tmp_path / "phrase.txt"
    secret.write_text("cheval agrafe 2023\n", encoding="utf-8")
    done = run_cli("export", "--db", desk.db_path, "--out", tmp_path, "--passphrase-file", secret)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Export de « Guichet 2 » : 1 faits (dernier n° 1), empreinte ")
    assert done.stdout.strip().endswith(".zip")
    missing = run_cli("export", "--db", desk.db_path, "--out", tmp_path / "absent")
    assert missing.returncode == 1
    assert missing.stderr.startswith("guichet : Le dossier de destination")


def test_two_exports_in_the_same_second_never_share_a_name(desk, tmp_path, clock):
    scan(desk.db_path, clock)
    first = export(desk, tmp_path / "out", clock)
    meal(desk.db_path, clock)
    second = export(desk, tmp_path / "out", clock)  # same clock: same second
    assert first.snapshot_path != second.snapshot_path
    assert first.manifest_path != second.manifest_path
    assert sha256_file(first.snapshot_path) == first.sha256
    assert sha256_file(second.snapshot_path) == second.sha256
