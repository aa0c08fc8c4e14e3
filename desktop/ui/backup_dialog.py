"""Backups from the app: restore with a preview, the start-up check, the periodic backup.

- `RestoreDialog(db_path, backup_folder, clock, parent, before_restore=None)`: the backups of
  this file, newest first (↑/↓), with what the selected one holds (`backups.describe_backup`:
  desk, members, facts, time of the last fact); "Restaurer" (Alt+R) asks once more, calls
  `before_restore()` (the window closes its connection) then `backups.restore`, which sets the
  current file aside (never overwritten). `restored` holds the `backups.Restored` after.
- `start_check(db_path, backup_folder, clock, parent) -> StartChoice`: at start-up,
  `backups.check_database`; a missing or damaged file is said in a dialog that offers the
  latest backup with its preview. Never starts empty over a file that is there.
- `BackupTimer(db_path, folder, minutes, tasks)`: `backups.make_backup` every `minutes` on a
  background task (the worker gets paths only, and opens its own connection); `made(path)` /
  `failed(message)`; `backup_now()` for the day close.
"""

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import backups
from desktop.models.backups import BackupError, BackupPreview, DatabaseState, Restored
from desktop.models.clock import PARIS, Clock, from_utc_text, system_clock
from desktop.ui.tasks import TaskRunner
from desktop.ui.theme import error_style
from desktop.ui.wording import ICONS
from desktop.ui.wording import Role as ColourRole

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def _paris(text_or_dt: str | datetime) -> str:
    moment = from_utc_text(text_or_dt) if isinstance(text_or_dt, str) else text_or_dt
    return moment.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")


