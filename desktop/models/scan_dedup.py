"""Camera scans: the same code is seen in frame after frame while it stays in view.

A camera decodes a badge 10 to 30 times a second; the desk must check it in once. A code
triggers when it first appears, then not again until it has been out of view for
`forget_after` seconds (the member took the badge away). Time is injected (monotonic
seconds), so the rule is tested without a camera or a clock.
"""

from collections.abc import Iterable

FORGET_AFTER_S = 1.5


class ScanDeduplicator:
    """Feed it the codes of each decoded frame; it answers the codes to act on."""

    def __init__(self, forget_after: float = FORGET_AFTER_S) -> None:
        if forget_after <= 0:
            raise ValueError("forget_after must be positive")
        self.forget_after = forget_after
        self._last_seen: dict[str, float] = {}

    def seen(self, codes: Iterable[str], now: float) -> list[str]:
        """The codes of one frame seen at `now`; returns those that trigger, in frame order
        (a code listed twice in one frame triggers at most once)."""
        self._forget(now)
        fresh: list[str] = []
        for code in codes:
            if not code:
                continue
            if code not in self._last_seen and code not in fresh:
                fresh.append(code)
            self._last_seen[code] = now
        return fresh

    def in_view(self, now: float) -> frozenset[str]:
        """The codes still considered in view at `now`."""
        self._forget(now)
        return frozenset(self._last_seen)

    def reset(self) -> None:
        """Forget everything (another camera, the scanner reopened)."""
        self._last_seen.clear()

    def _forget(self, now: float) -> None:
        gone = [c for c, at in self._last_seen.items() if now - at >= self.forget_after]
        for code in gone:
            del self._last_seen[code]
