"""What every document shares: boxes in points, text that fits its box, safe file output."""

import contextlib
import itertools
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from reportlab.pdfgen.canvas import Canvas

from desktop.models.documents.fonts import ASCENT, DESCENT, REGULAR, register_fonts, text_width

__all__ = [
    "DocumentError",
    "FittedText",
    "Rect",
    "atomic_output",
    "check_output",
    "draw_text",
    "fit_text",
    "mm",
    "new_canvas",
]

Align = Literal["left", "center", "right"]
mm = 72 / 25.4  # one millimetre in PDF points
LEADING = 1.12  # line spacing, in font sizes
_MAX_SPLITS = 24  # beyond that many break opportunities, wrap greedily


class DocumentError(Exception):
    """A document cannot be written (unknown member or layout, folder not writable...).
    The message is French and meant for the person who asked for the document."""


@dataclass(frozen=True)
class Rect:
    """A box in PDF points, origin at the bottom left (as reportlab draws)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    def intersects(self, other: "Rect") -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.top
            and other.y < self.top
        )

    def contains(self, other: "Rect", tolerance: float = 0.0) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.right <= self.right + tolerance
            and other.y >= self.y - tolerance
            and other.top <= self.top + tolerance
        )

    def moved(self, dx: float, dy: float) -> "Rect":
        return Rect(self.x + dx, self.y + dy, self.width, self.height)


@dataclass(frozen=True)
class FittedText:
    """Text broken into lines and sized so that it fits a box of the given width and height."""

    lines: tuple[str, ...]
    font: str
    size: float

    @property
    def leading(self) -> float:
        return self.size * LEADING

    @property
    def height(self) -> float:
        return block_height(len(self.lines), self.size)

    @property
    def width(self) -> float:
        return max((text_width(line, self.font, self.size) for line in self.lines), default=0.0)


def block_height(lines: int, size: float) -> float:
    """From the top of an accented capital on the first line to the lowest descender."""
    if lines == 0:
        return 0.0
    return size * (ASCENT + DESCENT + (lines - 1) * LEADING)


def _break_points(text: str) -> list[tuple[int, int]]:
    """Where a line may end: (end of this line, start of the next). After a space (the space
    is dropped) or after a hyphen (kept): "Marie-|Christine", "DE |LA |TOUR-|D'AUVERGNE"."""
    points = []
    for index, char in enumerate(text):
        if char == " ":
            points.append((index, index + 1))
        elif char in "-‐" and 0 < index < len(text) - 1 and text[index + 1] != " ":
            points.append((index + 1, index + 1))
    return points


def _split(text: str, cuts: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    lines, start = [], 0
    for end, next_start in cuts:
        lines.append(text[start:end].strip())
        start = next_start
    lines.append(text[start:].strip())
    return tuple(line for line in lines if line)


def _best_split(text: str, font: str, count: int) -> tuple[str, ...] | None:
    """The split into `count` lines whose widest line is narrowest (balanced lines)."""
    points = _break_points(text)
    if len(points) < count - 1:
        return None
    if len(points) > _MAX_SPLITS:
        return _greedy_split(text, font, count)
    best: tuple[str, ...] | None = None
    best_width = float("inf")
    for cuts in itertools.combinations(points, count - 1):
        lines = _split(text, cuts)
        if len(lines) != count:
            continue
        widest = max(text_width(line, font, 1.0) for line in lines)
        if widest < best_width:
            best, best_width = lines, widest
    return best


def _greedy_split(text: str, font: str, count: int) -> tuple[str, ...]:
    """Long text: fill each line up to an even share of the total width."""
    target = text_width(text, font, 1.0) / count
    cuts: list[tuple[int, int]] = []
    start = 0
    for end, next_start in _break_points(text):
        if len(cuts) == count - 1:
            break
        if text_width(text[start:end], font, 1.0) >= target:
            cuts.append((end, next_start))
            start = next_start
    return _split(text, tuple(cuts))


def _largest_size(lines: tuple[str, ...], font: str, width: float, height: float) -> float:
    widest = max(text_width(line, font, 1.0) for line in lines)
    by_width = width / widest if widest > 0 else float("inf")
    by_height = height / block_height(len(lines), 1.0)
    return min(by_width, by_height) * 0.999  # stay clear of rounding at the box edge


def fit_text(
    text: str,
    font: str,
    width: float,
    height: float,
    max_size: float,
    *,
    max_lines: int = 2,
    wrap_below: float = 0.8,
) -> FittedText:
    """The largest size (≤ max_size) at which `text` fits the box on one line; when one line
    would shrink below `wrap_below` × max_size, the best of up to `max_lines` balanced lines.
    The text never overflows: when nothing fits at a pleasant size it shrinks further."""
    text = " ".join(text.split())
    if not text:
        return FittedText((), font, max_size)
    single = (text,)
    single_size = min(max_size, _largest_size(single, font, width, height))
    if single_size >= wrap_below * max_size:
        return FittedText(single, font, single_size)
    best = FittedText(single, font, single_size)
    for count in range(2, max_lines + 1):
        lines = _best_split(text, font, count)
        if lines is None:
            break
        size = min(max_size, _largest_size(lines, font, width, height))
        if size > best.size * 1.05:  # a new line must buy a visibly larger size
            best = FittedText(lines, font, size)
    if best.size < 0.55 * max_size and max_lines > 1:
        # "WOLFESCHLEGELSTEINHAUSENBERGERDORFF": no place to break, so hyphenate the text
        # rather than print it in letters nobody can read.
        lines = _hyphenated(text, font)
        size = min(max_size, _largest_size(lines, font, width, height))
        if size > best.size * 1.05:
            best = FittedText(lines, font, size)
    return best


def _hyphenated(text: str, font: str) -> tuple[str, ...]:
    """Two lines cut inside a word, at the balanced point, the first ending with "-"."""
    best: tuple[str, ...] = (text,)
    best_width = float("inf")
    for cut in range(3, len(text) - 2):
        head, tail = text[:cut].rstrip(), text[cut:].lstrip()
        if not head[-1].isalpha() or not tail[0].isalpha():
            continue
        lines = (head + "-", tail)
        widest = max(text_width(line, font, 1.0) for line in lines)
        if widest < best_width:
            best, best_width = lines, widest
    return best


def draw_text(
    canvas: Any,
    fitted: FittedText,
    box: Rect,
    *,
    align: Align = "left",
    valign: Literal["top", "middle", "bottom"] = "top",
) -> None:
    """Draw fitted lines inside `box`, aligned horizontally and vertically."""
    if not fitted.lines:
        return
    if valign == "top":
        top = box.top
    elif valign == "middle":
        top = box.top - (box.height - fitted.height) / 2
    else:
        top = box.y + fitted.height
    baseline = top - fitted.size * ASCENT
    canvas.setFont(fitted.font, fitted.size)
    for line in fitted.lines:
        if align == "left":
            canvas.drawString(box.x, baseline, line)
        elif align == "center":
            canvas.drawCentredString(box.x + box.width / 2, baseline, line)
        else:
            canvas.drawRightString(box.right, baseline, line)
        baseline -= fitted.leading


def check_output(out: Path) -> None:
    """Refuse early (before any fact is written) an output the PDF could not be saved to."""
    out = Path(out)
    folder = out.parent
    if out.is_dir():
        raise DocumentError(f"{out} est un dossier : indiquez un nom de fichier PDF.")
    if not folder.is_dir():
        raise DocumentError(f"Le dossier {folder} n'existe pas.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DocumentError(f"Impossible d'écrire dans le dossier {folder} (droits d'accès).")


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """A temporary file beside `out`, moved onto `out` only when the block succeeds: a crash
    or an error never leaves half a PDF under the final name."""
    out = Path(out)
    check_output(out)
    folder = out.parent
    # Not mkstemp: its 0600 mode would make the PDF unreadable to other office accounts.
    temporary = folder / f".{out.name}.{secrets.token_hex(6)}.tmp"
    try:
        temporary.open("xb").close()
    except OSError as exc:
        raise DocumentError(
            f"Impossible d'écrire dans le dossier {folder} : {exc.strerror or exc}."
        ) from exc
    try:
        yield temporary
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, out)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise DocumentError(f"Impossible d'écrire {out} : {exc.strerror or exc}.") from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def new_canvas(
    path: Path, width: float, height: float, *, title: str, author: str, subject: str
) -> Any:
    """A reportlab canvas that only knows the embedded fonts (no base-14 Helvetica: nothing
    is left for the reader's system to substitute), with the document's metadata."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=(width, height), initialFontName=REGULAR, lang="fr-FR")
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator("Guichet")
    return canvas
