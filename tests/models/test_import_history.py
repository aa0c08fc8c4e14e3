"""The office's import history on real files: desks prepared with desk-init, real exports
merged into the office file, then read back as records (newest first) and per desk."""

import shutil

import pytest

from desktop.models import journal
from desktop.models.clock import to_utc_text
from desktop.models.import_history import import_history, import_records
from desktop.models.merge import MergeOutcome, merge_exports
from desktop.models.storage import open_database, write_transaction
from tests.models.sync_support import (
    export,
    make_desk,
    make_office,
    manifest_of,
    scan,
    twin_exports,
)


@pytest.fixture
def office(tmp_path, clock):
    return make_office(tmp_path, clock)


@pytest.fixture
def desks(office, tmp_path):
    return make_desk(office, tmp_path, "Guichet 2"), make_desk(office, tmp_path, "Guichet 3")


def _history(office):
    db = open_database(office)
    try:
        return import_history(db)
    finally:
        db.close()


def _merge(office, clock, *receipts):
    reports = merge_exports(office, [manifest_of(r) for r in receipts], clock=clock)
    assert [r.outcome for r in reports] == [MergeOutcome.IMPORTED] * len(receipts)
    return reports


def test_desks_prepared_but_nothing_received_yet(office, desks):
    history = _history(office)
    assert history.records == ()
    assert [(d.label, d.received, d.imports, d.last_seq_merged) for d in history.desks] == [
        ("Guichet 2", False, 0, 0),
        ("Guichet 3", False, 0, 0),
    ]
    assert [d.label for d in history.missing] == ["Guichet 2", "Guichet 3"]
    # The office's own identity (here "Guichet démo") is not a desk it waits for.
    db = open_database(office)
    own = journal.local_desk(db, "").desk_id
    db.close()
    assert own not in {d.desk_id for d in history.desks}


def test_one_desk_merged_the_other_still_missing(office, desks, tmp_path, clock):
    a, _ = desks
    clock.advance(hours=1)
    scan(a.db_path, clock, ref="DEMO-001")
    scan(a.db_path, clock, ref="DEMO-002")
    exported_at = to_utc_text(clock())
    receipt = export(a, tmp_path / "usb", clock)
    clock.advance(hours=9, minutes=30)
    _merge(office, clock, receipt)

    history = _history(office)
    (record,) = history.records
    assert record.desk_id == a.desk_id
    assert record.desk_label == "Guichet 2"
    assert receipt.snapshot_path is not None
    assert record.file_name == receipt.snapshot_path.name
    assert record.imported_at == to_utc_text(clock())
    assert record.exported_at == exported_at
    assert (record.event_count, record.new_events, record.last_seq) == (2, 2, 2)
    assert (record.anomalies, record.anomaly_kinds) == (0, ())
    assert record.file_sha256 == receipt.sha256
    assert record.sha256_short == receipt.sha256[:12] and len(record.sha256_short) == 12

    first, second = history.desks
    assert (first.label, first.received, first.imports, first.last_seq_merged) == (
        "Guichet 2",
        True,
        1,
        2,
    )
    assert first.last_import == record
    assert (second.label, second.received, second.last_import) == ("Guichet 3", False, None)
    assert history.missing == (second,)


def test_newest_first_and_each_desk_its_last_import(office, desks, tmp_path, clock):
    a, b = desks
    scan(a.db_path, clock, ref="DEMO-001")
    first_a = export(a, tmp_path / "a1", clock)
    clock.advance(minutes=5)
    _merge(office, clock, first_a)
    scan(a.db_path, clock, ref="DEMO-002")
    scan(a.db_path, clock, ref="DEMO-003")
    second_a = export(a, tmp_path / "a2", clock)
    clock.advance(minutes=5)
    _merge(office, clock, second_a)
    scan(b.db_path, clock, ref="DEMO-004")
    only_b = export(b, tmp_path / "b1", clock)
    clock.advance(minutes=5)
    _merge(office, clock, only_b)

    history = _history(office)
    assert [(r.desk_label, r.last_seq, r.new_events) for r in history.records] == [
        ("Guichet 3", 1, 1),
        ("Guichet 2", 3, 2),
        ("Guichet 2", 1, 1),
    ]
    assert [r.file_sha256 for r in history.records] == [
        only_b.sha256,
        second_a.sha256,
        first_a.sha256,
    ]
    desk_a, desk_b = history.desks
    assert desk_a.last_import is not None and desk_a.last_import.file_sha256 == second_a.sha256
    assert (desk_a.imports, desk_a.last_seq_merged) == (2, 3)
    assert desk_b.last_import is not None and desk_b.last_import.file_sha256 == only_b.sha256
    assert (desk_b.imports, desk_b.last_seq_merged) == (1, 1)
    assert history.missing == ()


def test_an_older_export_merged_last_does_not_lower_the_desks_last_number(
    office, desks, tmp_path, clock
):
    a, _ = desks
    scan(a.db_path, clock, ref="DEMO-001")
    older = export(a, tmp_path / "old", clock)
    scan(a.db_path, clock, ref="DEMO-002")
    newer = export(a, tmp_path / "new", clock)
    clock.advance(minutes=1)
    _merge(office, clock, newer)
    clock.advance(minutes=1)
    _merge(office, clock, older)  # adds nothing: its fact came with the newer export

    desk_a = _history(office).desks[0]
    assert desk_a.last_import is not None
    assert (desk_a.last_import.file_sha256, desk_a.last_import.new_events) == (older.sha256, 0)
    assert desk_a.last_import.last_seq == 1
    assert desk_a.last_seq_merged == 2  # what the master holds from that desk


