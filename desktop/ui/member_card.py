"""A member's card: presence, meals, tickets and parking receipts across every session
(`handouts.member_history`). A selected hand-out is cancelled with "Annuler…" and a typed reason
(`facts.void_fact`: a counter-entry, the original stays in the log); a selected receipt moves
along reçu → transmis → payé / rejeté (`parking.change_status`, a rejection needs its reason).

Keys: ↑ / ↓ choose a line; Suppr cancels the hand-out; Ctrl+T transmis, Ctrl+P payé,
Ctrl+R rejeté…; Échap closes."""

from collections.abc import Callable

import sqlite_utils
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import parking
from desktop.models.clock import Clock, french_date, paris_hhmm
from desktop.models.facts import PriorFact, VoidOutcome, void_fact
from desktop.models.handouts import MemberHistory, SessionRecord, member_history
from desktop.models.journal import Desk
from desktop.models.money import format_cents
from desktop.models.parking import Receipt, ReceiptStatus, StatusOutcome
from desktop.ui.controls import literal
from desktop.ui.theme import error_style
from desktop.ui.wording import ICONS, Role, session_title

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # (kind, event id) of the fact on the line

# What a line of the card holds, and whether "Annuler…" applies to it.
MEAL, TICKET, RECEIPT, SESSION = "meal.pass", "ticket.handout", "parking.receipt", "session"
VOIDABLE = (MEAL, TICKET, RECEIPT)


def tr(text: str) -> str:
    return QCoreApplication.translate("member_card", text)


def _when(fact: PriorFact) -> str:
    return tr("{time} — {desk}, agent {agent}").format(
        time=fact.local_time, desk=fact.desk_label, agent=fact.agent
    )


