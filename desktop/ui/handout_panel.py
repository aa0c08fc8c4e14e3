"""The hand-out panel: what a member is due now (meal pass, tickets, parking), one line per
item with its key. A key press confirms the line through `handouts.confirm`; the answer shows
inline (green ✔ remis / amber ⚠ with the earlier hand-out / red ✖ with the reason). The panel
stays while something is due; Échap closes it at any time."""

import sqlite_utils
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import handouts
from desktop.models.clock import Clock
from desktop.models.facts import HandoutOutcome, HandoutResult
from desktop.models.handouts import Checklist, ChecklistLine
from desktop.models.journal import Desk
from desktop.models.parking import PARKING_LINE
from desktop.ui import handout_wording
from desktop.ui.override_reason import ask_override_reason
from desktop.ui.parking_form import ParkingReceiptDialog
from desktop.ui.theme import banner_colours
from desktop.ui.wording import session_title

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's own limit (not exported by PySide6)

# Digits, and the unshifted AZERTY number row: an agent need not press Shift for "1".
LINE_KEYS = {
    **{str(n): n for n in range(1, 10)},
    **{char: n for n, char in enumerate("&é\"'(-è_ç", start=1)},
}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _Row:
    """The widgets of one checklist line, made once and reused by later members: building
    and styling new widgets on every scan cost more than the check-in itself."""

    def __init__(self, panel: "HandoutPanel", number: int, line: ChecklistLine) -> None:
        self.line = line
        self.button = QPushButton(str(number), panel)
        self.button.setObjectName(f"handoutKey{number}")
        # Wide enough for "3 / P" whatever the text size (no fixed pixels): measured in the
        # font the style sheet gives it (the 150-200 % text), not the one it was made with.
        self.button.ensurePolished()
        self.width = self.button.fontMetrics().horizontalAdvance(" 3 / P ") + 16
        self.button.setMinimumWidth(self.width)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the panel keeps the keys
        self.button.clicked.connect(lambda: panel.confirm_line(self.line.key))
        self.text = QLabel(panel, wordWrap=True)
        self.text.setObjectName(f"handoutLine{number}")
        self.outcome = QLabel(panel, wordWrap=True)
        self.outcome.setObjectName(f"handoutResult{number}")
        self.outcome.hide()

    def set_visible(self, visible: bool) -> None:
        self.button.setVisible(visible)
        self.text.setVisible(visible)
        if not visible:
            self.outcome.hide()


