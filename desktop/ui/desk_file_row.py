"""The settings dialog's row « Fichier de ce guichet »: the desk file this laptop opens when
Guichet starts without an option (DESK_DATABASE), shown, changed or set back to the demo.

The first-start wizard chooses it once; later the office prepares a new file for the next
weekend, or a laptop moves to another desk, and an agent changes it here:

    Fichier de ce guichet : /…/guichet1.sqlite        [Changer…] [Démonstration]
                            [/…/guichet2.sqlite     ] [Choisir le fichier…]   (Changer…)

    then, once the file passed the check (the field put away until Changer… again):

    Fichier de ce guichet : /…/guichet2.sqlite        [Changer…] [Démonstration]
                            ✔ « Guichet 2 » — Convention … (membres : 40).
                            Guichet ouvrira ce fichier au prochain démarrage. Le fichier
                            ouvert maintenant reste ouvert jusque-là.

The file is checked by the wizard's own DeskFileChooser (read-only: no lock, nothing written,
so a desk open on another file, or on this one, is not disturbed), and shown with its desk and
convention before it can be saved: Entrée in the field checks a path just typed, and OK
or Appliquer with a path nobody has seen checked yet shows it instead of saving it. Nothing is
saved here: the dialog saves `choice` on OK/Appliquer with its other settings, and the change
applies at the next start (the database open now is never closed).
"""

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from desktop import paths
from desktop.models.desk_file import DeskFile
from desktop.ui import settings as s
from desktop.ui.controls import push_button
from desktop.ui.desk_file_page import DeskFileChooser

_PATH_CHARS = 24  # the width the current path asks for; it takes what the row gives


class PathLabel(QLabel):
    """A path shortened to the width the row gives it, the file's name kept (elide_path). It
    asks for a modest width so that a long path does not widen the whole dialog."""

    def __init__(self) -> None:
        super().__init__()
        self.path = ""

    def set_path(self, path: str) -> None:
        self.path = path
        self.updateGeometry()  # its minimum width is its file name's
        self._elide()

    def sizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().averageCharWidth() * _PATH_CHARS, super().sizeHint().height()
        )

    def minimumSizeHint(self) -> QSize:
        # At least the file's name: "…/guichet2.sqlite" is what tells two desk files apart.
        name = os.path.join("…", Path(self.path).name) if self.path else ""
        width = self.fontMetrics().horizontalAdvance(name) + 2
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed at Appliquer
            self._elide()

    def _elide(self) -> None:
        self.setText(elide_path(self.fontMetrics(), self.path, self.width()))


def elide_path(metrics: QFontMetrics, path: str, width: int) -> str:
    """`path` in `width` pixels: whole, else its first folders replaced by « … » (the file's
    name and the folders nearest it are what tells two desk files apart), else the name cut."""
    if metrics.horizontalAdvance(path) <= width:
        return path
    parts = Path(path).parts
    for first in range(1, len(parts)):
        shorter = os.path.join("…", *parts[first:])
        if metrics.horizontalAdvance(shorter) <= width:
            return shorter
    return metrics.elidedText(parts[-1] if parts else path, Qt.TextElideMode.ElideMiddle, width)


def same_file(one: Path | str, other: Path | None) -> bool:
    """Whether two paths name the same file (a link, a different spelling of one folder)."""
    if other is None:
        return False
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them is gone: compare what they spell
        return Path(one).absolute() == Path(other).absolute()


