"""The office report as a PDF (A4 landscape): a title block with the key figures, then every
table of `tables.py`, each with its heading, headers repeated on every page, "page x / y"."""

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from desktop.models.clock import from_utc_text, paris_day, paris_hhmm
from desktop.models.documents.fonts import BOLD, REGULAR, register_fonts, text_width
from desktop.models.documents.layout import atomic_output, mm
from desktop.models.reports.data import OfficeReport
from desktop.models.reports.paged import PagedTable
from desktop.models.reports.tables import Cell, Money, Table
from desktop.models.spreadsheet import euros

PAGE = landscape(A4)
MARGIN = 12 * mm
WIDTH = PAGE[0] - 2 * MARGIN
ACCENT = Color(0.12, 0.23, 0.41)
GREY = Color(0.35, 0.35, 0.35)
HEAD_FILL = Color(0.88, 0.90, 0.93)
ZEBRA = Color(0.96, 0.96, 0.96)
RULE = Color(0.55, 0.55, 0.55)
CELL_SIZE = 7.5
MAX_COLUMN = 62 * mm

_TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, textColor=ACCENT)
_SUBTITLE = ParagraphStyle("subtitle", fontName=REGULAR, fontSize=10, leading=13)
_HEADING = ParagraphStyle(
    "heading", fontName=BOLD, fontSize=12, leading=15, textColor=ACCENT, spaceBefore=8
)
_NOTE = ParagraphStyle("note", fontName=REGULAR, fontSize=8, leading=10, textColor=GREY)
_CELL = ParagraphStyle("cell", fontName=REGULAR, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.2)
_CELL_RIGHT = ParagraphStyle("cell-right", parent=_CELL, alignment=2)
_HEAD = ParagraphStyle("head", parent=_CELL, fontName=BOLD)
_TOTAL = ParagraphStyle("total", parent=_CELL, fontName=BOLD)
_TOTAL_RIGHT = ParagraphStyle("total-right", parent=_TOTAL, alignment=2)
_HASH = ParagraphStyle("hash", parent=_CELL, fontSize=6.2, leading=7.4)
_SIDE_PADDING = 3
_ROW_HEIGHT = _CELL.leading + 2 + 2  # one line and its top and bottom padding (see _style)


