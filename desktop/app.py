"""Composition root of the GUI: Qt application, translations, the file lock, the window."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils
from PySide6.QtCore import QLockFile, QSettings
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop import paths
from desktop.models.clock import Clock, system_clock
from desktop.models.journal import local_desk
from desktop.models.storage import StorageError, open_database
from desktop.start_target import resolve_start

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

DEMO_AGENT = "Agent démo"
EXIT_FILE_ERROR = 2
EXIT_ALREADY_OPEN = 3


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_NAME)
    install_translations(app)
    from desktop.ui.settings import Settings
    from desktop.ui.theme import apply_theme

    settings = Settings()
    apply_theme(app, settings.theme, settings.text_scale)  # high contrast, 150 / 200 % text
    return app  # type: ignore[return-value]


def install_translations(app: QApplication) -> None:
    """The desk's language (QSettings "ui/language": French by default, or English), with Qt's
    own strings in the same language so standard buttons read "Annuler" or "Cancel"."""
    from desktop.ui.i18n import install_language

    install_language(app)


def acquire_lock(db_path: Path) -> QLockFile | None:
    """One Guichet per file: a second instance is refused before it opens the database."""
    lock = QLockFile(str(db_path) + ".lock")
    lock.setStaleLockTime(0)  # a crashed instance's lock is recognised by its dead PID
    return lock if lock.tryLock(200) else None


def run_gui(
    db_path: Path | None,
    demo: bool,
    agent: str | None,
    clock: Clock = system_clock,
    password_file: Path | None = None,
    first_start: bool = False,
) -> int:
    app = make_application()
    from desktop.ui.settings import Settings

    wizard_demo = False
    if first_start and _interactive():
        # A new laptop: its desk file, name, export folder, printer (the demo one click away).
        from desktop.ui.first_start import FirstStartOutcome, needs_first_start, run_first_start

        if needs_first_start():
            outcome = run_first_start(None)
            if not outcome:
                return 0
            wizard_demo = outcome is FirstStartOutcome.DEMO
    # Neither --db nor --demo: this laptop's desk file when one was chosen, else the demo.
    target = resolve_start(db_path, demo, "" if wizard_demo else Settings().desk_database)
    db_path, demo = target.db_path, target.demo
    if demo and db_path is None:
        db_path = paths.demo_database()
    assert db_path is not None
    db_path = db_path.resolve()
    if demo and not db_path.exists():
        from desktop.models.demo import create_demo  # only for the demo: keep the start light

        try:
            create_demo(db_path, clock).close()
        except StorageError as exc:
            return _refuse(str(exc), EXIT_FILE_ERROR)
    lock = acquire_lock(db_path) if db_path.parent.exists() else None
    if lock is None and db_path.parent.exists():
        return _refuse(
            app.translate(
                "app",
                "Guichet est déjà ouvert sur ce fichier ({path}).\n"
                "Utilisez la fenêtre déjà ouverte.",
            ).format(path=db_path),
            EXIT_ALREADY_OPEN,
        )
    if _interactive():
        # A damaged or vanished file: say so and offer the latest backup, never start empty.
        from desktop.ui.backup_dialog import StartChoice, start_check

        if start_check(db_path, paths.backup_folder(), clock) is StartChoice.QUIT:
            return EXIT_FILE_ERROR
    try:
        db = open_database(db_path)
    except StorageError as exc:
        if target.remembered:  # a bare start: say which file and what to do, not the demo
            return _refuse(f"{exc}\n{_remembered_file_help()}", EXIT_FILE_ERROR)
        return _refuse(str(exc), EXIT_FILE_ERROR)
    if demo:
        from desktop.models.demo import ensure_session_today

        ensure_session_today(db, clock)
    from desktop.ui import login_dialog

    # Once the file has accounts, the agent proves who they are (or --password-file).
    who = login_dialog.login_for_start(db, agent, password_file, clock)
    if who == login_dialog.REFUSED:
        return _refuse(login_dialog.last_refusal or "Connexion annulée.", EXIT_FILE_ERROR)
    agent_name = who.name if who else (agent or _ask_agent(demo))  # type: ignore[union-attr]
    if not agent_name:
        return 0
    from desktop.ui.backup_dialog import BackupTimer

    window = open_desk_window(db, db_path, agent_name, clock)
    settings = Settings()
    folder = Path(settings.backup_folder) if settings.backup_folder else paths.backup_folder()
    backups = BackupTimer(
        db_path, folder, settings.backup_interval_minutes, window.tasks, parent=window
    )
    window.backup_timer = backups
    from desktop.ui.previews import sweep_after_start

    sweep_after_start()  # what a crashed run left, once the desk is up
    code = app.exec()
    db.close()
    if lock is not None:
        lock.unlock()
    return int(code)


def open_desk_window(
    db: "sqlite_utils.Database", db_path: Path, agent_name: str, clock: Clock
) -> "MainWindow":
    """The check-in window shown, with the scan router that sends a scanner's burst to the
    check-in whatever has the focus (never into a parking amount or the search box; a
    person's typing passes through). The benchmarks open the desk through here too."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.scan_router import ScanRouter

    window = MainWindow(db, db_path, local_desk(db, agent_name), clock)
    if window.large_text:  # 150-200 %: all of the screen's width, the page scrolls down
        window.showMaximized()
    else:
        window.show()
    window.raise_()
    window.activateWindow()  # kiosk start: shortcuts work before anyone clicks the window
    router = ScanRouter(window)  # owned by the window
    router.scanned.connect(window.route_scan)  # queued while the screen is locked
    router.install()
    window.scan_router = router  # uninstalled when the window closes
    return window


def _ask_agent(demo: bool) -> str | None:
    settings = QSettings()
    last = str(settings.value("desk/last_agent", "") or "")
    if demo:
        return last or DEMO_AGENT
    name, ok = QInputDialog.getText(
        None,
        QApplication.translate("app", "Ouverture du guichet"),
        QApplication.translate("app", "Nom de l'agent au guichet :"),
        text=last,
    )
    if not ok or not name.strip():
        return None
    settings.setValue("desk/last_agent", name.strip())
    return name.strip()


def _remembered_file_help() -> str:
    return QApplication.translate(
        "app",
        "C'est le fichier de ce guichet, choisi au premier démarrage. Branchez le disque ou la "
        "clé qui le contient puis relancez Guichet, ou appelez le bureau. Guichet n'ouvre pas "
        "la démonstration à sa place.",
    )


def _interactive() -> bool:
    return QApplication.platformName() not in ("offscreen", "minimal")


def _refuse(message: str, code: int) -> int:
    print(f"guichet : {message}", file=sys.stderr)
    if _interactive():  # offscreen, nobody would click OK
        QMessageBox.critical(None, "Guichet", message)
    return code
