"""The office's sessions screen: each session's day, part of day, place, weekend, lunch and
ticket policy (through `session_plan`), and the catalogue of ticket products (through
`tickets.save_product`). Keyboard first: Ctrl+1 / Ctrl+2 switch tabs, Ctrl+S saves, Ctrl+N
starts a new product; every error shows under its field and nothing typed is lost."""

import re
from datetime import date

import sqlite_utils
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models import session_plan
from desktop.models.clock import Clock
from desktop.models.convention import PARTS, Session
from desktop.models.journal import Desk
from desktop.models.money import AmountProblem, cents_to_input, format_cents, parse_cents
from desktop.models.session_plan import MAX_TICKETS_PER_LINE, SessionEditOutcome
from desktop.models.tickets import ProductOutcome, TicketProduct, products, save_product
from desktop.ui.theme import error_style
from desktop.ui.wording import ICONS, Role

_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_day(text: str) -> date | None:
    """ "11/11/2023" (or ISO "2023-11-11") -> date; None when it is not a date."""
    value = text.strip()
    match = _DAY.fullmatch(value)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(value)
    except ValueError:
        return None


def _day_text(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


class _Form:
    """Labelled fields, each with its error label underneath."""

    def __init__(self, owner: QWidget, prefix: str) -> None:
        self.owner = owner
        self.prefix = prefix
        self.layout = QFormLayout()
        self.errors: dict[str, QLabel] = {}

    def add(self, name: str, text: str, widget: QWidget) -> None:
        widget.setObjectName(f"{self.prefix}{name[0].upper()}{name[1:]}Field")
        widget.setAccessibleName(text.replace("&", "").rstrip(" :"))
        error = QLabel(wordWrap=True)
        error.setObjectName(f"{self.prefix}{name[0].upper()}{name[1:]}Error")
        error.setStyleSheet(error_style())
        error.hide()
        self.errors[name] = error
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        label = QLabel(text)
        label.setBuddy(widget)
        self.layout.addRow(label, box)

    def clear(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def error(self, name: str, message: str, focus: QWidget | None = None) -> None:
        label = self.errors[name]
        label.setText(f"{ICONS[Role.ERROR]} {message}")
        label.show()
        if focus is not None:
            focus.setFocus()
            if isinstance(focus, QLineEdit):
                focus.selectAll()


class SessionsScreen(QDialog):
    """Sessions and ticket products. Signals: `session_saved(session_id)` and
    `product_saved(product_id)` after each save (the check-in screen re-reads its session)."""

    session_saved = Signal(str)
    product_saved = Signal(str)

    def __init__(
        self,
        db: sqlite_utils.Database,
        desk: Desk,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.desk = desk
        self.clock = clock
        self.plans: list[session_plan.SessionPlan] = []
        self.catalogue: list[TicketProduct] = []
        self.quantities: dict[str, QSpinBox] = {}
        self.dirty = False
        self._loading = False
        self._current_row = -1
        self.setObjectName("sessionsScreen")
        self.setWindowTitle(self.tr("Séances et tickets"))
        self.setAccessibleName(self.tr("Séances et produits tickets"))
        self.setMinimumSize(1040, 580)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sessionsTabs")
        self.tabs.addTab(self._build_sessions(), self.tr("Séances (Ctrl+1)"))
        self.tabs.addTab(self._build_products(), self.tr("Produits tickets (Ctrl+2)"))
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("sessionsStatus")
        self.status.setAccessibleName(self.tr("État de l'enregistrement"))
        close = QPushButton(self.tr("Fermer (Échap)"))
        close.setObjectName("closeSessionsButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(bottom)
        for keys, slot in (
            ("Ctrl+1", lambda: self.tabs.setCurrentIndex(0)),
            ("Ctrl+2", lambda: self.tabs.setCurrentIndex(1)),
            ("Ctrl+S", self.save_current),
            ("Ctrl+N", self.new_product),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.reload_products()
        self.reload_sessions()
        self.session_list.setFocus()

    # --- sessions tab -------------------------------------------------------------------

    def _build_sessions(self) -> QWidget:
        page = QWidget()
        self.session_list = QListWidget()
        self.session_list.setObjectName("sessionList")
        self.session_list.setAccessibleName(self.tr("Liste des séances"))
        self.session_list.setMinimumWidth(400)
        self.session_list.setWordWrap(True)  # a session's whole line, never cut
        self.session_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.session_list.currentRowChanged.connect(self._session_chosen)
        self.session_form = _Form(page, "session")
        self.day_field = QLineEdit(placeholderText=self.tr("JJ/MM/AAAA"))
        self.part_field = QComboBox()
        self.part_field.addItems(list(PARTS))
        self.place_field = QLineEdit()
        self.weekend_field = QLineEdit(placeholderText=self.tr("1, 2, 3… (vide : hors week-end)"))
        self.lunch_field = QCheckBox(self.tr("déjeuner fourni (pass repas)"))
        self.label_field = QLineEdit()
        form = self.session_form
        form.add("day", self.tr("&Date :"), self.day_field)
        form.add("part", self.tr("&Partie de journée :"), self.part_field)
        form.add("place", self.tr("&Lieu :"), self.place_field)
        form.add("weekend", self.tr("&Week-end n° :"), self.weekend_field)
        form.add("lunch", self.tr("&Repas :"), self.lunch_field)
        form.add("label", self.tr("Li&bellé :"), self.label_field)
        self.policy_box = QFormLayout()
        policy_title = QLabel(self.tr("Tickets remis par présence (0 : aucun)"))
        policy_title.setStyleSheet("font-weight: bold;")
        self.policy_error = QLabel(wordWrap=True)
        self.policy_error.setObjectName("sessionPolicyError")
        self.policy_error.setStyleSheet(error_style())
        self.policy_error.hide()
        save = QPushButton(self.tr("&Enregistrer la séance (Ctrl+S)"))
        save.setObjectName("saveSessionButton")
        save.setAutoDefault(False)
        save.clicked.connect(self.save_session)
        right = QVBoxLayout()
        right.addLayout(form.layout)
        right.addWidget(policy_title)
        right.addLayout(self.policy_box)
        right.addWidget(self.policy_error)
        right.addStretch(1)
        right.addWidget(save)
        row = QHBoxLayout(page)
        row.addWidget(self.session_list)
        row.addLayout(right, 1)
        for edit in (self.day_field, self.place_field, self.weekend_field, self.label_field):
            edit.textEdited.connect(self._touched)
            edit.returnPressed.connect(self.save_session)
        self.part_field.currentIndexChanged.connect(self._touched)
        self.lunch_field.toggled.connect(self._touched)
        return page

    def reload_sessions(self, keep: str | None = None) -> None:
        self.plans = session_plan.session_plans(self.db)
        self._loading = True
        self.session_list.clear()
        for plan in self.plans:
            self.session_list.addItem(self._session_text(plan))
        ids = [plan.session.id for plan in self.plans]
        row = ids.index(keep) if keep in ids else 0
        self.session_list.setCurrentRow(row)
        self._loading = False
        self._current_row = row
        self.show_session(row)

    def _session_text(self, plan: session_plan.SessionPlan) -> str:
        lunch = self.tr("repas") if plan.session.lunch else self.tr("sans repas")
        tickets = ", ".join(f"{line.quantity} × {line.product.name}" for line in plan.tickets)
        return f"{plan.session.title} — {lunch}" + (f" — {tickets}" if tickets else "")

    def _session_chosen(self, row: int) -> None:
        if self._loading or row == self._current_row:
            return
        if self.dirty and self._current_row >= 0:
            target = self.plans[row].session.id if 0 <= row < len(self.plans) else None
            answer = self._ask_unsaved(self.tr("La séance modifiée n'est pas enregistrée."))
            saved = answer == QMessageBox.StandardButton.Save and self.save_session()
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not saved
            ):
                self._loading = True
                self.session_list.setCurrentRow(self._current_row)
                self._loading = False
                return
            if saved:
                self.reload_sessions(keep=target)
                return
        self._current_row = row
        self.show_session(row)

    def show_session(self, row: int) -> None:
        if not 0 <= row < len(self.plans):
            return
        plan = self.plans[row]
        session = plan.session
        self._loading = True
        self.session_form.clear()
        self.policy_error.hide()
        self.day_field.setText(_day_text(session.day))
        self.part_field.setCurrentText(session.part)
        self.place_field.setText(session.place)
        self.weekend_field.setText("" if session.weekend is None else str(session.weekend))
        self.lunch_field.setChecked(session.lunch)
        self.label_field.setText(session.label)
        self._build_policy(plan)
        self._loading = False
        self.dirty = False

    def _build_policy(self, plan: session_plan.SessionPlan) -> None:
        while self.policy_box.rowCount():
            self.policy_box.removeRow(0)
        self.quantities = {}
        planned = {line.product.id: line.quantity for line in plan.tickets}
        for product in self.catalogue:
            if not product.active and product.id not in planned:
                continue
            spin = QSpinBox()
            spin.setRange(0, MAX_TICKETS_PER_LINE)
            spin.setValue(planned.get(product.id, 0))
            spin.setObjectName(f"policy_{product.id}")
            spin.setAccessibleName(self.tr("Quantité de {name}").format(name=product.name))
            spin.valueChanged.connect(self._touched)
            self.quantities[product.id] = spin
            self.policy_box.addRow(QLabel(product.name + " ×"), spin)

    def _touched(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True

    def current_plan(self) -> session_plan.SessionPlan | None:
        row = self._current_row  # the session shown in the form (the list may have moved)
        return self.plans[row] if 0 <= row < len(self.plans) else None

    def save_session(self) -> bool:
        """Save the shown session and its ticket policy; False (errors shown) otherwise."""
        plan = self.current_plan()
        if plan is None:
            return False
        form = self.session_form
        form.clear()
        self.policy_error.hide()
        day = parse_day(self.day_field.text())
        if day is None:
            form.error(
                "day",
                self.tr("« {text} » n'est pas une date : saisissez JJ/MM/AAAA.").format(
                    text=self.day_field.text()
                ),
                self.day_field,
            )
            return False
        weekend_text = self.weekend_field.text().strip()
        if weekend_text and not (weekend_text.isdigit() and 1 <= int(weekend_text) <= 9):
            form.error(
                "weekend",
                self.tr("Le week-end est un numéro de 1 à 9, ou vide."),
                self.weekend_field,
            )
            return False
        session = Session(
            id=plan.session.id,
            day=day,
            part=self.part_field.currentText(),
            place=self.place_field.text(),
            weekend=int(weekend_text) if weekend_text else None,
            lunch=self.lunch_field.isChecked(),
            label=self.label_field.text(),
        )
        outcome = session_plan.update_session(self.db, session)
        if outcome is SessionEditOutcome.SAVED:
            lines = [(pid, spin.value()) for pid, spin in self.quantities.items() if spin.value()]
            outcome = session_plan.set_ticket_policy(self.db, session.id, lines)
        if outcome is not SessionEditOutcome.SAVED:
            self._session_error(outcome)
            return False
        self.dirty = False
        self.session_saved.emit(session.id)
        self.reload_sessions(keep=session.id)
        shown = self.current_plan()
        title = shown.session.title if shown else ""
        self.status.setText(self.tr("✔ Séance enregistrée : {title}").format(title=title))
        return True

    def _session_error(self, outcome: SessionEditOutcome) -> None:
        form = self.session_form
        if outcome is SessionEditOutcome.EMPTY_PLACE:
            form.error("place", self.tr("Indiquez le lieu de la séance."), self.place_field)
        elif outcome is SessionEditOutcome.EMPTY_LABEL:
            form.error("label", self.tr("Indiquez le libellé de la séance."), self.label_field)
        elif outcome is SessionEditOutcome.INVALID_PART:
            form.error("part", self.tr("Partie de journée inconnue."), self.part_field)
        else:
            messages = {
                SessionEditOutcome.NOT_FOUND: self.tr("Cette séance n'existe plus."),
                SessionEditOutcome.UNKNOWN_PRODUCT: self.tr("Un produit n'existe plus."),
                SessionEditOutcome.INVALID_QUANTITY: self.tr(
                    "De 1 à {n} tickets par produit."
                ).format(n=MAX_TICKETS_PER_LINE),
                SessionEditOutcome.DUPLICATE_PRODUCT: self.tr("Un produit figure deux fois."),
            }
            self.policy_error.setText(f"{ICONS[Role.ERROR]} {messages.get(outcome, '')}")
            self.policy_error.show()

    # --- products tab -------------------------------------------------------------------

    def _build_products(self) -> QWidget:
        page = QWidget()
        self.product_list = QListWidget()
        self.product_list.setObjectName("productList")
        self.product_list.setAccessibleName(self.tr("Catalogue des produits tickets"))
        self.product_list.setMinimumWidth(400)
        self.product_list.setWordWrap(True)  # a session's whole line, never cut
        self.product_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.product_list.currentRowChanged.connect(self._product_chosen)
        self.product_form = _Form(page, "product")
        self.name_field = QLineEdit()
        self.price_field = QLineEdit(placeholderText=self.tr("ex. 1,60"))
        self.from_field = QLineEdit(placeholderText=self.tr("JJ/MM/AAAA (vide : sans début)"))
        self.until_field = QLineEdit(placeholderText=self.tr("JJ/MM/AAAA (vide : sans fin)"))
        self.free_field = QCheckBox(self.tr("inutile pour un titulaire de pass ou en gratuité"))
        self.active_field = QCheckBox(self.tr("proposé aux guichets"))
        form = self.product_form
        form.add("name", self.tr("&Nom :"), self.name_field)
        form.add("price", self.tr("&Prix unitaire (€) :"), self.price_field)
        form.add("validFrom", self.tr("Valable &du :"), self.from_field)
        form.add("validUntil", self.tr("Valable &jusqu'au :"), self.until_field)
        form.add("free", self.tr("&Gratuité :"), self.free_field)
        form.add("active", self.tr("&Actif :"), self.active_field)
        for edit in (self.name_field, self.price_field, self.from_field, self.until_field):
            edit.returnPressed.connect(self.save_current_product)
            edit.textEdited.connect(self._product_touched)
        for box in (self.free_field, self.active_field):
            box.clicked.connect(self._product_touched)  # by the agent only (Espace, click)
        new = QPushButton(self.tr("N&ouveau produit (Ctrl+N)"))
        new.setObjectName("newProductButton")
        new.setAutoDefault(False)
        new.clicked.connect(self.new_product)
        save = QPushButton(self.tr("&Enregistrer le produit (Ctrl+S)"))
        save.setObjectName("saveProductButton")
        save.setAutoDefault(False)
        save.clicked.connect(self.save_current_product)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addStretch(1)
        buttons.addWidget(save)
        right = QVBoxLayout()
        right.addLayout(form.layout)
        right.addStretch(1)
        right.addLayout(buttons)
        row = QHBoxLayout(page)
        row.addWidget(self.product_list)
        row.addLayout(right, 1)
        self.editing_product_id = ""
        self.product_dirty = False
        self._product_row = -1
        return page

    def reload_products(self, keep: str | None = None) -> None:
        self.catalogue = products(self.db, include_inactive=True)
        self.product_list.blockSignals(True)
        self.product_list.clear()
        for product in self.catalogue:
            self.product_list.addItem(self._product_text(product))
        ids = [p.id for p in self.catalogue]
        row = ids.index(keep) if keep in ids else 0
        self.product_list.setCurrentRow(row)
        self.product_list.blockSignals(False)
        self.show_product(row)

    def _product_text(self, product: TicketProduct) -> str:
        text = f"{product.name} — {format_cents(product.unit_price_cents)}"
        if product.valid_from:
            text += " " + self.tr("dès le {day}").format(day=_day_text(product.valid_from))
        if product.valid_until:
            text += " " + self.tr("jusqu'au {day}").format(day=_day_text(product.valid_until))
        if not product.active:
            text += " " + self.tr("(inactif)")
        return text

    def _product_touched(self, *_: object) -> None:
        self.product_dirty = True

    def _product_chosen(self, row: int) -> None:
        if row == self._product_row:
            return
        target = self.catalogue[row].id if 0 <= row < len(self.catalogue) else None
        if not self._keep_product_typing():
            self.product_list.blockSignals(True)
            self.product_list.setCurrentRow(self._product_row)
            self.product_list.blockSignals(False)
            return
        self.reload_products(keep=target)

    def _keep_product_typing(self) -> bool:
        """True when the product form may be replaced: nothing typed, saved, or discarded."""
        if not self.product_dirty:
            return True
        answer = self._ask_unsaved(self.tr("Le produit modifié n'est pas enregistré."))
        if answer == QMessageBox.StandardButton.Save:
            return self._save_product()
        return answer == QMessageBox.StandardButton.Discard

    def show_product(self, row: int) -> None:
        self.product_form.clear()
        self._product_row = row
        self.product_dirty = False
        if not 0 <= row < len(self.catalogue):
            return
        product = self.catalogue[row]
        self.editing_product_id = product.id
        self.name_field.setText(product.name)
        self.price_field.setText(cents_to_input(product.unit_price_cents))
        self.from_field.setText(_day_text(product.valid_from))
        self.until_field.setText(_day_text(product.valid_until))
        self.free_field.setChecked(product.free_travel_applies)
        self.active_field.setChecked(product.active)

    def new_product(self) -> None:
        self.tabs.setCurrentIndex(1)
        if not self._keep_product_typing():
            return
        self.product_list.clearSelection()
        self.editing_product_id = ""
        self.product_form.clear()
        for edit in (self.name_field, self.price_field, self.from_field, self.until_field):
            edit.clear()
        self.free_field.setChecked(True)
        self.active_field.setChecked(True)
        self.product_dirty = False
        self.status.setText(self.tr("Nouveau produit : saisissez son nom et son prix."))
        self.name_field.setFocus()

    def save_current_product(self) -> bool:
        return self._save_product()

    def _save_product(self) -> bool:
        form = self.product_form
        form.clear()
        price = parse_cents(self.price_field.text())
        if price.problem is AmountProblem.ZERO:
            cents = 0
        elif price.cents is None:
            form.error("price", price.message, self.price_field)
            return False
        else:
            cents = price.cents
        days: dict[str, date | None] = {}
        for name, edit in (("validFrom", self.from_field), ("validUntil", self.until_field)):
            text = edit.text().strip()
            days[name] = parse_day(text) if text else None
            if text and days[name] is None:
                message = self.tr("« {text} » n'est pas une date : saisissez JJ/MM/AAAA.")
                form.error(name, message.format(text=text), edit)
                return False
        product = TicketProduct(
            id=self.editing_product_id,
            name=self.name_field.text(),
            unit_price_cents=cents,
            valid_from=days["validFrom"],
            valid_until=days["validUntil"],
            free_travel_applies=self.free_field.isChecked(),
            active=self.active_field.isChecked(),
        )
        result = save_product(self.db, product)
        if result.outcome is ProductOutcome.EMPTY_NAME:
            form.error("name", self.tr("Indiquez le nom du produit."), self.name_field)
        elif result.outcome is ProductOutcome.NAME_TAKEN:
            form.error("name", self.tr("Un autre produit porte déjà ce nom."), self.name_field)
        elif result.outcome is ProductOutcome.NEGATIVE_PRICE:
            form.error("price", self.tr("Le prix ne peut pas être négatif."), self.price_field)
        elif result.outcome is ProductOutcome.DATES_REVERSED:
            message = self.tr("La fin de validité précède son début.")
            form.error("validUntil", message, self.until_field)
        if result.product is None:
            return False
        self.status.setText(
            self.tr("✔ Produit enregistré : {text}").format(text=self._product_text(result.product))
        )
        self.product_saved.emit(result.product.id)
        self.reload_products(keep=result.product.id)
        if not self.dirty:
            self.reload_sessions(keep=self._shown_session_id())
        return True

    def _shown_session_id(self) -> str | None:
        plan = self.current_plan()
        return plan.session.id if plan else None

    # --- shared -------------------------------------------------------------------------

    def save_current(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.save_session()
        else:
            self.save_current_product()

    def _ask_unsaved(self, what: str) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self,
            self.tr("Modifications non enregistrées"),
            what + " " + self.tr("L'enregistrer maintenant ?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def reject(self) -> None:
        """Échap: nothing typed is lost without a question."""
        if self.dirty:
            answer = self._ask_unsaved(self.tr("La séance modifiée n'est pas enregistrée."))
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save_session():
                return
        if self._keep_product_typing():
            super().reject()

    def _tab_changed(self, index: int) -> None:
        (self.session_list if index == 0 else self.product_list).setFocus()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Entrée belongs to the fields (save); it must not close the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