def test_files_merged_in_the_same_second_come_newest_first(office, desks, tmp_path, clock):
    a, b = desks
    scan(a.db_path, clock, ref="DEMO-001")
    scan(b.db_path, clock, ref="DEMO-002")
    ra, rb = export(a, tmp_path / "usb", clock), export(b, tmp_path / "usb", clock)
    _merge(office, clock, ra, rb)  # one call, one clock reading: the same imported_at
    records = _history(office).records
    assert records[0].imported_at == records[1].imported_at
    assert [r.desk_label for r in records] == ["Guichet 3", "Guichet 2"]


def test_the_same_file_twice_and_refused_files_add_no_line(office, desks, tmp_path, clock):
    a, _ = desks
    scan(a.db_path, clock)
    receipt = export(a, tmp_path / "usb", clock)
    _merge(office, clock, receipt)
    again = merge_exports(office, [manifest_of(receipt)], clock=clock)
    assert [r.outcome for r in again] == [MergeOutcome.ALREADY_IMPORTED]
    stranger = make_desk(office, tmp_path, "Guichet pirate", register=False)
    scan(stranger.db_path, clock)
    refused = merge_exports(office, [manifest_of(export(stranger, tmp_path / "x", clock))])
    assert refused[0].refused
    history = _history(office)
    assert [r.file_sha256 for r in history.records] == [receipt.sha256]
    assert "Guichet pirate" not in {d.label for d in history.desks}


def test_anomalies_of_a_desk_file_copied_to_a_second_laptop(office, desks, tmp_path, clock):
    a, _ = desks
    genuine, copy = twin_exports(a, tmp_path, clock)
    clock.advance(minutes=1)
    _merge(office, clock, genuine)
    clock.advance(minutes=1)
    _merge(office, clock, copy)

    copied, first = _history(office).records
    assert (copied.file_sha256, copied.new_events, copied.anomalies) == (copy.sha256, 0, 1)
    assert copied.anomaly_kinds == (("poste_copie", 1),)
    assert (first.anomalies, first.anomaly_kinds) == (0, ())


def test_desks_in_label_order_with_numbers_read_as_numbers(office, tmp_path, clock):
    for label in ("Guichet 10", "Guichet 2", "accueil nord", "Guichet 1"):
        make_desk(office, tmp_path, label)
    assert [d.label for d in _history(office).desks] == [
        "accueil nord",
        "Guichet 1",
        "Guichet 2",
        "Guichet 10",
    ]


def test_read_inside_a_callers_transaction_leaves_it_open(office, desks):
    db = open_database(office)
    try:
        with write_transaction(db):
            assert len(import_history(db).desks) == 2
            assert db.conn.in_transaction
        assert import_records(db) == []
        assert not db.conn.in_transaction
    finally:
        db.close()


def test_only_desk_laptops_registered_here_are_awaited(office, desks, tmp_path, clock):
    """Not the office (whatever role its file states: this demo file says 'desk'), even once
    it has its own key (made for the acknowledgements); a desk prepared from a copy of the
    office file counts once registered with its identity file (register-desk), not before."""
    from desktop.models.desk_setup import export_identity, register_identity
    from desktop.models.purge import office_identity

    own = office_identity(office)  # the office's key pair, registered in its own `desks` row
    db = open_database(office)
    keyed = db.execute("SELECT public_key FROM desks WHERE desk_id = ?", [own.desk_id])
    assert keyed.fetchone()[0] == own.public_key
    (role,) = db.execute("SELECT role FROM desk_identity").fetchone()
    db.close()
    assert role == "desk"
    copy = tmp_path / "copie-du-bureau.sqlite"
    shutil.copyfile(office, copy)
    later = make_desk(copy, tmp_path, "Guichet 4", register=False)
    assert [d.label for d in _history(office).desks] == ["Guichet 2", "Guichet 3"]

    export_identity(later.db_path, tmp_path / "guichet-4.json")
    register_identity(office, tmp_path / "guichet-4.json")
    history = _history(office)
    assert [d.label for d in history.missing] == ["Guichet 2", "Guichet 3", "Guichet 4"]
    assert own.desk_id not in {d.desk_id for d in history.desks}


def test_a_desk_file_read_as_an_office_awaits_neither_itself_nor_its_keyless_office(
    office, desks, tmp_path
):
    """A desk file holds a copy of the office's `desks` (the office's row, keyless until the
    office has a key, and the desks prepared before it): the office's row is no laptop."""
    _, later = desks
    db = open_database(later.db_path)
    try:
        rows = {str(r[0]) for r in db.execute("SELECT label FROM desks")}
        history = import_history(db)
    finally:
        db.close()
    assert rows == {"Guichet démo", "Guichet 2", "Guichet 3"}
    assert [d.label for d in history.desks] == ["Guichet 2"]
