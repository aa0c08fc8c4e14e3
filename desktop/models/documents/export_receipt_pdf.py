"""The export receipt: the A6 handover sheet that travels with the USB stick to the office.

What the office compares with the file it merges: the desk (label and identifier), the last
sequence number, the number of facts, the size, whether it is encrypted, who exported it,
and the SHA-256 of the export file: its first 12 characters large, in groups of four (read
aloud over the phone), then in full on two lines of 32 (the office's import history shows
the same hex). At the foot, two boxes to sign: handed over by, received at the office.

A value that may be long (a desk label, an agent's name, a file name, "oui (phrase
secrète…)") is fitted to the page: set smaller or on two lines, never cut nor drawn past the
edge. The page is written through `atomic_output` and drawn from the plain `ExportReceipt`
alone, so a worker thread may render it.
"""

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A6

from desktop.models.clock import french_date, from_utc_text, paris_day, paris_hhmm
from desktop.models.documents.fonts import BOLD, REGULAR
from desktop.models.documents.layout import (
    FittedText,
    atomic_output,
    fit_text,
    mm,
    new_canvas,
)
from desktop.models.export import ExportReceipt
from desktop.models.workspace import ORGANISER

PAGE_WIDTH, PAGE_HEIGHT = A6  # 105 × 148 mm
LEFT = 9 * mm
RIGHT = PAGE_WIDTH - 9 * mm
VALUE_X = LEFT + 36 * mm  # the values' column, right of the labels
ROW = 5.2 * mm  # from one row's baseline to the next
LABEL_SIZE = 7.5
VALUE_SIZE = 9.0
ID_SIZE = 6.5  # the desk identifier: 36 characters, in the values' column
SHORT_SIZE = 20.0  # the first 12 characters of the hash
FULL_SIZE = 7.5  # the whole hash, two lines of 32 characters
FILE_SIZE = 6.5
SIGNATURE_TOP = 24 * mm  # the captions' baseline; the boxes run from 9 to 22 mm
ENCRYPTED = "oui (phrase secrète transmise à part)"


def receipt_file_name(receipt: ExportReceipt) -> str:
    """ "recu-export-Guichet-2-42.pdf": the desk label with anything a file name cannot hold
    (a slash, a colon, a space) replaced by a hyphen."""
    label = re.sub(r"[^\w.-]+", "-", receipt.desk_label).strip("-.") or "poste"
    return f"recu-export-{label}-{receipt.last_seq}.pdf"


def grouped(short_hash: str) -> str:
    """ "cfd1a33c289f" -> "cfd1 a33c 289f": easier to read aloud and to compare."""
    return " ".join(short_hash[i : i + 4] for i in range(0, len(short_hash), 4))


def _fitted(text: str, font: str, size: float, width: float, lines: int = 2) -> FittedText:
    """`text` at `size` when it fits `width`, else smaller or on up to `lines` lines."""
    return fit_text(text, font, width, lines * size * 1.4, size, max_lines=lines)


def _draw_from_baseline(canvas: Any, fitted: FittedText, x: float, baseline: float) -> float:
    """Draw fitted lines whose first baseline is `baseline`; returns the last line's."""
    for n, line in enumerate(fitted.lines):
        canvas.setFont(fitted.font, fitted.size)
        canvas.drawString(x, baseline - n * fitted.leading, line)
    return baseline - (len(fitted.lines) - 1) * fitted.leading


def _rows(receipt: ExportReceipt, agent: str) -> list[tuple[str, str, str, float]]:
    """(label, value, font, size) of the table, in reading order."""
    size = f"{receipt.size:,} octets".replace(",", "\u202f")  # French thousands: 217 088
    return [
        ("Poste", receipt.desk_label, BOLD, VALUE_SIZE),
        ("Identifiant du poste", receipt.desk_id, REGULAR, ID_SIZE),
        ("Dernier n° de séquence", str(receipt.last_seq), BOLD, VALUE_SIZE),
        ("Nombre de faits", str(receipt.event_count), BOLD, VALUE_SIZE),
        ("Taille", size, BOLD, VALUE_SIZE),
        ("Chiffré", ENCRYPTED if receipt.archive_path else "non", BOLD, VALUE_SIZE),
        ("Exporté par", agent, BOLD, VALUE_SIZE),
    ] + (
        [("Exporté le", _when(receipt.created_at), BOLD, VALUE_SIZE)] if receipt.created_at else []
    )


def _when(utc_text: str) -> str:
    moment = from_utc_text(utc_text)
    return f"{french_date(paris_day(moment))} à {paris_hhmm(moment)}"


def _draw_receipt(canvas: Any, receipt: ExportReceipt, agent: str, printed_at: datetime) -> None:
    y = PAGE_HEIGHT - 14 * mm
    canvas.setFont(BOLD, 13)
    canvas.drawString(LEFT, y, "Reçu d'export du guichet")
    y -= 6 * mm
    canvas.setFont(REGULAR, 8)
    canvas.drawString(
        LEFT, y, f"Imprimé le {french_date(paris_day(printed_at))} à {paris_hhmm(printed_at)}"
    )
    y -= 9 * mm
    for label, value, font, size in _rows(receipt, agent):
        canvas.setFont(REGULAR, LABEL_SIZE)
        canvas.drawString(LEFT, y, label)
        fitted = _fitted(value, font, size, RIGHT - VALUE_X)
        y = _draw_from_baseline(canvas, fitted, VALUE_X, y) - ROW

    y -= 3 * mm
    canvas.setFont(REGULAR, LABEL_SIZE)
    canvas.drawString(LEFT, y, "Empreinte SHA-256 (12 premiers caractères)")
    y -= 8 * mm
    canvas.setFont(BOLD, SHORT_SIZE)
    canvas.drawString(LEFT, y, grouped(receipt.short_hash))
    y -= 6 * mm
    # The whole hash unbroken, 32 characters a line: the office compares it with the import
    # history, and a reader's copy of a line gives the exact characters.
    canvas.setFont(REGULAR, FULL_SIZE)
    for start in (0, 32):
        canvas.drawString(LEFT, y, receipt.sha256[start : start + 32])
        y -= FULL_SIZE * 1.35
    y -= 3 * mm
    for path in receipt.paths:
        fitted = _fitted(f"Fichier : {path.name}", REGULAR, FILE_SIZE, RIGHT - LEFT)
        y = _draw_from_baseline(canvas, fitted, LEFT, y) - 3.6 * mm

    half = (RIGHT - LEFT) / 2
    canvas.setFont(REGULAR, 8)
    canvas.setStrokeGray(0.4)
    for n, caption in enumerate(("Remis par (signature)", "Reçu au bureau (signature)")):
        x = LEFT + n * half
        canvas.drawString(x, SIGNATURE_TOP, caption)
        canvas.rect(x, 9 * mm, half - 3 * mm, 13 * mm)


def render_export_receipt(
    receipt: ExportReceipt, out: Path, *, agent: str, printed_at: datetime
) -> Path:
    """Write the receipt of `receipt` to `out` (one A6 page; the file appears whole or not
    at all). `agent` signs the export, `printed_at` is the moment shown. Returns `out`."""
    out = Path(out)
    with atomic_output(out) as temporary:
        canvas = new_canvas(
            temporary,
            PAGE_WIDTH,
            PAGE_HEIGHT,
            title=f"Reçu d'export — {receipt.desk_label}",
            author=ORGANISER,
            subject=f"Export du poste {receipt.desk_label}, dernier n° {receipt.last_seq}",
        )
        _draw_receipt(canvas, receipt, agent, printed_at)
        canvas.showPage()
        canvas.save()
    return out
