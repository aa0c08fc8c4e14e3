"""Who merged each export: the office agent is written in the import log (m008), by the model,
by `guichet merge --agent`, checked against its password once the office file has accounts.
And an export made by a desk that still runs the previous version (no m008) merges as before,
once: the same file again is "déjà importé" and changes nothing."""

import sqlite3
from pathlib import Path

import pytest

from desktop.models import accounts
from desktop.models.accounts import Role
from desktop.models.import_history import import_history
from desktop.models.merge import MergeError, MergeOutcome, merge_exports
from desktop.models.storage import open_database
from tests.models.sync_support import (
    export,
    make_desk,
    make_office,
    manifest_of,
    master_state,
    run_cli,
    scan,
)

M008 = "m008_import_agent"


@pytest.fixture
def office(tmp_path, clock):
    return make_office(tmp_path, clock)


@pytest.fixture
def desk(office, tmp_path, clock):
    created = make_desk(office, tmp_path, "Guichet 2")
    scan(created.db_path, clock, ref="DEMO-001")
    scan(created.db_path, clock, ref="DEMO-002")
    return created


def _log(office: Path) -> list[tuple[str, str]]:
    db = open_database(office)
    try:
        return [
            (str(r[0]), str(r[1])) for r in db.execute("SELECT desk_label, agent FROM import_log")
        ]
    finally:
        db.close()


def _to_previous_version(path: Path) -> None:
    """The file as the version before m008 left it: no `import_log.agent`, no m008 record.
    (Plain sqlite3: open_database would bring it up to date again.)"""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("ALTER TABLE import_log DROP COLUMN agent")
            conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [M008])
    finally:
        conn.close()


def _columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def test_the_agent_is_noted_and_the_same_file_again_changes_nothing(office, desk, tmp_path, clock):
    receipt = export(desk, tmp_path / "usb", clock)
    (first,) = merge_exports(office, [manifest_of(receipt)], clock=clock, agent="Claire")
    assert (first.outcome, first.agent, first.new_events) == (MergeOutcome.IMPORTED, "Claire", 2)
    assert _log(office) == [("Guichet 2", "Claire")]
    before = master_state(office)

    (again,) = merge_exports(office, [manifest_of(receipt)], clock=clock, agent="Paul")
    assert again.outcome is MergeOutcome.ALREADY_IMPORTED
    assert again.agent == ""  # Paul merged nothing
    assert master_state(office) == before
    assert _log(office) == [("Guichet 2", "Claire")]  # the first merge's agent stays


def test_without_an_agent_nothing_is_made_up(office, desk, tmp_path, clock):
    receipt = export(desk, tmp_path / "usb", clock)
    (report,) = merge_exports(office, [manifest_of(receipt)], clock=clock)
    assert (report.outcome, report.agent) == (MergeOutcome.IMPORTED, "")
    assert _log(office) == [("Guichet 2", "")]


def test_the_name_is_folded_and_a_garbled_one_refused_before_anything(
    office, desk, tmp_path, clock
):
    receipt = export(desk, tmp_path / "usb", clock)
    before = master_state(office)
    for bad in ("Cla\x1bire", "C" * 81):
        with pytest.raises(MergeError, match="Nom d'agent invalide"):
            merge_exports(office, [manifest_of(receipt)], clock=clock, agent=bad)
    assert master_state(office) == before
    merge_exports(office, [manifest_of(receipt)], clock=clock, agent="  Claire \t Dupont ")
    assert _log(office) == [("Guichet 2", "Claire Dupont")]


