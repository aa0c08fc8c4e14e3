"""Office merge: verified, idempotent, order-free; every refusal leaves the master untouched."""

import itertools
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
import pyzipper
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.models import checkin, journal, keys, members
from desktop.models.checkin import Outcome
from desktop.models.conflicts import ConflictKind, list_conflicts, resolve_conflict
from desktop.models.convention import get_session
from desktop.models.merge import MergeOutcome, Rejection, merge_exports
from desktop.models.storage import open_database, write_transaction
from tests.models.sync_support import (
    SESSION,
    export,
    fingerprint,
    make_desk,
    make_office,
    manifest_of,
    master_state,
    meal,
    member_id,
    record,
    resign,
    run_cli,
    scan,
    sha256_file,
    twin_exports,
)

PHRASE = "cheval agrafe 2023"


@pytest.fixture
def office(tmp_path, clock):
    return make_office(tmp_path, clock)


@pytest.fixture
def desks(office, tmp_path):
    return make_desk(office, tmp_path, "Guichet 2"), make_desk(office, tmp_path, "Guichet 3")


def _merge(office, *paths, **kw):
    return merge_exports(office, list(paths), **kw)


def _only(reports):
    (report,) = reports
    return report


def test_member_17_at_two_desks_keeps_both_facts_and_shows_two_conflicts(
    office, desks, tmp_path, clock
):
    a, b = desks
    assert scan(a.db_path, clock, agent="Martin").outcome is Outcome.CHECKED_IN
    meal_a = meal(a.db_path, clock, agent="Martin")
    clock.advance(minutes=7)
    assert scan(b.db_path, clock, agent="Paul").outcome is Outcome.CHECKED_IN
    meal_b = meal(b.db_path, clock, agent="Paul")
    ra, rb = export(a, tmp_path / "out", clock), export(b, tmp_path / "out", clock)

    reports = _merge(office, ra.snapshot_path, rb.snapshot_path, clock=clock)
    assert [r.outcome for r in reports] == [MergeOutcome.IMPORTED] * 2
    assert [r.new_events for r in reports] == [2, 2]

    db = open_database(office)
    found = list_conflicts(db)
    assert {c.kind for c in found} == {ConflictKind.DOUBLE_CHECKIN, ConflictKind.DOUBLE_MEAL}
    double_meal = next(c for c in found if c.kind is ConflictKind.DOUBLE_MEAL)
    assert (double_meal.first.event_id, double_meal.second.event_id) == (meal_a, meal_b)
    assert (double_meal.first.desk_label, double_meal.first.agent) == ("Guichet 2", "Martin")
    assert (double_meal.second.desk_label, double_meal.second.agent) == ("Guichet 3", "Paul")
    assert double_meal.member_name == "Maël PERRIN"
    assert double_meal.first.at == "2023-11-11T08:12:00.000+00:00"

    office_desk = journal.local_desk(db, "Claire (bureau)")
    outcome = resolve_conflict(db, double_meal, meal_a, "un seul repas servi", office_desk, clock)
    assert outcome.value == "resolved"
    assert [c.kind for c in list_conflicts(db)] == [ConflictKind.DOUBLE_CHECKIN]
    kinds = db.execute("SELECT kind FROM events WHERE id IN (?, ?)", [meal_a, meal_b]).fetchall()
    assert len(kinds) == 2  # both original facts stay
    void = db.execute("SELECT target_id, payload FROM events WHERE kind = 'void'").fetchone()
    assert void[0] == meal_b and "un seul repas servi" in void[1]
    db.close()


