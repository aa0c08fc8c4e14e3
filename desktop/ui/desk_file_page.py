"""The first-start wizard's page « Fichier de ce guichet »: the desk file the office prepared
(`guichet desk-init`, copied to this laptop with its key), or the demo only.

The file is checked when the agent presses Suivant (models/desk_file.py: read-only, nothing
created nor migrated); a missing file, a file that is not a desk's, the office's file, the demo
or a desk without its key is said under the field and the agent stays on the page. `chosen`
holds the DeskFile once checked, None for « Démonstration seulement ».
"""

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from desktop.models.desk_file import DeskFile, DeskFileError, inspect_desk_file
from desktop.ui import settings as s
from desktop.ui import theme
from desktop.ui.controls import push_button
from desktop.ui.settings import Settings
from desktop.ui.settings_dialog import error_label

_CONTEXT = "DeskFilePage"  # the context self.tr() uses in this class
FILE_NOTE = QT_TRANSLATE_NOOP(
    "DeskFilePage",
    "Préparé au bureau avec « guichet desk-init » : le fichier (par ex. guichet1.sqlite) et sa "
    "clé (guichet1.sqlite.key), copiés ensemble sur ce portable. Guichet l'ouvrira à chaque "
    "démarrage.",
)
DEMO_NOTE = QT_TRANSLATE_NOOP(
    "DeskFilePage",
    "Pour essayer ou former : 40 membres fictifs. Guichet ouvrira la démonstration à chaque "
    "démarrage, marquée « DÉMONSTRATION ».",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class DeskFilePage(QWizardPage):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.chosen: DeskFile | None = None
        self.setObjectName("deskFilePage")
        self.setTitle(self.tr("Fichier de ce guichet"))
        self.setSubTitle(
            self.tr(
                "Bienvenue dans Guichet. Quatre questions pour préparer ce poste ; pour essayer "
                "sans rien régler : « Ouvrir la démonstration »."
            )
        )
        self.file_choice = QRadioButton(
            self.tr("&Ouvrir le fichier de guichet préparé par le bureau")
        )
        self.file_choice.setObjectName("deskFileChoice")
        self.demo_choice = QRadioButton(self.tr("Dé&monstration seulement"))
        self.demo_choice.setObjectName("demoOnlyChoice")
        self.demo_choice.setAccessibleDescription(_tr(DEMO_NOTE))
        group = QButtonGroup(self)
        group.addButton(self.file_choice)
        group.addButton(self.demo_choice)
        self.file_choice.setChecked(True)
        self.entry = QLineEdit(settings.desk_database)
        self.entry.setObjectName("deskFileField")
        self.entry.setPlaceholderText(self.tr("par ex. C:\\Guichet\\guichet1.sqlite"))
        self.entry.setAccessibleName(self.tr("Fichier de ce guichet"))
        self.entry.setAccessibleDescription(_tr(FILE_NOTE))
        label = QLabel(self.tr("&Fichier :"))
        label.setBuddy(self.entry)
        # Alt+P is Précédent, Alt+S Suivant, Alt+D the demo: Alt+R browses.
        self.browse = push_button(
            self.tr("Pa&rcourir…"),
            "browseDeskFileButton",
            self.tr("Choisir le fichier de ce guichet"),
            self._browse,
        )
        self.error = error_label("deskFileError")
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.entry, 1)
        row.addWidget(self.browse)
        hint = QLabel(_tr(FILE_NOTE))
        hint.setWordWrap(True)
        demo_hint = QLabel(_tr(DEMO_NOTE))
        demo_hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_choice)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addSpacing(12)
        layout.addWidget(self.demo_choice)
        layout.addWidget(demo_hint)
        layout.addStretch(1)
        self.file_choice.toggled.connect(self._choice_changed)

    def initializePage(self) -> None:
        # Straight into the path (typed, pasted, or Alt+R to browse); the wizard would give the
        # focus to the first radio button, one more key for the common case.
        if self.file_choice.isChecked():
            QTimer.singleShot(0, self.entry, self.entry.setFocus)  # not after it is gone

    def _choice_changed(self, file_chosen: bool) -> None:
        self.entry.setEnabled(file_chosen)
        self.browse.setEnabled(file_chosen)
        if not file_chosen:
            self._show_problem(None)
        else:
            self.entry.setFocus()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Fichier de ce guichet"),
            self._start_folder(),
            self.tr("Fichiers Guichet (*.sqlite);;Tous les fichiers (*)"),
        )
        if chosen:
            self.entry.setText(str(Path(chosen)))
        self.entry.setFocus()

    def _start_folder(self) -> str:
        typed = Path(self.entry.text().strip()).expanduser()
        if self.entry.text().strip() and typed.parent.is_dir():
            return str(typed.parent)
        where = QStandardPaths.StandardLocation.DocumentsLocation
        return QStandardPaths.writableLocation(where) or str(Path.home())

    def validatePage(self) -> bool:
        """Suivant: the demo, or a desk file that passes every check (read-only)."""
        self.chosen = None
        if self.demo_choice.isChecked():
            return True
        text = self.entry.text().strip()
        if not text:
            return self._show_problem(
                self.tr(
                    "Indiquez le fichier de ce guichet, ou choisissez « Démonstration seulement »."
                )
            )
        try:
            found = inspect_desk_file(text)
            s.DESK_DATABASE.coerce(str(found.path))  # what the setting will hold
        except DeskFileError as exc:
            return self._show_problem(str(exc))
        except ValueError:
            return self._show_problem(
                self.tr("Ce chemin ne peut pas être retenu : {path}").format(path=text)
            )
        self.chosen = found
        self.entry.setText(str(found.path))
        return self._show_problem(None)

    def _show_problem(self, problem: str | None) -> bool:
        """Say `problem` under the field (and to a screen reader); True when there is none."""
        self.error.setStyleSheet(theme.error_style())
        self.error.setText(f"✖ {problem}" if problem else "")
        self.error.setVisible(problem is not None)
        self.entry.setAccessibleDescription(problem or _tr(FILE_NOTE))
        if problem:
            self.entry.setFocus()
            self.entry.selectAll()
            self._grow_to_fit()
        return problem is None

    def _grow_to_fit(self) -> None:
        """A message of four lines would be cut at the wizard's size: it grows (never shrinks,
        so a wizard the agent enlarged stays so)."""
        wizard = self.wizard()
        if wizard is None:
            return
        before = wizard.size()
        wizard.adjustSize()
        wizard.resize(max(before.width(), wizard.width()), max(before.height(), wizard.height()))
