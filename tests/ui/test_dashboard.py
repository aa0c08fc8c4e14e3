"""The live dashboard on a real demo file: figures, refresh on new facts, printing."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop.models import checkin, members
from desktop.models.convention import get_session
from desktop.models.meals import give_meal_pass
from desktop.models.tickets import hand_out_ticket
from desktop.ui.dashboard import Dashboard
from desktop.ui.tasks import InlinePool, TaskRunner

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def saturday(demo_db):
    return get_session(demo_db, "we1-samedi")


@pytest.fixture
def dashboard(qtbot, demo_db, desk, clock, saturday):
    shown: list[Path] = []
    board = Dashboard(
        demo_db,
        desk,
        clock,
        saturday,
        tasks=TaskRunner(pool=InlinePool()),
        show_pdf=shown.append,
        refresh_ms=0,
    )
    board.shown_pdfs = shown
    qtbot.addWidget(board)
    board.show()
    qtbot.waitExposed(board)
    return board


def morning(db, desk, clock, session, count: int):
    """`count` members arrive over the morning, in bursts as on a real Saturday."""
    people = [m for m in members.all_members(db) if not m.withdrawn][:count]
    gaps = [0, 1, 1, 2, 0, 3, 1, 1, 4, 2, 6, 1, 1, 0, 2, 9, 3, 1, 1, 2, 12, 5, 1, 1]
    for index, member in enumerate(people):
        clock.advance(minutes=gaps[index % len(gaps)])
        assert checkin.check_in_member(db, member.id, session, desk, clock).recorded
    return people


def test_the_dashboard_shows_the_morning(qtbot, dashboard, demo_db, desk, clock, saturday):
    assert dashboard.presence.text().startswith("0 / ")
    assert dashboard.chart.accessibleDescription() == "Aucune arrivée pour l'instant"
    people = morning(demo_db, desk, clock, saturday, 24)
    for member in people[:18]:
        give_meal_pass(demo_db, member.id, saturday, desk, clock)
    product = demo_db.execute("SELECT id FROM ticket_products WHERE active = 1").fetchone()[0]
    for member in people[:5]:
        hand_out_ticket(demo_db, member.id, saturday, product, desk, clock, override_reason="test")
    with qtbot.waitSignal(dashboard.refreshed):
        qtbot.keyClick(dashboard, Qt.Key.Key_F5)
    shot = dashboard.last
    expected = shot.counts.expected
    assert dashboard.presence.text() == f"24 / {expected}"
    assert dashboard.presence_detail.text().startswith(f"{round(2400 / expected)} % ")
    assert dashboard.meals.text() == "0 / 18 servis"
    assert "18 membres (sur" in dashboard.meals_detail.text()
    assert dashboard.parking.text() == "0,00 €"
    assert dashboard.parking_detail.text() == "0 justificatif(s)"
    assert dashboard.tickets.text() == str(sum(line.handed_out for line in shot.stock.lines))
    assert sum(slot.arrivals for slot in dashboard.chart.slots) == 24
    assert dashboard.chart.slots[0].label == "09:10"
    assert "09:10 : " in dashboard.chart.accessibleDescription()
    handed = [int(dashboard.stock.item(row, 2).text()) for row in range(dashboard.stock.rowCount())]
    assert sum(handed) == sum(line.handed_out for line in shot.stock.lines) > 0
    assert "Titres de transport" in dashboard.stock_label.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dashboard.grab().save(str(SHOTS / "dashboard.png"))


def test_refresh_follows_a_new_check_in_and_the_timer(qtbot, demo_db, desk, clock, saturday):
    board = Dashboard(demo_db, desk, clock, saturday, refresh_ms=50)
    qtbot.addWidget(board)
    board.show()
    before = board.last.counts.present
    member = members.all_members(demo_db)[0]
    checkin.check_in_member(demo_db, member.id, saturday, desk, clock)
    qtbot.waitUntil(lambda: board.last.counts.present == before + 1, timeout=10_000)
    board.set_session(None)
    assert board.title.text() == "Aucune séance aujourd'hui" and board.last is None
    board.hide()  # closed: the timer stops, nothing reads the file behind the agent's back
    assert not board.timer.isActive()


def test_a_session_without_lunch_says_so(qtbot, demo_db, desk, clock):
    friday = get_session(demo_db, "we1-vendredi") or next(
        s
        for (sid,) in demo_db.execute("SELECT id FROM sessions").fetchall()
        if (s := get_session(demo_db, sid)) and not s.lunch
    )
    board = Dashboard(demo_db, desk, clock, friday, refresh_ms=0)
    qtbot.addWidget(board)
    assert board.meals.text() == "—"
    assert board.meals_detail.text() == "Pas de déjeuner à cette séance."


def test_printing_writes_a_pdf_on_a_task(
    qtbot, dashboard, demo_db, desk, clock, saturday, tmp_path
):
    morning(demo_db, desk, clock, saturday, 10)
    dashboard.refresh()
    qtbot.keyClick(dashboard, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(dashboard.shown_pdfs) == 1
    reader = PdfReader(dashboard.shown_pdfs[0])
    assert len(reader.pages) == 1
    assert reader.metadata.title == saturday.title
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape A4
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(dashboard.shown_pdfs[0])
    try:
        document[0].render(scale=100 / 72).to_pil().save(SHOTS / "dashboard-pdf.png")
    finally:
        document.close()
    assert dashboard.print_button.isEnabled()


def test_at_200_percent_in_high_contrast_every_header_reads_whole(
    qtbot, demo_db, desk, clock, saturday
):
    from PySide6.QtWidgets import QApplication

    from desktop.ui import theme

    app = QApplication.instance()
    theme.apply_theme(app, "contraste", 200)
    try:
        morning(demo_db, desk, clock, saturday, 12)
        board = Dashboard(demo_db, desk, clock, saturday, refresh_ms=0)
        qtbot.addWidget(board)
        board.resize(1280, 900)
        board.show()
        qtbot.waitExposed(board)
        header = board.stock.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(1, board.stock.columnCount()):
            title = board.stock.horizontalHeaderItem(column).text()
            assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title
        SHOTS.mkdir(parents=True, exist_ok=True)
        board.grab().save(str(SHOTS / "dashboard-200-contraste.png"))
    finally:
        theme.restore_default(app)
