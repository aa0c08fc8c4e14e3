"""UI fixtures: the real check-in window on a real demo file, tasks run inline."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow
from desktop.ui.sounds import Sounds
from desktop.ui.tasks import InlinePool, TaskRunner


@pytest.fixture
def window(qtbot, demo_db, db_path, desk, clock):
    win = MainWindow(
        demo_db,
        db_path,
        desk,
        clock,
        tasks=TaskRunner(pool=InlinePool()),
        sounds=Sounds(enabled=False),
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def type_text(widget, text: str) -> None:
    """Key events carrying each character, as a keyboard-wedge scanner produces them.
    (qtbot.keyClicks aborts the process on characters with no Qt key, such as "é".)"""
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def scan(qtbot, field, code: str, end: Qt.Key = Qt.Key.Key_Return) -> None:
    """What a scanner does: type the code, then Enter (or Tab), sent as a key press: a raw
    "\\n" in the typed text would abort pytest-qt."""
    type_text(field, code)
    qtbot.keyClick(field, end)
