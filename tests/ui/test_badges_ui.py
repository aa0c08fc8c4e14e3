"""Badges from the check-in screen: drawn off the GUI thread, prints logged, QR codes real."""

import pypdfium2
import zxingcpp
from PySide6.QtWidgets import QFileDialog

from desktop.models import checkin
from desktop.models.checkin import Outcome


def test_badges_pdf_from_the_menu(qtbot, window, demo_db, tmp_path, monkeypatch):
    out = tmp_path / "badges.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.preview_documents = False
    window.badges_action.trigger()
    assert out.exists()
    prints = demo_db.execute("SELECT COUNT(*) FROM events WHERE kind = 'badge.print'").fetchone()[0]
    assert prints == 39  # every member but the withdrawn one
    page = pypdfium2.PdfDocument(out)[0]
    image = page.render(scale=150 / 72).to_pil()
    codes = [r.text for r in zxingcpp.read_barcodes(image)]
    assert len(codes) == 8
    result = checkin.check_in(demo_db, codes[0], window.session, window.desk, window.clock)
    assert result.outcome is Outcome.CHECKED_IN