def preview_text(preview: BackupPreview, tr: Callable[[str], str]) -> str:
    """What a backup holds, in French, for the dialogs."""
    last = _paris(preview.last_fact_at) if preview.last_fact_at else tr("aucun")
    return tr(
        "Sauvegarde du {taken}\nPoste : {desk}\nMembres : {members}\nFaits enregistrés : "
        "{events}\nDernier fait : {last}\nTaille : {size} Ko"
    ).format(
        taken=_paris(preview.taken_at),
        desk=preview.desk_label,
        members=preview.members,
        events=preview.events,
        last=last,
        size=max(1, preview.size // 1024),
    )


class RestoreDialog(QDialog):
    def __init__(
        self,
        db_path: Path | str,
        backup_folder: Path | str,
        clock: Clock = system_clock,
        parent: QWidget | None = None,
        before_restore: Callable[[], None] | None = None,
        intro: str = "",
    ) -> None:
        super().__init__(parent)
        self.db_path, self.folder, self.clock = Path(db_path), Path(backup_folder), clock
        self.before_restore = before_restore
        self.restored: Restored | None = None
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restaurer une sauvegarde"))
        self.resize(640, 480)
        self.intro_label = QLabel(intro, self)
        self.intro_label.setObjectName("restoreIntro")
        self.intro_label.setWordWrap(True)
        self.intro_label.setVisible(bool(intro))
        self.list = QListWidget(self)
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(self.tr("Sauvegardes, la plus récente en premier"))
        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("backupPreview")
        self.preview_label.setAccessibleName(self.tr("Contenu de la sauvegarde"))
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("restoreError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(error_style())
        self.restore_button = QPushButton(self.tr("&Restaurer cette sauvegarde"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        label = QLabel(self.tr("&Sauvegardes de {name} :").format(name=self.db_path.name), self)
        label.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._show_preview)
        self.list.itemActivated.connect(lambda _item: self.restore_selected())
        self._fill()
        self.list.setFocus()

    def _fill(self) -> None:
        for path in reversed(backups.backups_of(self.folder, self.db_path)):
            item = QListWidgetItem(
                self.tr("Sauvegarde du {when}").format(when=_paris(backups.taken_at(path)))
            )
            item.setData(PATH_ROLE, str(path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.preview_label.setText(
                self.tr("Aucune sauvegarde de ce fichier dans {folder}.").format(folder=self.folder)
            )
        self.restore_button.setEnabled(self.list.count() > 0)

    def selected_path(self) -> Path | None:
        item = self.list.currentItem()
        return None if item is None else Path(str(item.data(PATH_ROLE)))

    def _show_preview(self) -> None:
        path = self.selected_path()
        if path is None:
            return
        try:
            self.preview_label.setText(preview_text(backups.describe_backup(path), self.tr))
            self.error_label.clear()
            self.restore_button.setEnabled(True)
        except BackupError as exc:
            self.preview_label.clear()
            self.error_label.setText(f"{ICONS[ColourRole.ERROR]} {exc}")
            self.restore_button.setEnabled(False)

    def restore_selected(self) -> None:
        path = self.selected_path()
        if path is None or not self.restore_button.isEnabled():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restaurer"),
            self.tr(
                "Remplacer {name} par cette sauvegarde ?\nLe fichier actuel est gardé à côté "
                "(.avant-restauration-…), rien n'est effacé."
            ).format(name=self.db_path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_now(path)

    def restore_now(self, path: Path) -> None:
        if self.before_restore is not None:
            self.before_restore()
        try:
            self.restored = backups.restore(path, self.db_path, self.clock)
        except BackupError as exc:
            self.error_label.setText(f"{ICONS[ColourRole.ERROR]} {exc}")
            return
        self.accept()


class StartChoice(Enum):
    OPEN = "open"  # the file is fine, or a backup was put in its place: open it
    NEW = "new"  # no file and no backup: a first start, the app goes on as before
    QUIT = "quit"  # damaged with no backup, or the agent chose to quit: do not open


class StartProblemDialog(QDialog):
    """The file is missing or damaged: say so, show the latest backup, offer to restore it."""

    def __init__(
        self,
        message: str,
        db_path: Path,
        latest: Path | None,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path, self.latest, self.clock = db_path, latest, clock
        self.restored: Restored | None = None
        self.setObjectName("startProblemDialog")
        self.setWindowTitle(self.tr("Fichier du guichet inutilisable"))
        self.message_label = QLabel(f"{ICONS[ColourRole.ERROR]} {message}", self)
        self.message_label.setObjectName("startProblem")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(error_style())
        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("startBackupPreview")
        self.preview_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("startRestoreError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(error_style())
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            self.tr("&Restaurer la dernière sauvegarde"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("startRestoreButton")
        self.quit_button = buttons.addButton(
            self.tr("&Quitter sans rien changer"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.setObjectName("startQuitButton")
        self.restore_button.clicked.connect(self.restore_latest)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._describe()

    def _describe(self) -> None:
        usable = False
        if self.latest is None:
            self.preview_label.setText(self.tr("Aucune sauvegarde de ce fichier n'a été trouvée."))
        else:
            try:
                preview = backups.describe_backup(self.latest)
                self.preview_label.setText(
                    self.tr("Dernière sauvegarde :") + "\n" + preview_text(preview, self.tr)
                )
                usable = True
            except BackupError as exc:
                self.preview_label.setText(str(exc))
        self.restore_button.setVisible(usable)
        self.restore_button.setDefault(usable)
        self.quit_button.setDefault(not usable)
        (self.restore_button if usable else self.quit_button).setFocus()

    def restore_latest(self) -> None:
        if self.latest is None:
            return
        try:
            self.restored = backups.restore(self.latest, self.db_path, self.clock)
        except BackupError as exc:
            self.error_label.setText(f"{ICONS[ColourRole.ERROR]} {exc}")
            return
        self.accept()


def start_check(
    db_path: Path | str,
    backup_folder: Path | str,
    clock: Clock = system_clock,
    parent: QWidget | None = None,
) -> StartChoice:
    """Before opening the file at start-up: OPEN, NEW (first start) or QUIT."""
    db_path = Path(db_path)
    check = backups.check_database(db_path)
    if check.ok:
        return StartChoice.OPEN
    latest = backups.latest_backup(backup_folder, db_path)
    if check.state is DatabaseState.MISSING and latest is None:
        return StartChoice.NEW
    dialog = StartProblemDialog(check.message, db_path, latest, clock, parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.restored is not None
        return StartChoice.OPEN if accepted else StartChoice.QUIT
    finally:
        dialog.deleteLater()


class BackupTimer(QObject):
    """A backup every `minutes` (0: none) on a background task; paths only cross threads."""

    made = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        db_path: Path | str,
        folder: Path | str,
        minutes: float,
        tasks: TaskRunner,
        *,
        keep: int = backups.DEFAULT_KEEP,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path, self.folder, self.keep, self.tasks = Path(db_path), Path(folder), keep, tasks
        self.running = False
        self.last: Path | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.backup_now)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        self._timer.stop()
        if minutes > 0:
            self._timer.start(max(1, int(minutes * 60_000)))

    def stop(self) -> None:
        self._timer.stop()

    def backup_now(self) -> None:
        """One backup now (also at each day close); skipped if one is still running."""
        if self.running:
            return
        self.running = True
        db_path, folder, keep = self.db_path, self.folder, self.keep

        def work(_progress: Callable[..., None]) -> str:
            return str(backups.make_backup(db_path, folder, keep=keep))

        self.tasks.start(self.tr("Sauvegarde du guichet"), work, self._made, self._failed)

    def _made(self, path: str) -> None:
        self.running = False
        self.last = Path(path)
        self.made.emit(path)

    def _failed(self, exc: Exception) -> None:
        self.running = False
        self.failed.emit(
            str(exc) if isinstance(exc, BackupError) else f"Sauvegarde impossible : {exc}"
        )