def test_same_export_twice_and_any_order_give_the_same_master(office, desks, tmp_path, clock):
    a, b = desks
    scan(a.db_path, clock)
    first_a = export(a, tmp_path / "e1", clock)
    clock.advance(minutes=1)
    scan(a.db_path, clock, ref="DEMO-001")
    meal(b.db_path, clock, ref="DEMO-002")
    scan(b.db_path, clock, ref="DEMO-003")
    later_a = export(a, tmp_path / "e2", clock)
    only_b = export(b, tmp_path / "e2", clock)
    files = [first_a.snapshot_path, later_a.snapshot_path, only_b.snapshot_path]

    results = set()
    for order in ([0, 1, 2], [2, 1, 0], [1, 2, 0, 0, 2, 1], [1, 2]):
        copy = tmp_path / f"office-{'-'.join(map(str, order))}.sqlite"
        shutil.copyfile(office, copy)
        reports = _merge(copy, *[files[i] for i in order], clock=clock)
        seen = set()
        for index, report in zip(order, reports, strict=True):
            expected = MergeOutcome.ALREADY_IMPORTED if index in seen else MergeOutcome.IMPORTED
            assert report.outcome is expected
            seen.add(index)
        results.add(fingerprint(copy))
    assert len(results) == 1
    db = open_database(tmp_path / "office-0-1-2.sqlite")
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 4
    db.close()


def test_merging_again_changes_nothing(office, desks, tmp_path, clock):
    a, _ = desks
    scan(a.db_path, clock)
    receipt = export(a, tmp_path / "out", clock)
    assert _only(_merge(office, receipt.manifest_path)).outcome is MergeOutcome.IMPORTED
    before = master_state(office)
    again = _only(_merge(office, receipt.snapshot_path))
    assert again.outcome is MergeOutcome.ALREADY_IMPORTED and again.new_events == 0
    assert master_state(office) == before


def _exported(desks, tmp_path, clock):
    a, _ = desks
    for ref in ("DEMO-001", "DEMO-002", "DEMO-017"):
        scan(a.db_path, clock, ref=ref)
    return a, export(a, tmp_path / "out", clock)


