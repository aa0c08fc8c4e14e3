"""The "Exporter pour le bureau" part of the end-of-day dialog (Ctrl+E at the desk).

An optional passphrase (removable media), typed twice; "Exporter…" picks a folder and runs
export_desk in a background task that gets only paths; the result (desk, last number, count,
hash, files) shows under the buttons, and "Imprimer le reçu…" draws the A6 handover sheet
(documents.export_receipt_pdf) in the background, then previews it.

The dialog (close_export_dialog.CloseExportDialog) owns the keys: Ctrl+E and Ctrl+P call
`export` and `print_receipt` here.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clock import Clock
from desktop.models.documents.export_receipt_pdf import receipt_file_name, render_export_receipt
from desktop.models.export import ExportReceipt, ExportStep, export_desk
from desktop.models.journal import Desk
from desktop.ui.previews import preview_path
from desktop.ui.screen_fit import large_text
from desktop.ui.settings import Settings
from desktop.ui.tasks import Progress, TaskRunner

EXPORT_STEPS = list(ExportStep)


def tr(text: str) -> str:
    # The dialog's context: these strings were written (and translated) in CloseExportDialog,
    # so the English catalogue applies to them unchanged.
    return QCoreApplication.translate("CloseExportDialog", text)


def start_folder() -> Path:
    """Where the folder chooser opens: the export folder chosen at the first start (or in the
    settings) when it is there now, else the home folder (a USB stick not plugged in)."""
    chosen = Settings().export_folder
    return Path(chosen) if chosen and Path(chosen).is_dir() else Path.home()


def accessible(widget: QWidget, name: str, text: str) -> None:
    """Object name (tests, scripts) and accessible name (screen readers)."""
    widget.setObjectName(name)
    widget.setAccessibleName(text)


class ExportPanel(QGroupBox):
    """`preview_documents = False` skips the modal PDF preview of the receipt (tests)."""

    def __init__(
        self,
        db_path: Path,
        desk: Desk,
        clock: Clock,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Exporter pour le bureau"), parent)
        self.db_path, self.desk, self.clock, self.tasks = db_path, desk, clock, tasks
        self.preview_documents = True
        self.receipt: ExportReceipt | None = None
        self.receipt_pdf: Path | None = None
        self.exporting = False
        layout = QVBoxLayout(self)
        self.encrypt_box = QCheckBox(tr("C&hiffrer (clé USB, support amovible)"))
        accessible(self.encrypt_box, "encryptBox", tr("Chiffrer l'export"))
        self.encrypt_box.toggled.connect(self._encrypt_toggled)
        layout.addWidget(self.encrypt_box)
        form = QFormLayout()
        if large_text():  # a label over its field when both do not fit side by side
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.passphrase_field = QLineEdit()
        self.passphrase_again = QLineEdit()
        for field, name, text in (
            (self.passphrase_field, "passphraseField", tr("&Phrase secrète :")),
            (self.passphrase_again, "passphraseAgain", tr("Co&nfirmer la phrase :")),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            accessible(field, name, text.replace("&", "").rstrip(" :"))
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.reminder = QLabel(
            tr(
                "⚠ Transmettez la phrase secrète au bureau par un autre canal (téléphone, SMS, "
                "en main propre), jamais avec la clé USB ni écrite dessus."
            )
        )
        self.reminder.setWordWrap(True)
        accessible(self.reminder, "passphraseReminder", tr("Rappel phrase secrète"))
        layout.addWidget(self.reminder)

        row = QHBoxLayout()
        self.export_button = QPushButton(tr("&Exporter…"))
        accessible(self.export_button, "exportButton", tr("Exporter"))
        self.export_button.setToolTip(tr("Choisir un dossier et exporter (Ctrl+E)"))
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(tr("&Imprimer le reçu…"))
        accessible(self.print_button, "printReceiptButton", tr("Imprimer le reçu"))
        self.print_button.setToolTip(tr("Reçu pour la feuille de remise (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_receipt)
        self.print_button.setEnabled(False)
        row.addWidget(self.export_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.progress = QProgressBar()
        accessible(self.progress, "exportProgress", tr("Progression de l'export"))
        self.progress.setRange(0, len(EXPORT_STEPS))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        accessible(self.export_status, "exportStatus", tr("État de l'export"))
        layout.addWidget(self.export_status)
        self._encrypt_toggled(False)
        self.tasks.progressed.connect(self._export_progress)

    # --- the passphrase ---------------------------------------------------------------------

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
            self._export_error(tr("Saisissez une phrase secrète (ou décochez Chiffrer)."))
            self.passphrase_field.setFocus()
            return False, None
        if first != second:
            self._export_error(tr("Les deux phrases secrètes ne sont pas identiques."))
            self.passphrase_again.selectAll()
            self.passphrase_again.setFocus()
            return False, None
        return True, first

    # --- the export -------------------------------------------------------------------------

    def export(self) -> None:
        if self.exporting:
            return
        ok, secret = self.passphrase()
        if not ok:
            return
        folder = QFileDialog.getExistingDirectory(
            self, tr("Dossier de l'export (clé USB, partage)"), str(start_folder())
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
        self.export_status.setText(tr("Export en cours vers {folder}…").format(folder=folder))
        self.tasks.start(tr("Export en cours…"), work, self._exported, self._export_failed)

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
        text = tr(
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
            text += "\n" + tr("Archive chiffrée : envoyez la phrase secrète par un autre canal.")
        self.export_status.setText(text)
        self.passphrase_field.clear()
        self.passphrase_again.clear()
        self.print_button.setFocus()

    def _export_failed(self, exc: Exception) -> None:
        self.exporting = False
        self.progress.hide()
        self.export_button.setEnabled(True)
        self._export_error(
            tr("Export impossible : {error} Les données du guichet ne sont pas modifiées.").format(
                error=str(exc).rstrip(".") + "."
            )
        )
        self.export_button.setFocus()

    def _export_error(self, text: str) -> None:
        self.export_status.setText("✖ " + text)

    # --- the receipt ------------------------------------------------------------------------

    def print_receipt(self) -> None:
        receipt = self.receipt
        if receipt is None or not self.print_button.isEnabled():
            return
        out = preview_path(receipt_file_name(receipt))  # removed when Guichet quits
        agent, printed = self.desk.agent, self.clock()

        def work(progress: Progress) -> Path:
            return render_export_receipt(receipt, out, agent=agent, printed_at=printed)

        self.print_button.setEnabled(False)
        self.tasks.start(tr("Reçu d'export…"), work, self._receipt_ready, self._receipt_failed)

    def _receipt_failed(self, exc: Exception) -> None:
        self.print_button.setEnabled(True)
        self._export_error(
            tr("Le reçu n'a pas pu être préparé : {error} (l'export, lui, est fait).").format(
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
