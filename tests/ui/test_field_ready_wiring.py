"""The camera (F9), the scanner set-up (Ctrl+Shift+S), the dashboard (F8) and the scan
router, working together on the real check-in window, the router installed as app.py does."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.models.checkin import Outcome
from desktop.models.documents.badges_pdf import badge_records
from desktop.ui.scan_router import ScanRouter
from desktop.ui.scanner_setup import ScannerSetupDialog
from tests.ui.conftest import scan
from tests.ui.test_scan_router import type_timed


@pytest.fixture
def wired(qtbot, window):
    win = window  # the check-in window of tests/ui/conftest.py, made active
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    # app.py, after window.show(): the router for the whole application.
    router = ScanRouter(win)
    router.scanned.connect(win.route_scan)
    router.install()
    yield win
    router.uninstall()
    if win.dashboard is not None:
        win.dashboard.timer.stop()
        win.dashboard.close()
    if win.camera_dialog is not None:
        win.camera_dialog.close()


def test_the_dashboard_follows_scans_made_with_the_focus_anywhere(qtbot, wired):
    qtbot.keyClick(wired, Qt.Key.Key_F8)
    assert wired.dashboard is not None and wired.dashboard.isVisible()
    before = wired.dashboard.last.counts.present
    wired.activateWindow()
    qtbot.waitUntil(wired.isActiveWindow)
    wired.search_field.setFocus()
    records = badge_records(wired.db)
    type_timed(wired.search_field, records[0].token, delay_ms=5)
    assert wired.search_field.text() == ""
    assert wired.last_result.outcome is Outcome.CHECKED_IN
    assert wired.dashboard.last.counts.present == before + 1
    assert wired.dashboard.presence.text().startswith(f"{before + 1} / ")


def test_the_camera_window_says_no_camera_and_the_desk_goes_on(qtbot, wired):
    qtbot.keyClick(wired, Qt.Key.Key_F9)
    assert wired.camera_dialog.isVisible()
    assert "Aucune caméra détectée" in wired.camera_dialog.status.text()
    wired.camera_dialog.close()
    wired.activateWindow()
    qtbot.waitUntil(wired.isActiveWindow)
    wired.scan_field.setFocus()
    scan(qtbot, wired.scan_field, badge_records(wired.db)[1].token)
    assert wired.last_result.outcome is Outcome.CHECKED_IN


def test_the_scanner_setup_opens_from_the_window_and_sees_raw_keys(qtbot, wired):
    seen = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ScannerSetupDialog)
        dialog.diagnosed.connect(seen.append)
        type_timed(dialog.capture, "]Q1" + "GUICHETaqzwmAQZWM1234567890", delay_ms=3)
        dialog.finish()
        dialog.accept()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(100, drive)
    qtbot.keyClick(
        wired, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(seen) == 1 and seen[0].prefix == "]Q1"
    assert wired.last_result is None  # the router left the set-up page's keys alone
