"""The printable scanner test sheet: read back as text and as an image."""

from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader

from desktop.models import checkin
from desktop.models.checkin import Outcome
from desktop.models.convention import current_session
from desktop.models.documents.scanner_test_sheet import render_scanner_test_sheet
from desktop.models.scanner_diagnosis import TEST_CODE, Finding, diagnose


def test_the_sheet_holds_the_code_as_qr_and_text_with_french_instructions(tmp_path: Path):
    out = render_scanner_test_sheet(tmp_path / "test-scanner.pdf")
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert TEST_CODE in text
    assert "Marche à suivre" in text and "Réglage du scanner" in text
    assert "QWERTY ou AZERTY" in text and "Verr. Maj" in text
    assert reader.metadata.title == "Guichet — feuille de test du scanner"
    document = pdfium.PdfDocument(out)
    try:
        image = document[0].render(scale=150 / 72).to_pil()
    finally:
        document.close()
    image.save(tmp_path / "test-scanner.png")
    codes = zxingcpp.read_barcodes(image)
    assert [code.text for code in codes] == [TEST_CODE]
    assert codes[0].format == zxingcpp.BarcodeFormat.QRCode
    # What a well set scanner types for it is diagnosed as such.
    assert diagnose(codes[0].text + "\r", [i * 3 for i in range(len(TEST_CODE) + 1)]).findings == (
        Finding.ALL_GOOD,
    )


def test_scanning_the_test_code_at_the_desk_records_nothing(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    before = demo_db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    result = checkin.check_in(demo_db, TEST_CODE, session, desk, clock)
    assert result.outcome is Outcome.UNREADABLE
    assert demo_db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == before
