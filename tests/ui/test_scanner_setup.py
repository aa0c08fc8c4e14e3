"""The scanner set-up page driven by key events with controlled times."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtCore import Qt

from desktop.models.scanner_diagnosis import TEST_CODE, Finding
from desktop.ui.scan_router import ScanRouter
from desktop.ui.scanner_setup import ScannerSetupDialog
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.models.test_scanner_diagnosis import scanner_types
from tests.ui.test_scan_router import type_timed

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def page(qtbot):
    shown: list[Path] = []
    dialog = ScannerSetupDialog(tasks=TaskRunner(pool=InlinePool()), show_pdf=shown.append)
    dialog.shown_pdfs = shown
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.capture.setFocus()
    return dialog


def scan_and_wait(qtbot, page, text: str, delay_ms: int = 4, end: str | None = "\r"):
    with qtbot.waitSignal(page.diagnosed, timeout=10_000) as blocker:
        type_timed(page.capture, text, delay_ms=delay_ms, end=end)
    return blocker.args[0]


def lines(page) -> list[str]:
    return [page.findings.item(i).text() for i in range(page.findings.count())]


def test_a_well_set_scanner(qtbot, page):
    result = scan_and_wait(qtbot, page, TEST_CODE)
    assert result.ok
    assert page.capture.text() == TEST_CODE + "⏎"
    assert page.summary.text() == "✔ Le scanner est prêt."
    assert lines(page) == ["✔ Le scanner est bien réglé : le code de test est arrivé tel quel."]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "scanner-setup-ok.png"))


def test_a_qwerty_scanner_with_caps_lock_and_a_prefix(qtbot, page):
    typed = "]Q1" + scanner_types(TEST_CODE, "us", "fr", caps=True)
    result = scan_and_wait(qtbot, page, typed)
    assert not result.ok
    assert page.summary.text().startswith("✖ À corriger")
    shown = lines(page)
    assert shown[0].startswith(
        "✖ Problème : Disposition du clavier : le scanner est réglé en QWERTY"
    )
    assert any("Verr. Maj" in line for line in shown)
    assert any("« ]Q1 »" in line for line in shown)
    assert page.capture.text() == typed + "⏎"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "scanner-setup-qwerty.png"))


def test_no_end_key_is_found_by_the_silence_after_the_code(qtbot, page):
    result = scan_and_wait(qtbot, page, TEST_CODE, end=None)
    assert result.findings == (Finding.NO_END_KEY,)
    assert "ni Entrée ni Tab" in lines(page)[0]


def test_a_slow_scanner_ending_with_tab_keeps_the_focus(qtbot, page):
    result = scan_and_wait(qtbot, page, TEST_CODE, delay_ms=95, end="\t")
    assert set(result.findings) == {Finding.TOO_SLOW, Finding.ENDS_WITH_TAB}
    assert page.capture.hasFocus()  # Tab was recorded, it did not move the focus
    assert any(line.startswith("ℹ À savoir") for line in lines(page))
    assert any("95 ms" in line for line in lines(page))


def test_the_scan_router_leaves_the_capture_field_alone(qtbot, page):
    router = ScanRouter()
    router.install()
    seen: list[str] = []
    router.scanned.connect(seen.append)
    try:
        result = scan_and_wait(qtbot, page, TEST_CODE, delay_ms=2)
    finally:
        router.uninstall()
    assert seen == [] and result.ok


def test_f5_starts_again_and_escape_closes(qtbot, page):
    result = scan_and_wait(qtbot, page, "hello", delay_ms=90)
    assert result.findings == (Finding.NOT_RECOGNISED, Finding.TOO_SLOW)
    assert page.findings.count() == 2
    qtbot.keyClick(page.capture, Qt.Key.Key_F5)
    assert page.findings.count() == 0 and page.capture.text() == ""
    qtbot.keyClick(page.capture, Qt.Key.Key_Escape)
    assert not page.isVisible()


def test_the_test_sheet_is_written_on_a_task_and_shown(qtbot, page, tmp_path):
    qtbot.keyClick(page.capture, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert page.capture.typed == ""  # Alt+I is the button's key, not a captured character
    qtbot.waitUntil(lambda: len(page.shown_pdfs) == 1)  # a mnemonic animates the click
    pdf = page.shown_pdfs[0]
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=150 / 72).to_pil()
    finally:
        document.close()
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [TEST_CODE]
    assert page.print_button.isEnabled()
