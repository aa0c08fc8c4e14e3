"""Starting the GUI: one instance per file, clear refusals, straight to the scan field."""

import subprocess
import sys

from desktop.app import acquire_lock


def test_second_instance_on_the_same_file_is_refused(tmp_path):
    path = tmp_path / "desk.sqlite"
    first = acquire_lock(path)
    assert first is not None
    assert acquire_lock(path) is None
    first.unlock()
    again = acquire_lock(path)
    assert again is not None
    again.unlock()


def _guichet(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=timeout
    )


def test_gui_on_a_locked_file_exits_with_a_french_message(tmp_path):
    path = tmp_path / "desk.sqlite"
    assert _guichet("demo", "--db", str(path)).returncode == 0
    lock = acquire_lock(path.resolve())
    try:
        done = _guichet("--db", str(path), "--agent", "Martin")
    finally:
        lock.unlock()
    assert done.returncode == 3
    assert "déjà ouvert sur ce fichier" in done.stderr


def test_gui_on_a_garbage_file_says_so(tmp_path):
    path = tmp_path / "not-a-db.sqlite"
    path.write_bytes(b"\x00\x01garbage" * 500)
    done = _guichet("--db", str(path), "--agent", "Martin")
    assert done.returncode == 2
    assert "n'est pas une base Guichet valide" in done.stderr


def test_cli_errors_are_french_and_non_zero(tmp_path):
    done = _guichet("status", "--db", str(tmp_path / "absent.sqlite"))
    assert done.returncode != 0 and "Fichier introuvable" in done.stderr
    path = tmp_path / "demo.sqlite"
    assert _guichet("demo", "--db", str(path)).returncode == 0
    again = _guichet("demo", "--db", str(path))
    assert again.returncode != 0 and "existe déjà" in again.stderr
    bad_date = _guichet("status", "--db", str(path), "--date", "11/11/2023")
    assert bad_date.returncode != 0 and "date invalide" in bad_date.stderr
    no_session = _guichet("status", "--db", str(path), "--date", "2023-11-15")
    assert no_session.returncode != 0 and "aucune séance le 15/11/2023" in no_session.stderr
    csv = _guichet("status", "--db", str(path), "--date", "2023-11-11", "--csv")
    assert csv.returncode == 0
    lines = csv.stdout.splitlines()
    assert lines[0].startswith("Séance;Nom;Prénom;Commune;Présent")
    assert len(lines) == 1 + 39


def test_office_mode_on_a_missing_file_says_so(tmp_path):
    done = _guichet("--office", str(tmp_path / "absent.sqlite"))
    assert done.returncode == 2
    assert "introuvable" in done.stderr.lower()