class HandoutPanel(QFrame):
    """`show_checklist(checklist)` shows the lines; keys 1–9 (and P for parking) confirm one,
    T or Ctrl+Entrée hands out everything that needs no question, Échap closes.

    Signals: `handed_out(HandoutResult)` after each recorded hand-out (print a meal pass,
    refresh the roster), `finished()` when the panel closes, `scanned(raw)` for a badge scan
    typed while the panel had the keyboard (give it to the check-in)."""

    handed_out = Signal(object)
    finished = Signal()
    scanned = Signal(str)

    def __init__(
        self,
        db: sqlite_utils.Database,
        desk: Desk,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        close_delay_ms: int = 4000,
        key_delay_ms: int = 40,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.desk = desk
        self.clock = clock
        self.checklist: Checklist | None = None
        self.results: dict[str, HandoutResult] = {}  # last answer per line key
        self.rows: list[_Row] = []  # the rows of the lines shown now
        self._made: list[_Row] = []  # every row made so far, reused from one member to the next
        self.receipt_dialog: ParkingReceiptDialog | None = None
        self.setObjectName("handoutPanel")
        self.setAccessibleName(self.tr("Remises au membre"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet("#handoutPanel QLabel { font-size: 14pt; }")
        # Once nothing is due the panel closes by itself after a moment (never before).
        self._close_timer = QTimer(self, singleShot=True, interval=close_delay_ms)
        self._close_timer.timeout.connect(self.close_panel)
        self._typed = ""
        self._key_timer = QTimer(self, singleShot=True, interval=key_delay_ms)
        self._key_timer.timeout.connect(self._flush_key)
        self._build()
        self.hide()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel(wordWrap=True)  # a long name and session wrap at 200 %
        self.heading.setObjectName("handoutHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.heading)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("handoutStatus")
        self.status.setAccessibleName(self.tr("État des remises"))
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.all_button = QPushButton(self.tr("Tout remettre (T, Ctrl+Entrée)"))
        self.all_button.setObjectName("handoutAllButton")
        self.all_button.setAccessibleName(self.tr("Tout remettre"))
        self.all_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_button.clicked.connect(self.confirm_all)
        self.close_button = QPushButton(self.tr("Fermer (Échap)"))
        self.close_button.setObjectName("handoutCloseButton")
        self.close_button.setAccessibleName(self.tr("Fermer les remises"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.close_panel)
        buttons.addWidget(self.all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    # --- showing ------------------------------------------------------------------------

    def show_checklist(self, checklist: Checklist) -> None:
        """Show a member's checklist (from `handouts.due_items`) and take the keyboard."""
        self.results = {}  # a new showing starts clean; refresh() keeps the answers
        self.checklist = checklist
        self._render()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _render(self) -> None:
        checklist = self.checklist
        if checklist is None:
            return
        self.heading.setText(
            self.tr("{name} — {session}").format(
                name=checklist.member.display_name, session=session_title(checklist.session)
            )
        )
        self.rows = []
        lines = checklist.lines[:9]
        for number, line in enumerate(lines, start=1):
            row = self._row(number, line)
            text = handout_wording.line_text(line, checklist.session)
            row.text.setText(f"{handout_wording.line_icon(line)} {text}")
            row.button.setAccessibleName(text)
            if line.key == PARKING_LINE:
                row.button.setText(self.tr("{n} / P").format(n=number))
                # Its whole text at any size: a fixed 64 px cut "3 / P" at 200 % text.
                row.button.setFixedWidth(max(row.width, row.button.sizeHint().width()))
            else:
                row.button.setText(str(number))
                row.button.setMinimumWidth(row.width)
                row.button.setMaximumWidth(QWIDGETSIZE_MAX)
            result = self.results.get(line.key)
            if result is not None:
                self._show_outcome(row, result)
            else:
                row.outcome.hide()
            row.set_visible(True)
            self.rows.append(row)
        for row in self._made[len(lines) :]:
            row.set_visible(False)
        self.all_button.setEnabled(any(line.one_key for line in checklist.lines))
        self._update_status()

    def _row(self, number: int, line: ChecklistLine) -> _Row:
        """Row `number` (from 1), made and placed in the grid the first time it is needed."""
        if number <= len(self._made):
            row = self._made[number - 1]
            row.line = line
            return row
        row = _Row(self, number, line)
        self.grid.addWidget(row.button, 2 * number, 0)
        self.grid.addWidget(row.text, 2 * number, 1)
        self.grid.addWidget(row.outcome, 2 * number + 1, 1)
        self._made.append(row)
        return row

    def _show_outcome(self, row: _Row, result: HandoutResult) -> None:
        role, text = handout_wording.for_handout(result)
        background, foreground = banner_colours(role)  # the theme's pair (high contrast too)
        row.outcome.setText(text)
        row.outcome.setAccessibleName(text)
        row.outcome.setStyleSheet(
            f"background: {background}; color: {foreground}; padding: 2px 8px;"
            "border-radius: 4px; font-weight: bold;"
        )
        row.outcome.show()

    def _update_status(self) -> None:
        checklist = self.checklist
        if checklist is None:
            return
        if not checklist.present:
            self.status.setText(
                self.tr(
                    "✖ Arrivée non enregistrée à cette séance : rien ne peut être remis. "
                    "Échap pour fermer."
                )
            )
            self._close_timer.stop()
        elif checklist.pending:
            self.status.setText(
                self.tr("☐ Reste à remettre : {n}. Échap pour fermer sans remettre.").format(
                    n=len(checklist.pending)
                )
            )
            self._close_timer.stop()
        else:
            self.status.setText(self.tr("✔ Tout est remis. Entrée ou Échap pour fermer."))
            self._close_timer.start()

    # --- state --------------------------------------------------------------------------

    @property
    def has_due(self) -> bool:
        """Something can still be handed out: the panel never closes by itself then."""
        return bool(self.checklist and self.checklist.present and self.checklist.pending)

    def line_texts(self) -> list[str]:
        return [row.text.text() for row in self.rows]

    def outcome_text(self, line_key: str) -> str:
        row = next((r for r in self.rows if r.line.key == line_key), None)
        return row.outcome.text() if row and row.outcome.isVisibleTo(self) else ""

    # --- actions ------------------------------------------------------------------------

    def confirm_line(self, line_key: str) -> HandoutResult | None:
        """Hand out one line (the key or the button); a refusal that a reason can lift asks
        for it, then confirms again with it."""
        checklist = self.checklist
        if checklist is None:
            return None
        member_id, session = checklist.member.id, checklist.session
        result = handouts.confirm(self.db, member_id, session, line_key, self.desk, self.clock)
        self._answer(line_key, result)
        if result.outcome is HandoutOutcome.FORM_REQUIRED:
            self.open_receipt_form()
        elif result.outcome.can_override:
            reason = self._ask_reason(result)
            if reason:
                result = handouts.confirm(
                    self.db,
                    member_id,
                    session,
                    line_key,
                    self.desk,
                    self.clock,
                    override_reason=reason,
                )
                self._answer(line_key, result)
        return result

    def confirm_all(self) -> tuple[HandoutResult, ...]:
        """ "Tout remettre": every line that needs no question."""
        checklist = self.checklist
        if checklist is None or not checklist.present:
            return ()
        results = handouts.confirm_pending(
            self.db, checklist.member.id, checklist.session, self.desk, self.clock
        )
        for result in results:
            self.results[result.line_key or ""] = result
            if result.recorded:
                self.handed_out.emit(result)
        self.refresh()
        return results

    def open_receipt_form(self) -> ParkingReceiptDialog | None:
        """The parking receipt form, window-modal; the checklist refreshes once it is saved."""
        checklist = self.checklist
        if checklist is None:
            return None
        dialog = ParkingReceiptDialog(
            self.db, self.desk, self.clock, checklist.member.id, checklist.session, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._receipt_saved(dialog))
        dialog.finished.connect(lambda _code: self._receipt_form_closed())
        self.receipt_dialog = dialog
        dialog.open()
        return dialog

    def _receipt_form_closed(self) -> None:
        # The form deletes itself on close: forget it, so that Échap on the panel later does
        # not touch a deleted C++ object (and `finished` still reaches the window).
        self.receipt_dialog = None
        self.setFocus()

    def _receipt_saved(self, dialog: ParkingReceiptDialog) -> None:
        if dialog.last_result is not None:
            self._answer(PARKING_LINE, dialog.last_result)

    def _answer(self, line_key: str, result: HandoutResult) -> None:
        self.results[line_key] = result
        if result.recorded:
            self.handed_out.emit(result)
        self.refresh()

    def _ask_reason(self, result: HandoutResult) -> str | None:
        """The typed reason and, once the file has accounts, a responsable's approval."""
        return ask_override_reason(
            self, self.db, self.clock, self.desk.agent, handout_wording.override_prompt(result)
        )

    def refresh(self) -> None:
        """Read the checklist again and show it with the last answers."""
        checklist = self.checklist
        if checklist is None:
            return
        self.checklist = handouts.due_items(self.db, checklist.member.id, checklist.session)
        self._render()

    def close_panel(self) -> None:
        self._close_timer.stop()
        self._key_timer.stop()
        typed, self._typed = self._typed, ""
        if len(typed) > 1:
            self.scanned.emit(typed)
        was_visible = self.isVisible()
        self.hide()
        if self.receipt_dialog is not None and self.receipt_dialog.isVisible():
            self.receipt_dialog.reject()
        if was_visible:
            self.finished.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        # Hidden with its window (Guichet closing): a key still waiting for its pause must not
        # hand out later, from a timer, on a file closed by then. A minimised window (the
        # window system's own, spontaneous hide) keeps its pending key and its closing delay.
        if not event.spontaneous():
            self._key_timer.stop()
            self._close_timer.stop()
            self._typed = ""
        super().hideEvent(event)

    # --- keys ---------------------------------------------------------------------------
    # A badge scanner is a keyboard: its burst of letters must not be read as panel keys (its
    # codes hold P and T). A key acts once no other key followed it within `key_delay_ms`;
    # a burst ended by Entrée or Tab is a scan, handed on through `scanned(raw)`.

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        text = event.text()
        if key == Qt.Key.Key_Escape:
            self._typed = ""
            self.close_panel()
        elif key in ENTER_KEYS and ctrl:
            self.confirm_all()
        elif key in (*ENTER_KEYS, Qt.Key.Key_Tab) and len(self._typed) > 1:
            self._end_scan()
        elif key in ENTER_KEYS:
            self._flush_key()
            if not self.has_due:
                self.close_panel()
        elif (
            text and text.isprintable() and not ctrl and not mods & Qt.KeyboardModifier.AltModifier
        ):
            self._typed += text
            if self._key_timer.interval() <= 0:
                self._flush_key()
            else:
                self._key_timer.start()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _flush_key(self) -> None:
        """The pending key was typed alone: act on it."""
        self._key_timer.stop()
        typed, self._typed = self._typed, ""
        if len(typed) > 1:
            self.scanned.emit(typed)  # a burst without its end key: still never lost
        elif typed:
            self.press(typed)

    def _end_scan(self) -> None:
        self._key_timer.stop()
        typed, self._typed = self._typed, ""
        self.scanned.emit(typed)

    def press(self, char: str) -> None:
        """One key of the panel: 1–9 (or the AZERTY row &é"'(-è_ç), P, T."""
        char = char.lower()
        if char == "t":
            self.confirm_all()
        elif char == "p":
            self.confirm_line(PARKING_LINE)
        elif char in LINE_KEYS and LINE_KEYS[char] <= len(self.rows):
            self.confirm_line(self.rows[LINE_KEYS[char] - 1].line.key)