@pytest.mark.parametrize("cut", ["one_byte", "half", "page"])
def test_truncated_export_is_refused_and_master_untouched(office, desks, tmp_path, clock, cut):
    _, receipt = _exported(desks, tmp_path, clock)
    snapshot = receipt.snapshot_path
    size = snapshot.stat().st_size
    keep = {"one_byte": size - 1, "half": size // 2, "page": (size // 4096 - 1) * 4096}[cut]
    with open(snapshot, "r+b") as handle:
        handle.truncate(keep)
    before = master_state(office)
    report = _only(_merge(office, snapshot))
    assert report.outcome is MergeOutcome.REFUSED
    assert report.rejection is Rejection.TRUNCATED
    assert report.rejection.reason == "fichier tronqué"
    assert master_state(office) == before


def _flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _payload_offset(path: Path) -> int:
    """An offset inside the stored text of the log (an agent's name), not in free space."""
    index = path.read_bytes().rfind(b"Martin")
    assert index > 0
    return index + 2


@pytest.mark.parametrize(
    ("forgery", "rejection"),
    [
        ("manifest_untouched", Rejection.HASH_MISMATCH),
        ("hash_recomputed_not_signed", Rejection.BAD_SIGNATURE),
        ("resigned_with_another_key", Rejection.BAD_SIGNATURE),
    ],
)
def test_one_byte_changed_in_place_is_refused(office, desks, tmp_path, clock, forgery, rejection):
    _, receipt = _exported(desks, tmp_path, clock)
    snapshot, manifest = receipt.snapshot_path, manifest_of(receipt)
    _flip_byte(snapshot, _payload_offset(snapshot))
    if forgery == "hash_recomputed_not_signed":
        resign(manifest, snapshot, None)
    elif forgery == "resigned_with_another_key":
        other = tmp_path / "other.key"
        keys.write_private_key(other, keys.new_private_key())
        resign(manifest, snapshot, other)
    before = master_state(office)
    report = _only(_merge(office, snapshot))
    assert (report.outcome, report.rejection) == (MergeOutcome.REFUSED, rejection)
    assert master_state(office) == before


def test_a_changed_byte_that_sqlite_would_not_notice_is_still_caught(
    office, desks, tmp_path, clock
):
    _, receipt = _exported(desks, tmp_path, clock)
    snapshot = receipt.snapshot_path
    _flip_byte(snapshot, _payload_offset(snapshot))
    conn = sqlite3.connect(snapshot)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # SQLite sees nothing
    conn.close()
    assert _only(_merge(office, snapshot)).rejection is Rejection.HASH_MISMATCH


def test_unknown_desk_is_refused(office, tmp_path, clock):
    stranger = make_desk(office, tmp_path, "Guichet X", register=False)
    scan(stranger.db_path, clock)
    receipt = export(stranger, tmp_path / "out", clock)
    before = master_state(office)
    report = _only(_merge(office, receipt.snapshot_path))
    assert report.rejection is Rejection.UNKNOWN_DESK and report.rejection.reason == "poste inconnu"
    assert master_state(office) == before


def test_desk_of_another_convention_is_refused(office, tmp_path, clock):
    other_office = make_office(tmp_path, clock, "autre.sqlite")
    desk = make_desk(other_office, tmp_path, "Guichet Z")
    scan(desk.db_path, clock)
    receipt = export(desk, tmp_path / "out", clock)
    assert _only(_merge(office, receipt.snapshot_path)).rejection is Rejection.OTHER_CONVENTION
    # Even registered here by mistake, its facts do not enter this convention.
    db = open_database(office)
    with write_transaction(db):
        journal.register_desk(db, desk.desk_id, desk.label, desk.public_key)
    db.close()
    before = master_state(office)
    assert _only(_merge(office, receipt.snapshot_path)).rejection is Rejection.OTHER_CONVENTION
    assert master_state(office) == before


def _rewrite_snapshot(snapshot: Path, *statements: str) -> None:
    conn = sqlite3.connect(snapshot)
    conn.execute("DROP TRIGGER IF EXISTS events_no_delete")
    conn.execute("DROP TRIGGER IF EXISTS events_no_update")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.execute("VACUUM")
    conn.close()


def _rechain(snapshot: Path, desk_id: str) -> str:
    from desktop.models import chain

    conn = sqlite3.connect(snapshot)
    head = chain.genesis(desk_id)
    rows = conn.execute(
        f"SELECT {', '.join(chain.FIELDS)} FROM events WHERE desk_id = ? ORDER BY seq", [desk_id]
    ).fetchall()
    for row in rows:
        head = chain.link(head, row)
        conn.execute("UPDATE events SET chain = ? WHERE id = ?", [head, row[0]])
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    return head


def test_sequence_with_a_hole_is_refused_even_when_signed(office, desks, tmp_path, clock):
    desk, receipt = _exported(desks, tmp_path, clock)
    snapshot = receipt.snapshot_path
    _rewrite_snapshot(snapshot, "DELETE FROM events WHERE seq = 2")
    resign(manifest_of(receipt), snapshot, desk.key_path, event_count=2)
    report = _only(_merge(office, snapshot))
    assert report.rejection is Rejection.INCOMPLETE_SEQUENCE
    assert report.rejection.reason == "séquence incomplète"


def test_damaged_database_is_refused_even_when_signed(office, desks, tmp_path, clock):
    desk, receipt = _exported(desks, tmp_path, clock)
    snapshot = receipt.snapshot_path
    data = bytearray(snapshot.read_bytes())
    data[4096 + 8 : 4096 + 200] = b"\xff" * 192  # page 2: a b-tree page header and cells
    snapshot.write_bytes(bytes(data))
    resign(manifest_of(receipt), snapshot, desk.key_path)
    report = _only(_merge(office, snapshot))
    assert report.rejection is Rejection.DAMAGED and report.rejection.reason == "base endommagée"


def test_unknown_manifest_format_and_garbage(office, desks, tmp_path, clock):
    desk, receipt = _exported(desks, tmp_path, clock)
    manifest = manifest_of(receipt)
    resign(manifest, receipt.snapshot_path, desk.key_path, format="guichet-export/99")
    assert _only(_merge(office, manifest)).rejection is Rejection.UNKNOWN_FORMAT
    manifest.write_text('{"manifest": 3, "signature": "x"}', encoding="utf-8")
    assert _only(_merge(office, manifest)).rejection is Rejection.UNKNOWN_FORMAT
    manifest.write_text('{"manifest": {"format": "guichet-exp', encoding="utf-8")
    assert _only(_merge(office, manifest)).rejection is Rejection.TRUNCATED
    manifest.unlink()
    report = _only(_merge(office, receipt.snapshot_path))
    assert report.rejection is Rejection.TRUNCATED and "manifeste absent" in report.detail


def test_same_id_with_another_content_goes_to_anomalies(office, desks, tmp_path, clock):
    desk, receipt = _exported(desks, tmp_path, clock)
    _merge(office, receipt.snapshot_path)
    db = open_database(office)
    original = db.execute("SELECT id, agent FROM events WHERE seq = 1").fetchone()
    db.close()
    forged = tmp_path / "forged"
    forged.mkdir()
    snapshot = forged / receipt.snapshot_path.name
    shutil.copyfile(receipt.snapshot_path, snapshot)
    shutil.copyfile(manifest_of(receipt), forged / manifest_of(receipt).name)
    _rewrite_snapshot(snapshot, "UPDATE events SET agent = 'Quelqu''un' WHERE seq = 1")
    head = _rechain(snapshot, desk.desk_id)  # a forger who also recomputes the hash chain
    resign(forged / manifest_of(receipt).name, snapshot, desk.key_path, chain_head=head)

    report = _only(_merge(office, snapshot))
    assert report.outcome is MergeOutcome.IMPORTED
    # The edited fact, and every later one: their chain no longer matches the master's.
    assert (report.new_events, report.anomalies) == (0, 3)
    db = open_database(office)
    assert (
        db.execute("SELECT agent FROM events WHERE id = ?", [original[0]]).fetchone()[0]
        == (original[1])
    )
    kind, event_id, content = db.execute(
        "SELECT kind, event_id, content FROM merge_anomalies ORDER BY seq"
    ).fetchone()
    assert (kind, event_id) == ("contenu_different", original[0])
    assert json.loads(content)["agent"] == "Quelqu'un"
    db.close()


def test_desk_file_copied_to_two_laptops_is_reported(office, desks, tmp_path, clock):
    a, _ = desks
    genuine, copy = twin_exports(a, tmp_path, clock)

    first, second = _merge(office, genuine.snapshot_path, copy.snapshot_path)
    assert first.outcome is MergeOutcome.IMPORTED and not first.copied_desk
    assert second.outcome is MergeOutcome.IMPORTED and second.copied_desk
    assert (second.new_events, second.anomalies) == (0, 1)
    db = open_database(office)
    rows = db.execute("SELECT kind, seq FROM merge_anomalies").fetchall()
    assert rows == [("poste_copie", 2)]
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 2
    db.close()


def test_badge_issued_at_a_desk_opens_the_office_too(office, desks, tmp_path, clock):
    from desktop.models.badges import reissue_badge

    a, _ = desks
    db = open_database(a.db_path)
    mid = member_id(db)
    new_token = reissue_badge(db, mid, "badge perdu", journal.local_desk(db, "Martin"), clock)
    db.close()
    receipt = export(a, tmp_path / "out", clock)
    _merge(office, receipt.snapshot_path)
    db = open_database(office)
    assert members.badge_owner(db, new_token) == mid
    assert members.current_badge(db, mid) == new_token
    result = checkin.check_in(
        db, new_token, get_session(db, SESSION), journal.local_desk(db, "Claire"), clock
    )
    assert result.outcome is Outcome.CHECKED_IN
    db.close()


def test_any_kind_of_fact_travels(office, desks, tmp_path, clock):
    a, _ = desks
    kinds = ["ticket.handout", "parking.receipt", "stock.count", "nouveau.type.inconnu"]
    ids = [
        record(a.db_path, clock, kind, payload={"n": i, "texte": "é"}).id
        for i, kind in enumerate(kinds)
    ]
    receipt = export(a, tmp_path / "out", clock)
    _merge(office, receipt.snapshot_path)
    db = open_database(office)
    rows = db.execute(
        f"SELECT id, kind, payload FROM events WHERE id IN ({','.join('?' * len(ids))})", ids
    ).fetchall()
    assert sorted((r[0], r[1]) for r in rows) == sorted(zip(ids, kinds, strict=True))
    db.close()


def test_encrypted_archive_merges_with_the_passphrase_only(office, desks, tmp_path, clock):
    a, _ = desks
    scan(a.db_path, clock)
    receipt = export(a, tmp_path / "usb", clock, passphrase="cheval agrafe 2023")
    archive = receipt.archive_path
    before = master_state(office)
    assert _only(_merge(office, archive)).rejection is Rejection.WRONG_PASSPHRASE
    wrong = _only(_merge(office, archive, passphrase="mauvaise"))
    assert wrong.rejection.reason == "phrase secrète incorrecte"
    assert master_state(office) == before
    report = _only(_merge(office, archive, passphrase="cheval agrafe 2023"))
    assert report.outcome is MergeOutcome.IMPORTED and report.new_events == 1
    again = _only(_merge(office, archive, passphrase="cheval agrafe 2023"))
    assert again.outcome is MergeOutcome.ALREADY_IMPORTED


def _zip(path: Path, entries: dict[str, bytes], password: bytes = b"pw") -> Path:
    with pyzipper.AESZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.setpassword(password)
        zf.setencryption(pyzipper.WZ_AES, nbits=256)
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def test_archive_with_path_traversal_or_a_bomb_is_refused(office, desks, tmp_path, clock):
    _, receipt = _exported(desks, tmp_path, clock)
    snapshot, manifest = receipt.snapshot_path, manifest_of(receipt)
    good = {manifest.name: manifest.read_bytes(), snapshot.name: snapshot.read_bytes()}
    cases = {
        "traversal.zip": {manifest.name: good[manifest.name], "../../evil.sqlite": b"x"},
        "absolute.zip": {manifest.name: good[manifest.name], "/tmp/evil.sqlite": b"x"},
        "extra.zip": {**good, "autre.txt": b"x"},
        "bomb.zip": {manifest.name: good[manifest.name], snapshot.name: b"\0" * 50_000_000},
    }
    work = tmp_path / "archives"
    work.mkdir()
    for name, entries in cases.items():
        report = _only(
            _merge(office, _zip(work / name, entries, PHRASE.encode()), passphrase=PHRASE)
        )
        assert report.rejection is Rejection.UNKNOWN_FORMAT, name
    assert not (tmp_path / "evil.sqlite").exists() and not Path("/tmp/evil.sqlite").exists()
    ok = _only(_merge(office, _zip(work / "ok.zip", good, PHRASE.encode()), passphrase=PHRASE))
    assert ok.outcome is MergeOutcome.IMPORTED


def test_merge_cli_prints_one_line_per_file_and_fails_on_refusal(office, desks, tmp_path, clock):
    a, b = desks
    scan(a.db_path, clock)
    scan(b.db_path, clock)
    ra, rb = export(a, tmp_path / "out", clock), export(b, tmp_path / "out", clock)
    ok = run_cli("merge", "--office", office, ra.snapshot_path, rb.manifest_path)
    assert ok.returncode == 0, ok.stderr
    lines = ok.stdout.splitlines()
    assert len(lines) == 2 and all(": importé, 1 nouveaux faits sur 1" in line for line in lines)
    with open(rb.snapshot_path, "r+b") as handle:
        handle.truncate(1000)
    again = run_cli("merge", "--office", office, ra.snapshot_path, rb.snapshot_path)
    assert again.returncode == 1
    assert again.stdout.splitlines()[0].endswith("(Guichet 2) : déjà importé")
    assert "refusé : fichier tronqué" in again.stdout.splitlines()[1]
    assert "1 fichier(s) refusé(s)" in again.stderr
    assert sha256_file(ra.snapshot_path) == ra.sha256


_CASES = itertools.count()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    target=st.sampled_from(["snapshot", "manifest", "archive"]),
    cut=st.booleans(),
    position=st.floats(0, 1),
    bit=st.integers(0, 7),
)
def test_random_damage_to_an_export_is_always_refused(tmp_path_factory, target, cut, position, bit):
    """Property: whatever single change is made to the snapshot, the manifest or an
    encrypted archive (one flipped bit, or a cut), the file is refused, the master unchanged."""
    folder = _property_setup(tmp_path_factory)
    office = folder / "office-work.sqlite"
    shutil.copyfile(folder / "office.sqlite", office)
    work = folder / f"case-{next(_CASES)}"
    shutil.copytree(folder / ("zip" if target == "archive" else "snap"), work)
    suffix = {"snapshot": ".sqlite", "manifest": ".json", "archive": ".zip"}[target]
    victim = next(p for p in work.iterdir() if p.name.endswith(suffix))
    raw = bytearray(victim.read_bytes())
    offset = min(int(position * len(raw)), len(raw) - 1)
    if cut:
        del raw[offset:]
    else:
        raw[offset] ^= 1 << bit
    victim.write_bytes(bytes(raw))
    entry = victim if target == "archive" else next(work.glob("*.sqlite"))
    before = master_state(office)
    report = _only(merge_exports(office, [entry], passphrase=PHRASE))
    if report.outcome is MergeOutcome.REFUSED:
        assert master_state(office) == before
    else:
        # Only bytes outside the signed content were hit (a zip header's date, the newline
        # after the manifest): what was imported is exactly the intact export.
        assert target != "snapshot"
        assert master_state(office) == _PROPERTY_FOLDERS["reference"]
    shutil.rmtree(work)


