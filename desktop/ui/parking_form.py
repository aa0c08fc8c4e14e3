"""The parking receipt form: keyboard first, every error shown under its field, nothing typed
is lost on an error. Thin: it reads the fields into a `ReceiptForm` and calls
`parking.record_receipt`; a confirmation asked by the domain becomes a typed reason."""

import sqlite_utils
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import parking
from desktop.models.clock import Clock
from desktop.models.convention import Session
from desktop.models.facts import FieldError, HandoutOutcome, HandoutResult
from desktop.models.journal import Desk
from desktop.models.members import get_member
from desktop.models.receipt_form import ReceiptForm
from desktop.ui import handout_wording
from desktop.ui.theme import error_style
from desktop.ui.wording import ICONS, Role, session_title

# Form field names, as the domain's FieldError.field spells them.
FIELDS = ("car_park", "receipt_no", "amount", "day", "time_in", "time_out", "scan")


class ParkingReceiptDialog(QDialog):
    """Enter one parking receipt for `member_id` at `session`. `last_result` holds the last
    HandoutResult; `accept()` once it is RECORDED, `reject()` on Échap."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        desk: Desk,
        clock: Clock,
        member_id: str,
        session: Session,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.desk = desk
        self.clock = clock
        self.member_id = member_id
        self.session = session
        self.last_result: HandoutResult | None = None
        self.setObjectName("parkingReceiptDialog")
        member = get_member(db, member_id)
        who = member.display_name if member else member_id
        self.setWindowTitle(self.tr("Justificatif de stationnement — {name}").format(name=who))
        self.setAccessibleName(self.tr("Justificatif de stationnement"))
        self.setMinimumWidth(560)
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._build()

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(session_title(self.session))
        heading.setObjectName("parkingSessionLabel")
        layout.addWidget(heading)
        form = QFormLayout()
        labels = {
            "car_park": (self.tr("&Parking :"), self.tr("ex. Comédie")),
            "receipt_no": (self.tr("&Numéro du ticket :"), self.tr("numéro imprimé sur le reçu")),
            "amount": (self.tr("&Montant (€) :"), self.tr("ex. 12,50")),
            "day": (self.tr("&Date :"), self.tr("JJ/MM/AAAA")),
            "time_in": (self.tr("Heure d'&entrée :"), self.tr("HH:MM (facultatif)")),
            "time_out": (self.tr("Heure de &sortie :"), self.tr("HH:MM (facultatif)")),
            "scan": (self.tr("S&can du justificatif :"), self.tr("fichier image ou PDF")),
        }
        for name in FIELDS:
            text, placeholder = labels[name]
            edit = QLineEdit()
            edit.setObjectName(f"{_camel(name)}Field")
            edit.setAccessibleName(text.replace("&", "").rstrip(" :"))
            edit.setPlaceholderText(placeholder)
            self.fields[name] = edit
            error = QLabel(wordWrap=True)
            error.setObjectName(f"{_camel(name)}Error")
            error.setStyleSheet(error_style())
            error.setAccessibleName(self.tr("Erreur : {field}").format(field=edit.accessibleName()))
            error.hide()
            self.errors[name] = error
            box = QVBoxLayout()
            box.setSpacing(2)
            if name == "scan":
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                self.browse_button = QPushButton(self.tr("Pa&rcourir…"))
                self.browse_button.setObjectName("browseScanButton")
                self.browse_button.setAccessibleName(self.tr("Choisir le fichier du scan"))
                self.browse_button.setAutoDefault(False)
                self.browse_button.clicked.connect(self.browse_scan)
                row.addWidget(self.browse_button)
                box.addLayout(row)
            else:
                box.addWidget(edit)
            box.addWidget(error)
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, box)
        self.fields["day"].setText(self.session.day.strftime("%d/%m/%Y"))
        layout.addLayout(form)
        self.general_error = QLabel(wordWrap=True)
        self.general_error.setObjectName("parkingGeneralError")
        self.general_error.setStyleSheet(error_style())
        self.general_error.hide()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(self.tr("Enregistrer (Entrée)"))
        self.save_button.setObjectName("saveReceiptButton")
        self.save_button.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuler (Échap)"))
        cancel.setObjectName("cancelReceiptButton")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fields["car_park"].setFocus()

    # --- actions ------------------------------------------------------------------------

    def browse_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Scan du justificatif"),
            "",
            self.tr(
                "Images et PDF (*.png *.jpg *.jpeg *.tif *.tiff *.heic *.webp *.pdf);;Tous les fichiers (*)"
            ),
        )
        if path:
            self.fields["scan"].setText(path)
        self.fields["scan"].setFocus()

    def form(self) -> ReceiptForm:
        text = {name: edit.text() for name, edit in self.fields.items()}
        return ReceiptForm(
            car_park=text["car_park"],
            receipt_no=text["receipt_no"],
            amount=text["amount"],
            scan_path=text["scan"].strip() or None,
            day=text["day"],
            time_in=text["time_in"],
            time_out=text["time_out"],
        )

    def submit(self, override_reason: str | None = None) -> None:
        result = parking.record_receipt(
            self.db,
            self.member_id,
            self.session,
            self.form(),
            self.desk,
            self.clock,
            override_reason=override_reason or None,
        )
        self.last_result = result
        if result.recorded:
            self.accept()
            return
        if result.outcome.can_override and override_reason is None:
            reason = self._ask_reason(result)
            if reason:
                self.submit(reason)
                return
        self.show_result(result)

    def _ask_reason(self, result: HandoutResult) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Confirmer le justificatif"),
            handout_wording.override_prompt(result),
        )
        reason = " ".join(text.split()) if ok else ""
        return reason or None

    def show_result(self, result: HandoutResult) -> None:
        """Errors under their fields (or under the form); the typed text stays as it is."""
        self.clear_errors()
        errors = list(result.errors)
        if result.outcome is HandoutOutcome.DUPLICATE_RECEIPT:
            prior = result.prior[0] if result.prior else None
            message = self.tr("Ce justificatif a déjà été saisi")
            if prior:
                message += " " + handout_wording.prior_text(prior)
            errors.append(FieldError("receipt_no", message + "."))
        if not errors:
            _, text = handout_wording.for_handout(result)
            self.general_error.setText(text)
            self.general_error.show()
            self.adjustSize()
            return
        for error in errors:
            label = self.errors.get(error.field, self.general_error)
            previous = label.text()
            line = f"{ICONS[Role.ERROR]} {error.message}"
            label.setText(f"{previous}\n{line}" if previous else line)
            label.show()
        self.adjustSize()
        first = next((e.field for e in errors if e.field in self.fields), None)
        if first:
            self.fields[first].setFocus()
            self.fields[first].selectAll()

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear()
            label.hide()


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
