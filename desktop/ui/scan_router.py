"""Scans reach the check-in whatever has the focus.

A keyboard-wedge scanner types a whole code in a burst (a few ms per key) and ends it with
Entrée or Tab; a person types one key every 80 ms or more. `ScanRouter` is an
application-wide event filter: printable keys are held back while they come in a fast run;
a run of `min_length` keys or more ended by Entrée/Tab (or by a pause) is a scan and goes
to `scanned(raw)`, never into the search box or the parking amount that had the focus;
anything slower is replayed, in order, to the widget it was meant for, so a person's
typing ends up exactly where it would have gone (about 40 ms later).

Time of a key: the event's own timestamp (set by the window system when the key was
pressed, so a busy UI thread does not squeeze a person's keys into a burst), or the
injected clock for synthesized events without one. A widget (or any of its ancestors) with
the dynamic property `scanRouterIgnore` set to True receives its keys untouched: the
scanner set-up page must see exactly what the scanner types.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from desktop.models.scanner_diagnosis import WEDGE_MAX_KEY_DELAY_MS

# Every code a desk scans is 27 characters or more (badge 38, meal pass 52, the scanner test
# code 27): 24 keys in a burst is a scanner. With 12, a quick typist's name in the guest
# form ("helene sorel") was seen taken for a scan.
MIN_SCAN_LENGTH = 24
IGNORE_PROPERTY = "scanRouterIgnore"
END_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_PERSON_IDLE_MS = 40  # after the last key of a short run: surely a person, replay
_BURST_IDLE_MS = 250  # a run that looks like a scanner: give its end key time to arrive


def _monotonic_ms() -> float:
    return time.monotonic() * 1000


@dataclass
class _HeldKey:
    receiver: QWidget
    event: QKeyEvent
    stamp: float  # ms


class ScanRouter(QObject):
    """Install once on the application: `router.install()`; connect `scanned(raw)`."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_delay_ms: float = WEDGE_MAX_KEY_DELAY_MS,
        min_length: int = MIN_SCAN_LENGTH,
        clock: Callable[[], float] = _monotonic_ms,
    ) -> None:
        super().__init__(parent)
        self.max_delay_ms = max_delay_ms
        self.min_length = min_length
        self.enabled = True
        self._clock = clock
        self._held: list[_HeldKey] = []
        self._pressed: list[str] = []  # the text of the held presses, kept as keys come in
        self._replaying = False
        self._idle = QTimer(self, singleShot=True)
        self._idle.timeout.connect(self.flush)

    # --- installation -------------------------------------------------------------------

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        self.flush()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @property
    def holding(self) -> str:
        """The text held back now (for tests and for a status hint)."""
        return "".join(self._pressed)

    # --- the filter ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Called for every event of the application: the cheapest test first.
        kind = event.type()
        if kind != QEvent.Type.KeyPress and kind != QEvent.Type.KeyRelease:
            return False
        if (
            self._replaying
            or not self.enabled
            or not isinstance(watched, QWidget)
            or not isinstance(event, QKeyEvent)
            or self._ignored(watched)
        ):
            return False
        if kind == QEvent.Type.KeyRelease:
            # Held with its press, so that a replayed Space still clicks a focused button.
            if not self._held:
                return False
            self._held.append(_HeldKey(watched, self._copy(event), self._held[-1].stamp))
            return True
        stamp = float(event.timestamp()) or self._clock()
        if event.key() in END_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            return self._end_key(stamp)
        if not self._typable(event):
            self.flush()  # an arrow or a shortcut: what was held goes first, in order
            return False
        if self._held and stamp - self._held[-1].stamp > self.max_delay_ms:
            self.flush()
        self._held.append(_HeldKey(watched, self._copy(event), stamp))
        self._pressed.append(event.text())
        looks_like_scanner = len(self._pressed) >= 3
        self._idle.start(_BURST_IDLE_MS if looks_like_scanner else _PERSON_IDLE_MS)
        return True

    def _end_key(self, stamp: float) -> bool:
        if not self._held:
            return False
        fast = stamp - self._held[-1].stamp <= self.max_delay_ms
        if fast and len(self._pressed) >= self.min_length:
            self._emit_scan()
            return True  # the scanner's Entrée/Tab is part of the scan: swallowed
        self.flush()
        return False  # a person's Entrée after their typing: delivered as usual

    def flush(self) -> None:
        """End the run held back now: a scan if long enough (a scanner without an end key),
        otherwise replayed to its widgets."""
        self._idle.stop()
        if not self._held:
            return
        if len(self._pressed) >= self.min_length:
            self._emit_scan()
            return
        held, self._held, self._pressed = self._held, [], []
        self._replaying = True
        try:
            for key in held:
                if shiboken6.isValid(key.receiver):
                    QCoreApplication.sendEvent(key.receiver, key.event)
        finally:
            self._replaying = False

    def _emit_scan(self) -> None:
        self._idle.stop()
        raw = self.holding
        self._held, self._pressed = [], []
        self.scanned.emit(raw)

    # --- helpers ------------------------------------------------------------------------

    @staticmethod
    def _ignored(widget: QWidget) -> bool:
        current: QWidget | None = widget
        while current is not None:
            if current.property(IGNORE_PROPERTY):
                return True
            current = current.parentWidget()
        return False

    @staticmethod
    def _typable(event: QKeyEvent) -> bool:
        text = event.text()
        if not text or text in "\r\n\t\x08\x7f":
            return False
        modifiers = event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        # Ctrl+letter is a shortcut; AltGr (Ctrl+Alt on Windows) types @ # { on AZERTY.
        return not (control and not alt) and not (alt and not control)

    @staticmethod
    def _copy(event: QKeyEvent) -> QKeyEvent:
        """Qt reuses or frees the event after the filter: keep a copy to replay."""
        copy = QKeyEvent(
            event.type(),
            event.key(),
            event.modifiers(),
            event.text(),
            event.isAutoRepeat(),
            event.count(),
        )
        copy.setTimestamp(event.timestamp())
        return copy