_PROPERTY_FOLDERS: dict[str, Any] = {}


def _property_setup(factory) -> Path:
    """One office, one desk, one plain export and one encrypted export, made once."""
    if "folder" in _PROPERTY_FOLDERS:
        return _PROPERTY_FOLDERS["folder"]
    from tests.conftest import SATURDAY_MORNING, StepClock

    folder = factory.mktemp("proprietes")
    clock = StepClock(SATURDAY_MORNING)
    office = make_office(folder, clock)
    desk = make_desk(office, folder, "Guichet 2")
    for ref in ("DEMO-001", "DEMO-017"):
        scan(desk.db_path, clock, ref=ref)
    export(desk, folder / "snap", clock)
    receipt = export(desk, folder / "zip", clock, passphrase=PHRASE)
    reference = folder / "office-reference.sqlite"
    shutil.copyfile(office, reference)
    merge_exports(reference, [receipt.archive_path], passphrase=PHRASE)
    _PROPERTY_FOLDERS["reference"] = master_state(reference)
    _PROPERTY_FOLDERS["folder"] = folder
    return folder


def test_cli_merges_a_whole_usb_folder_of_encrypted_exports(office, desks, tmp_path, clock):
    usb = tmp_path / "usb"
    usb.mkdir()
    for desk in desks:
        scan(desk.db_path, clock)
        export(desk, usb, clock, passphrase="cheval agrafe 2023")
    (usb / "notes.txt").write_text("sans rapport", encoding="utf-8")
    secret = tmp_path / "phrase.txt"
    secret.write_text("cheval agrafe 2023\n", encoding="utf-8")
    done = run_cli("merge", "--office", office, usb, "--passphrase-file", secret)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count(": importé, 1 nouveaux faits sur 1") == 2
    empty = tmp_path / "vide"
    empty.mkdir()
    nothing = run_cli("merge", "--office", office, empty)
    assert nothing.returncode == 1 and "aucun export dans le dossier" in nothing.stderr


