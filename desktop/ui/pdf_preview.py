"""A PDF the app wrote (badges, feuille d'émargement): shown, printed, or saved elsewhere.

Self-contained: give it a path. Printing renders each page with QtPdf at up to 300 dpi onto
white paper (QPdfDocument.render gives a transparent image) and never enlarges a page, so a
badge or a card prints at its exact size.
"""

import os
import secrets
import shutil
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.settings import Settings

MAX_PRINT_DPI = 300  # enough for text and QR codes; a 1200 dpi A4 page would take 550 MB


def page_image(document: QPdfDocument, index: int, dpi: float) -> QImage:
    """Page `index` rendered at `dpi` onto opaque white (render() leaves it transparent)."""
    points = document.pagePointSize(index)
    size = QSize(
        max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72))
    )
    rendered = document.render(index, size)
    paper = QImage(size, QImage.Format.Format_RGB32)
    paper.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return paper


def chosen_printer(setting: str, available: Sequence[str]) -> str | None:
    """The printer the desk chose in its settings (first start or Ctrl+,), when it is there
    now; None: the system's default (a printer unplugged since is not an error here, the print
    dialog shows what is available)."""
    return setting if setting and setting in available else None


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Print the pages the printer asks for (all when no range was chosen); returns how many.
    A page smaller than the paper prints at its exact size, centred; a larger one shrinks."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    if first == 0 and last == 0:
        first, last = 1, count
    first, last = max(1, first), min(count, last)
    if first > last:
        return 0
    dpi = printer.resolution()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("l'imprimante n'a pas pu démarrer")
    try:
        for number in range(first, last + 1):
            if number > first:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(dpi)
            points = document.pagePointSize(number - 1)
            natural = QSizeF(points.width() * dpi / 72, points.height() * dpi / 72)
            scale = min(1.0, area.width() / natural.width(), area.height() / natural.height())
            width, height = natural.width() * scale, natural.height() * scale
            target = QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height)
            painter.drawImage(target, page_image(document, number - 1, min(dpi, MAX_PRINT_DPI)))
    finally:
        painter.end()
    return last - first + 1


class PdfPreviewDialog(QDialog):
    """Shows a PDF with "Imprimer…" (Ctrl+P), "Enregistrer sous…" (Ctrl+S) and "Fermer"
    (Échap). Emits `saved(path)` after a copy is written."""

    saved = Signal(str)

    def __init__(self, pdf_path: Path | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(self.tr("Aperçu : {name}").format(name=self.pdf_path.name))
        # Within the screen: at 900 x 1000 the buttons were below a 768 px laptop's edge.
        fit_to_screen(self, 900, 1000)

        self.document = QPdfDocument(self)
        error = self.document.load(str(self.pdf_path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Aperçu du document"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.summary_label = QLabel(self)
        # A long file name, or « Impossible d'afficher … », wraps: at 200 % text it pushed
        # the buttons off a 1024 px screen.
        self.summary_label.setWordWrap(True)
        self.page_label = QLabel(self)
        self.print_button = QPushButton(self.tr("&Imprimer…"), self)
        self.save_button = QPushButton(self.tr("&Enregistrer sous…"), self)
        self.close_button = QPushButton(self.tr("Fermer"), self)
        self.print_button.setDefault(True)
        self.print_button.setToolTip(self.tr("Imprimer le document (Ctrl+P)"))
        self.save_button.setToolTip(self.tr("Enregistrer une copie du PDF (Ctrl+S)"))
        self.close_button.setToolTip(self.tr("Fermer l'aperçu (Échap)"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_as)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, lambda: self._zoom(1.25))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, lambda: self._zoom(0.8))
        QShortcut(QKeySequence("Ctrl+0"), self, self._fit_width)

        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(self.page_label)
        buttons.addSpacing(12)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self._show_loaded(error)
        self.view.setFocus()

    # --- state ------------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def _show_loaded(self, error: QPdfDocument.Error) -> None:
        ready = error == QPdfDocument.Error.None_ and self.page_count > 0
        if ready:
            pages = (
                self.tr("{name} — 1 page")
                if self.page_count == 1
                else self.tr("{name} — {count} pages")
            )
            self.summary_label.setText(pages.format(name=self.pdf_path.name, count=self.page_count))
            self._show_page(0)
        else:
            self.summary_label.setText(
                self.tr("Impossible d'afficher {name} : fichier absent ou illisible.").format(
                    name=self.pdf_path.name
                )
            )
            self.page_label.clear()
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _show_page(self, index: int) -> None:
        self.page_label.setText(
            self.tr("Page {current} / {total}").format(current=index + 1, total=self.page_count)
        )

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    def _fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # --- actions ----------------------------------------------------------------------------

    def create_printer(self) -> QPrinter:
        """A printer set to the document's own paper (A4, A6, a CR80 card, a 62 mm label)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf_path.name)
        points = self.document.pagePointSize(0)
        landscape = points.width() > points.height()
        portrait = QSizeF(
            min(points.width(), points.height()), max(points.width(), points.height())
        )
        size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        orientation = (
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
        printer.setFromTo(0, 0)
        name = chosen_printer(Settings().printer, QPrinterInfo.availablePrinterNames())
        if name:
            printer.setPrinterName(name)  # the desk's printer, set once in the settings
        return printer

    def print_document(self) -> None:
        if not self.print_button.isEnabled():
            return
        printer = self.create_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Imprimer {name}").format(name=self.pdf_path.name))
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            print_pdf(self.document, printer)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Impression impossible"),
                self.tr("Le document n'a pas pu être imprimé : {error}").format(error=exc),
            )
        finally:
            self.unsetCursor()

    def save_as(self) -> None:
        if not self.save_button.isEnabled():
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder or Path.home()) / self.pdf_path.name)
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer le PDF sous"), suggested, self.tr("Documents PDF (*.pdf)")
        )
        if not target:
            return
        path = Path(target)
        if not path.suffix:
            path = path.with_suffix(".pdf")
        try:
            if not (path.exists() and path.samefile(self.pdf_path)):
                _copy(self.pdf_path, path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Enregistrement impossible"),
                self.tr("Le fichier n'a pas pu être enregistré dans {path} : {error}").format(
                    path=path, error=exc.strerror or exc
                ),
            )
            return
        self.summary_label.setText(self.tr("Copie enregistrée : {path}").format(path=path))
        self.saved.emit(str(path))


def _copy(source: Path, target: Path) -> None:
    """Copy beside the target then rename: an interrupted copy never leaves half a PDF."""
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
