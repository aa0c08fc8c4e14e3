"""The lock screen over the desk window, and the idle watcher that brings it.

`LockScreen(db, clock, agent, parent, on_scan=None)`: a page laid over the whole window. While
locked, every other child of the window is hidden (no member name, no roster, no banner left
on screen or in the accessibility tree); the page shows no name at all, only "Poste
verrouillé", the secret field and, when badges were scanned meanwhile, "1 scan en attente".

- Unlock: the agent's quick PIN (`accounts.check_pin`) or password (`accounts.authenticate`),
  then Entrée. A file without accounts unlocks with Entrée alone (the lock only hides names).
- Change agent: Ctrl+Maj+A (`CHANGE_AGENT_KEY`), type the name, Tab, the password, Entrée:
  `agent_changed(name)` is emitted and the desk goes on in that agent's name.
- A badge scanned while locked (typed into the page by a wedge scanner, or handed over by the
  window's scan router with `queue_scan(raw)`) is queued, never lost and never checked in
  unseen: the queue is handed to `on_scan(raw)` one by one after the unlock, in order.
- `IdleWatcher(minutes)`: an application event filter; any key, click, wheel or mouse move
  restarts its timer; after `minutes` of nothing, `idle()` (0 minutes: never).
"""

from collections.abc import Callable

import sqlite_utils
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models import accounts
from desktop.models.accounts import AuthResult
from desktop.models.clock import Clock
from desktop.models.codes import BadgeCode, ScanProblem, parse_scan
from desktop.ui.theme import error_style
from desktop.ui.wording import ICONS
from desktop.ui.wording import Role as ColourRole

CHANGE_AGENT_KEY = "Ctrl+Shift+A"
MANGLED_SCAN_LENGTH = 30  # a badge code has 38 characters
_PAGE_STYLE = "#lockScreen { background: #1c262b; } #lockScreen QLabel { color: #ffffff; }"


def looks_like_scan(raw: str) -> bool:
    """A badge code (or one of badge length mangled by a keyboard layout): queued, never
    taken for a secret (a scan must not count as a failed password)."""
    parsed = parse_scan(raw)
    if isinstance(parsed, BadgeCode):
        return True
    return parsed is ScanProblem.KEYBOARD_LAYOUT and len(raw.strip()) >= MANGLED_SCAN_LENGTH


