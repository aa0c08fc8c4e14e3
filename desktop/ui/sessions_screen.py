"""The office's sessions screen: each session's day, part of day, place, weekend, lunch and
ticket policy (through `session_plan`), and the catalogue of ticket products (products_page).
Keyboard first: Ctrl+1 / Ctrl+2 switch tabs, Ctrl+S saves, Ctrl+N adds a session (a product
on the products tab), Suppr in the list deletes a session entered by mistake (after a question
naming it; never once something was recorded at it). Every error shows under its field or in
the status line and nothing typed is lost. Adding and deleting change the calendar: once the
file has accounts, only a responsable or the bureau does it (or approves it on the spot)."""

import sqlite_utils
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models import session_plan
from desktop.models.clock import Clock
from desktop.models.convention import Session
from desktop.models.journal import Desk
from desktop.models.session_plan import MAX_TICKETS_PER_LINE, SessionEditOutcome
from desktop.ui import session_form
from desktop.ui.controls import literal, push_button
from desktop.ui.field_keys import window_keys_first
from desktop.ui.products_page import ProductsPage
from desktop.ui.screen_fit import fit_to_screen, large_text, scroll_page, wrapping_list
from desktop.ui.session_form import NewSessionDialog, SessionFields, ask_unsaved
from desktop.ui.theme import error_style
from desktop.ui.wording import ICONS, Role, session_title


