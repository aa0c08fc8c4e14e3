"""The desk's settings dialog: every setting of desktop/ui/settings.py, keyboard first.

Alt + the underlined letter reaches each field; Entrée saves (OK), Alt+A applies without
closing, Échap closes without saving. A field that cannot be saved says why right under it.
The theme and the text size take effect at once (apply_theme); the language at the next start
(widgets take their texts when they are built), and so does this laptop's desk file (the row
« Fichier de ce guichet », desk_file_row.py: the database open now is never closed).
"""

import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import i18n, theme
from desktop.ui import settings as s
from desktop.ui.desk_file_row import DeskFileRow
from desktop.ui.field_messages import error_label
from desktop.ui.settings import Settings

MAX_DESK_LABEL = 60


def folder_problem(text: str) -> str | None:
    """Why `text` cannot be used as a folder to write into, in French; None when it can
    (an empty text means "not chosen" and is accepted)."""
    if not text.strip():
        return None
    path = Path(text.strip()).expanduser()
    if not path.is_dir():
        return QApplication.translate("settings", "Ce dossier n'existe pas.")
    if not os.access(path, os.W_OK):
        return QApplication.translate("settings", "Ce dossier n'est pas accessible en écriture.")
    return None


def desk_label_problem(text: str) -> str | None:
    if len(text.strip()) > MAX_DESK_LABEL:
        return QApplication.translate("settings", "{n} caractères au plus.").format(
            n=MAX_DESK_LABEL
        )
    return None


def printer_names() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


