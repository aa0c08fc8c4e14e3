"""The catalogue of ticket products, the second tab of the sessions screen (through
`tickets.save_product`): name, unit price, validity window, free travel, active. Every error
shows under its field and nothing typed is lost; moving to another product, or a new one,
asks first about unsaved typing."""

from datetime import date

import sqlite_utils
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.money import AmountProblem, cents_to_input, format_cents, parse_cents
from desktop.models.tickets import ProductOutcome, TicketProduct, products, save_product
from desktop.ui.controls import push_button
from desktop.ui.screen_fit import large_text, scroll_page, wrapping_list
from desktop.ui.session_form import FieldForm, ask_unsaved, day_text, parse_day


class ProductsPage(QWidget):
    """The products tab. Signals: `product_saved(product_id)` after each save, `status(text)`
    for the screen's status line."""

    product_saved = Signal(str)
    status = Signal(str)

    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.catalogue: list[TicketProduct] = []
        self.product_list = wrapping_list(
            "productList", self.tr("Catalogue des produits tickets"), lines_at_large_text=5
        )
        self.product_list.currentRowChanged.connect(self._product_chosen)
        self.product_form = FieldForm(self, "product")
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
        new = push_button(
            self.tr("N&ouveau produit (Ctrl+N)"),
            "newProductButton",
            self.tr("Nouveau produit"),
            self.new_product,
        )
        save = push_button(
            self.tr("&Enregistrer le produit (Ctrl+S)"),
            "saveProductButton",
            self.tr("Enregistrer le produit"),
            self.save_current_product,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addStretch(1)
        buttons.addWidget(save)
        right = QVBoxLayout()
        right.addLayout(form.layout)
        right.addStretch(1)
        right.addLayout(buttons)
        if large_text():
            # 150-200 %: beside the list the form cut its buttons' text on a laptop; the list,
            # then the form, on a page that scrolls.
            scrolled, column = scroll_page(self, "productPage")
            column.addWidget(self.product_list)
            column.addLayout(right)
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            outer.addWidget(scrolled)
        else:
            row = QHBoxLayout(self)
            row.addWidget(self.product_list)
            row.addLayout(right, 1)
        self.editing_product_id = ""
        self.product_dirty = False
        self._product_row = -1

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
            text += " " + self.tr("dès le {day}").format(day=day_text(product.valid_from))
        if product.valid_until:
            text += " " + self.tr("jusqu'au {day}").format(day=day_text(product.valid_until))
        if not product.active:
            text += " " + self.tr("(inactif)")
        return text

    def _product_touched(self, *_: object) -> None:
        self.product_dirty = True

    def _product_chosen(self, row: int) -> None:
        if row == self._product_row:
            return
        target = self.catalogue[row].id if 0 <= row < len(self.catalogue) else None
        if not self.keep_product_typing():
            self.product_list.blockSignals(True)
            self.product_list.setCurrentRow(self._product_row)
            self.product_list.blockSignals(False)
            return
        self.reload_products(keep=target)

    def keep_product_typing(self) -> bool:
        """True when the product form may be replaced: nothing typed, saved, or discarded."""
        if not self.product_dirty:
            return True
        answer = ask_unsaved(self, self.tr("Le produit modifié n'est pas enregistré."))
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
        self.from_field.setText(day_text(product.valid_from))
        self.until_field.setText(day_text(product.valid_until))
        self.free_field.setChecked(product.free_travel_applies)
        self.active_field.setChecked(product.active)

    def new_product(self) -> None:
        if not self.keep_product_typing():
            return
        self.product_list.clearSelection()
        self.editing_product_id = ""
        self.product_form.clear()
        for edit in (self.name_field, self.price_field, self.from_field, self.until_field):
            edit.clear()
        self.free_field.setChecked(True)
        self.active_field.setChecked(True)
        self.product_dirty = False
        self.status.emit(self.tr("Nouveau produit : saisissez son nom et son prix."))
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
        self.status.emit(
            self.tr("✔ Produit enregistré : {text}").format(text=self._product_text(result.product))
        )
        self.reload_products(keep=result.product.id)
        self.product_saved.emit(result.product.id)
        return True