class DeskFileRow(QWidget):
    """`choice` is what OK would save: None while nothing was changed, "" for the demo, else
    the full path of a desk file that passed the check."""

    def __init__(
        self, remembered: str, open_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskFileRow")
        self.remembered = remembered
        self.open_file = open_file  # the file this window has open now, if it said so
        self.choice: str | None = None
        # The field holds a path not shown as passing the check: typed, or refused.
        self._unchecked = False
        self.current = PathLabel()
        self.current.setObjectName("deskFileCurrent")
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_button = push_button(
            self.tr("&Changer…"),
            "changeDeskFileButton",
            self.tr("Changer le fichier de ce guichet"),
            self.start_change,
        )
        self.demo_button = push_button(
            self.tr("&Démonstration"),
            "demoDeskFileButton",
            self.tr("Ouvrir la démonstration au prochain démarrage"),
            self.choose_demo,
        )
        # Alt+C changes, Alt+D the demo, Alt+F browses: letters no other row of the dialog
        # takes (Alt+P and Alt+U are its folders' « Parcourir… »).
        self.chooser = DeskFileChooser(
            "",
            label=None,
            browse_text=self.tr("Choisir le &fichier…"),
            description=s.description(s.DESK_DATABASE),
            empty_problem=self.tr(
                "Indiquez le fichier de ce guichet, ou choisissez « Démonstration »."
            ),
        )
        self.chooser.entry.setMinimumWidth(self.chooser.entry.fontMetrics().averageCharWidth() * 30)
        self.chooser.hide()
        self.chooser.browsed.connect(self.check_field)
        self.chooser.entry.textEdited.connect(self._edited)
        self.chooser.entry.installEventFilter(self)
        self.note = QLabel()
        self.note.setObjectName("deskFileNote")
        self.note.setWordWrap(True)
        self.note.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.current, 1)
        top.addWidget(self.change_button)
        top.addWidget(self.demo_button)
        self.setLayout(top)
        self._show_current()

    def add_to(self, form: QFormLayout, label: QLabel) -> None:
        """This row, then under it the path field, what is wrong with the file and the note:
        each a row of the form, so that a message of several lines gets its height (nested
        in one widget, it was cut to a line and a half)."""
        form.addRow(label, self)
        form.addRow("", self.chooser)
        form.addRow("", self.chooser.error)
        form.addRow("", self.note)

    def _show_current(self) -> None:
        """The file a bare `guichet` will open: the remembered one, or the one chosen here
        (the note under it says so), shortened when long (elide_path); the whole path is in the
        tooltip, read to a screen reader, and in the field Changer… opens."""
        shown = self.choice if self.choice is not None else self.remembered
        text = shown or self.tr("Démonstration")
        self.current.set_path(text)
        self.current.setToolTip(text)
        self.current.setAccessibleName(s.label(s.DESK_DATABASE))
        self.current.setAccessibleDescription(text)

    def saved(self, remembered: str) -> None:
        """The dialog saved: the row shows what is remembered now."""
        self.remembered = remembered
        self._show_current()

    def start_change(self) -> None:
        """Changer…: the path field (typed, pasted, or Alt+F to browse), the chosen or
        remembered file in it, selected so that a new path replaces it."""
        if self.chooser.isHidden():
            shown = self.choice if self.choice is not None else self.remembered
            self.chooser.entry.setText(shown)
            self._unchecked = False  # the file already chosen: nothing new to check
            self.chooser.show()
        self.chooser.entry.setFocus()
        self.chooser.entry.selectAll()

    def choose_demo(self) -> None:
        """Démonstration: no desk file, the demo at the next start."""
        self.choice = ""
        self._unchecked = False
        self.chooser.show_problem(None)
        self.chooser.hide()
        self.chooser.entry.clear()
        self._show_current()
        if same_file(paths.demo_database(), self.open_file):
            self._say(self.tr("La démonstration est ouverte maintenant : rien ne change."))
        else:
            self._say(
                self.tr(
                    "Guichet ouvrira la démonstration (membres fictifs) au prochain démarrage. "
                    "Le fichier ouvert maintenant reste ouvert jusque-là."
                )
            )
        self.demo_button.setFocus()

    def _edited(self) -> None:
        # A path being typed: what was said about the previous one no longer holds.
        self._unchecked = True
        self.choice = None
        self.note.hide()

    def check_field(self) -> bool:
        """Check the path in the field; say the desk and the convention, or what is wrong."""
        self.chooser.show()  # a file chosen earlier is checked again before it is saved
        found = self.chooser.check()
        if found is None:
            # Still unchecked: Entrée or OK asks again rather than closing on a refused path.
            self._unchecked = True
            self.choice = None
            self.note.hide()
            self._show_current()
            self.fit_window()
            return False
        self._unchecked = False
        self.choice = str(found.path)
        self._say(self._describe(found))
        # The row now shows the chosen file and what it is; the field is put away (Changer…
        # brings it back) and Entrée is the dialog's OK again. One line less on a small
        # screen at 200 %.
        had_focus = self.chooser.entry.hasFocus() or self.chooser.browse.hasFocus()
        self.chooser.hide()
        self._show_current()
        if had_focus:
            self.change_button.setFocus()
        return True

    def _describe(self, found: DeskFile) -> str:
        what = self.tr("« {desk} » — {title} (membres : {members}).").format(
            desk=found.label, title=found.convention_title, members=found.members
        )
        if same_file(found.path, self.open_file):
            when = self.tr("C'est le fichier ouvert maintenant : rien ne change.")
        else:
            when = self.tr(
                "Guichet ouvrira ce fichier au prochain démarrage. Le fichier ouvert maintenant "
                "reste ouvert jusque-là."
            )
        return f"✔ {what}\n{when}"

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setAccessibleName(text)
        self.note.show()
        self.fit_window()

    def fit_window(self) -> None:
        """A message of several lines would be squeezed into the dialog's height (a window
        does not grow by itself for wrapped text): the dialog grows to show it all, within
        the screen; it never shrinks, so a dialog the agent enlarged stays so."""
        window = self.window()
        layout = window.layout()
        if window is self or layout is None or not layout.hasHeightForWidth():
            return
        width = window.width()
        needed = layout.totalHeightForWidth(width)
        screen = window.screen()
        room = screen.availableGeometry() if screen is not None else None
        if room is not None:
            if needed > room.height():  # at 200 %: wider, so that the text takes fewer lines
                width = max(width, min(window.sizeHint().width(), room.width()))
                needed = layout.totalHeightForWidth(width)
            needed = min(needed, room.height())
        if needed <= window.height() and width <= window.width():
            return
        window.resize(width, max(needed, window.height()))
        if room is not None:  # grown past the screen's edge: brought back onto it
            frame = window.frameGeometry()
            x = max(room.left(), min(frame.left(), room.right() + 1 - frame.width()))
            y = max(room.top(), min(frame.top(), room.bottom() + 1 - frame.height()))
            if (x, y) != (frame.left(), frame.top()):
                window.move(x, y)

    def validate(self) -> bool:
        """Before OK/Appliquer saves: False (with the field focused) when a path was typed
        and not checked yet — it is checked and shown now, saved at the next OK — or when the
        file chosen earlier no longer passes the check (removed, its key taken away)."""
        if not self.chooser.isHidden() and self._unchecked:
            if self.check_field():
                self.change_button.setFocus()
            return False
        if self.choice:
            self.chooser.entry.setText(self.choice)
            if not self.check_field():
                return False
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Entrée in the field checks a path just typed (and keeps the dialog open to show
        it); Entrée again, once it is shown, is the dialog's OK."""
        if (
            watched is self.chooser.entry
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self._unchecked
        ):
            self.check_field()
            return True
        return super().eventFilter(watched, event)
