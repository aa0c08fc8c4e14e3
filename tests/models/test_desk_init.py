"""Setting up desks from the office's file: reference data in, keys made, desk registered."""

import json
import stat

import pytest

from desktop.models import journal, keys, members
from desktop.models.badges import reissue_badge
from desktop.models.checkin import Outcome
from desktop.models.convention import get_convention
from desktop.models.desk_setup import DeskSetupError, create_desk, register_identity
from desktop.models.merge import MergeOutcome, Rejection, merge_exports
from desktop.models.storage import open_database, write_transaction
from tests.models.sync_support import (
    export,
    make_desk,
    make_office,
    member_id,
    run_cli,
    scan,
)


@pytest.fixture
def office(tmp_path, clock):
    return make_office(tmp_path, clock)


def _table_rows(db, table):
    return sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)


def test_cli_desk_init_copies_the_convention_and_registers_the_desk(office, tmp_path, clock):
    db = open_database(office)
    office_desk = journal.local_desk(db, "Claire")
    with write_transaction(db):  # a fact of the office: it must not travel to the desk
        journal.append(db, office_desk, clock, "note", payload={"texte": "bureau"})
    db.close()
    desk_path = tmp_path / "guichet2.sqlite"

    done = run_cli("desk-init", "--from", office, "--db", desk_path, "--label", "Guichet 2")
    assert done.returncode == 0, done.stderr
    assert "Poste « Guichet 2 » créé" in done.stdout

    desk, main = open_database(desk_path), open_database(office)
    assert get_convention(desk) == get_convention(main)  # same code tag: same badges work
    for table in ("communes", "sessions", "members", "badges"):
        assert _table_rows(desk, table) == _table_rows(main, table), table
    if "convention_settings" in desk.table_names():
        assert _table_rows(desk, "convention_settings") == _table_rows(main, "convention_settings")
    assert desk.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    identity = desk.execute("SELECT desk_id, label, role FROM desk_identity").fetchone()
    assert identity[1:] == ("Guichet 2", "desk")
    assert identity[0] != journal.local_desk(main, "x").desk_id

    key_file = keys.key_path(desk_path)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    public = keys.public_text(keys.read_private_key(key_file))
    registered = main.execute(
        "SELECT label, public_key FROM desks WHERE desk_id = ?", [identity[0]]
    ).fetchone()
    assert registered == ("Guichet 2", public)
    desk.close()
    main.close()
    # The private key is in no database file.
    raw = key_file.read_bytes()
    assert raw.startswith(b"-----BEGIN PRIVATE KEY-----")
    body = b"".join(raw.splitlines()[1:-1])
    assert body not in desk_path.read_bytes() and body not in office.read_bytes()


def test_two_desks_from_one_office_accept_the_same_badge(office, tmp_path, clock):
    a = make_desk(office, tmp_path, "Guichet 2")
    b = make_desk(office, tmp_path, "Guichet 3")
    assert a.desk_id != b.desk_id and a.public_key != b.public_key
    first = scan(a.db_path, clock)
    second = scan(b.db_path, clock)
    assert first.outcome is Outcome.CHECKED_IN and second.outcome is Outcome.CHECKED_IN
    assert first.member.id == second.member.id


def test_badge_revoked_at_the_office_does_not_travel(office, tmp_path, clock):
    db = open_database(office)
    mid = member_id(db, "DEMO-005")
    old = members.current_badge(db, mid)
    new = reissue_badge(db, mid, "badge perdu", journal.local_desk(db, "Claire"), clock)
    db.close()
    desk = make_desk(office, tmp_path, "Guichet 2")
    db = open_database(desk.db_path)
    assert members.badge_owner(db, old) is None
    assert members.badge_owner(db, new) == mid
    db.close()


def test_existing_files_duplicate_labels_and_bad_input_are_refused(office, tmp_path):
    desk = make_desk(office, tmp_path, "Guichet 2")
    before = desk.db_path.read_bytes()
    with pytest.raises(DeskSetupError, match="existe déjà"):
        create_desk(office, desk.db_path, "Guichet 9")
    assert desk.db_path.read_bytes() == before
    with pytest.raises(DeskSetupError, match="s'appelle déjà"):
        create_desk(office, tmp_path / "autre.sqlite", "Guichet 2")
    with pytest.raises(DeskSetupError, match="obligatoire"):
        create_desk(office, tmp_path / "autre.sqlite", "  ")
    with pytest.raises(DeskSetupError, match="introuvable"):
        create_desk(tmp_path / "absent.sqlite", tmp_path / "autre.sqlite", "Guichet 4")
    assert not (tmp_path / "autre.sqlite").exists()
    assert not keys.key_path(tmp_path / "autre.sqlite").exists()
    done = run_cli("desk-init", "--db", tmp_path / "x.sqlite")
    assert done.returncode == 1 and "--from" in done.stderr


def test_a_desk_made_from_a_copy_registers_by_its_identity_file(office, tmp_path, clock):
    copy = tmp_path / "copie-du-bureau.sqlite"
    copy.write_bytes(office.read_bytes())
    desk = make_desk(copy, tmp_path, "Guichet Salle B", register=False)
    scan(desk.db_path, clock)
    receipt = export(desk, tmp_path / "out", clock)
    (refused,) = merge_exports(office, [receipt.snapshot_path])
    assert refused.rejection is Rejection.UNKNOWN_DESK

    identity = tmp_path / "identite.json"
    done = run_cli("desk-init", "--db", desk.db_path, "--export-identity", identity)
    assert done.returncode == 0, done.stderr
    assert "PRIVATE" not in identity.read_text(encoding="utf-8")
    done = run_cli("register-desk", "--office", office, identity)
    assert done.returncode == 0, done.stderr
    assert "inscrit au bureau" in done.stdout
    (report,) = merge_exports(office, [receipt.snapshot_path])
    assert report.outcome is MergeOutcome.IMPORTED

    # A forged identity (someone else's key under this desk id) is refused.
    document = json.loads(identity.read_text(encoding="utf-8"))
    other = keys.new_private_key()
    document["identity"]["public_key"] = keys.public_text(other)
    identity.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DeskSetupError, match="signature"):
        register_identity(office, identity)
    resigned = keys.identity_document(
        keys.DeskIdentity(desk.desk_id, "Guichet Salle B", keys.public_text(other), "x"), other
    )
    identity.write_text(json.dumps(resigned), encoding="utf-8")
    with pytest.raises(DeskSetupError, match="autre convention"):
        register_identity(office, identity)


def test_a_desk_without_keys_gets_one_once(tmp_path, clock):
    from desktop.models.demo import create_demo
    from desktop.models.desk_setup import desk_identity

    path = tmp_path / "ancien.sqlite"
    create_demo(path, clock).close()
    first = desk_identity(path)
    assert desk_identity(path) == first  # the same key, not a new one
    keys.key_path(path).unlink()
    with pytest.raises(DeskSetupError, match="introuvable"):
        desk_identity(path)  # a lost key is not replaced behind the office's back