def test_progress_is_told_before_each_file(office, desks, tmp_path, clock):
    files = []
    for desk in desks:
        scan(desk.db_path, clock)
        files.append(export(desk, tmp_path / "out", clock).snapshot_path)
    seen = []
    merge_exports(
        office, files, progress=lambda done, total, path: seen.append((done, total, path))
    )
    assert seen == [(0, 2, files[0]), (1, 2, files[1])]


def test_cli_warns_about_a_desk_running_on_two_laptops(office, desks, tmp_path, clock):
    a, _ = desks
    scan(a.db_path, clock, ref="DEMO-001")
    twin = tmp_path / "twin"
    twin.mkdir()
    shutil.copyfile(a.db_path, twin / a.db_path.name)
    shutil.copyfile(a.key_path, twin / a.key_path.name)
    scan(twin / a.db_path.name, clock, ref="DEMO-003")
    scan(a.db_path, clock, ref="DEMO-002")
    genuine = export(a, tmp_path / "out", clock)
    copy = export(twin / a.db_path.name, tmp_path / "out-twin", clock)
    done = run_cli("merge", "--office", office, genuine.manifest_path, copy.manifest_path)
    assert done.returncode == 0, done.stderr
    assert "1 mis de côté (anomalies)" in done.stdout
    assert "semble tourner sur deux ordinateurs" in done.stderr


