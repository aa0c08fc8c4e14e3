"""The desk's screens on a 1024 × 768 laptop, text at 100 % and 200 %: each opens within the
screen, and every button shows its whole text (a clipped "Enregistrer (Entrée)" reads
"nregistrer (Entrée" and says nothing of its key). What does not fit scrolls vertically.

The offscreen platform has an 800 × 800 screen: the desk's screen is set through
screen_fit.available_size, the one place the screens ask."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from desktop.models import members, stock
from desktop.models.clock import paris_day
from desktop.models.convention import get_session
from desktop.models.documents.badges_pdf import render_badges
from desktop.models.stock import CountMoment
from desktop.ui import screen_fit, theme
from desktop.ui.close_export_dialog import CloseExportDialog
from desktop.ui.dashboard import Dashboard
from desktop.ui.documents_dialog import DocumentsDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.pdf_preview import PdfPreviewDialog
from desktop.ui.sessions_screen import SessionsScreen
from desktop.ui.settings import STANDARD
from desktop.ui.sounds import Sounds
from desktop.ui.stock_screen import StockScreen
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.ui.conftest import scan

DESK_SCREEN = QSize(1024, 768)


@pytest.fixture(params=[100, 200], ids=["100%", "200%"])
def text_scale(request, qapp, monkeypatch):
    monkeypatch.setattr(screen_fit, "available_size", lambda _widget: DESK_SCREEN)
    theme.apply_theme(qapp, STANDARD, request.param)  # as app.py does before any window
    yield request.param
    theme.restore_default(qapp)


def _scrolls(widget: QWidget, top: QWidget) -> bool:
    """True when `widget` sits in a scroll area of `top` (it can be scrolled into view)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def assert_fits(qtbot, screen: QWidget) -> None:
    """`screen` shown as it opens: within the desk's screen (less the window frame), each
    visible button as wide as its text asks and inside the window, or in a page that
    scrolls."""
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    room = DESK_SCREEN - screen_fit.FRAME
    assert screen.width() <= room.width() and screen.height() <= room.height(), (
        f"{screen.width()} × {screen.height()} on a {DESK_SCREEN.width()} × "
        f"{DESK_SCREEN.height()} screen"
    )
    buttons = [b for b in screen.findChildren(QAbstractButton) if b.isVisibleTo(screen)]
    assert buttons
    for button in buttons:
        if button.metaObject().className() == "QToolButton":
            continue  # a table's corner button, a tab bar's scroll arrows: no text
        assert button.sizeHint().width() <= button.width(), (
            f"« {button.text()} » is {button.width()} px wide, its text needs "
            f"{button.sizeHint().width()}"
        )
        corner = button.mapTo(screen, button.rect().bottomRight())
        assert corner.x() < screen.width(), f"« {button.text()} » is off the window's right"
        if not _scrolls(button, screen):
            assert corner.y() < screen.height(), f"« {button.text()} » is below the window"


def test_the_stock_screen_fits_with_its_record_button_whole(
    qtbot, text_scale, demo_db, desk, clock
):
    screen = StockScreen(demo_db, desk, clock)
    assert_fits(qtbot, screen)
    assert screen.record_button.text() == "&Enregistrer (Entrée)"


def test_the_sessions_screen_fits_on_both_tabs(qtbot, text_scale, demo_db, desk, clock):
    screen = SessionsScreen(demo_db, desk, clock)
    assert_fits(qtbot, screen)
    screen.tabs.setCurrentIndex(1)  # the products: their own form and buttons
    QApplication.processEvents()
    assert_fits(qtbot, screen)


def test_the_dashboard_fits(qtbot, text_scale, demo_db, desk, clock):
    board = Dashboard(
        demo_db,
        desk,
        clock,
        get_session(demo_db, "we1-samedi"),
        tasks=TaskRunner(pool=InlinePool()),
        refresh_ms=0,
    )
    assert_fits(qtbot, board)


