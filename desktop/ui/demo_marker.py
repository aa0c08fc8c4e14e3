"""What tells an agent the check-in window is on the demo convention, permanently.

The demo has the real convention's title, so without this nothing on screen would differ from
a real desk: an agent could welcome real people into fictitious data. The window's title says
DÉMONSTRATION (taskbar, Alt+Tab) and a strip across the top of the window says it in words, an
icon and the theme's warning colours (never colour alone). Which file is the demo is decided
from the data (models.demo.is_demo), not from the command line.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.theme import banner_colours
from desktop.ui.wording import ICONS, Role

_CONTEXT = "demo_marker"
# What apply_theme sends a widget, depending on what its stylesheet already sets.
_THEME_EVENTS = (
    QEvent.Type.PaletteChange,
    QEvent.Type.ApplicationPaletteChange,
    QEvent.Type.StyleChange,
)
TITLE = QT_TRANSLATE_NOOP("demo_marker", "Guichet — DÉMONSTRATION — {title}")
STRIP = QT_TRANSLATE_NOOP(
    "demo_marker",
    "DÉMONSTRATION — membres fictifs : n'accueillez pas de vrais membres sur ce fichier",
)


def window_title(title: str) -> str:
    return QCoreApplication.translate(_CONTEXT, TITLE).format(title=title)


class DemoStrip(QLabel):
    """The strip across the top of the demo's window, in the theme's warning colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoMarker")
        text = QCoreApplication.translate(_CONTEXT, STRIP)
        self.setText(f"{ICONS[Role.WARNING]} {text}")
        self.setAccessibleName(text)
        self.setWordWrap(True)  # at 200 % text it takes two lines, never hides the header
        self._colours: tuple[str, str] | None = None
        self._paint()

    def _paint(self) -> None:
        colours = banner_colours(Role.WARNING)
        if colours == self._colours:  # setStyleSheet sends events that come back here
            return
        self._colours = colours
        background, foreground = colours
        self.setStyleSheet(
            f"background: {background}; color: {foreground}; font-size: 14pt; "
            "font-weight: bold; padding: 6px;"
        )

    def changeEvent(self, event: QEvent) -> None:
        # The theme may change while the window is open (settings dialog, Ctrl+,).
        if event.type() in _THEME_EVENTS:
            self._paint()
        super().changeEvent(event)
