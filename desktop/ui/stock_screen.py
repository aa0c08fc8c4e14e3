"""This desk's ticket stock of the day: opening count, handed out, returned, spoiled, closing
physical count, difference, expired stock as lost value (`stock.day_stock`). Counts and
movements are entered below the table (`stock.record_count` / `record_movement`); "Clôturer la
journée" (`stock.close_day`) shows the differences first and asks for a typed explanation when
one is not zero. Once closed, the screen says who closed the day, when, and why.

Keys: Alt+P product, Alt+M kind of entry, Alt+Q quantity, Entrée records; Ctrl+L closes the
day, Ctrl+Maj+L reopens it (with a reason); Échap closes the screen."""

from datetime import date
from typing import Any

import sqlite_utils
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import stock
from desktop.models.clock import Clock, french_date, paris_day
from desktop.models.facts import VoidOutcome, void_fact
from desktop.models.journal import Desk
from desktop.models.money import format_cents
from desktop.models.stock import (
    CloseOutcome,
    CloseResult,
    CountMoment,
    DayStock,
    Movement,
    StockLine,
    StockOutcome,
)
from desktop.ui.controls import literal
from desktop.ui.field_keys import window_keys_first
from desktop.ui.member_card import ReasonDialog
from desktop.ui.screen_fit import fit_to_screen, large_text, scroll_page
from desktop.ui.theme import error_style
from desktop.ui.wording import COLOURS, ICONS, Role

_Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("stock_screen", text)


# The kinds of entry, in the order of the "Saisie" list.
ENTRIES: tuple[CountMoment | Movement, ...] = (
    CountMoment.OPENING,
    CountMoment.CLOSING,
    Movement.RETURNED,
    Movement.SPOILED,
)


def difference_text(line: StockLine) -> str:
    """ "−2 (manque)", "+1 (en trop)", "0 (juste)", "à compter": words, never colour alone."""
    if line.difference is None:
        return tr("à compter") if line.active else "—"
    return signed_text(line.difference)


def signed_text(diff: int) -> str:
    if diff < 0:
        return tr("−{n} (manque)").format(n=-diff)
    if diff > 0:
        return tr("+{n} (en trop)").format(n=diff)
    return tr("0 (juste)")


class StockTableModel(QAbstractTableModel):
    """One row per product of the day's sheet (frozen `StockLine`s)."""

    COL_PRODUCT, COL_OPENING, COL_HANDED_OUT, COL_RETURNED, COL_SPOILED = range(5)
    COL_EXPECTED, COL_CLOSING, COL_DIFFERENCE, COL_EXPIRED = range(5, 9)
    HEADERS = (
        QT_TRANSLATE_NOOP("StockTableModel", "Produit"),
        QT_TRANSLATE_NOOP("StockTableModel", "Ouverture"),
        QT_TRANSLATE_NOOP("StockTableModel", "Remis"),
        QT_TRANSLATE_NOOP("StockTableModel", "Retours"),
        QT_TRANSLATE_NOOP("StockTableModel", "Abîmés"),
        QT_TRANSLATE_NOOP("StockTableModel", "Attendu"),
        QT_TRANSLATE_NOOP("StockTableModel", "Compté (clôture)"),
        QT_TRANSLATE_NOOP("StockTableModel", "Écart"),
        QT_TRANSLATE_NOOP("StockTableModel", "Périmé (perte)"),
    )
    DifferenceRole = Qt.ItemDataRole.UserRole + 1  # the signed difference, None until counted
    _WARN_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day_stock: DayStock | None = None

    @property
    def lines(self) -> tuple[StockLine, ...]:
        return self.day_stock.lines if self.day_stock else ()

    def set_stock(self, day_stock: DayStock) -> None:
        self.beginResetModel()
        self.day_stock = day_stock
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(self.HEADERS[section]))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.day_stock is None:
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(line, column)
        if role == self.DifferenceRole:
            return line.difference
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.COL_PRODUCT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in self._WARN_ROLES and column == self.COL_DIFFERENCE and line.difference:
            background, foreground = COLOURS[Role.WARNING]
            return QColor(background if role == Qt.ItemDataRole.BackgroundRole else foreground)
        return None

    def _text(self, line: StockLine, column: int) -> str:
        day = self.day_stock.day if self.day_stock else date.today()
        if column == self.COL_PRODUCT:
            return line.product.name + (" " + tr("(périmé)") if line.expired(day) else "")
        if column == self.COL_OPENING:
            if line.opening_carried:
                return tr("{n} (report)").format(n=line.opening)
            return str(line.opening)
        values = {
            self.COL_HANDED_OUT: line.handed_out,
            self.COL_RETURNED: line.returned,
            self.COL_SPOILED: line.spoiled,
            self.COL_EXPECTED: line.expected,
        }
        if column in values:
            return str(values[column])
        if column == self.COL_CLOSING:
            return "—" if line.closing is None else str(line.closing)
        if column == self.COL_DIFFERENCE:
            return difference_text(line)
        cents = line.expired_value_cents(day)
        return format_cents(cents) if cents else "—"


