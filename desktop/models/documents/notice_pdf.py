"""The member information notice on paper: A4, large readable type, every section of the notice.

Title, then each (heading, text) of `Notice.sections()` in reading order, wrapped to the
page width; a new page when the next line would not fit (a heading never ends a page alone);
"Page n / N" at the foot. Written through `atomic_output`: never half a PDF under its name.
"""

from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit

from desktop.models.documents.fonts import BOLD, REGULAR, register_fonts
from desktop.models.documents.layout import atomic_output, mm, new_canvas
from desktop.models.notice import Notice
from desktop.models.workspace import ORGANISER

ACCENT = Color(0.12, 0.23, 0.41)  # the badges' dark blue (11:1 on white)
GREY = Color(0.3, 0.3, 0.3)
MARGIN = 20 * mm
TITLE_SIZE = 18.0
HEADING_SIZE = 12.0
BODY_SIZE = 10.5
LEADING = 1.3
FOOT = 16 * mm  # bottom margin: the page number sits at 10 mm


def _french_spaces(text: str) -> str:
    """Guillemets kept with their words: a line never starts with » nor ends with «."""
    for plain, kept in (("« ", "«\u00a0"), (" »", "\u00a0»"), (" :", "\u00a0:")):
        text = text.replace(plain, kept)
    return text.replace("Cedex ", "Cedex\u00a0")


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in _french_spaces(text).splitlines() or [""]:
        lines += simpleSplit(paragraph, font, size, width) or [""]
    return lines


Block = tuple[str, float, Any, list[str], float]


def _blocks(notice: Notice, width: float) -> list[Block]:
    """(font, size, colour, lines, space after) in reading order."""
    blocks: list[Block] = [
        (BOLD, TITLE_SIZE, ACCENT, _lines(notice.title, BOLD, TITLE_SIZE, width), 6 * mm)
    ]
    for heading, body in notice.sections():
        blocks.append(
            (BOLD, HEADING_SIZE, ACCENT, _lines(heading, BOLD, HEADING_SIZE, width), 1.5 * mm)
        )
        blocks.append((REGULAR, BODY_SIZE, black, _lines(body, REGULAR, BODY_SIZE, width), 4 * mm))
    return blocks


def write_notice_pdf(notice: Notice, out: Path | str) -> Path:
    """Write the notice to `out` (A4). Returns the path."""
    out = Path(out)
    register_fonts()
    page_w, page_h = A4
    width = page_w - 2 * MARGIN
    blocks = _blocks(notice, width)
    pages = _paginate(blocks, page_h)
    with atomic_output(out) as temporary:
        canvas = new_canvas(
            temporary,
            page_w,
            page_h,
            title=notice.title,
            author=ORGANISER,
            subject="Notice d'information des membres (RGPD)",
        )
        for number, page in enumerate(pages, start=1):
            y = page_h - MARGIN
            for font, size, colour, line, after in page:
                if line is None:
                    y -= after
                    continue
                y -= size * LEADING
                canvas.setFont(font, size)
                canvas.setFillColor(colour)
                canvas.drawString(MARGIN, y, line)
            canvas.setFont(REGULAR, 9)
            canvas.setFillColor(GREY)
            canvas.drawRightString(page_w - MARGIN, 10 * mm, f"Page {number} / {len(pages)}")
            canvas.drawString(MARGIN, 10 * mm, notice.title[:90])
            canvas.showPage()
        canvas.save()
    return out


Item = tuple[str, float, Any, str | None, float]


def _paginate(blocks: list[Block], page_h: float) -> list[list[Item]]:
    usable = page_h - MARGIN - FOOT
    pages: list[list[Item]] = [[]]
    used = 0.0
    for index, (font, size, colour, lines, after) in enumerate(blocks):
        heading = font == BOLD and index > 0
        for n, line in enumerate(lines):
            need = size * LEADING
            if heading and n == 0:  # keep a heading with the first lines of its text
                body_size = blocks[index + 1][1]
                need += (len(lines) - 1) * size * LEADING + 2 * body_size * LEADING
            if used + need > usable and pages[-1]:
                carried: list[Item] = []
                if n == len(lines) - 1 and n >= 2 and not heading:  # no line left alone
                    carried = [pages[-1].pop()]
                pages.append(carried)
                used = len(carried) * size * LEADING
            pages[-1].append((font, size, colour, line, 0.0))
            used += size * LEADING
        pages[-1].append((font, size, colour, None, after))
        used += after
    return pages
