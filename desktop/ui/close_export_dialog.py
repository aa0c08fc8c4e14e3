"""End of the day at the desk: the checks, closing the day, the signed export and its receipt.

"Clôturer la journée" shows the day's checks (✔ / ✖ with words), the ticket counts to enter,
asks a typed reason when a check fails, then closes the day (day_checks.close_day_with_checks).
Below it, "Exporter pour le bureau" (export_panel.ExportPanel): the signed export to a USB
stick and its printable receipt.
"""

from datetime import date
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clock import Clock, french_date, paris_day, paris_hhmm
from desktop.models.day_checks import (
    DayCheck,
    DayCloseOutcome,
    DayCloseResult,
    close_day_with_checks,
    day_checks,
)
from desktop.models.export import ExportReceipt
from desktop.models.journal import Desk
from desktop.models.stock import CountMoment, StockLine, day_stock, record_count
from desktop.ui.controls import literal
from desktop.ui.export_panel import ExportPanel, accessible
from desktop.ui.field_keys import window_keys_first
from desktop.ui.screen_fit import fit_to_screen, large_text, scroll_page
from desktop.ui.tasks import TaskRunner

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
        self.last_close: DayCloseResult | None = None
        self.setObjectName("closeExportDialog")
        self.setWindowTitle(
            self.tr("Fin de journée — {desk} — {day}").format(
                desk=desk.label, day=french_date(self.day)
            )
        )
        fit_to_screen(self, 760, 720)
        # Everything but "Fermer" scrolls: at 200 % text, with the day's counts and the
        # passphrase, the dialog outgrew a laptop screen and crushed its rows into each other.
        page, layout = scroll_page(self, "closeExportPage")
        layout.addWidget(self._build_close(), 1)
        self.export_panel = ExportPanel(db_path, desk, clock, tasks)
        layout.addWidget(self.export_panel)
        # The export's widgets under the names the dialog has always had (tests, scripts).
        panel = self.export_panel
        self.encrypt_box = panel.encrypt_box
        self.passphrase_field = panel.passphrase_field
        self.passphrase_again = panel.passphrase_again
        self.reminder = panel.reminder
        self.export_button = panel.export_button
        self.print_button = panel.print_button
        self.progress = panel.progress
        self.export_status = panel.export_status
        self.close_button = QPushButton(self.tr("Fermer"), self)
        self.close_button.setObjectName("closeDialogButton")
        self.close_button.setToolTip(self.tr("Fermer (Échap)"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        outer = QVBoxLayout(self)
        outer.addWidget(page, 1)
        outer.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.close_the_day)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.close_the_day)
        QShortcut(QKeySequence("Ctrl+E"), self, panel.export)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, panel.print_receipt)
        # On Linux a line edit or spin box claims Ctrl+E (end of line in the X11 key
        # bindings): with the passphrase just typed, Ctrl+E did nothing. The dialog's keys
        # win; a Ctrl key the dialog does not use still reaches the field (Ctrl+Z undoes).
        window_keys_first(self)
        self.refresh()
        self.checks_list.setFocus()

    # --- the export's state, kept by its panel ------------------------------------------------

    @property
    def preview_documents(self) -> bool:
        """False skips the modal PDF preview of the receipt (tests)."""
        return self.export_panel.preview_documents

    @preview_documents.setter
    def preview_documents(self, on: bool) -> None:
        self.export_panel.preview_documents = on

    @property
    def receipt(self) -> ExportReceipt | None:
        return self.export_panel.receipt

    @property
    def receipt_pdf(self) -> Path | None:
        return self.export_panel.receipt_pdf

    # --- construction -----------------------------------------------------------------------

    def _build_close(self) -> QGroupBox:
        box = QGroupBox(self.tr("Clôturer la journée du {day}").format(day=french_date(self.day)))
        layout = QVBoxLayout(box)
        checks_label = QLabel(self.tr("&Contrôles de cohérence :"))
        self.checks_list = QListWidget()
        self.checks_list.setWordWrap(True)
        self.checks_list.setSpacing(4)
        # Two checks in view at any text size (it was crushed to one line at 200 %).
        self.checks_list.setMinimumHeight(self.checks_list.fontMetrics().height() * 6)
        accessible(self.checks_list, "checksList", self.tr("Contrôles de cohérence"))
        checks_label.setBuddy(self.checks_list)
        layout.addWidget(checks_label)
        layout.addWidget(self.checks_list, 1)

        self.counts_form = QFormLayout()
        if large_text():  # a long product name: its count box under it, never cut
            self.counts_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.count_boxes: dict[str, QSpinBox] = {}
        layout.addLayout(self.counts_form)

        form = QFormLayout()
        if large_text():
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.reason_label = QLabel(self.tr("&Motif (un contrôle a échoué) :"))
        self.reason_field = QLineEdit()
        accessible(self.reason_field, "reasonField", self.tr("Motif pour clôturer"))
        self.reason_field.setPlaceholderText(self.tr("Pourquoi clôturer malgré l'anomalie"))
        self.reason_label.setBuddy(self.reason_field)
        form.addRow(self.reason_label, self.reason_field)
        self.explanation_label = QLabel(self.tr("E&xplication d'un écart de stock :"))
        self.explanation_field = QLineEdit()
        accessible(
            self.explanation_field, "explanationField", self.tr("Explication de l'écart de stock")
        )
        self.explanation_label.setBuddy(self.explanation_field)
        form.addRow(self.explanation_label, self.explanation_field)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.close_day_button = QPushButton(self.tr("C&lôturer la journée"))
        accessible(self.close_day_button, "closeDayButton", self.tr("Clôturer la journée"))
        self.close_day_button.setToolTip(self.tr("Clôturer la journée (Ctrl+Entrée)"))
        self.close_day_button.clicked.connect(self.close_the_day)
        self.close_status = QLabel()
        self.close_status.setWordWrap(True)
        accessible(self.close_status, "closeStatus", self.tr("État de la clôture"))
        row.addWidget(self.close_day_button)
        row.addWidget(self.close_status, 1)
        layout.addLayout(row)
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
            accessible(spin, f"count_{line.product.id}", text)
            label = QLabel(literal(text))  # a label with a field: '&' marks the Alt letter
            label.setBuddy(spin)
            self.counts_form.addRow(label, spin)
            self.count_boxes[line.product.id] = spin
        window_keys_first(self)  # the new counts too

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
