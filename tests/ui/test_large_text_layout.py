"""At 200 % text on a 1366 × 768 laptop the check-in page keeps every line readable: the
title gets its own row, the page scrolls down instead of crushing the hand-out panel."""

import itertools

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from desktop.models import members
from desktop.ui import theme
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import HIGH_CONTRAST
from desktop.ui.sounds import Sounds
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.ui.conftest import scan


@pytest.fixture
def large_window(qapp, qtbot, demo_db, db_path, desk, clock):
    theme.apply_theme(qapp, HIGH_CONTRAST, 200)  # as app.py does before building the window
    win = MainWindow(
        demo_db,
        db_path,
        desk,
        clock,
        tasks=TaskRunner(pool=InlinePool()),
        sounds=Sounds(enabled=False),
    )
    qtbot.addWidget(win)
    win.resize(1366, 768 - 60)  # the screen less a task bar
    win.show()
    qtbot.waitExposed(win)
    yield win
    theme.restore_default(qapp)


def _badge(db, surname):
    member = next(m for m in members.all_members(db) if m.surname == surname)
    return members.current_badge(db, member.id)


def test_the_panel_lines_never_overlap_and_nothing_is_cut_sideways(qtbot, large_window, demo_db):
    win = large_window
    assert win.large_text and isinstance(win.centralWidget(), QScrollArea)
    scan(qtbot, win.scan_field, _badge(demo_db, "DE LA TOUR-D'AUVERGNE"))
    QApplication.processEvents()
    panel = win.handout_panel
    lines = [
        label
        for label in panel.findChildren(QLabel)
        if label.isVisible() and label.objectName().startswith("handoutLine")
    ]
    assert len(lines) >= 2
    for label in lines:  # each line gets at least the height its wrapped text needs
        assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()
    tops = sorted((label.mapTo(win, label.rect().topLeft()).y(), label.height()) for label in lines)
    for (top, height), (next_top, _) in itertools.pairwise(tops):
        assert top + height <= next_top, "two hand-out lines overlap"
    page = win.centralWidget()
    for widget in (win.scan_field, win.counter_label, panel):
        right = widget.mapTo(page.widget(), widget.rect().topRight()).x()
        assert right <= page.viewport().width(), widget.objectName()
    assert win.banner.title.text().startswith("Bienvenue, Marie-Christine")