def test_missing_file_or_folder_is_unreadable(office, tmp_path):
    missing, folder = _merge(office, tmp_path / "absent.sqlite", tmp_path)
    assert missing.rejection is Rejection.UNREADABLE and missing.detail == "fichier introuvable"
    assert (
        folder.rejection is Rejection.UNREADABLE and folder.rejection.reason == "fichier illisible"
    )


def test_a_session_added_at_a_desk_reaches_the_office_with_its_facts(
    office, desks, tmp_path, clock
):
    from datetime import date

    from desktop.models.attendance import counts
    from desktop.models.convention import get_session as session_of
    from desktop.models.session_plan import SessionEditOutcome, create_session

    a, _ = desks
    db = open_database(a.db_path)
    try:  # an unplanned evening on the Saturday, added at the desk, one member checked in
        outcome, evening = create_session(
            db, date(2023, 11, 11), "soirée", "Hôtel de Métropole", 1, False, "Atelier du soir"
        )
        assert outcome is SessionEditOutcome.CREATED
        desk = journal.local_desk(db, "Martin")
        checkin.check_in_member(db, member_id(db), evening, desk, clock)
    finally:
        db.close()
    _only(_merge(office, export(a, tmp_path / "out", clock).manifest_path))
    master = open_database(office)
    try:
        assert session_of(master, evening.id) == evening
        assert counts(master, evening.id).present == 1
        planned = session_of(master, SESSION)
    finally:
        master.close()
    assert planned is not None  # the office's own sessions are untouched


def test_a_session_the_office_deleted_stays_deleted_when_a_desk_prepared_before_sends_its_file(
    office, desks, tmp_path, clock
):
    """The desk's copy of the plan still holds the session; no fact of its names it."""
    from desktop.models.convention import get_session as session_of
    from desktop.models.session_plan import SessionEditOutcome, delete_session

    a, _ = desks
    master = open_database(office)
    try:
        assert delete_session(master, "we3-vendredi") is SessionEditOutcome.DELETED
    finally:
        master.close()
    db = open_database(a.db_path)
    try:  # the desk works at the Saturday session, as planned
        assert session_of(db, "we3-vendredi") is not None
        checkin.check_in_member(
            db, member_id(db), session_of(db, SESSION), journal.local_desk(db, "Martin"), clock
        )
    finally:
        db.close()
    _only(_merge(office, export(a, tmp_path / "out", clock).manifest_path))
    master = open_database(office)
    try:
        assert session_of(master, "we3-vendredi") is None
        assert session_of(master, SESSION) is not None
    finally:
        master.close()