def test_an_export_from_a_desk_on_the_previous_version_merges_once(office, desk, tmp_path, clock):
    _to_previous_version(desk.db_path)
    receipt = export(desk, tmp_path / "usb", clock)  # export reads the file as it is
    assert receipt.snapshot_path is not None
    assert "agent" not in _columns(receipt.snapshot_path, "import_log")
    conn = sqlite3.connect(receipt.snapshot_path)
    migrations = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
    conn.close()
    assert M008 not in migrations and "m007_ticket_day_index" in migrations

    (report,) = merge_exports(office, [manifest_of(receipt)], clock=clock, agent="Claire")
    assert (report.outcome, report.new_events, report.event_count) == (
        MergeOutcome.IMPORTED,
        2,
        2,
    )
    state = master_state(office)
    (again,) = merge_exports(office, [manifest_of(receipt)], clock=clock, agent="Claire")
    assert again.outcome is MergeOutcome.ALREADY_IMPORTED
    assert master_state(office) == state
    assert _log(office) == [("Guichet 2", "Claire")]


def test_imports_merged_before_m008_keep_no_agent(office, desk, tmp_path, clock):
    old = export(desk, tmp_path / "old", clock)
    merge_exports(office, [manifest_of(old)], clock=clock)
    _to_previous_version(office)
    assert "agent" not in _columns(office, "import_log")

    scan(desk.db_path, clock, ref="DEMO-003")
    clock.advance(minutes=5)
    new = export(desk, tmp_path / "new", clock)
    merge_exports(office, [manifest_of(new)], clock=clock, agent="Claire")  # m008 runs first
    db = open_database(office)
    try:
        records = import_history(db).records
    finally:
        db.close()
    assert [(r.file_sha256, r.agent) for r in records] == [(new.sha256, "Claire"), (old.sha256, "")]


def test_cli_agent_in_the_line_and_the_log_then_already_imported(office, desk, tmp_path, clock):
    receipt = export(desk, tmp_path / "usb", clock)
    done = run_cli("merge", "--office", office, tmp_path / "usb", "--agent", "Claire")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("(Guichet 2) : importé par Claire, 2 nouveaux faits sur 2")
    assert _log(office) == [("Guichet 2", "Claire")]
    again = run_cli("merge", "--office", office, manifest_of(receipt), "--agent", "Claire")
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().endswith("(Guichet 2) : déjà importé")
    assert _log(office) == [("Guichet 2", "Claire")]


def test_cli_without_agent_prints_as_before_and_a_blank_agent_is_refused(
    office, desk, tmp_path, clock
):
    receipt = export(desk, tmp_path / "usb", clock)
    blank = run_cli("merge", "--office", office, manifest_of(receipt), "--agent", "  ")
    assert blank.returncode != 0
    assert "le nom de l'agent est vide" in blank.stderr and blank.stdout == ""
    assert _log(office) == []
    plain = run_cli("merge", "--office", office, manifest_of(receipt))
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.strip().endswith("(Guichet 2) : importé, 2 nouveaux faits sur 2")
    assert _log(office) == [("Guichet 2", "")]


def test_cli_with_accounts_the_agent_proves_who_they_are(office, desk, tmp_path, clock):
    db = open_database(office)
    try:
        accounts.create_account(db, "Claire", Role.BUREAU, "Bur3au-Montpellier!", clock)
    finally:
        db.close()
    receipt = export(desk, tmp_path / "usb", clock)
    merge = ["merge", "--office", office, manifest_of(receipt)]

    nobody = run_cli(*merge)
    assert nobody.returncode != 0 and "--password-file" in nobody.stderr
    wrong = tmp_path / "faux.txt"
    wrong.write_text("pas le bon\n", encoding="utf-8")
    refused = run_cli(*merge, "--agent", "Claire", "--password-file", wrong)
    assert refused.returncode != 0 and "Mot de passe incorrect" in refused.stderr
    assert _log(office) == []

    right = tmp_path / "claire.txt"
    right.write_text("Bur3au-Montpellier!\n", encoding="utf-8")
    done = run_cli(*merge, "--agent", "claire", "--password-file", right)
    assert done.returncode == 0, done.stderr
    assert "importé par Claire, 2 nouveaux faits sur 2" in done.stdout
    assert _log(office) == [("Guichet 2", "Claire")]  # the account's name, as written
