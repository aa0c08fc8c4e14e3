"""Screens that fit the desk's laptop: 1024 × 768 and up, text at 100 to 200 %.

A screen opens at its preferred size grown with the text, but never larger than the screen
less the window's frame: Qt alone opens a dialog at most two thirds of the screen wide, and a
fixed minimum size (980, 1040 px) pushed buttons off a 1024 px screen or crushed their text.
What no longer fits then scrolls vertically in a `scroll_page`, as the check-in window does at
large text, instead of being cut: an OK button below the task bar cannot be pressed.
"""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QListWidget, QScrollArea, QVBoxLayout, QWidget

from desktop.ui.theme import current_scale

# The window manager's title bar and borders: outside the size a window is given.
FRAME = QSize(16, 48)


def available_size(widget: QWidget) -> QSize:
    """The room on `widget`'s screen, task bars left out (tests set a 1024 × 768 desk)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size()


def large_text() -> bool:
    """150 or 200 % text: screens stack what sits side by side at 100 %."""
    return current_scale() >= 150


def fit_to_screen(window: QWidget, width: int, height: int) -> QSize:
    """Size `window` at `width` × `height` (its size at 100 % text) grown with the text, never
    beyond the screen; returns the size given."""
    room = available_size(window) - FRAME
    scale = current_scale()
    size = QSize(min(width * scale // 100, room.width()), min(height * scale // 100, room.height()))
    window.resize(size)
    return size


def scroll_page(parent: QWidget, name: str) -> tuple[QScrollArea, QVBoxLayout]:
    """A frameless page that scrolls vertically when its content is taller than the window
    (never takes the focus: the keys stay with the fields), and the layout to fill it. Sideways
    it scrolls only as a last resort: a screen must be laid out to fit its width."""
    page = QScrollArea(parent)
    page.setObjectName(name)
    page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    page.setFrameShape(QFrame.Shape.NoFrame)
    page.setWidgetResizable(True)
    content = QWidget(page)
    content.setObjectName(name + "Content")
    layout = QVBoxLayout(content)
    layout.setContentsMargins(0, 0, 0, 0)
    page.setWidget(content)
    return page, layout


def wrapping_list(name: str, accessible_name: str, lines_at_large_text: int) -> QListWidget:
    """A list whose long lines wrap, never widening the window: 400 px wide beside its form,
    or at 150-200 % text above the form as wide as the page and a few lines high."""
    listing = QListWidget()
    listing.setObjectName(name)
    listing.setAccessibleName(accessible_name)
    if large_text():
        listing.setMinimumHeight(listing.fontMetrics().height() * lines_at_large_text)
    else:
        listing.setMinimumWidth(400)
    listing.setWordWrap(True)  # a line's whole text, never cut
    listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return listing
