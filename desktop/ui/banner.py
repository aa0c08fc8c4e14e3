"""The result banner: large words, icon and colour, readable from two metres."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui.theme import banner_colours
from desktop.ui.wording import Role, Wording, idle

# How long a result stays before the banner returns to "Prêt" (errors stay longer).
HOLD_MS = {Role.SUCCESS: 6000, Role.WARNING: 10000, Role.ERROR: 12000, Role.INFO: 4000}


class ResultBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultBanner")
        self.setAccessibleName(self.tr("Résultat du scan"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumHeight(170)
        self.icon = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.icon.setObjectName("bannerIcon")
        self.icon.setMinimumWidth(110)
        self.title = QLabel(wordWrap=True)
        self.title.setObjectName("bannerTitle")
        self.detail = QLabel(wordWrap=True)
        self.detail.setObjectName("bannerDetail")
        texts = QVBoxLayout()
        texts.addStretch(1)
        texts.addWidget(self.title)
        texts.addWidget(self.detail)
        texts.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 12, 20, 12)
        row.addWidget(self.icon)
        row.addLayout(texts, 1)
        # One restartable timer: two quick scans never clear each other early.
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.reset)
        self._idle = idle()  # what the banner says while waiting (see set_idle)
        self.current = self._idle
        self._sheet = ""
        self.show_wording(self.current, hold=False)

    def set_idle(self, wording: Wording) -> None:
        """What to show while waiting (no session today: what to do first); shown at once
        when the banner is waiting now, else after the current answer's time."""
        waiting = self.current is self._idle
        self._idle = wording
        if waiting:
            self.show_wording(wording, hold=False)

    def show_wording(self, wording: Wording, *, hold: bool = True) -> None:
        self.current = wording
        background, foreground = banner_colours(wording.role)  # the theme's own pair
        sheet = (
            f"#resultBanner {{ background: {background}; border-radius: 10px; }}"
            f"#resultBanner QLabel {{ color: {foreground}; background: transparent; }}"
            "#bannerIcon { font-size: 64pt; font-weight: bold; }"
            "#bannerTitle { font-size: 28pt; font-weight: bold; }"
            "#bannerDetail { font-size: 15pt; }"
        )
        # A new sheet re-polishes the banner and its labels: only when the colours change
        # (a queue of welcomes keeps one sheet).
        if sheet != self._sheet:
            self._sheet = sheet
            self.setStyleSheet(sheet)
        self.icon.setText(wording.icon)
        self.title.setText(wording.title)
        self.detail.setText(wording.detail)
        self.setAccessibleDescription(f"{wording.title}. {wording.detail}")
        self._timer.stop()
        if hold and wording.role in HOLD_MS:
            self._timer.start(HOLD_MS[wording.role])

    def reset(self) -> None:
        self.show_wording(self._idle, hold=False)
