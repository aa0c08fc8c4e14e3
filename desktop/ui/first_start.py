"""First start on a new laptop: a three-page wizard (desk label, export folder, printer).

The lead calls it from app.py only when no --db/--agent/--demo was given (a kiosk or an
automation start never sees it):

    if needs_first_start(Settings()):
        outcome = run_first_start(None)
        if not outcome:                       # closed: nothing saved, Guichet stops
            return 0
        if outcome is FirstStartOutcome.DEMO:  # "Ouvrir la démonstration"
            demo = True

The demo convention stays one click away ("Ouvrir la démonstration", Alt+D) on every page;
choosing it saves nothing, so the wizard comes back at the next start until the desk is set up.
"""

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.ui import settings as s
from desktop.ui import theme
from desktop.ui.settings import Settings
from desktop.ui.settings_dialog import MAX_DESK_LABEL, error_label, printer_names

DEMO_BUTTON = QWizard.WizardButton.CustomButton1


class FirstStartOutcome(Enum):
    """How the wizard ended; true when Guichet should go on."""

    FINISHED = "finished"
    DEMO = "demo"
    CANCELLED = "cancelled"

    def __bool__(self) -> bool:
        return self is not FirstStartOutcome.CANCELLED


def needs_first_start(settings: Settings | None = None) -> bool:
    return not (settings or Settings()).first_start_done


def default_export_folder() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(documents or Path.home()) / "Guichet")


class _DeskPage(QWizardPage):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("deskPage")
        self.setTitle(self.tr("Bienvenue dans Guichet"))
        self.setSubTitle(
            self.tr(
                "Trois questions pour préparer ce poste. Pour essayer sans rien régler : "
                "« Ouvrir la démonstration »."
            )
        )
        self.entry = QLineEdit(settings.desk_label)
        self.entry.setObjectName("deskLabelField")
        self.entry.setMaxLength(MAX_DESK_LABEL)
        self.entry.setPlaceholderText(self.tr("par ex. Accueil 1"))
        self.entry.setAccessibleName(s.label(s.DESK_LABEL))
        self.entry.setAccessibleDescription(s.description(s.DESK_LABEL))
        label = QLabel(self.tr("&Nom de ce poste :"))
        label.setBuddy(self.entry)
        hint = QLabel(s.description(s.DESK_LABEL))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.entry)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.registerField("deskLabel*", self.entry)  # Suivant waits for a name


class _ExportPage(QWizardPage):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("exportPage")
        self.setTitle(self.tr("Dossier d'export"))
        self.setSubTitle(
            self.tr("Où enregistrer les exports de fin de journée (créé s'il n'existe pas).")
        )
        self.entry = QLineEdit(settings.export_folder or default_export_folder())
        self.entry.setObjectName("exportFolderField")
        self.entry.setAccessibleName(s.label(s.EXPORT_FOLDER))
        self.entry.setAccessibleDescription(s.description(s.EXPORT_FOLDER))
        label = QLabel(self.tr("D&ossier :"))
        label.setBuddy(self.entry)
        browse = QPushButton(self.tr("Pa&rcourir…"))  # Alt+P is Précédent
        browse.setObjectName("browseExportButton")
        browse.setAccessibleName(self.tr("Choisir le dossier d'export"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        self.error = error_label("exportFolderError")
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier d'export"), self.entry.text()
        )
        if chosen:
            self.entry.setText(chosen)
        self.entry.setFocus()

    def validatePage(self) -> bool:
        """The folder is created when missing; a folder that cannot be is said under the field."""
        text = self.entry.text().strip()
        problem = None
        if not text:
            problem = self.tr("Indiquez un dossier.")
        else:
            try:
                Path(text).expanduser().mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                problem = self.tr("Ce dossier ne peut pas être créé : {reason}").format(
                    reason=exc.strerror or exc
                )
        self.error.setStyleSheet(theme.error_style())
        self.error.setText(f"✖ {problem}" if problem else "")
        self.error.setVisible(problem is not None)
        self.entry.setAccessibleDescription(problem or s.description(s.EXPORT_FOLDER))
        if problem:
            self.entry.setFocus()
        return problem is None


class _PrinterPage(QWizardPage):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("printerPage")
        self.setTitle(self.tr("Imprimante"))
        self.setSubTitle(self.tr("Où imprimer les badges et les documents du jour."))
        self.combo = QComboBox()
        self.combo.setObjectName("printerCombo")
        self.combo.setAccessibleName(s.label(s.PRINTER))
        self.combo.setAccessibleDescription(s.description(s.PRINTER))
        names = printer_names()
        self.combo.addItem(
            self.tr("Imprimante du système") if names else self.tr("Aucune imprimante"), ""
        )
        for name in names:
            self.combo.addItem(name, name)
        self.combo.setCurrentIndex(max(0, self.combo.findData(settings.printer)))
        label = QLabel(self.tr("&Imprimante des badges et documents :"))
        label.setBuddy(self.combo)
        self.note = QLabel(
            self.tr(
                "Aucune imprimante n'est installée : vous pourrez la choisir plus tard dans les réglages (les documents restent enregistrables en PDF)."
            )
            if not names
            else ""
        )
        self.note.setObjectName("printerNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.note)
        layout.addStretch(1)


class FirstStartWizard(QWizard):
    """The three pages; `outcome` tells how it ended, settings are saved on Terminer only."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.outcome = FirstStartOutcome.CANCELLED
        self.setObjectName("firstStartWizard")
        self.setWindowTitle(self.tr("Premier démarrage de Guichet"))
        self.setAccessibleName(self.tr("Premier démarrage de Guichet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.desk_page = _DeskPage(settings)
        self.export_page = _ExportPage(settings)
        self.printer_page = _PrinterPage(settings)
        for page in (self.desk_page, self.export_page, self.printer_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(DEMO_BUTTON, self.tr("Ouvrir la &démonstration"))
        demo = self.button(DEMO_BUTTON)
        demo.setObjectName("openDemoButton")
        demo.setAccessibleName(self.tr("Ouvrir la démonstration"))
        demo.setAccessibleDescription(
            self.tr("Ouvre la convention de démonstration sans régler ce poste.")
        )
        demo.clicked.connect(self.open_demo)
        for which, name in (
            (QWizard.WizardButton.NextButton, "nextButton"),
            (QWizard.WizardButton.BackButton, "backButton"),
            (QWizard.WizardButton.FinishButton, "finishButton"),
            (QWizard.WizardButton.CancelButton, "cancelButton"),
        ):
            self.button(which).setObjectName(name)

    def open_demo(self) -> None:
        self.outcome = FirstStartOutcome.DEMO
        self.done(QWizard.DialogCode.Accepted.value)

    def accept(self) -> None:
        if self.outcome is not FirstStartOutcome.DEMO:
            self.settings.set(s.DESK_LABEL, self.desk_page.entry.text())
            self.settings.set(s.EXPORT_FOLDER, self.export_page.entry.text().strip())
            self.settings.set(s.PRINTER, self.printer_page.combo.currentData())
            self.settings.set(s.FIRST_START_DONE, True)
            self.settings.sync()
            self.outcome = FirstStartOutcome.FINISHED
        super().accept()


def run_first_start(
    parent: QWidget | None = None, settings: Settings | None = None
) -> FirstStartOutcome:
    """Show the wizard (modal) and return how it ended: FINISHED, DEMO or CANCELLED (false)."""
    wizard = FirstStartWizard(settings or Settings(), parent)
    wizard.exec()
    outcome = wizard.outcome
    wizard.deleteLater()
    return outcome