class SessionsScreen(QDialog):
    """Sessions and ticket products. Signals: `session_saved(session_id)`,
    `session_added(session_id)`, `session_deleted(session_id)` and `product_saved(product_id)`
    after each change (the check-in screen re-reads its sessions)."""

    session_saved = Signal(str)
    session_added = Signal(str)
    session_deleted = Signal(str)
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
        self.quantities: dict[str, QSpinBox] = {}
        self.new_session_dialog: NewSessionDialog | None = None
        self.dirty = False
        self._loading = False
        self._current_row = -1
        self.setObjectName("sessionsScreen")
        self.setWindowTitle(self.tr("Séances et tickets"))
        self.setAccessibleName(self.tr("Séances et produits tickets"))
        # 1040 px wide when the screen has them; a 1024 px screen cut the right edge off.
        fit_to_screen(self, 1040, 580)
        self.products = ProductsPage(db)
        self.products.status.connect(self._say)
        self.products.product_saved.connect(self._product_saved)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sessionsTabs")
        self.tabs.setAccessibleName(self.tr("Séances ou produits tickets"))
        self.tabs.addTab(self._build_sessions(), self.tr("Séances (Ctrl+1)"))
        self.tabs.addTab(self.products, self.tr("Produits tickets (Ctrl+2)"))
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("sessionsStatus")
        self.status.setAccessibleName(self.tr("État de l'enregistrement"))
        close = push_button(
            self.tr("Fermer (Échap)"),
            "closeSessionsButton",
            self.tr("Fermer l'écran des séances"),
            self.reject,
        )
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
            ("Ctrl+N", self.new_current),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        # Suppr deletes the session chosen in the list; in a field it deletes a character.
        # The context is set apart: PySide6 drops a `context=` given with the slot, and the
        # window-wide Suppr asked to delete the session from the lunch box or a button.
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.session_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_session)
        window_keys_first(self)  # Ctrl+S, Ctrl+N from a field too (X11 bindings)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.products.reload_products()
        self.reload_sessions()
        self.session_list.setFocus()

    # --- sessions tab -------------------------------------------------------------------

    def _build_sessions(self) -> QWidget:
        page = QWidget()
        self.session_list = wrapping_list(
            "sessionList", self.tr("Liste des séances"), lines_at_large_text=7
        )
        self.session_list.currentRowChanged.connect(self._session_chosen)
        self.session_form = SessionFields("session")
        form = self.session_form
        self.day_field, self.part_field, self.place_field = (
            form.day_field,
            form.part_field,
            form.place_field,
        )
        self.weekend_field, self.lunch_field, self.label_field = (
            form.weekend_field,
            form.lunch_field,
            form.label_field,
        )
        self.policy_box = QFormLayout()
        policy_title = QLabel(self.tr("Tickets remis par présence (0 : aucun)"))
        policy_title.setStyleSheet("font-weight: bold;")
        self.policy_error = QLabel(wordWrap=True)
        self.policy_error.setObjectName("sessionPolicyError")
        self.policy_error.setStyleSheet(error_style())
        self.policy_error.hide()
        # Adding and deleting act on the list: under it; saving acts on the form: under it.
        list_buttons = QVBoxLayout() if large_text() else QHBoxLayout()
        save = None
        for text, name, slot in (
            (self.tr("&Ajouter une séance… (Ctrl+N)"), "addSessionButton", self.add_session),
            (self.tr("S&upprimer la séance (Suppr)"), "deleteSessionButton", self.delete_session),
            (self.tr("&Enregistrer la séance (Ctrl+S)"), "saveSessionButton", self.save_session),
        ):
            button = push_button(text, name, text.replace("&", "").split(" (")[0].rstrip("…"), slot)
            if name == "saveSessionButton":
                save = button
            else:
                list_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.session_list, 1)
        left.addLayout(list_buttons)
        right = QVBoxLayout()
        right.addWidget(form)
        right.addWidget(policy_title)
        right.addLayout(self.policy_box)
        right.addWidget(self.policy_error)
        right.addStretch(1)
        right.addWidget(save)
        if large_text():
            # 150-200 %: side by side they need some 1 500 px and overlapped on a laptop; the
            # list, then the form, on a page that scrolls.
            scrolled, column = scroll_page(page, "sessionPage")
            column.addLayout(left)
            column.addLayout(right)
            outer = QVBoxLayout(page)
            outer.setContentsMargins(0, 0, 0, 0)
            outer.addWidget(scrolled)
            return page
        row = QHBoxLayout(page)
        row.addLayout(left)
        row.addLayout(right, 1)
        for edit in form.line_edits:
            edit.returnPressed.connect(self.save_session)
        form.touched.connect(self._touched)
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
        self._current_row = row if self.plans else -1
        self.show_session(row)

    def _session_text(self, plan: session_plan.SessionPlan) -> str:
        lunch = self.tr("repas") if plan.session.lunch else self.tr("sans repas")
        tickets = ", ".join(f"{line.quantity} × {line.product.name}" for line in plan.tickets)
        return f"{session_title(plan.session)} — {lunch}" + (f" — {tickets}" if tickets else "")

    def _session_chosen(self, row: int) -> None:
        if self._loading or row == self._current_row:
            return
        if self.dirty and self._current_row >= 0:
            target = self.plans[row].session.id if 0 <= row < len(self.plans) else None
            answer = ask_unsaved(self, self.tr("La séance modifiée n'est pas enregistrée."))
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
        self._loading = True
        self.session_form.fill(plan.session)
        self.policy_error.hide()
        self._build_policy(plan)
        self._loading = False
        self.dirty = False

    def _build_policy(self, plan: session_plan.SessionPlan) -> None:
        while self.policy_box.rowCount():
            self.policy_box.removeRow(0)
        self.quantities = {}
        planned = {line.product.id: line.quantity for line in plan.tickets}
        for product in self.products.catalogue:
            if not product.active and product.id not in planned:
                continue
            spin = QSpinBox()
            spin.setRange(0, MAX_TICKETS_PER_LINE)
            spin.setValue(planned.get(product.id, 0))
            spin.setObjectName(f"policy_{product.id}")
            spin.setAccessibleName(self.tr("Quantité de {name}").format(name=product.name))
            spin.valueChanged.connect(self._touched)
            self.quantities[product.id] = spin
            label = QLabel(literal(product.name) + " ×")  # the label names its box
            label.setBuddy(spin)
            self.policy_box.addRow(label, spin)
        window_keys_first(self)  # the new quantities too

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
        self.policy_error.hide()
        typed = self.session_form.read()
        if typed is None:
            return False
        session = Session(
            plan.session.id,
            typed.day,
            typed.part,
            typed.place,
            typed.weekend,
            typed.lunch,
            typed.label,
        )
        if not session_form.approve_calendar_change(
            self, self.db, self.clock, self.desk.agent, self.tr("Modifier la séance")
        ):
            self._say(self._not_allowed(), error=True)
            return False
        outcome = session_plan.update_session(self.db, session)
        if outcome is SessionEditOutcome.SAVED:
            lines = [(pid, spin.value()) for pid, spin in self.quantities.items() if spin.value()]
            outcome = session_plan.set_ticket_policy(self.db, session.id, lines)
        if outcome is not SessionEditOutcome.SAVED:
            clash = session_plan.clashing_session(self.db, session.day, session.part, session.id)
            if not self.session_form.show_refusal(outcome, clash):
                self._policy_refusal(outcome)
            return False
        self.dirty = False
        self.session_saved.emit(session.id)
        self.reload_sessions(keep=session.id)
        shown = self.current_plan()
        title = session_title(shown.session) if shown else ""
        self._say(self.tr("✔ Séance enregistrée : {title}").format(title=title))
        return True

    def _policy_refusal(self, outcome: SessionEditOutcome) -> None:
        messages = {
            SessionEditOutcome.NOT_FOUND: self.tr("Cette séance n'existe plus."),
            SessionEditOutcome.UNKNOWN_PRODUCT: self.tr("Un produit n'existe plus."),
            SessionEditOutcome.INVALID_QUANTITY: self.tr("De 1 à {n} tickets par produit.").format(
                n=MAX_TICKETS_PER_LINE
            ),
            SessionEditOutcome.DUPLICATE_PRODUCT: self.tr("Un produit figure deux fois."),
        }
        self.policy_error.setText(f"{ICONS[Role.ERROR]} {messages.get(outcome, '')}")
        self.policy_error.show()

    # --- adding and deleting sessions ---------------------------------------------------

    def add_session(self) -> None:
        """Ctrl+N on the sessions tab: the new-session form, once the change is allowed."""
        self.tabs.setCurrentIndex(0)
        if self.new_session_dialog is not None and self.new_session_dialog.isVisible():
            self.new_session_dialog.activateWindow()
            return
        if not self._keep_session_typing():
            return
        action = self.tr("Ajouter une séance")
        if not session_form.approve_calendar_change(
            self, self.db, self.clock, self.desk.agent, action
        ):
            self._say(self._not_allowed(), error=True)
            self._keys_back()
            return
        shown = self.current_plan()
        dialog = NewSessionDialog(self.db, shown.session.place if shown else "", self)
        dialog.created.connect(self._session_added)
        dialog.finished.connect(lambda _code: self._keys_back())
        self.new_session_dialog = dialog
        dialog.open()

    def _session_added(self, session_id: str) -> None:
        self.reload_sessions(keep=session_id)
        plan = session_plan.session_plan(self.db, session_id)
        if plan is not None:
            text = self.tr("✔ Séance ajoutée : {title}").format(title=session_title(plan.session))
            tickets = ", ".join(f"{line.quantity} × {line.product.name}" for line in plan.tickets)
            text += " — " + (
                self.tr("tickets : {tickets}").format(tickets=tickets)
                if tickets
                else self.tr("sans tickets")
            )
            self._say(text)
        self.session_added.emit(session_id)

    def delete_session(self) -> None:
        """Suppr: delete the chosen session after a question naming it; refused (in the status
        line) once something was recorded at it."""
        plan = self.current_plan()
        if plan is None:
            return
        session = plan.session
        if session_plan.session_in_use(self.db, session.id):
            self._say(self._in_use(session), error=True)
            return
        if not session_form.confirm_delete(self, session):
            self._say(self.tr("Suppression annulée : la séance est gardée."))
            self._keys_back()
            return
        action = self.tr("Supprimer la séance « {title} »").format(title=session_title(session))
        if not session_form.approve_calendar_change(
            self, self.db, self.clock, self.desk.agent, action
        ):
            self._say(self._not_allowed(), error=True)
            self._keys_back()
            return
        outcome = session_plan.delete_session(self.db, session.id)
        if outcome is SessionEditOutcome.HAS_FACTS:  # recorded meanwhile by another window
            self._say(self._in_use(session), error=True)
            self._keys_back()
            return
        ids = [p.session.id for p in self.plans]
        row = ids.index(session.id)
        after = ids[row + 1] if row + 1 < len(ids) else (ids[row - 1] if row else None)
        self.dirty = False
        self.reload_sessions(keep=after)
        if outcome is SessionEditOutcome.DELETED:
            self._say(self.tr("✔ Séance supprimée : {title}").format(title=session_title(session)))
            self.session_deleted.emit(session.id)
        else:
            self._say(self.tr("Cette séance n'existe plus."), error=True)
        self._keys_back()

    def _keys_back(self) -> None:
        """After a question or a form over the screen: the list has the keys again."""
        self.activateWindow()
        self.session_list.setFocus()

    def _keep_session_typing(self) -> bool:
        """True when the editor may be replaced: nothing typed, saved, or discarded."""
        if not self.dirty:
            return True
        answer = ask_unsaved(self, self.tr("La séance modifiée n'est pas enregistrée."))
        if answer == QMessageBox.StandardButton.Save:
            return self.save_session()
        if answer == QMessageBox.StandardButton.Discard:
            self.show_session(self._current_row)
            return True
        return False

    def _in_use(self, session: Session) -> str:
        return self.tr(
            "« {title} » : des faits y sont déjà enregistrés : la séance ne peut plus être "
            "supprimée ; corrigez-la plutôt."
        ).format(title=session_title(session))

    def _not_allowed(self) -> str:
        return self.tr(
            "Seul un responsable ou le bureau modifie le calendrier : rien n'a été changé."
        )

    # --- shared -------------------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        """The status line; a refusal reads with its icon, in the theme's error colour."""
        self.status.setText(f"{ICONS[Role.ERROR]} {text}" if error else text)
        self.status.setStyleSheet(error_style() if error else "")

    def _product_saved(self, product_id: str) -> None:
        self.product_saved.emit(product_id)
        if not self.dirty:
            self.reload_sessions(keep=self._shown_session_id())

    def _shown_session_id(self) -> str | None:
        plan = self.current_plan()
        return plan.session.id if plan else None

    def save_current(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.save_session()
        else:
            self.products.save_current_product()

    def new_current(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.add_session()
        else:
            self.new_product()

    def new_product(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.products.new_product()

    def reject(self) -> None:
        """Échap: nothing typed is lost without a question."""
        if self._keep_session_typing() and self.products.keep_product_typing():
            super().reject()

    def _tab_changed(self, index: int) -> None:
        (self.session_list if index == 0 else self.products.product_list).setFocus()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Entrée belongs to the fields (save); it must not close the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