class SettingsDialog(QDialog):
    """Edits `settings`. Signals: applied() after each save; language_changed(code) when the
    language was changed (it takes effect at the next start)."""

    applied = Signal()
    language_changed = Signal(str)

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        open_file: Path | None = None,
    ) -> None:
        """`open_file`: the database the desk has open now, to say when the desk file chosen
        is that one; by default the parent window's `db_path` (the check-in window's)."""
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Réglages du poste"))
        self.setAccessibleName(self.tr("Réglages du poste"))
        if open_file is None:  # window_screens.open_settings passes only the window
            window_file = getattr(parent, "db_path", None)
            open_file = window_file if isinstance(window_file, Path) else None
        form = QFormLayout()
        self.desk_file = DeskFileRow(settings.desk_database, open_file)
        self.desk_file.add_to(form, QLabel(self.tr("Fichier de ce guichet :")))
        self.desk_label = QLineEdit(settings.desk_label)
        self.desk_label_error = error_label("deskLabelError")
        self._add(form, s.DESK_LABEL, self.tr("&Nom du poste :"), self.desk_label, "deskLabelField")
        form.addRow("", self.desk_label_error)
        self.export_folder = QLineEdit(settings.export_folder)
        self.export_error = error_label("exportFolderError")
        browse_export = self._browse_button(
            self.tr("&Parcourir…"),
            self.tr("Choisir le dossier d'export"),
            "browseExportButton",
            self.export_folder,
        )
        self._add(
            form,
            s.EXPORT_FOLDER,
            self.tr("Dossier d'&export :"),
            self._with_button(self.export_folder, browse_export),
            "exportFolderField",
            buddy=self.export_folder,
        )
        form.addRow("", self.export_error)
        self.printer = QComboBox()
        self._fill_printers(settings.printer)
        self._add(form, s.PRINTER, self.tr("&Imprimante :"), self.printer, "printerCombo")
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self._add(form, s.LANGUAGE, self.tr("&Langue :"), self.language, "languageCombo")
        self.theme = QComboBox()
        for code, name in s.THEMES.items():
            self.theme.addItem(QApplication.translate("settings", name), code)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme))
        self._add(form, s.THEME, self.tr("&Thème :"), self.theme, "themeCombo")
        self.text_scale = QComboBox()
        for scale in s.TEXT_SCALES:
            self.text_scale.addItem(f"{scale} %", scale)
        self.text_scale.setCurrentIndex(self.text_scale.findData(settings.text_scale))
        self._add(
            form, s.TEXT_SCALE, self.tr("Taille du te&xte :"), self.text_scale, "textScaleCombo"
        )
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(s.IDLE_LOCK_MINUTES.minimum or 0, s.IDLE_LOCK_MINUTES.maximum or 0)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setSpecialValueText(self.tr("jamais"))
        self.idle_lock.setValue(settings.idle_lock_minutes)
        self._add(
            form,
            s.IDLE_LOCK_MINUTES,
            self.tr("&Verrouillage après :"),
            self.idle_lock,
            "idleLockSpin",
        )
        self.backup_folder = QLineEdit(settings.backup_folder)
        self.backup_error = error_label("backupFolderError")
        browse_backup = self._browse_button(
            self.tr("Parco&urir…"),
            self.tr("Choisir le dossier de sauvegarde"),
            "browseBackupButton",
            self.backup_folder,
        )
        self._add(
            form,
            s.BACKUP_FOLDER,
            self.tr("Dossier de &sauvegarde :"),
            self._with_button(self.backup_folder, browse_backup),
            "backupFolderField",
            buddy=self.backup_folder,
        )
        form.addRow("", self.backup_error)
        self.backup_interval = QSpinBox()
        self.backup_interval.setRange(
            s.BACKUP_INTERVAL_MINUTES.minimum or 0, s.BACKUP_INTERVAL_MINUTES.maximum or 0
        )
        self.backup_interval.setSuffix(self.tr(" min"))
        self.backup_interval.setValue(settings.backup_interval_minutes)
        self._add(
            form,
            s.BACKUP_INTERVAL_MINUTES,
            self.tr("Inte&rvalle de sauvegarde :"),
            self.backup_interval,
            "backupIntervalSpin",
        )
        self.sounds = QCheckBox(self.tr("Jouer des s&ons à chaque scan"))
        self.sounds.setChecked(settings.sounds)
        self.sounds.setObjectName("soundsCheck")
        self.sounds.setAccessibleName(s.label(s.SOUNDS))
        self.sounds.setAccessibleDescription(s.description(s.SOUNDS))
        self.sounds.setToolTip(s.description(s.SOUNDS))
        form.addRow("", self.sounds)
        self.note = QLabel()
        self.note.setObjectName("settingsNote")
        self.note.setWordWrap(True)
        self.note.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        buttons.setObjectName("settingsButtons")
        apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply_button.setText(self.tr("&Appliquer"))
        apply_button.setObjectName("applyButton")
        apply_button.clicked.connect(self.apply)
        # Named here, with their keys: GNOME would underline « &OK » and « &Annuler », the
        # letters of « Jouer des s&ons » and « &Appliquer ».
        ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setText(self.tr("OK (Entrée)"))
        ok_button.setObjectName("okButton")
        cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel_button.setText(self.tr("Annuler (Échap)"))
        cancel_button.setObjectName("cancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.desk_label.setFocus()

    def _add(
        self,
        form: QFormLayout,
        setting: s.Setting,
        text: str,
        field: QWidget,
        name: str,
        buddy: QWidget | None = None,
    ) -> None:
        target = buddy or field
        label = QLabel(text)
        label.setBuddy(target)
        target.setObjectName(name)
        target.setAccessibleName(s.label(setting))
        target.setAccessibleDescription(s.description(setting))
        target.setToolTip(s.description(setting))
        form.addRow(label, field)

    def _with_button(self, field: QLineEdit, button: QPushButton) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        field.setMinimumWidth(field.fontMetrics().averageCharWidth() * 30)
        row.addWidget(field, 1)
        row.addWidget(button)
        return box

    def _browse_button(
        self, text: str, accessible: str, name: str, field: QLineEdit
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._browse(field))
        return button

    def _browse(self, field: QLineEdit) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choisir un dossier"), field.text())
        if chosen:
            field.setText(chosen)
        field.setFocus()

    def _fill_printers(self, current: str) -> None:
        self.printer.addItem(self.tr("Imprimante du système"), "")
        for name in printer_names():
            self.printer.addItem(name, name)
        if current and self.printer.findData(current) < 0:
            self.printer.addItem(self.tr("{name} (absente)").format(name=current), current)
        self.printer.setCurrentIndex(max(0, self.printer.findData(current)))

    def validate(self) -> bool:
        """Show each field's problem under it; focus the first field in error."""
        checks = (
            (self.desk_label, self.desk_label_error, desk_label_problem(self.desk_label.text())),
            (self.export_folder, self.export_error, folder_problem(self.export_folder.text())),
            (self.backup_folder, self.backup_error, folder_problem(self.backup_folder.text())),
        )
        # The desk file first: its row is the dialog's first, and it may take the focus.
        file_ok = self.desk_file.validate()
        first: QWidget | None = None
        for field, label, problem in checks:
            label.setStyleSheet(theme.error_style())  # the theme may have changed since
            label.setText(f"✖ {problem}" if problem else "")
            label.setVisible(problem is not None)
            field.setAccessibleDescription(problem or "")
            if problem and first is None:
                first = field
        if first is not None and file_ok:
            first.setFocus()
        return first is None and file_ok

    def apply(self) -> bool:
        """Save every field (nothing when one is in error); theme and text size at once."""
        if not self.validate():
            return False
        old_language = self.settings.language
        values = (
            (s.DESK_LABEL, self.desk_label.text()),
            (s.EXPORT_FOLDER, self.export_folder.text().strip()),
            (s.PRINTER, self.printer.currentData()),
            (s.LANGUAGE, self.language.currentData()),
            (s.THEME, self.theme.currentData()),
            (s.TEXT_SCALE, self.text_scale.currentData()),
            (s.IDLE_LOCK_MINUTES, self.idle_lock.value()),
            (s.BACKUP_FOLDER, self.backup_folder.text().strip()),
            (s.BACKUP_INTERVAL_MINUTES, self.backup_interval.value()),
            (s.SOUNDS, self.sounds.isChecked()),
        )
        if self.desk_file.choice is not None:  # None: left as it was
            values += ((s.DESK_DATABASE, self.desk_file.choice),)
        for setting, value in values:
            self.settings.set(setting, value)
        self.settings.sync()
        self.desk_file.saved(self.settings.desk_database)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, self.settings.theme, self.settings.text_scale)
        if self.settings.language != old_language:
            self.note.setText(self.tr("La langue sera changée au prochain démarrage de Guichet."))
            self.note.show()
            self.language_changed.emit(self.settings.language)
        self.applied.emit()
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()