class LockScreen(QWidget):
    unlocked = Signal(str)  # the agent at the desk after the unlock
    agent_changed = Signal(str)  # another agent logged in from the lock screen
    locked_changed = Signal(bool)

    def __init__(
        self,
        db: sqlite_utils.Database,
        clock: Clock,
        agent: str,
        parent: QWidget,
        on_scan: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.host = parent
        self.db, self.clock, self.agent, self.on_scan = db, clock, agent, on_scan
        self.queue: list[str] = []
        self._hidden: list[QWidget] = []
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_PAGE_STYLE)
        self.setAccessibleName(self.tr("Poste verrouillé"))

        title = QLabel(self.tr("🔒 Poste verrouillé"), self)
        title.setObjectName("lockTitle")
        title.setStyleSheet("font-size: 28pt; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("lockHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.agent_combo = QComboBox(self)
        self.agent_combo.setObjectName("lockAgent")
        self.agent_combo.setAccessibleName(self.tr("Autre agent"))
        self.agent_combo.setEditable(True)
        self.agent_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.agent_label = QLabel(self.tr("&Agent :"), self)
        self.agent_label.setBuddy(self.agent_combo)
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setObjectName("lockSecret")
        self.secret_edit.setAccessibleName(self.tr("Code PIN ou mot de passe"))
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.returnPressed.connect(self.submit)
        secret_label = QLabel(self.tr("Code &PIN ou mot de passe :"), self)
        secret_label.setBuddy(self.secret_edit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("lockError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(error_style() + " background: #ffffff; padding: 4px;")
        self.error_label.hide()
        self.queue_label = QLabel(self)
        self.queue_label.setObjectName("lockQueue")
        self.queue_label.setAccessibleName(self.tr("Scans en attente"))
        self.queue_label.setStyleSheet("font-size: 16pt;")
        self.queue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        form = QFormLayout()
        form.addRow(self.agent_label, self.agent_combo)
        form.addRow(secret_label, self.secret_edit)
        box = QWidget(self)
        box.setMaximumWidth(520)
        box.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(self.hint_label)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.error_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.queue_label)
        layout.addStretch(2)

        QShortcut(QKeySequence(CHANGE_AGENT_KEY), self, self.change_agent).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        parent.installEventFilter(self)
        self._show_agent_field(False)
        self.hide()

    # --- state ------------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return not self.isHidden()

    def lock(self) -> None:
        """Cover the window: hide its other children, show the page, focus the secret."""
        if self.is_locked:
            return
        parent = self.host
        self._hidden = [
            child
            for child in parent.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child is not self and not child.isHidden() and not child.isWindow()
        ]
        for child in self._hidden:
            child.hide()
        self._show_agent_field(False)
        self.secret_edit.clear()
        self.error_label.hide()
        self._show_queue()
        self.setGeometry(parent.rect())
        app = QApplication.instance()
        if app is not None:  # the window's own shortcuts (Ctrl+M: a member card) stay shut
            app.installEventFilter(self)
        self.show()
        self.raise_()
        self.window().activateWindow()
        self.secret_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.locked_changed.emit(True)

    def queue_scan(self, raw: str) -> None:
        """A badge scanned while locked: kept, counted (never named), checked in after."""
        self.queue.append(raw)
        self._show_queue()

    def change_agent(self) -> None:
        self._show_agent_field(True)
        editor = self.agent_combo.lineEdit()
        if editor is not None:
            editor.selectAll()
        self.agent_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- unlocking --------------------------------------------------------------------------

    def submit(self) -> None:
        secret = self.secret_edit.text()
        self.secret_edit.clear()
        if looks_like_scan(secret):
            self.queue_scan(secret)
            return
        if not accounts.has_accounts(self.db):
            self._unlock(self.agent)
            return
        other = self.agent_combo.isVisible()
        name = self.agent_combo.currentText().strip() if other else self.agent
        if not name:
            self._error(self.tr("Tapez le nom de l'agent."))
            return
        result = self._check(name, secret, pin_allowed=not other)
        if not result.ok or result.account is None:
            self._error(accounts.message(result))
            return
        changed = result.account.name != self.agent
        self.agent = result.account.name
        if changed:
            self.agent_changed.emit(self.agent)
        self._unlock(self.agent)

    def _check(self, name: str, secret: str, *, pin_allowed: bool) -> AuthResult:
        account = accounts.get_account(self.db, name)
        quick = secret.isdigit() and len(secret) in accounts.PIN_LENGTHS
        if pin_allowed and quick and account is not None and account.has_pin:
            return accounts.check_pin(self.db, name, secret, self.clock)
        return accounts.authenticate(self.db, name, secret, self.clock)

    def _unlock(self, agent: str) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.hide()
        for child in self._hidden:
            child.show()
        self._hidden = []
        self.error_label.hide()
        pending, self.queue = self.queue, []
        self.locked_changed.emit(False)
        self.unlocked.emit(agent)
        if self.on_scan is not None:
            for raw in pending:
                self.on_scan(raw)

    # --- display ----------------------------------------------------------------------------

    def _show_agent_field(self, shown: bool) -> None:
        if shown:
            self.agent_combo.clear()
            self.agent_combo.addItems([a.name for a in accounts.list_accounts(self.db) if a.active])
            self.agent_combo.setCurrentText("")
        self.agent_combo.setVisible(shown)
        self.agent_label.setVisible(shown)
        if shown:
            hint = self.tr("Autre agent : son nom, Tab, son mot de passe, puis Entrée.")
        elif accounts.has_accounts(self.db):
            hint = self.tr(
                "Code PIN ou mot de passe, puis Entrée. Changer d'agent : {key}."
            ).format(
                key=QKeySequence(CHANGE_AGENT_KEY).toString(QKeySequence.SequenceFormat.NativeText)
            )
        else:
            hint = self.tr("Entrée pour reprendre.")
        self.hint_label.setText(hint)

    def _show_queue(self) -> None:
        count = len(self.queue)
        if count == 0:
            self.queue_label.setText("")
        elif count == 1:
            self.queue_label.setText(self.tr("⏳ 1 scan en attente : enregistré au déverrouillage"))
        else:
            self.queue_label.setText(
                self.tr("⏳ {n} scans en attente : enregistrés au déverrouillage").format(n=count)
            )

    def _error(self, text: str) -> None:
        self.error_label.setText(f"{ICONS[ColourRole.ERROR]} {text}")
        self.error_label.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and self.is_locked:
            owner = watched.parent() if isinstance(watched, QShortcut | QAction) else None
            mine = isinstance(owner, QWidget) and (owner is self or self.isAncestorOf(owner))
            if isinstance(owner, QWidget) and owner.window() is self.window() and not mine:
                return True  # a shortcut of the window under the lock: not while locked
        if isinstance(event, QResizeEvent) and watched is self.host and self.is_locked:
            self.setGeometry(0, 0, event.size().width(), event.size().height())
        return super().eventFilter(watched, event)


_ACTIVITY = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
)


class IdleWatcher(QObject):
    """Emits `idle()` once after `minutes` without a key, click or mouse move (anywhere in the
    application); any activity restarts the count. `minutes = 0` turns it off."""

    idle = Signal()

    def __init__(self, minutes: float = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        self._timer.stop()
        if minutes > 0:
            self._timer.setInterval(max(1, int(minutes * 60_000)))
            self._timer.start()

    def restart(self) -> None:
        if self.minutes > 0:
            self._timer.start()

    @property
    def remaining_ms(self) -> int:
        return self._timer.remainingTime()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.restart()
        return False

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