def cell_text(value: Cell) -> str:
    """How a cell reads on paper: 12,50 €, 11/11/2023, empty for nothing."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return euros(value.cents)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _is_hash(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


@lru_cache(maxsize=1 << 16)
def _text_width(text: str, font: str, size: float) -> float:
    """text_width, remembered: a long table repeats its communes, times, desks and names."""
    return text_width(text, font, size)


def _paragraph(value: Cell, bold: bool = False) -> Paragraph:
    text = cell_text(value)
    right = isinstance(value, int | Money)
    if _is_hash(text):
        return Paragraph(f"{text[:32]}<br/>{text[32:]}", _HASH)
    style = (_TOTAL_RIGHT if right else _TOTAL) if bold else (_CELL_RIGHT if right else _CELL)
    return Paragraph(escape(text), style)


def _cell(value: Cell, room: float) -> Paragraph | str:
    """A cell of a body row: the plain text when a Paragraph would set it on one line,
    left-aligned, in the regular font (the table's style sets the same font, size and
    leading), else the Paragraph. Plain text costs the layout and the drawing a fraction of
    a Paragraph: the arrivals of 14 000 members are 30 000 rows."""
    text = cell_text(value)
    if (
        isinstance(value, int | Money)
        or _is_hash(text)
        or " ".join(text.split()) != text  # a Paragraph folds spaces and line breaks
        or _text_width(text, REGULAR, CELL_SIZE) > room
    ):
        return _paragraph(value)
    return text


def _widths(table: Table, column: int) -> tuple[float, float]:
    """(narrowest, natural) width of a column: the narrowest never breaks inside a word."""
    heading = table.header[column]
    longest_word = max((_text_width(w, BOLD, CELL_SIZE) for w in heading.split()), default=0.0)
    widest = _text_width(heading, BOLD, CELL_SIZE)
    for row in (*table.rows, *((table.total,) if table.total else ())):
        text = cell_text(row[column])
        if _is_hash(text):
            shown = _text_width(text[:32], REGULAR, _HASH.fontSize)
            longest_word, widest = max(longest_word, shown), max(widest, shown)
            continue
        font = BOLD if row is table.total else REGULAR
        widest = max(widest, _text_width(text, font, CELL_SIZE))
        for word in text.split():
            longest_word = max(longest_word, _text_width(word, font, CELL_SIZE))
    padding = 7.0
    narrow = min(longest_word, MAX_COLUMN) + padding
    return narrow, max(min(widest, MAX_COLUMN) + padding, narrow)


def column_widths(table: Table) -> list[float]:
    """Natural widths scaled to the page; when they do not fit, every column keeps at least
    its longest word and the rest of the room is shared in proportion."""
    pairs = [_widths(table, i) for i in range(len(table.header))]
    narrow = [a for a, _ in pairs]
    natural = [b for _, b in pairs]
    if sum(natural) <= WIDTH:
        scale = WIDTH / sum(natural)
        return [w * scale for w in natural]
    slack = sum(natural) - sum(narrow)
    room = max(WIDTH - sum(narrow), 0.0)
    share = room / slack if slack else 0.0
    widths = [a + (b - a) * share for a, b in zip(narrow, natural, strict=True)]
    scale = WIDTH / sum(widths)
    return [w * scale for w in widths]


def _style(body: int, total: bool) -> list[tuple[Any, ...]]:
    """The commands of a table of `body` rows under its header, with the total row or not."""
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # no base-14 Helvetica in the file
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),  # plain text cells read like _CELL
        ("LEADING", (0, 0), (-1, -1), _CELL.leading),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), _SIDE_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _SIDE_PADDING),
        # One command for the zebra (not one per other row, which a split copies at every
        # page break); the first row of each page is white.
        ("ROWBACKGROUNDS", (0, 1), (-1, body), [None, ZEBRA]),
    ]
    if total:
        style.append(("BACKGROUND", (0, -1), (-1, -1), HEAD_FILL))
        style.append(("LINEABOVE", (0, -1), (-1, -1), 1.2, ACCENT))
    return style


def _flow_table(table: Table) -> list[Any]:
    heading = [Paragraph(escape(table.title), _HEADING)]
    if table.note:
        heading.append(Paragraph(escape(table.note), _NOTE))
    heading.append(Spacer(0, 2 * mm))
    if not table.rows:
        return [KeepTogether([*heading, Paragraph("Aucune ligne.", _CELL)])]
    widths = column_widths(table)
    rooms = [width - 2 * _SIDE_PADDING for width in widths]
    head = [Paragraph(escape(h), _HEAD) for h in table.header]
    body = [[_cell(v, room) for v, room in zip(row, rooms, strict=True)] for row in table.rows]
    total = [_paragraph(v, bold=True) for v in table.total] if table.total else None
    if len(body) + 1 + (total is not None) >= 12:
        # Laid out a page at a time (paged.py); the heading goes before the first rows.
        return [*heading, PagedTable(head, body, total, widths, _style, _ROW_HEIGHT)]
    data = [head, *body, *([total] if total else [])]
    flow = LongTable(
        data, colWidths=widths, repeatRows=1, style=TableStyle(_style(len(body), bool(total)))
    )
    # The heading stays with the first rows of its table.
    return [KeepTogether([*heading, flow])]


def _when(utc_text: str) -> str:
    day = paris_day(from_utc_text(utc_text)).strftime("%d/%m/%Y")
    return f"{day} à {paris_hhmm(utc_text)}"


def _title_block(report: OfficeReport) -> list[Any]:
    present = sum(a.present for a in report.attendance)
    expected = sum(a.expected for a in report.attendance)
    passes = sum(m.member_passes + m.guest_passes for m in report.meals)
    guests = sum(m.guest_passes for m in report.meals)
    days = report.scope.days
    period = (
        f"le {days[0].strftime('%d/%m/%Y')}"
        if len(days) == 1
        else f"du {days[0].strftime('%d/%m/%Y')} au {days[-1].strftime('%d/%m/%Y')}"
    )
    figures = [
        f"{len(report.scope.sessions)} séance(s) {period}",
        f"présences (toutes séances) : {present} sur {expected} attendues",
        f"repas : {passes} pass (dont {guests} invités)",
        f"stationnement : {len(report.parking.lines)} reçu(s), {euros(report.parking.total_cents)}",
        f"conflits ouverts : {len(report.open_conflicts)}, anomalies : {len(report.anomalies)}",
    ]
    return [
        Paragraph(escape(report.organiser), _SUBTITLE),
        Paragraph(escape(f"Rapport du bureau — {report.scope.title}"), _TITLE),
        Paragraph(escape(report.convention_title), _SUBTITLE),
        Paragraph(escape(report.deliberation), _NOTE),
        Paragraph(
            escape(
                f"Établi le {_when(report.generated_at)} (heure de Paris) "
                "à partir du fichier fusionné du bureau."
            ),
            _NOTE,
        ),
        Spacer(0, 3 * mm),
        *(Paragraph(escape(f"• {line}"), _SUBTITLE) for line in figures),
        Spacer(0, 2 * mm),
    ]


def _closing_block(report: OfficeReport) -> list[Any]:
    return [
        Spacer(0, 2 * mm),
        KeepTogether(
            [
                Paragraph(
                    escape(
                        f"Arrêté le présent état liquidatif à {len(report.parking.lines)} "
                        f"reçu(s) pour la somme de {euros(report.parking.total_cents)}."
                    ),
                    _SUBTITLE,
                ),
                Spacer(0, 2 * mm),
                Paragraph(
                    "Certifié exact — service fait. À Montpellier, le ............ "
                    "Nom, qualité et signature : ..........................................",
                    _NOTE,
                ),
            ]
        ),
    ]


def _numbered_canvas(footer: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Draws "page x / y" once the number of pages is known (pages saved, then drawn)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = REGULAR
            kwargs.setdefault("lang", "fr-FR")
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(REGULAR, 7.5)
                self.setFillColor(GREY)
                self.drawString(MARGIN, 7 * mm, footer)
                self.drawRightString(PAGE[0] - MARGIN, 7 * mm, f"page {number} / {total}")
                super().showPage()
            super().save()

    return NumberedCanvas


def render_report_pdf(report: OfficeReport, tables: Sequence[Table], out: Path) -> int:
    """Write the report to `out` (through a temporary file); returns the number of pages."""
    register_fonts()
    story: list[Any] = _title_block(report)
    for table in tables:
        story += _flow_table(table)
        if table.key == "etat-liquidatif":
            story += _closing_block(report)
    footer = f"Guichet — {report.convention_title} — rapport du bureau, {report.scope.title}"
    pages: list[int] = []
    canvas_class = _numbered_canvas(footer)
    with atomic_output(out) as temporary:
        document = SimpleDocTemplate(
            str(temporary),
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=f"Rapport du bureau — {report.scope.title}",
            author=report.organiser,
            subject=report.convention_title,
            creator="Guichet",
        )
        document.build(story, canvasmaker=canvas_class)
        pages.append(document.page)
    return pages[0]
