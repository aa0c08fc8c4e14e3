"""One distinct sound per outcome. Without QtMultimedia or an audio device the desk stays
silent but works (the banner already has words, colour and icon)."""

import logging

from PySide6.QtCore import QObject, QUrl

from desktop.paths import resource

log = logging.getLogger(__name__)


class Sounds(QObject):
    def __init__(self, parent: QObject | None = None, enabled: bool = True) -> None:
        super().__init__(parent)
        self._effects: dict[str, object] = {}
        self._enabled = enabled
        self.last_played: str | None = None

    def play(self, name: str | None) -> None:
        if not name or not self._enabled:
            return
        self.last_played = name
        effect = self._effects.get(name) or self._load(name)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]

    def preload(self) -> None:
        """Load QtMultimedia and every sound now (~30 ms): called once the window is up, so
        that the first scan of the day is not the one that pays for it."""
        if not self._enabled:
            return
        for path in sorted(resource("sounds").glob("*.wav")):
            if path.stem not in self._effects and self._load(path.stem) is None:
                return

    def _load(self, name: str) -> object | None:
        path = resource("sounds", f"{name}.wav")
        if not path.exists():
            log.warning("son manquant : %s", path)
            return None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:  # libpulse missing: stay silent, say why once in the log
            log.warning("sons désactivés : %s", exc)
            self._enabled = False
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.setVolume(0.8)
        self._effects[name] = effect
        return effect
