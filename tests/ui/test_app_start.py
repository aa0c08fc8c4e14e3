"""Starting the GUI: one instance per file, clear refusals, straight to the scan field; a bare
start opens this laptop's desk file, the demo only when none was chosen."""

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from desktop import app as app_module
from desktop import paths
from desktop.app import acquire_lock, run_gui
from desktop.models import backups
from desktop.models.convention_file import create_convention
from desktop.models.desk_setup import create_desk
from desktop.ui import settings as s
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings


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


# --- a bare `guichet` on a desk laptop: its own file, never the demo by accident -------------


@pytest.fixture
def desk_file(tmp_path):
    """`guichet init` then `guichet desk-init --label "Guichet 1"`, copied to the laptop."""
    office = tmp_path / "office.sqlite"
    create_convention(office).close()
    return create_desk(office, tmp_path / "guichet1.sqlite", "Guichet 1").db_path


@pytest.fixture
def remember(qapp):
    """Set this laptop's desk file in the settings run_gui reads (the test run's scratch
    config), and forget it afterwards."""
    settings = Settings()

    def choose(path) -> None:
        settings.set(s.DESK_DATABASE, str(path))
        settings.sync()

    yield choose
    settings.reset(s.DESK_DATABASE)
    settings.sync()


@pytest.fixture
def gui(qapp, qtbot, monkeypatch, tmp_path):
    """run_gui in this process: the event loop replaced by a look at the window it opened."""
    monkeypatch.setattr(app_module, "make_application", lambda: qapp)  # theme/language as is
    monkeypatch.setattr(paths, "demo_database", lambda: tmp_path / "demo.guichet.sqlite")
    monkeypatch.setattr(paths, "backup_folder", lambda: tmp_path / "sauvegardes")
    seen: list[dict] = []

    def look_and_quit() -> int:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append(
                    {
                        "path": widget.db_path,
                        "title": widget.windowTitle(),
                        "demo strip": widget.findChild(QLabel, "demoMarker") is not None,
                        "desk": widget.desk.label,
                    }
                )
                widget.close()
                widget.deleteLater()  # its timers must not outlive the closed database
        return 0

    monkeypatch.setattr(qapp, "exec", look_and_quit)

    def start(clock, **options) -> int:
        options = {"db_path": None, "demo": False, "agent": "Martin", **options}
        code = run_gui(clock=clock, **options)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return code

    start.seen = seen
    return start


def test_a_bare_start_opens_the_remembered_desk_file(gui, remember, desk_file, clock, tmp_path):
    remember(desk_file)
    assert gui(clock) == 0
    [window] = gui.seen
    assert window["path"] == desk_file.resolve()
    assert window["desk"] == "Guichet 1"
    assert "DÉMONSTRATION" not in window["title"] and not window["demo strip"]
    assert not (tmp_path / "demo.guichet.sqlite").exists()


def test_without_a_remembered_file_a_bare_start_opens_the_demo_and_says_so(gui, clock, tmp_path):
    assert Settings().desk_database == ""
    assert gui(clock) == 0
    [window] = gui.seen
    assert window["path"] == (tmp_path / "demo.guichet.sqlite").resolve()
    assert "DÉMONSTRATION" in window["title"] and window["demo strip"]


def test_db_and_demo_options_keep_their_file_whatever_is_remembered(
    gui, remember, desk_file, clock, tmp_path
):
    remember(desk_file)
    other = tmp_path / "essai.sqlite"
    assert gui(clock, db_path=other, demo=True) == 0  # --db FILE --demo: the demo made there
    assert gui(clock, demo=True) == 0  # --demo: the demo of the user data folder
    assert [w["path"] for w in gui.seen] == [
        other.resolve(),
        (tmp_path / "demo.guichet.sqlite").resolve(),
    ]
    assert all(w["demo strip"] for w in gui.seen)


def test_a_damaged_remembered_file_gets_the_backup_offered(
    gui, remember, desk_file, clock, tmp_path, qtbot, monkeypatch
):
    backups.make_backup(desk_file, tmp_path / "sauvegardes", clock=clock)
    damaged = b"ceci n'est pas une base" * 100
    desk_file.write_bytes(damaged)
    remember(desk_file)
    monkeypatch.setattr(app_module, "_interactive", lambda: True)  # the start check's dialog
    seen: list[str] = []
    _answer_modal(qtbot, seen)  # Entrée: « Restaurer la dernière sauvegarde »
    assert gui(clock) == 0
    assert "endommagé" in seen[0] and "Poste : Guichet 1" in seen[0]
    [window] = gui.seen
    assert window["path"] == desk_file.resolve() and window["desk"] == "Guichet 1"
    aside = [
        p
        for p in tmp_path.iterdir()
        if ".avant-restauration-" in p.name and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged  # kept, never lost
    assert not (tmp_path / "demo.guichet.sqlite").exists()


def test_a_damaged_remembered_file_without_backup_stops_and_opens_nothing(
    gui, remember, desk_file, clock, tmp_path, qtbot, monkeypatch
):
    desk_file.write_bytes(b"")
    remember(desk_file)
    monkeypatch.setattr(app_module, "_interactive", lambda: True)
    seen: list[str] = []
    _answer_modal(qtbot, seen)  # Entrée: « Quitter sans rien changer »
    assert gui(clock) == app_module.EXIT_FILE_ERROR
    assert "Aucune sauvegarde" in seen[0]
    assert gui.seen == []
    assert desk_file.read_bytes() == b""
    assert not (tmp_path / "demo.guichet.sqlite").exists()


def _answer_modal(qtbot, seen: list[str]) -> None:
    """Press Entrée in the next modal dialog once it is shown, as the agent would."""
    tries = [0]

    def press() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            tries[0] += 1
            if tries[0] < 100:  # two seconds, then give up (never a key into a later test)
                QTimer.singleShot(20, press)
            return
        seen.append(" ".join(label.text() for label in modal.findChildren(QLabel)))
        qtbot.keyClick(modal.focusWidget() or modal, Qt.Key.Key_Return)

    QTimer.singleShot(0, press)


def test_a_vanished_desk_file_stops_with_a_message_and_creates_nothing(tmp_path):
    """A bare `guichet` whose remembered file is gone (a USB stick not plugged in): a French
    message naming the file, exit 2; neither an empty file nor the demo is made."""
    config, data = tmp_path / "config", tmp_path / "data"
    absent = tmp_path / "cle-usb" / "guichet1.sqlite"
    absent.parent.mkdir()
    stored = QSettings(str(config / "Guichet" / "Guichet.conf"), QSettings.Format.IniFormat)
    stored.setValue(s.FIRST_START_DONE.key, True)
    stored.setValue(s.DESK_DATABASE.key, str(absent))
    stored.sync()
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "XDG_DATA_HOME": str(data)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop"], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 2
    assert f"Fichier introuvable : {absent}" in done.stderr
    assert "C'est le fichier de ce guichet" in done.stderr
    assert "n'ouvre pas la démonstration à sa place" in done.stderr
    assert not absent.exists()
    assert not (data / "Guichet" / "demo.guichet.sqlite").exists()
