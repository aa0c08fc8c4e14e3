"""The check-in window says DÉMONSTRATION on the demo, and only there (decided from the data:
the demo has the real convention's title)."""

import pytest

from desktop.models.convention_file import create_convention
from desktop.models.desk_setup import create_desk
from desktop.models.journal import local_desk
from desktop.models.storage import open_database
from desktop.ui import settings as s
from desktop.ui import theme
from desktop.ui.main_window import MainWindow
from desktop.ui.sounds import Sounds
from desktop.ui.tasks import InlinePool, TaskRunner
from desktop.ui.wording import COLOURS, Role


def _strip(window):
    return window.findChild(type(window.title_label), "demoMarker")


def test_the_demo_says_so_in_the_title_and_across_the_window(window):
    assert window.windowTitle().startswith("Guichet — DÉMONSTRATION — ")
    assert "Convention citoyenne" in window.windowTitle()
    strip = _strip(window)
    assert strip is not None and strip.isVisible()
    assert strip.text().startswith("⚠ DÉMONSTRATION")  # words and icon, not colour alone
    assert "membres fictifs" in strip.text()
    assert COLOURS[Role.WARNING][0] in strip.styleSheet()
    # Above the header: the first thing on the window.
    assert (
        strip.mapTo(window, strip.rect().topLeft()).y()
        < window.title_label.mapTo(window, window.title_label.rect().topLeft()).y()
    )


@pytest.fixture
def real_desk(tmp_path):
    office = tmp_path / "office.sqlite"
    create_convention(office).close()
    path = create_desk(office, tmp_path / "guichet1.sqlite", "Guichet 1").db_path
    db = open_database(path)
    yield db, path
    db.close()


def test_a_real_desk_file_has_no_demo_marker(qtbot, real_desk, clock):
    db, path = real_desk
    win = MainWindow(
        db,
        path,
        local_desk(db, "Martin"),
        clock,
        tasks=TaskRunner(pool=InlinePool()),
        sounds=Sounds(enabled=False),
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.windowTitle() == "Guichet — Convention citoyenne sur l'intelligence artificielle"
    assert _strip(win) is None
    assert "DÉMONSTRATION" not in win.title_label.text()


def test_the_strip_follows_the_high_contrast_theme(window, qapp):
    strip = _strip(window)
    try:
        theme.apply_theme(qapp, s.HIGH_CONTRAST, 200)
        background, foreground = theme.HIGH_CONTRAST_COLOURS[Role.WARNING]
        assert background in strip.styleSheet() and foreground in strip.styleSheet()
        assert theme.contrast_ratio(background, foreground) >= 7
        assert strip.isVisible() and "28pt" in strip.styleSheet()  # 14 pt at 200 %
    finally:
        theme.restore_default(qapp)
    assert COLOURS[Role.WARNING][0] in strip.styleSheet()