def test_the_end_of_day_fits_with_its_counts_and_passphrase(
    qtbot, text_scale, demo_db, db_path, desk, clock
):
    day = paris_day(clock())
    for line in stock.day_stock(demo_db, desk.desk_id, day).lines:  # a count box per product
        stock.record_count(demo_db, line.product.id, day, CountMoment.OPENING, 40, desk, clock)
    dialog = CloseExportDialog(demo_db, db_path, desk, clock, TaskRunner(pool=InlinePool()))
    assert len(dialog.count_boxes) == 2
    dialog.encrypt_box.setChecked(True)  # the passphrase fields and the reminder show
    assert_fits(qtbot, dialog)


def test_the_documents_dialog_fits(qtbot, text_scale, demo_db, db_path, desk, clock):
    tasks = TaskRunner(pool=InlinePool())
    assert_fits(qtbot, DocumentsDialog(demo_db, db_path, desk, clock, tasks))


def test_the_print_preview_fits_with_its_buttons(qtbot, text_scale, demo_db, tmp_path):
    """It opened 900 x 1000: Imprimer, Enregistrer sous and Fermer were below a 768 px screen."""
    pdf = tmp_path / "badges-week-end-1-samedi-11-novembre.pdf"
    render_badges(demo_db, pdf, "a4-8")
    preview = PdfPreviewDialog(pdf)
    assert_fits(qtbot, preview)
    assert preview.summary_label.text() == f"{pdf.name} — 5 pages"
    missing = PdfPreviewDialog(tmp_path / "badges-retirés-entre-deux-week-ends.pdf")
    assert_fits(qtbot, missing)  # the longest line it shows: the file cannot be read


def test_the_check_in_window_fits_with_a_long_hand_out_list(
    qtbot, text_scale, demo_db, db_path, desk, clock
):
    """It opened 1180 x 820, and a member due a meal, tickets and parking made it 830 px tall
    at 100 % (1 115 px wide at 200 %): now the page scrolls down, the window stays put."""
    window = MainWindow(
        demo_db,
        db_path,
        desk,
        clock,
        tasks=TaskRunner(pool=InlinePool()),
        sounds=Sounds(enabled=False),
    )
    assert_fits(qtbot, window)
    member = next(m for m in members.all_members(demo_db) if m.surname.startswith("DE LA TOUR"))
    scan(qtbot, window.scan_field, members.current_badge(demo_db, member.id))
    QApplication.processEvents()
    assert window.handout_panel.isVisible() and len(window.handout_panel.line_texts()) >= 3
    assert_fits(qtbot, window)
    # The page scrolled to the hand-out panel: its heading and first line are in view.
    page = window.centralWidget()
    assert isinstance(page, QScrollArea)
    for label in (window.handout_panel.heading, window.handout_panel.rows[0].text):
        top = label.mapTo(page.viewport(), label.rect().topLeft()).y()
        assert top >= 0 and top + label.height() <= page.viewport().height(), label.text()


@pytest.mark.parametrize(
    "build",
    [
        lambda db, path, desk, clock: StockScreen(db, desk, clock),
        lambda db, path, desk, clock: SessionsScreen(db, desk, clock),
        lambda db, path, desk, clock: CloseExportDialog(
            db, path, desk, clock, TaskRunner(pool=InlinePool())
        ),
    ],
    ids=["stock", "sessions", "end of day"],
)
def test_a_wide_screen_gives_the_room_it_has(
    qtbot, monkeypatch, demo_db, db_path, desk, clock, build: Callable[..., QWidget]
):
    """On a 1366 px laptop at 200 % the screens grow to the screen's width, no further."""
    wide = QSize(1366, 768)
    monkeypatch.setattr(screen_fit, "available_size", lambda _widget: wide)
    theme.apply_theme(QApplication.instance(), STANDARD, 200)
    try:
        screen = build(demo_db, db_path, desk, clock)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen)
        assert screen.width() == wide.width() - screen_fit.FRAME.width()
        assert screen.height() == wide.height() - screen_fit.FRAME.height()
    finally:
        theme.restore_default(QApplication.instance())
