"""The scan field: a keyboard-wedge scanner types the code and ends with Enter or Tab."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.ui import field_keys

END_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


def yields_to_window(event: QKeyEvent) -> bool:
    """True for a Ctrl/Alt shortcut the window should get rather than the line edit: in the
    scan and search fields every one but select-all and the clipboard (Ctrl+Z undoes a
    check-in, not the typing)."""
    return field_keys.yields_to_window(event, keep=field_keys.CLIPBOARD_KEYS)


class ScanField(QLineEdit):
    """Emits `scanned(raw)` when Enter or Tab ends a scan; clears itself and keeps focus."""

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanField")
        self.setAccessibleName(self.tr("Champ de scan des badges"))
        self.setAccessibleDescription(
            self.tr("Scannez un badge : le scanner tape le code puis Entrée.")
        )
        self.setPlaceholderText(self.tr("Scannez un badge…"))
        self.setClearButtonEnabled(False)

    def event(self, event: QEvent) -> bool:
        # A line edit claims Ctrl+Z (undo), Ctrl+D (delete)...: in the scan field those keys
        # belong to the window (undo a check-in, documents). Clipboard keys stay.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and yields_to_window(event)
        ):
            event.ignore()
            return True
        # Tab never leaves the field: a scanner set to end with Tab must not move the focus.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in END_KEYS
        ):
            self._finish()
            return True
        return super().event(event)

    def _finish(self) -> None:
        raw = self.text()
        self.clear()
        self.scanned.emit(raw)
