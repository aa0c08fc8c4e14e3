"""The scanner set-up page: "Scannez ce code de test", what the scanner typed, and why.

The capture field keeps every key the scanner sends, Entrée, Tab and control characters
included, with the time of each; after a short silence the page asks
`scanner_diagnosis.diagnose` and lists the findings in words (with a sign, never colour
alone). The field is marked for the scan router to leave alone: it must see exactly what
the scanner types. The test sheet is printed from here (PDF written on a worker).
"""

import time
from collections.abc import Callable
from pathlib import Path

from PIL.ImageQt import ImageQt
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.documents.scanner_test_sheet import test_code_image
from desktop.models.scanner_diagnosis import (
    PROBLEMS,
    TEST_CODE,
    Diagnosis,
    Finding,
    diagnose,
    visible,
)
from desktop.ui.previews import preview_path
from desktop.ui.scan_router import IGNORE_PROPERTY
from desktop.ui.tasks import TaskRunner

IDLE_MS = 600  # silence after the last key: the scan is over (with or without its end key)
_END_TEXT = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}


def _monotonic_ms() -> float:
    return time.monotonic() * 1000


class CaptureField(QLineEdit):
    """Records every key (text and time) instead of editing; shows them made visible."""

    captured = Signal()  # a key arrived

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], float] = _monotonic_ms):
        super().__init__(parent)
        self.setProperty(IGNORE_PROPERTY, True)
        self.setReadOnly(True)  # the text shown is ours; keys are recorded, not edited in
        self._clock = clock
        self.typed = ""
        self.stamps: list[float] = []

    def event(self, event: QEvent) -> bool:
        # Before QLineEdit and before focus handling: Tab must be recorded, not move focus.
        if not isinstance(event, QKeyEvent) or self._closing_key(event):
            return super().event(event)
        if event.type() == QEvent.Type.KeyPress:
            text = _END_TEXT.get(Qt.Key(event.key()), event.text())
            if text:
                self.typed += text
                self.stamps.extend([float(event.timestamp()) or self._clock()] * len(text))
                self.captured.emit()
            return True
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if event.type() == QEvent.Type.ShortcutOverride and event.text() and not alt:
            event.accept()  # control characters typed by a scanner are recorded, not shortcuts
            return True
        return super().event(event)

    def _closing_key(self, event: QKeyEvent) -> bool:
        """Échap before anything was typed closes the page (a scanner never starts so)."""
        return event.key() == Qt.Key.Key_Escape and not self.typed

    def reset(self) -> None:
        self.typed = ""
        self.stamps = []
        self.clear()


