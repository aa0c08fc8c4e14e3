"""End of the day at the desk: the checks, closing the day, the signed export and its receipt.

"Clôturer la journée" shows the day's checks (✔ / ✖ with words), the ticket counts to enter,
asks a typed reason when a check fails, then closes the day (day_checks.close_day_with_checks).
"Exporter…" picks a folder, takes an optional passphrase (removable media), runs export_desk
in a background task that gets only paths, then shows the receipt, printable as a small PDF.
"""

import tempfile
from datetime import date, datetime
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clock import Clock, french_date, paris_day, paris_hhmm, to_utc_text
from desktop.models.day_checks import (
    DayCheck,
    DayCloseOutcome,
    DayCloseResult,
    close_day_with_checks,
    day_checks,
)
from desktop.models.export import ExportReceipt, ExportStep, export_desk
from desktop.models.journal import Desk
from desktop.models.stock import CountMoment, StockLine, day_stock, record_count
from desktop.ui.tasks import Progress, TaskRunner

EXPORT_STEPS = list(ExportStep)
NOT_COUNTED = -1


class CloseExportDialog(QDialog):
    """Keys: Ctrl+Entrée clôture la journée, Ctrl+E exporte, Ctrl+P imprime le reçu, Échap
    ferme. `preview_documents = False` skips the modal PDF preview (tests)."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        db_path: Path,
        desk: Desk,
        clock: Clock,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.db_path, self.desk, self.clock, self.tasks = db, db_path, desk, clock, tasks
        self.day: date = paris_day(clock())
        self.preview_documents = True
        self.last_close: DayCloseResult | None = None
        self.receipt: ExportReceipt | None = None
        self.receipt_pdf: Path | None = None
        self.exporting = False
        self.setObjectName("closeExportDialog")
        self.setWindowTitle(
            self.tr("Fin de journée — {desk} — {day}").format(
                desk=desk.label, day=french_date(self.day)
            )
        )
        self.resize(760, 720)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_close())
        layout.addWidget(self._build_export())
        self.close_button = QPushButton(self.tr("Fermer"), self)
        self.close_button.setObjectName("closeDialogButton")
        self.close_button.setToolTip(self.tr("Fermer (Échap)"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.close_the_day)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.close_the_day)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_receipt)
        self.tasks.progressed.connect(self._export_progress)
        self.refresh()
        self.checks_list.setFocus()

    # --- construction -----------------------------------------------------------------------

    def _accessible(self, widget: QWidget, name: str, text: str) -> None:
        widget.setObjectName(name)
        widget.setAccessibleName(text)

    def _build_close(self) -> QGroupBox:
        box = QGroupBox(self.tr("Clôturer la journée du {day}").format(day=french_date(self.day)))
        layout = QVBoxLayout(box)
        checks_label = QLabel(self.tr("&Contrôles de cohérence :"))
        self.checks_list = QListWidget()
        self.checks_list.setWordWrap(True)
        self.checks_list.setSpacing(4)
        self._accessible(self.checks_list, "checksList", self.tr("Contrôles de cohérence"))
        checks_label.setBuddy(self.checks_list)
        layout.addWidget(checks_label)
        layout.addWidget(self.checks_list, 1)

        self.counts_form = QFormLayout()
        self.count_boxes: dict[str, QSpinBox] = {}
        layout.addLayout(self.counts_form)

        form = QFormLayout()
        self.reason_label = QLabel(self.tr("&Motif (un contrôle a échoué) :"))
        self.reason_field = QLineEdit()
        self._accessible(self.reason_field, "reasonField", self.tr("Motif pour clôturer"))
        self.reason_field.setPlaceholderText(self.tr("Pourquoi clôturer malgré l'anomalie"))
        self.reason_label.setBuddy(self.reason_field)
        form.addRow(self.reason_label, self.reason_field)
        self.explanation_label = QLabel(self.tr("E&xplication d'un écart de stock :"))
        self.explanation_field = QLineEdit()
        self._accessible(
            self.explanation_field, "explanationField", self.tr("Explication de l'écart de stock")
        )
        self.explanation_label.setBuddy(self.explanation_field)
        form.addRow(self.explanation_label, self.explanation_field)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.close_day_button = QPushButton(self.tr("C&lôturer la journée"))
        self._accessible(self.close_day_button, "closeDayButton", self.tr("Clôturer la journée"))
        self.close_day_button.setToolTip(self.tr("Clôturer la journée (Ctrl+Entrée)"))
        self.close_day_button.clicked.connect(self.close_the_day)
        self.close_status = QLabel()
        self.close_status.setWordWrap(True)
        self._accessible(self.close_status, "closeStatus", self.tr("État de la clôture"))
        row.addWidget(self.close_day_button)
        row.addWidget(self.close_status, 1)
        layout.addLayout(row)
        return box

    def _build_export(self) -> QGroupBox:
        box = QGroupBox(self.tr("Exporter pour le bureau"))
        layout = QVBoxLayout(box)
        self.encrypt_box = QCheckBox(self.tr("C&hiffrer (clé USB, support amovible)"))
        self._accessible(self.encrypt_box, "encryptBox", self.tr("Chiffrer l'export"))
        self.encrypt_box.toggled.connect(self._encrypt_toggled)
        layout.addWidget(self.encrypt_box)
        form = QFormLayout()
        self.passphrase_field = QLineEdit()
        self.passphrase_again = QLineEdit()
        for field, name, text in (
            (self.passphrase_field, "passphraseField", self.tr("&Phrase secrète :")),
            (self.passphrase_again, "passphraseAgain", self.tr("&Confirmer la phrase :")),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            self._accessible(field, name, text.replace("&", "").rstrip(" :"))
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.reminder = QLabel(
            self.tr(
                "⚠ Transmettez la phrase secrète au bureau par un autre canal (téléphone, SMS, "
                "en main propre), jamais avec la clé USB ni écrite dessus."
            )
        )
        self.reminder.setWordWrap(True)
        self._accessible(self.reminder, "passphraseReminder", self.tr("Rappel phrase secrète"))
        layout.addWidget(self.reminder)

        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Exporter…"))
        self._accessible(self.export_button, "exportButton", self.tr("Exporter"))
        self.export_button.setToolTip(self.tr("Choisir un dossier et exporter (Ctrl+E)"))
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self.tr("&Imprimer le reçu…"))
        self._accessible(self.print_button, "printReceiptButton", self.tr("Imprimer le reçu"))
        self.print_button.setToolTip(self.tr("Reçu pour la feuille de remise (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_receipt)
        self.print_button.setEnabled(False)
        row.addWidget(self.export_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self._accessible(self.progress, "exportProgress", self.tr("Progression de l'export"))
        self.progress.setRange(0, len(EXPORT_STEPS))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._accessible(self.export_status, "exportStatus", self.tr("État de l'export"))
        layout.addWidget(self.export_status)
        self._encrypt_toggled(False)
        return box

    # --- the checks and the stock counts ----------------------------------------------------

    def refresh(self) -> None:
        self.checks = day_checks(self.db, self.day, self.desk.desk_id)
        self.checks_list.clear()
        for check in self.checks:
            item = QListWidgetItem(self._check_text(check))
            item.setData(Qt.ItemDataRole.UserRole, check.key.value)
            self.checks_list.addItem(item)
        self.checks_list.setCurrentRow(0)
        self.stock = day_stock(self.db, self.desk.desk_id, self.day)
        self._fill_counts([line for line in self.stock.lines if line.active])
        failing = any(not c.ok for c in self.checks)
        self.reason_label.setVisible(failing)
        self.reason_field.setVisible(failing)
        if self.stock.closed:
            self._show_closed()

    def _check_text(self, check: DayCheck) -> str:
        mark = self.tr("✔ Conforme") if check.ok else self.tr("✖ À vérifier")
        return f"{mark} — {check.title}\n{check.detail}"

    def _fill_counts(self, lines: list[StockLine]) -> None:
        if [line.product.id for line in lines] == list(self.count_boxes):
            for line in lines:  # same products: keep the widgets (and the focus)
                if line.closing is not None:
                    self.count_boxes[line.product.id].setValue(line.closing)
            return
        while self.counts_form.rowCount():
            self.counts_form.removeRow(0)
        self.count_boxes = {}
        for line in lines:
            spin = QSpinBox()
            spin.setRange(NOT_COUNTED, 999_999)
            spin.setSpecialValueText(self.tr("non compté"))
            spin.setValue(line.closing if line.closing is not None else NOT_COUNTED)
            text = self.tr("{product} (attendu {expected}) — compté :").format(
                product=line.product.name, expected=line.expected
            )
            self._accessible(spin, f"count_{line.product.id}", text)
            label = QLabel(text)
            label.setBuddy(spin)
            self.counts_form.addRow(label, spin)
            self.count_boxes[line.product.id] = spin

    def _record_counts(self) -> None:
        for line in self.stock.lines:
            spin = self.count_boxes.get(line.product.id)
            if spin is None or spin.value() == NOT_COUNTED or spin.value() == line.closing:
                continue
            record_count(
                self.db,
                line.product.id,
                self.day,
                CountMoment.CLOSING,
                spin.value(),
                self.desk,
                self.clock,
            )

    def close_the_day(self) -> None:
        if not self.close_day_button.isEnabled():
            return
        self._record_counts()
        result = close_day_with_checks(
            self.db,
            self.day,
            self.desk,
            self.clock,
            reason=self.reason_field.text(),
            explanation=self.explanation_field.text(),
        )
        self.last_close = result
        outcome = result.outcome
        if outcome is DayCloseOutcome.CLOSED or outcome is DayCloseOutcome.ALREADY_CLOSED:
            self.refresh()
            self._show_closed()
            self.export_button.setFocus()
            return
        self.refresh()
        if outcome is DayCloseOutcome.REASON_REQUIRED:
            names = ", ".join(c.title for c in result.failing)
            self._close_error(
                self.tr(
                    "Un contrôle a échoué ({names}) : saisissez le motif pour clôturer."
                ).format(names=names),
                self.reason_field,
            )
        elif outcome is DayCloseOutcome.MISSING_COUNTS:
            missing = result.stock.missing_counts
            self._close_error(
                self.tr("Comptez les tickets restants avant de clôturer : {products}.").format(
                    products=", ".join(p.name for p in missing)
                ),
                self.count_boxes.get(missing[0].id) if missing else None,
            )
        else:
            gaps = ", ".join(
                self.tr("{product} : écart de {difference}").format(
                    product=line.product.name, difference=line.difference
                )
                for line in result.stock.differences
            )
            self._close_error(
                self.tr(
                    "Le stock compté diffère de l'attendu ({gaps}) : saisissez une explication."
                ).format(gaps=gaps),
                self.explanation_field,
            )

    def _close_error(self, text: str, focus: QWidget | None) -> None:
        self.close_status.setText("✖ " + text)
        if focus is not None:
            focus.setFocus()

    def _show_closed(self) -> None:
        closure = self.stock.closure
        when = (
            self.tr(" par {agent} à {time}").format(
                agent=closure.agent, time=paris_hhmm(closure.at)
            )
            if closure
            else ""
        )
        self.close_status.setText(
            self.tr("✔ Journée du {day} clôturée{when}.").format(
                day=french_date(self.day), when=when
            )
        )
        self.close_day_button.setEnabled(False)
        for spin in self.count_boxes.values():
            spin.setEnabled(False)
        self.reason_field.setEnabled(False)
        self.explanation_field.setEnabled(False)

    # --- export -----------------------------------------------------------------------------

    def _encrypt_toggled(self, on: bool) -> None:
        for widget in (self.passphrase_field, self.passphrase_again, self.reminder):
            widget.setEnabled(on)
        self.reminder.setVisible(on)
        if on:
            self.passphrase_field.setFocus()

    def passphrase(self) -> tuple[bool, str | None]:
        """(ok, passphrase or None); a French message is shown when not ok."""
        if not self.encrypt_box.isChecked():
            return True, None
        first, second = self.passphrase_field.text(), self.passphrase_again.text()
        if not first.strip():
            self._export_error(self.tr("Saisissez une phrase secrète (ou décochez Chiffrer)."))
            self.passphrase_field.setFocus()
            return False, None
        if first != second:
            self._export_error(self.tr("Les deux phrases secrètes ne sont pas identiques."))
            self.passphrase_again.selectAll()
            self.passphrase_again.setFocus()
            return False, None
        return True, first

    def export(self) -> None:
        if self.exporting:
            return
        ok, secret = self.passphrase()
        if not ok:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier de l'export (clé USB, partage)"), str(Path.home())
        )
        if not folder:
            self.export_button.setFocus()
            return
        self.start_export(Path(folder), secret)

    def start_export(self, folder: Path, passphrase: str | None) -> None:
        db_path, clock = self.db_path, self.clock

        def work(progress: Progress) -> ExportReceipt:
            def step(done: ExportStep) -> None:
                progress(EXPORT_STEPS.index(done) + 1, len(EXPORT_STEPS))

            return export_desk(db_path, folder, passphrase, step, clock=clock)

        self.exporting = True
        self.export_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.export_status.setText(self.tr("Export en cours vers {folder}…").format(folder=folder))
        self.tasks.start(self.tr("Export en cours…"), work, self._exported, self._export_failed)

    def _export_progress(self, done: int, total: int) -> None:
        if not self.exporting or total != len(EXPORT_STEPS):
            return
        self.progress.setValue(done)
        self.progress.setFormat(EXPORT_STEPS[max(done - 1, 0)].label + " (%v / %m)")

    def _exported(self, receipt: ExportReceipt) -> None:
        self.exporting = False
        self.receipt = receipt
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.print_button.setEnabled(True)
        files = ", ".join(path.name for path in receipt.paths)
        text = self.tr(
            "✔ Export terminé — poste {desk}, dernier n° {seq} ({count} faits), "
            "empreinte {short}.\nFichiers : {files}"
        ).format(
            desk=receipt.desk_label,
            seq=receipt.last_seq,
            count=receipt.event_count,
            short=receipt.short_hash,
            files=files,
        )
        if receipt.archive_path is not None:
            text += "\n" + self.tr(
                "Archive chiffrée : envoyez la phrase secrète par un autre canal."
            )
        self.export_status.setText(text)
        self.passphrase_field.clear()
        self.passphrase_again.clear()
        self.print_button.setFocus()

    def _export_failed(self, exc: Exception) -> None:
        self.exporting = False
        self.progress.hide()
        self.export_button.setEnabled(True)
        self._export_error(
            self.tr(
                "Export impossible : {error} Les données du guichet ne sont pas modifiées."
            ).format(error=str(exc).rstrip(".") + ".")
        )
        self.export_button.setFocus()

    def _export_error(self, text: str) -> None:
        self.export_status.setText("✖ " + text)

    # --- the receipt ------------------------------------------------------------------------

    def print_receipt(self) -> None:
        receipt = self.receipt
        if receipt is None or not self.print_button.isEnabled():
            return
        folder = Path(tempfile.mkdtemp(prefix="guichet-recu-"))
        out = folder / f"recu-export-{receipt.desk_label}-{receipt.last_seq}.pdf".replace(" ", "-")
        agent, printed = self.desk.agent, self.clock()

        def work(progress: Progress) -> Path:
            return render_export_receipt(receipt, out, agent=agent, printed_at=printed)

        self.print_button.setEnabled(False)
        self.tasks.start(self.tr("Reçu d'export…"), work, self._receipt_ready, self._receipt_failed)

    def _receipt_failed(self, exc: Exception) -> None:
        self.print_button.setEnabled(True)
        self._export_error(
            self.tr("Le reçu n'a pas pu être préparé : {error} (l'export, lui, est fait).").format(
                error=exc
            )
        )
        self.print_button.setFocus()

    def _receipt_ready(self, path: Path) -> None:
        from desktop.ui.pdf_preview import PdfPreviewDialog

        self.receipt_pdf = path
        self.print_button.setEnabled(True)
        if self.preview_documents:
            PdfPreviewDialog(path, self).exec()
        self.print_button.setFocus()


def render_export_receipt(
    receipt: ExportReceipt, out: Path, *, agent: str, printed_at: datetime
) -> Path:
    """The export receipt for the handover sheet: an A6 page (reportlab, embedded font)."""
    from reportlab.lib.pagesizes import A6
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from desktop.models.documents.fonts import BOLD, REGULAR, register_fonts

    register_fonts()
    out.parent.mkdir(parents=True, exist_ok=True)
    width, height = A6
    canvas = Canvas(str(out), pagesize=A6)
    canvas.setTitle(f"Reçu d'export — {receipt.desk_label}")
    left, y = 9 * mm, height - 14 * mm
    canvas.setFont(BOLD, 13)
    canvas.drawString(left, y, "Reçu d'export du guichet")
    y -= 6 * mm
    canvas.setFont(REGULAR, 8)
    local = paris_day(printed_at)
    canvas.drawString(
        left, y, f"Imprimé le {french_date(local)} à {paris_hhmm(to_utc_text(printed_at))}"
    )
    y -= 9 * mm
    rows = [
        ("Poste", receipt.desk_label),
        ("Identifiant du poste", receipt.desk_id),
        ("Dernier n° de séquence", str(receipt.last_seq)),
        ("Nombre de faits", str(receipt.event_count)),
        ("Taille", f"{receipt.size:,} octets".replace(",", "\u202f")),
        ("Chiffré", "oui (phrase secrète transmise à part)" if receipt.archive_path else "non"),
        ("Exporté par", agent),
    ]
    for label, value in rows:
        canvas.setFont(REGULAR, 7.5)
        canvas.drawString(left, y, label)
        canvas.setFont(*((REGULAR, 6.5) if label == "Identifiant du poste" else (BOLD, 9)))
        canvas.drawString(left + 36 * mm, y, value)
        y -= 5.2 * mm
    y -= 3 * mm
    canvas.setFont(REGULAR, 7.5)
    canvas.drawString(left, y, "Empreinte SHA-256 (12 premiers caractères)")
    y -= 8 * mm
    canvas.setFont(BOLD, 20)
    short = receipt.short_hash
    canvas.drawString(left, y, " ".join(short[i : i + 4] for i in range(0, len(short), 4)))
    y -= 6 * mm
    canvas.setFont(REGULAR, 6)
    for start in (0, 32):
        canvas.drawString(left, y, receipt.sha256[start : start + 32])
        y -= 3.2 * mm
    y -= 3 * mm
    canvas.setFont(REGULAR, 6.5)
    for path in receipt.paths:
        canvas.drawString(left, y, f"Fichier : {path.name}"[:78])
        y -= 3.6 * mm
    y = 24 * mm
    canvas.setFont(REGULAR, 8)
    half = (width - 2 * left) / 2
    for n, caption in enumerate(("Remis par (signature)", "Reçu au bureau (signature)")):
        x = left + n * half
        canvas.drawString(x, y, caption)
        canvas.setStrokeGray(0.4)
        canvas.rect(x, 9 * mm, half - 3 * mm, 13 * mm)
    canvas.showPage()
    canvas.save()
    return out
