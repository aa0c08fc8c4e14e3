"""First start on a new laptop: a four-page wizard (desk file, desk name, export folder,
printer).

app.py runs it when no --db/--agent/--demo was given (a kiosk or an automation start never sees
it) and this laptop has not been set up yet:

    if needs_first_start(Settings()):
        outcome = run_first_start(None)
        if not outcome:                       # closed: nothing saved, Guichet stops
            return 0
        wizard_demo = outcome is FirstStartOutcome.DEMO  # "Ouvrir la démonstration"

The desk file comes first because the desk's name comes from it: the office named the desk
when it prepared the file (`guichet desk-init --label "Guichet 1"`), the name its exports and
the office's reports carry, so the next page shows that name rather than asking for another
one that would disagree. With « Démonstration seulement » the next page asks for a name as
before. Terminer saves everything, the desk file in DESK_DATABASE ("" for the demo), which a
bare `guichet` opens from then on (start_target.py).

The demo convention stays one click away ("Ouvrir la démonstration", Alt+D) on every page;
choosing it saves nothing, so the wizard comes back at the next start until the desk is set up.
"""

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
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
from desktop.ui.desk_file_page import DeskFilePage
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
    """The desk's name: typed for the demo, shown as the office wrote it in a desk file."""

    def __init__(self, settings: Settings, file_page: DeskFilePage) -> None:
        super().__init__()
        self.file_page = file_page
        self.setObjectName("deskPage")
        self.setTitle(self.tr("Nom de ce poste"))
        self.typed = settings.desk_label  # what the agent typed, kept across Précédent
        self.entry = QLineEdit(settings.desk_label)
        self.entry.setObjectName("deskLabelField")
        self.entry.setMaxLength(MAX_DESK_LABEL)
        self.entry.setPlaceholderText(self.tr("par ex. Accueil 1"))
        self.entry.setAccessibleName(s.label(s.DESK_LABEL))
        self.entry.setAccessibleDescription(s.description(s.DESK_LABEL))
        self.entry_label = QLabel(self.tr("&Nom de ce poste :"))
        self.entry_label.setBuddy(self.entry)
        self.hint = QLabel(s.description(s.DESK_LABEL))
        self.hint.setWordWrap(True)
        self.from_file = QLabel()
        self.from_file.setObjectName("deskLabelFromFile")
        self.from_file.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.from_file.setWordWrap(True)
        self.file_note = QLabel()
        self.file_note.setObjectName("deskFileSummary")
        self.file_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.entry_label, self.entry, self.from_file, self.hint, self.file_note):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.registerField("deskLabel*", self.entry)  # Suivant waits for a name
        self.entry.textEdited.connect(self._typed)

    def _typed(self, text: str) -> None:
        self.typed = text

    def initializePage(self) -> None:
        chosen = self.file_page.chosen
        from_file = chosen is not None
        for widget in (self.entry_label, self.entry, self.hint):
            widget.setVisible(not from_file)
        self.from_file.setVisible(from_file)
        self.file_note.setVisible(from_file)
        if chosen is None:
            self.setSubTitle(self.tr("Comment s'appelle ce poste ?"))
            self.entry.setText(self.typed)
            return
        self.setSubTitle(self.tr("Le bureau a nommé ce guichet en préparant son fichier."))
        self.entry.setText(chosen.label)
        self.from_file.setText(chosen.label)
        self.from_file.setAccessibleName(self.tr("Nom de ce poste"))
        self.file_note.setText(
            self.tr(
                "C'est le nom inscrit dans le fichier {file} : il figure sur les exports et les "
                "rapports du bureau. Convention : {title} ({members} membres)."
            ).format(file=chosen.path.name, title=chosen.convention_title, members=chosen.members)
        )

    def label(self) -> str:
        """The name to save: the file's (one line), or the one typed."""
        chosen = self.file_page.chosen
        if chosen is None:
            return self.entry.text()
        return "".join(ch for ch in " ".join(chosen.label.split()) if ch.isprintable())


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
    """The four pages; `outcome` tells how it ended, settings are saved on Terminer only."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.outcome = FirstStartOutcome.CANCELLED
        self.setObjectName("firstStartWizard")
        self.setWindowTitle(self.tr("Premier démarrage de Guichet"))
        self.setAccessibleName(self.tr("Premier démarrage de Guichet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = DeskFilePage(settings)
        self.desk_page = _DeskPage(settings, self.file_page)
        self.export_page = _ExportPage(settings)
        self.printer_page = _PrinterPage(settings)
        for page in (self.file_page, self.desk_page, self.export_page, self.printer_page):
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
        # QDialog's done, not QWizard's: that one first validates the current page, which would
        # ask for a desk file (or create an export folder) when the agent only wants the demo.
        QDialog.done(self, QDialog.DialogCode.Accepted.value)

    def accept(self) -> None:
        if self.outcome is not FirstStartOutcome.DEMO:
            chosen = self.file_page.chosen  # None: « Démonstration seulement »
            self.settings.set(s.DESK_DATABASE, str(chosen.path) if chosen else "")
            self.settings.set(s.DESK_LABEL, self.desk_page.label())
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
