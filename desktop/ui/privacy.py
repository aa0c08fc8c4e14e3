""" "Masquer les noms": a mode for a screen the public can see.

`mask_name("Émilie DUBOIS") -> "É. D."`: initials only, for the banner title, the roster's name
columns and the hand-out panel while `PrivacyMode.enabled` is on. The mode is one QObject the
window owns; widgets that show names read `mode.name(text)` and repaint on `toggled(bool)`.
"""

from PySide6.QtCore import QObject, Signal


def mask_name(name: str) -> str:
    """Initials of each word, hyphenated parts kept: "Jean-Pierre DE LA TOUR" -> "J.-P. D. L. T."."""
    words = []
    for word in name.split():
        parts = [p for p in word.split("-") if p]
        if parts:
            words.append("-".join(p[0].upper() + "." for p in parts))
    return " ".join(words)


class PrivacyMode(QObject):
    """On: every name shown on the public screen is reduced to its initials."""

    toggled = Signal(bool)

    def __init__(self, parent: QObject | None = None, enabled: bool = False) -> None:
        super().__init__(parent)
        self._enabled = enabled

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self._enabled:
            self._enabled = enabled
            self.toggled.emit(enabled)

    def toggle(self) -> None:
        self.set_enabled(not self._enabled)

    def name(self, text: str) -> str:
        """The name as this screen may show it now."""
        return mask_name(text) if self._enabled else text

    def text(self, text: str, *names: str) -> str:
        """`text` with each of `names` in it masked while on ("Bienvenue, Émilie DUBOIS" ->
        "Bienvenue, É. D.")."""
        if not self._enabled:
            return text
        for name in sorted((n for n in names if n.strip()), key=len, reverse=True):
            text = text.replace(name, mask_name(name))
        return text