class ReasonDialog(QDialog):
    """Ask a typed reason; Entrée with nothing typed shows the error by the field."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.prompt = QLabel(prompt, wordWrap=True)
        self.prompt.setObjectName("reasonPrompt")
        layout.addWidget(self.prompt)
        self.field = QLineEdit()
        self.field.setObjectName("reasonField")
        self.field.setAccessibleName(self.tr("Motif"))
        self.field.setPlaceholderText(self.tr("motif (obligatoire)"))
        self.prompt.setBuddy(self.field)
        layout.addWidget(self.field)
        self.error = QLabel(wordWrap=True)
        self.error.setObjectName("reasonError")
        self.error.setStyleSheet(error_style())
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Confirmer (Entrée)"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Ne rien changer (Échap)"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.setFocus()

    @property
    def reason(self) -> str:
        return " ".join(self.field.text().split())

    def try_accept(self) -> None:
        if not self.reason:
            self.error.setText(f"{ICONS[Role.ERROR]} " + self.tr("Saisissez le motif."))
            self.error.show()
            self.field.setFocus()
            return
        self.accept()


class MemberCardDialog(QDialog):
    """The card of `member_id`. `reason_dialog` is the open reason question (if any);
    `last_message` the last answer shown. Signal `changed(member_id)` after each fact it
    writes (a void, a status change): refresh what shows this member."""

    changed = Signal(str)

    def __init__(
        self,
        db: sqlite_utils.Database,
        desk: Desk,
        clock: Clock,
        member_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.desk = desk
        self.clock = clock
        self.member_id = member_id
        self.history: MemberHistory | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.last_message = ""
        self.setObjectName("memberCard")
        self.setAccessibleName(self.tr("Fiche du membre"))
        self.setMinimumSize(1040, 560)
        self._build()
        for keys, slot in (
            ("Del", self.ask_void),
            ("Ctrl+T", lambda: self.change_status(ReceiptStatus.SENT)),
            ("Ctrl+P", lambda: self.change_status(ReceiptStatus.PAID)),
            ("Ctrl+R", lambda: self.change_status(ReceiptStatus.REJECTED)),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        self.refresh()
        self.tree.setFocus()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("memberCardHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.heading)
        self.facts = QLabel(wordWrap=True)
        self.facts.setObjectName("memberCardFacts")
        layout.addWidget(self.facts)
        self.summary = QLabel(wordWrap=True)
        self.summary.setObjectName("memberCardSummary")
        self.summary.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setObjectName("memberHistoryTree")
        self.tree.setAccessibleName(self.tr("Historique du membre par séance"))
        self.tree.setHeaderLabels(
            [self.tr("Séance / remise"), self.tr("Détail"), self.tr("Quand, où, par qui")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.tree, 1)
        self.line_detail = QLabel(wordWrap=True)  # the chosen line in full (columns may elide)
        self.line_detail.setObjectName("memberCardLineDetail")
        self.line_detail.setAccessibleName(self.tr("Ligne choisie"))
        layout.addWidget(self.line_detail)
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("memberCardMessage")
        self.message.setAccessibleName(self.tr("Résultat de la dernière action"))
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.void_button = self._button("&Annuler la remise… (Suppr)", "voidHandoutButton")
        self.void_button.clicked.connect(self.ask_void)
        self.sent_button = self._button("Transmis (Ctrl+T)", "receiptSentButton")
        self.sent_button.clicked.connect(lambda: self.change_status(ReceiptStatus.SENT))
        self.paid_button = self._button("Payé (Ctrl+P)", "receiptPaidButton")
        self.paid_button.clicked.connect(lambda: self.change_status(ReceiptStatus.PAID))
        self.rejected_button = self._button("Rejeté… (Ctrl+R)", "receiptRejectedButton")
        self.rejected_button.clicked.connect(lambda: self.change_status(ReceiptStatus.REJECTED))
        close = self._button("Fermer (Échap)", "closeMemberCardButton")
        close.clicked.connect(self.reject)
        for button in (self.void_button, self.sent_button, self.paid_button, self.rejected_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(self.tr(text))
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    # --- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the history again; the selected line (or its session) stays selected."""
        chosen = self.selected()
        session_id = self._selected_session_id()
        history = member_history(self.db, self.member_id)
        self.history = history
        member = history.member
        self.setWindowTitle(self.tr("Fiche membre — {name}").format(name=member.display_name))
        self.heading.setText(f"{member.display_name} — {member.commune}")
        parking_text = (
            self.tr("éligible ({reason})").format(reason=member.parking_reason)
            if member.parking_eligible
            else self.tr("non éligible")
        )
        facts = [
            self.tr("Statut : {v}").format(v=member.status),
            self.tr("Pass transport : {v}").format(v=member.pass_status),
            self.tr("Stationnement : {v}").format(v=parking_text),
            self.tr("Menu : {v}").format(v=member.menu),
        ]
        if member.needs_assistance:
            facts.append(
                self.tr("Assistance : {v}").format(v=member.assistance_note or self.tr("oui"))
            )
        self.facts.setText(" · ".join(facts))
        receipts = [r for s in history.sessions for r in s.receipts]
        self.summary.setText(
            self.tr(
                "Présent·e à {n} séance(s) sur {total} — stationnement : {count} justificatif(s), "
                "{amount} (hors rejetés)"
            ).format(
                n=history.attended,
                total=len(history.sessions),
                count=len(receipts),
                amount=format_cents(history.parking_total_cents),
            )
        )
        self.tree.clear()
        for record in history.sessions:
            item = self._session_item(record)
            self.tree.addTopLevelItem(item)
            item.setExpanded(item.childCount() > 0)  # only once in the tree
        self._reselect(chosen, session_id)
        self._update_buttons()

    def _session_item(self, record: SessionRecord) -> QTreeWidgetItem:
        session = record.session
        presence = self.tr("✔ présent·e") if record.present else self.tr("– absent·e")
        lunch = "" if session.lunch else " " + self.tr("(sans repas)")
        when = ""
        if record.checkin is not None:
            checkin = record.checkin
            when = tr("{time} — {desk}, agent {agent}").format(
                time=paris_hhmm(checkin.at), desk=checkin.desk_label, agent=checkin.agent
            )
            if checkin.method == "manuel":
                presence += " " + self.tr("(par nom)")
        item = QTreeWidgetItem([session_title(session) + lunch, presence, when])
        item.setData(0, ITEM_ROLE, (SESSION, session.id))
        for meal in record.meal_passes:
            detail = self.tr("remis")
            served = record.meal_served
            if served is not None and served.payload.get("pass_id") == meal.event_id:
                detail += " — " + self.tr("servi à {time}").format(time=served.local_time)
            self._child(item, MEAL, meal, self.tr("Pass repas"), detail)
        for ticket in record.tickets:
            detail = f"{ticket.quantity} × {ticket.product_name}"
            if ticket.serials:
                detail += " — " + self.tr("n° {serials}").format(serials=", ".join(ticket.serials))
            self._child(item, TICKET, ticket.prior, self.tr("Tickets"), detail)
        for receipt in record.receipts:
            self._child(
                item,
                RECEIPT,
                receipt.recorded,
                self.tr("Stationnement"),
                self._receipt_text(receipt),
            )
        return item

    def _child(
        self, parent: QTreeWidgetItem, kind: str, fact: PriorFact, title: str, detail: str
    ) -> None:
        if fact.override_reason:
            detail += " — " + self.tr("remis quand même : {reason}").format(
                reason=fact.override_reason
            )
        child = QTreeWidgetItem([title, detail, _when(fact)])
        child.setData(0, ITEM_ROLE, (kind, fact.event_id))
        for column in range(3):
            child.setData(column, Qt.ItemDataRole.AccessibleTextRole, child.text(column))
            child.setToolTip(column, child.text(column))
        parent.addChild(child)

    def _receipt_text(self, receipt: Receipt) -> str:
        """The status first (the column may be narrow), then the receipt itself."""
        text = self.tr("statut : {status} — {amount} — {park}, n° {number}, du {day}").format(
            status=receipt.status.value,
            amount=format_cents(receipt.amount_cents),
            park=receipt.car_park,
            number=receipt.receipt_no,
            day=french_date(receipt.day),
        )
        if receipt.changes:
            last = receipt.changes[-1]
            note = str(last.payload.get("note") or "")
            text += " — " + self.tr("{status} à {time} par {agent}{note}").format(
                status=receipt.status.value,
                time=last.local_time,
                agent=last.agent,
                note=f" : {note}" if note else "",
            )
        return text

    def _reselect(self, chosen: tuple[str, str] | None, session_id: str | None) -> None:
        tops = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        fallback = next(
            (t for t in tops if t and t.data(0, ITEM_ROLE) == (SESSION, session_id)), None
        )
        for top in tops:
            children = [top.child(i) for i in range(top.childCount())] if top else []
            for child in children:
                if child is not None and chosen is not None and child.data(0, ITEM_ROLE) == chosen:
                    self.tree.setCurrentItem(child)
                    return
        first = fallback or (tops[0] if tops else None)
        if first is not None:
            self.tree.setCurrentItem(first)

    # --- selection ----------------------------------------------------------------------

    def selected(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        value = item.data(0, ITEM_ROLE) if item is not None else None
        return (str(value[0]), str(value[1])) if value else None

    def _selected_session_id(self) -> str | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        value = item.data(0, ITEM_ROLE) if item is not None else None
        return str(value[1]) if value else None

    def selected_receipt(self) -> Receipt | None:
        chosen = self.selected()
        if chosen is None or chosen[0] != RECEIPT:
            return None
        return parking.get_receipt(self.db, chosen[1])

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        self.line_detail.setText(
            " — ".join(t for t in (item.text(c) for c in range(3)) if t) if item else ""
        )
        chosen = self.selected()
        self.void_button.setEnabled(chosen is not None and chosen[0] in VOIDABLE)
        receipt = self.selected_receipt()
        allowed = parking.TRANSITIONS[receipt.status] if receipt else frozenset()
        self.sent_button.setEnabled(ReceiptStatus.SENT in allowed)
        self.paid_button.setEnabled(ReceiptStatus.PAID in allowed)
        self.rejected_button.setEnabled(ReceiptStatus.REJECTED in allowed)

    # --- actions ------------------------------------------------------------------------

    def _say(self, role: Role, text: str) -> None:
        self.last_message = f"{ICONS[role]} {text}"
        self.message.setText(self.last_message)
        self.message.setStyleSheet(  # the theme's text colours, high contrast included
            error_style()
            if role is Role.ERROR
            else "color: palette(window-text); font-weight: bold;"
        )

    def _ask(self, title: str, prompt: str, then: Callable[[str], None]) -> ReasonDialog:
        dialog = ReasonDialog(title, prompt, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: then(dialog.reason))
        dialog.finished.connect(lambda _code: self._asked())
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _asked(self) -> None:
        self.reason_dialog = None
        self.tree.setFocus()

    def ask_void(self) -> ReasonDialog | None:
        chosen = self.selected()
        item = self.tree.currentItem()
        if chosen is None or chosen[0] not in VOIDABLE or item is None:
            self._say(
                Role.INFO, self.tr("Choisissez d'abord une remise (repas, tickets, justificatif).")
            )
            return None
        # The question's label names the reason field: a product, a car park or a receipt number
        # typed with '&' ("Aller & retour") must not become its Alt letter nor lose the '&'.
        what = literal(f"{item.text(0)} : {item.text(1)} ({item.text(2)})")
        prompt = self.tr(
            "Annuler « {what} » ?\nL'original reste dans le journal ; une contre-écriture "
            "l'annule. &Motif :"
        ).format(what=what)
        return self._ask(self.tr("Annuler une remise"), prompt, lambda r: self._void(chosen[1], r))

    def _void(self, event_id: str, reason: str) -> None:
        outcome = void_fact(self.db, event_id, reason, self.desk, self.clock)
        messages = {
            VoidOutcome.VOIDED: (Role.SUCCESS, self.tr("Remise annulée (motif : {reason}).")),
            VoidOutcome.ALREADY_VOIDED: (Role.ERROR, self.tr("Cette remise était déjà annulée.")),
            VoidOutcome.NOT_FOUND: (Role.ERROR, self.tr("Cette remise est introuvable.")),
            VoidOutcome.NOT_VOIDABLE: (Role.ERROR, self.tr("Cette ligne ne s'annule pas ici.")),
            VoidOutcome.REASON_REQUIRED: (Role.ERROR, self.tr("Un motif est obligatoire.")),
        }
        role, text = messages[outcome]
        self.refresh()
        if outcome is VoidOutcome.VOIDED:
            self.changed.emit(self.member_id)
        self._say(role, text.format(reason=reason))

    def change_status(self, status: ReceiptStatus) -> ReasonDialog | None:
        receipt = self.selected_receipt()
        if receipt is None:
            self._say(Role.INFO, self.tr("Choisissez d'abord un justificatif de stationnement."))
            return None
        if status not in parking.TRANSITIONS[receipt.status]:
            self._say(
                Role.ERROR,
                self.tr("Un justificatif « {now} » ne peut pas passer à « {to} ».").format(
                    now=receipt.status.value, to=status.value
                ),
            )
            return None
        if status is ReceiptStatus.REJECTED:
            prompt = self.tr("Rejeter le justificatif {park} n° {number} ({amount}). &Motif :")
            prompt = prompt.format(  # typed texts shown as typed before « &Motif »
                park=literal(receipt.car_park),
                number=literal(receipt.receipt_no),
                amount=format_cents(receipt.amount_cents),
            )
            return self._ask(
                self.tr("Rejeter un justificatif"),
                prompt,
                lambda reason: self._change(receipt.event_id, status, reason),
            )
        self._change(receipt.event_id, status, "")
        return None

    def _change(self, receipt_id: str, status: ReceiptStatus, note: str) -> None:
        result = parking.change_status(self.db, receipt_id, status, self.desk, self.clock, note)
        self.refresh()
        if result.outcome is StatusOutcome.CHANGED:
            self.changed.emit(self.member_id)
            self._say(Role.SUCCESS, self.tr("Justificatif : {status}.").format(status=status.value))
        elif result.outcome is StatusOutcome.REASON_REQUIRED:
            self._say(Role.ERROR, self.tr("Un rejet demande son motif."))
        elif result.outcome is StatusOutcome.ILLEGAL_TRANSITION:
            self._say(Role.ERROR, self.tr("Ce changement de statut n'est pas possible."))
        else:
            self._say(Role.ERROR, self.tr("Ce justificatif est introuvable (annulé ?)."))
