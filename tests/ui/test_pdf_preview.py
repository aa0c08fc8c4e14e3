"""The PDF preview dialog on real generated PDFs: pages shown, a copy saved byte for byte,
printing onto white paper at the document's own size, keyboard use."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.models.documents.badges_pdf import render_badges
from desktop.ui import pdf_preview
from desktop.ui.pdf_preview import PdfPreviewDialog, page_image, print_pdf


@pytest.fixture
def badges_pdf(demo_db, tmp_path) -> Path:
    out = tmp_path / "badges.pdf"
    render_badges(demo_db, out, "a4-8")  # 39 badges: 5 A4 pages
    return out


@pytest.fixture
def card_pdf(demo_db, tmp_path) -> Path:
    out = tmp_path / "cartes.pdf"
    render_badges(demo_db, out, "cr80", ["DEMO-001", "DEMO-009"])
    return out


def _dialog(qtbot, path: Path) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_opens_a_real_pdf_and_shows_its_page_count(qtbot, badges_pdf):
    dialog = _dialog(qtbot, badges_pdf)
    assert dialog.page_count == 5
    assert "5 page" in dialog.summary_label.text() and "badges.pdf" in dialog.summary_label.text()
    assert dialog.page_label.text() == "Page 1 / 5"
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert "badges.pdf" in dialog.windowTitle()


def test_save_as_copies_the_bytes(qtbot, badges_pdf, tmp_path, monkeypatch):
    target = tmp_path / "copie" / "badges du samedi"
    target.parent.mkdir()
    asked = []

    def answer(parent, caption, directory, filter_):
        asked.append((caption, directory, filter_))
        return str(target), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    dialog = _dialog(qtbot, badges_pdf)
    with qtbot.waitSignal(dialog.saved) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = target.with_suffix(".pdf")
    assert signal.args == [str(saved)]
    assert saved.read_bytes() == badges_pdf.read_bytes()
    assert asked and asked[0][1].endswith("badges.pdf") and "*.pdf" in asked[0][2]
    assert list(target.parent.glob(".*.tmp")) == []


def test_save_as_cancelled_writes_nothing(qtbot, badges_pdf, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    dialog = _dialog(qtbot, badges_pdf)
    before = sorted(tmp_path.iterdir())
    dialog.save_as()
    assert sorted(tmp_path.iterdir()) == before


def test_save_as_into_a_missing_folder_says_so(qtbot, badges_pdf, tmp_path, monkeypatch):
    target = tmp_path / "absent" / "x.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warnings.append(a)))
    dialog = _dialog(qtbot, badges_pdf)
    dialog.save_as()
    assert len(warnings) == 1 and "n'a pas pu être enregistré" in warnings[0][2]
    assert not target.exists()


def test_page_image_is_opaque_white_paper(qtbot, card_pdf):
    dialog = _dialog(qtbot, card_pdf)
    image = page_image(dialog.document, 0, 150)
    assert (image.width(), image.height()) == (506, 319)  # 85.6 × 53.98 mm at 150 dpi
    assert image.pixelColor(1, 1) == QColor(Qt.GlobalColor.white)
    assert image.pixelColor(1, 1).alpha() == 255


def test_printing_renders_every_page_at_its_own_size(qtbot, card_pdf, tmp_path):
    dialog = _dialog(qtbot, card_pdf)
    printer = dialog.create_printer()
    out = tmp_path / "imprime.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert print_pdf(dialog.document, printer) == 2
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert float(box.width) * 25.4 / 72 == pytest.approx(85.6, abs=0.5)
    assert float(box.height) * 25.4 / 72 == pytest.approx(54, abs=0.5)
    # What reached the printer still scans: the QR codes decode from the printed file.
    document = pdfium.PdfDocument(out)
    source = pdfium.PdfDocument(card_pdf)
    for printed, original in zip(document, source, strict=True):
        codes = zxingcpp.read_barcodes(printed.render(scale=300 / 72).to_pil())
        expected = zxingcpp.read_barcodes(original.render(scale=150 / 72).to_pil())
        assert [c.text for c in codes] == [c.text for c in expected] and len(codes) == 1


def test_print_range_is_respected(qtbot, badges_pdf, tmp_path):
    dialog = _dialog(qtbot, badges_pdf)
    printer = _pdf_printer(tmp_path / "range.pdf")
    printer.setFromTo(2, 3)
    assert print_pdf(dialog.document, printer) == 2
    assert len(PdfReader(tmp_path / "range.pdf").pages) == 2


def test_print_button_goes_through_the_print_dialog(qtbot, card_pdf, tmp_path, monkeypatch):
    out = tmp_path / "via-dialogue.pdf"
    shown = []

    class AcceptingPrintDialog:
        def __init__(self, printer, parent):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            shown.append(printer)

        def setWindowTitle(self, title):
            shown.append(title)

        def setMinMax(self, low, high):
            shown.append((low, high))

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_preview, "QPrintDialog", AcceptingPrintDialog)
    dialog = _dialog(qtbot, card_pdf)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert (1, 2) in shown and "Imprimer cartes.pdf" in shown
    assert len(PdfReader(out).pages) == 2


def test_keyboard_ctrl_p_prints_and_escape_closes(qtbot, badges_pdf, monkeypatch):
    calls = []

    class RejectingPrintDialog:
        def __init__(self, printer, parent):
            calls.append("print")

        def setWindowTitle(self, title):
            pass

        def setMinMax(self, low, high):
            pass

        def exec(self):
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(pdf_preview, "QPrintDialog", RejectingPrintDialog)
    dialog = _dialog(qtbot, badges_pdf)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # shortcuts only fire in the active window
    qtbot.keyClick(dialog.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert calls == ["print"]
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_an_unreadable_file_is_said_and_actions_are_disabled(qtbot, tmp_path):
    broken = tmp_path / "abime.pdf"
    broken.write_bytes(b"%PDF-1.4 pas vraiment un PDF")
    dialog = _dialog(qtbot, broken)
    assert "Impossible d'afficher abime.pdf" in dialog.summary_label.text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.print_document()  # a shortcut on a disabled action does nothing
    dialog.save_as()


def test_the_printer_chosen_in_the_settings_is_used_while_it_is_there():
    from desktop.ui.pdf_preview import chosen_printer

    available = ["Accueil-Badges", "Bureau-A4"]
    assert chosen_printer("Bureau-A4", available) == "Bureau-A4"
    assert chosen_printer("Bureau-A4", ["Accueil-Badges"]) is None  # unplugged since: default
    assert chosen_printer("", available) is None  # "Imprimante du système"