class CloseDayDialog(QDialog):
    """The differences first, then the explanation (required when one is not zero)."""

    def __init__(self, day_stock: DayStock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeDayDialog")
        title = self.tr("Clôturer la journée du {day}")
        self.setWindowTitle(title.format(day=french_date(day_stock.day)))
        self.setAccessibleName(self.tr("Clôture de la journée"))
        self.setMinimumWidth(560)
        self.needs_explanation = bool(day_stock.differences)
        layout = QVBoxLayout(self)
        self.summary = QLabel(wordWrap=True)
        self.summary.setObjectName("closeDaySummary")
        self.summary.setText(self.summary_text(day_stock))
        self.summary.setAccessibleName(self.summary.text())
        layout.addWidget(self.summary)
        form = QFormLayout()
        self.explanation = QLineEdit()
        self.explanation.setObjectName("closeDayExplanation")
        self.explanation.setAccessibleName(self.tr("Explication des écarts"))
        self.explanation.setPlaceholderText(
            self.tr("obligatoire : d'où vient l'écart ?")
            if self.needs_explanation
            else self.tr("facultatif")
        )
        label = QLabel(self.tr("&Explication :"))
        label.setBuddy(self.explanation)
        form.addRow(label, self.explanation)
        layout.addLayout(form)
        self.error = QLabel(wordWrap=True)
        self.error.setObjectName("closeDayError")
        self.error.setStyleSheet(error_style())
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Clôturer (Entrée)"))
        ok.setObjectName("confirmCloseDayButton")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuler (Échap)"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.explanation.setFocus()

    def summary_text(self, day_stock: DayStock) -> str:
        lines = [
            self.tr("{name} : attendu {expected}, compté {closing}, écart {diff}").format(
                name=line.product.name,
                expected=line.expected,
                closing=line.closing,
                diff=difference_text(line),
            )
            for line in day_stock.lines
            if line.active
        ]
        head = (
            self.tr("⚠ Écarts de stock à expliquer avant de clôturer :")
            if day_stock.differences
            else self.tr("✔ Aucun écart : le stock compté correspond au stock attendu.")
        )
        text = "\n".join([head, *(f"• {line}" for line in lines)])
        if day_stock.expired_value_cents:
            text += "\n" + self.tr("Stock périmé (perte) : {value}").format(
                value=format_cents(day_stock.expired_value_cents)
            )
        return text

    def try_accept(self) -> None:
        if self.needs_explanation and not self.explanation.text().strip():
            self.show_error(self.tr("Saisissez l'explication de l'écart pour clôturer."))
            return
        self.accept()

    def show_error(self, message: str) -> None:
        self.error.setText(f"{ICONS[Role.ERROR]} {message}")
        self.error.show()
        self.explanation.setFocus()


class StockScreen(QDialog):
    """The stock sheet of `desk` for `day` (default: today at the desk). `last_result` holds
    the last StockResult or CloseResult; `close_dialog` the open closing dialog."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        desk: Desk,
        clock: Clock,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.desk = desk
        self.clock = clock
        self.day = day or paris_day(clock())
        self.last_result: stock.StockResult | CloseResult | None = None
        self.close_dialog: CloseDayDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.setObjectName("stockScreen")
        self.setWindowTitle(
            self.tr("Stock des tickets — {desk} — {day}").format(
                desk=desk.label, day=french_date(self.day)
            )
        )
        self.setAccessibleName(self.tr("Stock des tickets du jour"))
        fit_to_screen(self, 980, 520)
        self.model = StockTableModel(self)
        self._build()
        QShortcut(QKeySequence("Ctrl+L"), self, self.ask_close_day)
        QShortcut(QKeySequence("Ctrl+Shift+L"), self, self.ask_reopen_day)
        window_keys_first(self)  # Ctrl+L from the quantity or the note (X11 bindings)
        self.refresh()
        self.quantity_field.setFocus()

    def _build(self) -> None:
        # The sheet and its entry scroll when the window is too small for them (200 % text on
        # a 1024 × 768 laptop); the buttons under them stay in view.
        page, layout = scroll_page(self, "stockPage")
        self.table = QTableView()
        self.table.setObjectName("stockTable")
        self.table.setAccessibleName(self.tr("Stock par produit"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # At large text the figures leave the product no room: the product keeps its whole
        # name and the table scrolls sideways rather than showing "Tick…".
        if not large_text():
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 6)
        self.table.verticalHeader().hide()
        self.table.clicked.connect(lambda index: self.product_field.setCurrentIndex(index.row()))
        layout.addWidget(self.table, 1)
        self.totals = QLabel(wordWrap=True)
        self.totals.setObjectName("stockTotals")
        layout.addWidget(self.totals)
        self.closure_label = QLabel(wordWrap=True)
        self.closure_label.setObjectName("stockClosure")
        self.closure_label.setAccessibleName(self.tr("Clôture de la journée"))
        self.closure_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(self.closure_label)
        layout.addLayout(self._build_entry())
        self.entry_error = QLabel(wordWrap=True)
        self.entry_error.setObjectName("stockEntryError")
        self.entry_error.setStyleSheet(error_style())
        self.entry_error.setAccessibleName(self.tr("Erreur de saisie"))
        self.entry_error.hide()
        layout.addWidget(self.entry_error)
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("stockMessage")
        layout.addWidget(self.message)
        self.close_day_button = QPushButton(self.tr("&Clôturer la journée… (Ctrl+L)"))
        self.close_day_button.setObjectName("closeDayButton")
        self.close_day_button.setAutoDefault(False)
        self.close_day_button.clicked.connect(self.ask_close_day)
        done = QPushButton(self.tr("Fermer (Échap)"))
        done.setObjectName("closeStockButton")
        done.setAutoDefault(False)
        done.clicked.connect(self.reject)
        self.reopen_button = QPushButton(self.tr("&Rouvrir la journée… (Ctrl+Maj+L)"))
        self.reopen_button.setObjectName("reopenDayButton")
        self.reopen_button.setAutoDefault(False)
        self.reopen_button.clicked.connect(self.ask_reopen_day)
        # One row at 100 %; at large text the three no longer fit 1024 px: "Fermer" below.
        bottom = QGridLayout()
        bottom.addWidget(self.close_day_button, 0, 0)
        bottom.addWidget(self.reopen_button, 0, 1)
        bottom.setColumnStretch(2, 1)
        if large_text():
            bottom.addWidget(done, 1, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
        else:
            bottom.addWidget(done, 0, 3)
        outer = QVBoxLayout(self)
        outer.addWidget(page, 1)
        outer.addLayout(bottom)

    def _build_entry(self) -> QGridLayout:
        """The entry: product and kind on one line, quantity, note and "Enregistrer" on the
        next (one line for all five clipped the button at 980 px); at large text one field a
        line, each with its label."""
        self.product_field: QComboBox = QComboBox()
        self.product_field.setObjectName("stockProductField")
        self.product_field.setAccessibleName(self.tr("Produit"))
        # A long product name is cut in the closed list (whole when it opens), never the row.
        self.product_field.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.product_field.setMinimumContentsLength(16)
        self.product_field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.product_field.currentIndexChanged.connect(self._select_row)
        self.entry_field = QComboBox()
        self.entry_field.setObjectName("stockEntryField")
        self.entry_field.setAccessibleName(self.tr("Saisie"))
        self.entry_field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for kind in ENTRIES:
            self.entry_field.addItem(self._entry_text(kind))
        self.quantity_field: QLineEdit = QLineEdit()
        self.quantity_field.setObjectName("stockQuantityField")
        self.quantity_field.setAccessibleName(self.tr("Nombre de tickets"))
        self.quantity_field.setPlaceholderText(self.tr("nombre"))
        self.quantity_field.setMaximumWidth(
            self.quantity_field.fontMetrics().averageCharWidth() * 14
        )
        self.quantity_field.returnPressed.connect(self.record)
        self.note_field = QLineEdit()
        self.note_field.setObjectName("stockNoteField")
        self.note_field.setAccessibleName(self.tr("Note du mouvement"))
        self.note_field.setPlaceholderText(self.tr("note (retours, abîmés)"))
        self.note_field.returnPressed.connect(self.record)
        self.record_button = QPushButton(self.tr("&Enregistrer (Entrée)"))
        self.record_button.setObjectName("stockRecordButton")
        self.record_button.setAutoDefault(False)
        self.record_button.clicked.connect(self.record)
        fields = (
            (self.tr("&Produit :"), self.product_field),
            (self.tr("&Mouvement :"), self.entry_field),
            (self.tr("&Quantité :"), self.quantity_field),
            (self.tr("N&ote :"), self.note_field),
        )
        grid = QGridLayout()
        per_line = 1 if large_text() else 2
        for at, (text, widget) in enumerate(fields):
            label = QLabel(text)
            label.setBuddy(widget)
            row, column = divmod(at, per_line)
            grid.addWidget(label, row, 2 * column)
            grid.addWidget(widget, row, 2 * column + 1)
        last = (len(fields) - 1) // per_line
        if large_text():
            grid.addWidget(self.record_button, last + 1, 1, Qt.AlignmentFlag.AlignLeft)
        else:
            grid.addWidget(self.record_button, last, 4)
        for column in range(per_line):  # the fields share the room; labels keep their text
            grid.setColumnStretch(2 * column + 1, 1)
        return grid

    def _entry_text(self, kind: CountMoment | Movement) -> str:
        return {
            CountMoment.OPENING: self.tr("Comptage d'ouverture"),
            CountMoment.CLOSING: self.tr("Comptage de clôture"),
            Movement.RETURNED: self.tr("Retour (tickets rendus)"),
            Movement.SPOILED: self.tr("Abîmés / perdus"),
        }[kind]

    # --- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        sheet = stock.day_stock(self.db, self.desk.desk_id, self.day)
        chosen = self.product_field.currentIndex()
        self.model.set_stock(sheet)
        self.product_field.blockSignals(True)
        self.product_field.clear()
        for line in sheet.lines:
            self.product_field.addItem(line.product.name, line.product.id)
        self.product_field.setCurrentIndex(max(min(chosen, len(sheet.lines) - 1), 0))
        self.product_field.blockSignals(False)
        self._select_row(self.product_field.currentIndex())
        total = sum(line.difference or 0 for line in sheet.lines)
        parts = [
            self.tr("Remis : {n}").format(n=sum(line.handed_out for line in sheet.lines)),
            self.tr("Écart total : {n}").format(n=signed_text(total)),
        ]
        if sheet.missing_counts:
            parts.append(
                self.tr("☐ À compter à la clôture : {names}").format(
                    names=", ".join(p.name for p in sheet.missing_counts)
                )
            )
        if sheet.expired_value_cents:
            parts.append(
                self.tr("Stock périmé (perte) : {value}").format(
                    value=format_cents(sheet.expired_value_cents)
                )
            )
        self.totals.setText(" — ".join(parts))
        self._show_closure(sheet)

    def _show_closure(self, sheet: DayStock) -> None:
        closure = sheet.closure
        closed = closure is not None
        for widget in (
            self.product_field,
            self.entry_field,
            self.quantity_field,
            self.note_field,
            self.record_button,
            self.close_day_button,
        ):
            widget.setEnabled(not closed)
        self.reopen_button.setEnabled(closed)
        if closure is None:
            self.closure_label.setText(self.tr("☐ Journée ouverte : pas encore clôturée."))
            return
        text = self.tr("✔ Journée clôturée par {agent} à {time} ({desk})").format(
            agent=closure.agent, time=closure.local_time, desk=closure.desk_label
        )
        if sheet.explanation:
            text += "\n" + self.tr("Explication : {text}").format(text=sheet.explanation)
        self.closure_label.setText(text)
        self.closure_label.setAccessibleDescription(text)

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)

    # --- entering counts and movements --------------------------------------------------

    def record(self) -> stock.StockResult | None:
        """Record what the entry row says; errors show under it, the typing stays."""
        self.entry_error.hide()
        product_id = self.product_field.currentData()
        if product_id is None:
            return None
        text = self.quantity_field.text().strip()
        if not text.isdigit():
            self._entry_problem(
                self.tr("« {text} » n'est pas un nombre de tickets (ex. 40).").format(text=text)
                if text
                else self.tr("Saisissez le nombre de tickets.")
            )
            return None
        count = int(text)
        kind = ENTRIES[self.entry_field.currentIndex()]
        if isinstance(kind, CountMoment):
            result = stock.record_count(
                self.db, product_id, self.day, kind, count, self.desk, self.clock
            )
        else:
            result = stock.record_movement(
                self.db,
                product_id,
                self.day,
                kind,
                count,
                self.desk,
                self.clock,
                note=self.note_field.text(),
            )
        self.last_result = result
        if result.outcome is not StockOutcome.RECORDED:
            self._entry_problem(self._refusal(result))
            return result
        self.message.setText(
            self.tr("✔ {entry} enregistré : {name}, {n}").format(
                entry=self._entry_text(kind), name=self.product_field.currentText(), n=count
            )
        )
        self.quantity_field.clear()
        self.note_field.clear()
        self.refresh()
        self.quantity_field.setFocus()
        return result

    def _refusal(self, result: stock.StockResult) -> str:
        if result.outcome is StockOutcome.INVALID_COUNT:
            return self.tr("Un mouvement porte sur au moins 1 ticket.")
        if result.outcome is StockOutcome.DAY_CLOSED:
            return self.tr("La journée est clôturée : plus aucune saisie n'est possible.")
        return self.tr("Produit inconnu.")

    def _entry_problem(self, message: str) -> None:
        self.entry_error.setText(f"{ICONS[Role.ERROR]} {message}")
        self.entry_error.show()
        self.quantity_field.setFocus()
        self.quantity_field.selectAll()

    # --- closing the day ----------------------------------------------------------------

    def ask_close_day(self) -> CloseDayDialog | None:
        """Missing closing counts are asked first; then the differences and the explanation
        in a window-modal dialog (`close_dialog`)."""
        sheet = stock.day_stock(self.db, self.desk.desk_id, self.day)
        if sheet.closed:
            self.refresh()
            return None
        if sheet.missing_counts:
            self._ask_closing_count(sheet)
            return None
        dialog = CloseDayDialog(sheet, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._close_day(dialog.explanation.text()))
        dialog.finished.connect(lambda _code: self._dialog_done())
        self.close_dialog = dialog
        dialog.open()
        return dialog

    def _ask_closing_count(self, sheet: DayStock) -> None:
        first = sheet.missing_counts[0]
        ids = [line.product.id for line in sheet.lines]
        self.product_field.setCurrentIndex(ids.index(first.id))
        self.entry_field.setCurrentIndex(ENTRIES.index(CountMoment.CLOSING))
        self._entry_problem(
            self.tr("Comptez d'abord le stock de clôture : {names}.").format(
                names=", ".join(p.name for p in sheet.missing_counts)
            )
        )

    def _close_day(self, explanation: str) -> None:
        result = stock.close_day(self.db, self.day, self.desk, self.clock, explanation)
        self.last_result = result
        if result.outcome is CloseOutcome.CLOSED:
            self.message.setText(self.tr("✔ Journée clôturée."))
        elif result.outcome is CloseOutcome.MISSING_COUNTS:
            self._ask_closing_count(result.stock)
        elif result.outcome is CloseOutcome.EXPLANATION_REQUIRED:
            self.message.setText(self.tr("✖ Un écart demande une explication."))
        self.refresh()

    def ask_reopen_day(self) -> ReasonDialog | None:
        """A day closed by mistake is reopened by a counter-entry with a typed reason (the
        closing stays in the log)."""
        closure = stock.day_stock(self.db, self.desk.desk_id, self.day).closure
        if closure is None:
            return None
        dialog = ReasonDialog(
            self.tr("Rouvrir la journée"),
            self.tr(
                "Rouvrir la journée clôturée par {agent} à {time} ? La clôture reste dans le "
                "journal ; une contre-écriture l'annule. &Motif :"
            ).format(agent=literal(closure.agent), time=closure.local_time),  # Alt+M: Motif
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._reopen(closure.event_id, dialog.reason))
        dialog.finished.connect(lambda _code: self._dialog_done())
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _reopen(self, event_id: str, reason: str) -> None:
        outcome = void_fact(self.db, event_id, reason, self.desk, self.clock)
        if outcome is VoidOutcome.VOIDED:
            self.message.setText(
                self.tr("✔ Journée rouverte (motif : {reason}).").format(reason=reason)
            )
        else:
            self.message.setText(self.tr("✖ La journée n'a pas pu être rouverte."))
        self.refresh()

    def _dialog_done(self) -> None:
        self.reason_dialog = None
        self.close_dialog = None
        self.quantity_field.setFocus()
