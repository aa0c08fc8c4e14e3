"""The fonts embedded in every PDF: DejaVu Sans, shipped in resources/fonts with its licence.

A document never relies on a system font: the files are resolved through desktop.paths, so
the same glyphs (É, Œ, ï, ç...) are drawn on every machine and in the PyInstaller bundle.
"""

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource

REGULAR = "GuichetSans"
BOLD = "GuichetSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

# DejaVu Sans vertical metrics (hhea, in em): an accented capital (É) reaches ASCENT above
# the baseline, a descender (g, p) DESCENT below it; CAP_HEIGHT is a plain capital (E).
ASCENT = 0.93
DESCENT = 0.24
CAP_HEIGHT = 0.73

_lock = threading.Lock()
_registered = False


class FontError(Exception):
    """The shipped font files are missing or unreadable (a broken installation)."""


def register_fonts() -> None:
    """Register the embedded fonts with reportlab once per process (thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            path = resource("fonts", filename)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as exc:  # reportlab raises bare TTFError/IOError subclasses
                raise FontError(f"Police introuvable ou illisible : {path} ({exc})") from exc
        _registered = True


def text_width(text: str, font: str, size: float) -> float:
    """Width in points of `text` set in `font` at `size` points."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))