class ScannerSetupDialog(QDialog):
    """Scan the test code; read what arrived and the diagnosis. F5 (or Alt+R) starts
    again, Alt+I prints the test sheet, Alt+F or Échap closes (Échap only while nothing is
    being captured: Ctrl and Échap keys typed by a scanner are recorded, not obeyed)."""

    diagnosed = Signal(object)  # Diagnosis

    def __init__(
        self,
        parent: QWidget | None = None,
        tasks: TaskRunner | None = None,
        show_pdf: Callable[[Path], None] | None = None,
        clock: Callable[[], float] = _monotonic_ms,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scannerSetup")
        self.setWindowTitle(self.tr("Réglage du scanner"))
        self.tasks = tasks or TaskRunner(self)
        self._show_pdf = show_pdf
        self.last: Diagnosis | None = None
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self.finish)
        self._build(clock)

    def _build(self, clock: Callable[[], float]) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        texts = QVBoxLayout()
        heading = QLabel(self.tr("Scannez ce code de test"))
        heading.setObjectName("setupHeading")
        heading.setStyleSheet("font-size: 18pt; font-weight: bold;")
        texts.addWidget(heading)
        explain = QLabel(
            self.tr(
                "Cliquez dans le champ ci-dessous (ou Alt+C), puis scannez le code à droite "
                "ou celui de la feuille de test. Le scanner doit taper exactement :"
            )
        )
        explain.setWordWrap(True)
        texts.addWidget(explain)
        expected = QLabel(TEST_CODE)
        expected.setObjectName("expectedCode")
        expected.setAccessibleName(self.tr("Code attendu"))
        expected.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        expected.setStyleSheet("font-family: monospace; font-size: 14pt; font-weight: bold;")
        texts.addWidget(expected)
        top.addLayout(texts, 1)
        qr = QLabel()
        qr.setObjectName("testCodeImage")
        qr.setAccessibleName(self.tr("QR code de test à scanner"))
        qr.setPixmap(
            QPixmap.fromImage(ImageQt(test_code_image().convert("RGB"))).scaled(
                200,
                200,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )
        qr.setStyleSheet("background: white; padding: 16px;")  # the quiet zone
        top.addWidget(qr)
        layout.addLayout(top)

        label = QLabel(self.tr("&Ce que le scanner a tapé :"))
        self.capture = CaptureField(clock=clock)
        self.capture.setObjectName("captureField")
        self.capture.setAccessibleName(self.tr("Ce que le scanner a tapé"))
        self.capture.setAccessibleDescription(
            self.tr("Les touches invisibles sont montrées : ⏎ Entrée, ⇥ Tab, ␣ espace.")
        )
        self.capture.setPlaceholderText(self.tr("En attente d'un scan…"))
        self.capture.setStyleSheet("font-family: monospace; font-size: 14pt; padding: 4px;")
        self.capture.captured.connect(self._key_captured)
        label.setBuddy(self.capture)
        layout.addWidget(label)
        layout.addWidget(self.capture)

        self.summary = QLabel()
        self.summary.setObjectName("setupSummary")
        self.summary.setAccessibleName(self.tr("Résultat du test"))
        self.summary.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        findings_label = QLabel(self.tr("&Diagnostic :"))
        self.findings = QListWidget()
        self.findings.setObjectName("setupFindings")
        self.findings.setAccessibleName(self.tr("Diagnostic du scanner"))
        self.findings.setWordWrap(True)
        self.findings.setSpacing(6)
        self.findings.setStyleSheet("font-size: 12pt;")
        findings_label.setBuddy(self.findings)
        layout.addWidget(findings_label)
        layout.addWidget(self.findings, 1)

        buttons = QHBoxLayout()
        self.again_button = QPushButton(self.tr("&Recommencer (F5)"))
        self.again_button.setObjectName("setupAgain")
        self.again_button.clicked.connect(self.start_again)
        self.print_button = QPushButton(self.tr("&Imprimer la feuille de test…"))
        self.print_button.setObjectName("setupPrint")
        self.print_button.clicked.connect(lambda: self.print_sheet())
        self.close_button = QPushButton(self.tr("&Fermer"))
        self.close_button.setObjectName("setupClose")
        self.close_button.clicked.connect(self.accept)
        for button in (self.again_button, self.print_button, self.close_button):
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("F5"), self, self.start_again)
        self.resize(760, 620)
        self.start_again()

    # --- capture and diagnosis ----------------------------------------------------------

    def start_again(self) -> None:
        self._idle.stop()
        self.capture.reset()
        self.findings.clear()
        self.summary.setText(self.tr("En attente du scan du code de test."))
        self.capture.setFocus()

    def _key_captured(self) -> None:
        self.capture.setText(visible(self.capture.typed))
        self.summary.setText(self.tr("Lecture en cours…"))
        self._idle.start()

    def finish(self) -> Diagnosis:
        """The scan is over (silence): diagnose what arrived and show it."""
        self._idle.stop()
        result = diagnose(self.capture.typed, self.capture.stamps)
        self.last = result
        self.capture.setText(result.visible)
        self.summary.setText(
            self.tr("✔ Le scanner est prêt.")
            if result.ok
            else self.tr("✖ À corriger avant d'ouvrir le guichet :")
        )
        self.findings.clear()
        for finding, text in zip(result.findings, result.texts, strict=True):
            sign = self.tr("✖ Problème : ") if finding in PROBLEMS else self.tr("✔ ")
            if finding is Finding.ENDS_WITH_TAB:
                sign = self.tr("ℹ À savoir : ")
            item = QListWidgetItem(sign + text)
            item.setData(Qt.ItemDataRole.UserRole, finding)
            self.findings.addItem(item)
        # The next scan starts a new test: keys after a diagnosis begin afresh.
        self.capture.typed, self.capture.stamps = "", []
        self.diagnosed.emit(result)
        return result

    # --- the printable sheet -----------------------------------------------------------

    def print_sheet(self, out: Path | None = None) -> None:
        from desktop.models.documents.scanner_test_sheet import render_scanner_test_sheet

        target = out or preview_path("test-scanner.pdf")  # removed when Guichet quits
        self.print_button.setEnabled(False)
        self.tasks.start(
            self.tr("Feuille de test en cours…"),
            lambda _progress: render_scanner_test_sheet(target),
            self._sheet_ready,
            self._sheet_failed,
        )

    def _sheet_ready(self, path: Path) -> None:
        self.print_button.setEnabled(True)
        self.summary.setText(self.tr("Feuille de test prête : {path}").format(path=path))
        if self._show_pdf is not None:
            self._show_pdf(path)
        else:
            from desktop.ui.pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, self).exec()
        self.capture.setFocus()

    def _sheet_failed(self, exc: Exception) -> None:
        self.print_button.setEnabled(True)
        self.summary.setText(self.tr("Feuille de test impossible : {error}").format(error=exc))
