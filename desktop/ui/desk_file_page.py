"""The first-start wizard's page « Fichier de ce guichet »: the desk file the office prepared
(`guichet desk-init`, copied to this laptop with its key), or the demo only.

The file is checked when the agent presses Suivant (models/desk_file.py: read-only, nothing
created nor migrated); a missing file, a file that is not a desk's, the office's file, the demo
or a desk without its key is said under the field and the agent stays on the page. `chosen`
holds the DeskFile once checked, None for « Démonstration seulement ».

The path field, its browse button and the line under them are a DeskFileChooser, which the
settings dialog (Ctrl+,) shows too when an agent changes the laptop's desk file later: the same
check and the same French refusals in both places.
"""

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.models.desk_file import DeskFile, DeskFileError, inspect_desk_file
from desktop.ui import settings as s
from desktop.ui import theme
from desktop.ui.controls import push_button
from desktop.ui.field_messages import error_label
from desktop.ui.settings import Settings

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


class DeskFileChooser(QWidget):
    """A desk file's path field and a browse button beside it, with `error`, the line that
    says why the file cannot be used, for the screen to place under them (as a row of its
    own in a form, where a message of several lines gets its height). `check()` reads the
    file (read-only) and says what is wrong.

    The texts that carry an Alt letter (`label`, `browse_text`) and the message for an empty
    field come from the screen that shows the chooser: each screen has its own letters, and
    only it knows what its other choice is called. The chooser's own texts are translated in
    the wizard page's context, where they were first written."""

    browsed = Signal()  # a file was picked in the file dialog (not when it was cancelled)

    def __init__(
        self,
        path: str,
        *,
        label: str | None,
        browse_text: str,
        description: str,
        empty_problem: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.description = description
        self.empty_problem = empty_problem
        self.entry = QLineEdit(path)
        self.entry.setObjectName("deskFileField")
        self.entry.setPlaceholderText(
            QCoreApplication.translate("DeskFilePage", "par ex. C:\\Guichet\\guichet1.sqlite")
        )
        self.entry.setAccessibleName(
            QCoreApplication.translate("DeskFilePage", "Fichier de ce guichet")
        )
        self.entry.setAccessibleDescription(description)
        self.browse = push_button(
            browse_text,
            "browseDeskFileButton",
            QCoreApplication.translate("DeskFilePage", "Choisir le fichier de ce guichet"),
            self._browse,
        )
        self.error = error_label("deskFileError")
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        if label is not None:
            buddy = QLabel(label)
            buddy.setBuddy(self.entry)
            self.row.addWidget(buddy)
        self.row.addWidget(self.entry, 1)
        self.row.addWidget(self.browse)
        self.setLayout(self.row)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("DeskFilePage", "Fichier de ce guichet"),
            self._start_folder(),
            QCoreApplication.translate(
                "DeskFilePage", "Fichiers Guichet (*.sqlite);;Tous les fichiers (*)"
            ),
        )
        self.entry.setFocus()
        if chosen:
            self.entry.setText(str(Path(chosen)))
            self.browsed.emit()

    def _start_folder(self) -> str:
        typed = Path(self.entry.text().strip()).expanduser()
        if self.entry.text().strip() and typed.parent.is_dir():
            return str(typed.parent)
        where = QStandardPaths.StandardLocation.DocumentsLocation
        return QStandardPaths.writableLocation(where) or str(Path.home())

    def check(self) -> DeskFile | None:
        """The desk file the field names, its full path put back in the field; None when there
        is none or it cannot be used, the reason said under the field. Changes nothing on disk
        and takes no lock: a desk open on another file (or on this one) is not disturbed."""
        text = self.entry.text().strip()
        if not text:
            self.show_problem(self.empty_problem)
            return None
        try:
            found = inspect_desk_file(text)
            s.DESK_DATABASE.coerce(str(found.path))  # what the setting will hold
        except DeskFileError as exc:
            self.show_problem(str(exc))
            return None
        except ValueError:
            self.show_problem(
                QCoreApplication.translate(
                    "DeskFilePage", "Ce chemin ne peut pas être retenu : {path}"
                ).format(path=text)
            )
            return None
        self.entry.setText(str(found.path))
        self.show_problem(None)
        return found

    def show_problem(self, problem: str | None) -> bool:
        """Say `problem` under the field (and to a screen reader), the path selected to be
        corrected at once; True when there is none."""
        self.error.setStyleSheet(theme.error_style())  # the theme may have changed since
        self.error.setText(f"✖ {problem}" if problem else "")
        self.error.setVisible(problem is not None)
        self.entry.setAccessibleDescription(problem or self.description)
        if problem:
            self.entry.setFocus()
            self.entry.selectAll()
        return problem is None


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
        # Alt+P is Précédent, Alt+S Suivant, Alt+D the demo: Alt+R browses.
        self.chooser = DeskFileChooser(
            settings.desk_database,
            label=self.tr("&Fichier :"),
            browse_text=self.tr("Pa&rcourir…"),
            description=_tr(FILE_NOTE),
            empty_problem=self.tr(
                "Indiquez le fichier de ce guichet, ou choisissez « Démonstration seulement »."
            ),
        )
        self.entry = self.chooser.entry
        self.browse = self.chooser.browse
        self.error = self.chooser.error
        hint = QLabel(_tr(FILE_NOTE))
        hint.setWordWrap(True)
        demo_hint = QLabel(_tr(DEMO_NOTE))
        demo_hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_choice)
        layout.addWidget(self.chooser)
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
            self.chooser.show_problem(None)
        else:
            self.entry.setFocus()

    def validatePage(self) -> bool:
        """Suivant: the demo, or a desk file that passes every check (read-only)."""
        self.chosen = None
        if self.demo_choice.isChecked():
            return True
        self.chosen = self.chooser.check()
        if self.chosen is None:
            self._grow_to_fit()
        return self.chosen is not None

    def _grow_to_fit(self) -> None:
        """A message of four lines would be cut at the wizard's size: it grows (never shrinks,
        so a wizard the agent enlarged stays so)."""
        wizard = self.wizard()
        if wizard is None:
            return
        before = wizard.size()
        wizard.adjustSize()
        wizard.resize(max(before.width(), wizard.width()), max(before.height(), wizard.height()))
