"""Drawing a feuille d'émargement on A4 pages: header, table of members, certificate, footer.

Pages are planned before anything is drawn, so that every page can say "page x / y"."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4

from desktop.models.clock import french_date
from desktop.models.documents.emargement_sheet import (
    EXTRA_COLUMNS,
    Sheet,
    SheetRow,
)
from desktop.models.documents.fonts import BOLD, REGULAR
from desktop.models.documents.layout import (
    Align,
    Rect,
    draw_text,
    fit_text,
    mm,
)

ACCENT = Color(0.12, 0.23, 0.41)
GREY = Color(0.35, 0.35, 0.35)  # 7.5:1 on white: small print stays readable
RULE = Color(0.55, 0.55, 0.55)
HEAD_FILL = Color(0.88, 0.90, 0.93)
ZEBRA = Color(0.96, 0.96, 0.96)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 12 * mm
TABLE_WIDTH = PAGE_WIDTH - 2 * LEFT
TOP = PAGE_HEIGHT - 12 * mm
BOTTOM = 12 * mm + 6 * mm  # the footer line lives below this
FIRST_HEADER = 58 * mm
NEXT_HEADER = 11 * mm
HEAD_ROW = 9 * mm
ROW = 9.5 * mm
CERTIFICATE = 40 * mm
CERTIFICATE_GAP = 6 * mm
LABEL = 38 * mm  # the bold labels of the header and of the certificate

# (key, heading, width in mm, alignment); the widths add up to the table width (186 mm).
COLUMNS: tuple[tuple[str, str, float, Align], ...] = (
    ("number", "N°", 8, "center"),
    ("surname", "Nom", 38, "left"),
    ("first_name", "Prénom", 30, "left"),
    ("arrival", "Arrivée", 14, "center"),
    ("signature", "Signature", 44, "center"),
    *(
        (key, heading, width, "center")
        for (key, heading), width in zip(EXTRA_COLUMNS, (12, 14, 26), strict=True)
    ),
)


@dataclass(frozen=True)
class PagePlan:
    rows: tuple[SheetRow, ...]
    first: bool
    certificate: bool


def page_plan(sheet: Sheet) -> list[PagePlan]:
    """Rows per page, decided before drawing so that every page can say "page x / y"."""
    rows = list(sheet.rows)
    pages: list[PagePlan] = []
    while rows or not pages:
        top = FIRST_HEADER if not pages else NEXT_HEADER
        capacity = int((TOP - top - HEAD_ROW - BOTTOM) // ROW)
        pages.append(PagePlan(tuple(rows[:capacity]), first=not pages, certificate=False))
        rows = rows[capacity:]
    last = pages[-1]
    used = (FIRST_HEADER if last.first else NEXT_HEADER) + HEAD_ROW + len(last.rows) * ROW
    if TOP - used - BOTTOM >= CERTIFICATE_GAP + CERTIFICATE:
        pages[-1] = PagePlan(last.rows, last.first, certificate=True)
    else:
        pages.append(PagePlan((), first=False, certificate=True))
    return pages


def long_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {french_date(day)}"


def _line(canvas: Any, text: str, box: Rect, font: str, size: float, align: Align = "left") -> None:
    draw_text(
        canvas, fit_text(text, font, box.width, box.height, size, max_lines=1), box, align=align
    )


def _labelled(canvas: Any, label: str, value: str, x: float, y: float, width: float) -> None:
    """ "Lieu : Hôtel de Métropole…" with the label in bold, on one line of `width`."""
    canvas.setFillColor(black)
    _line(canvas, label, Rect(x, y, LABEL, 4.5 * mm), BOLD, 9.5)
    _line(canvas, value, Rect(x + LABEL, y, width - LABEL, 4.5 * mm), REGULAR, 9.5)


def _first_header(canvas: Any, sheet: Sheet) -> None:
    session = sheet.session
    canvas.setFillColor(ACCENT)
    _line(canvas, sheet.organiser, Rect(LEFT, TOP - 4.5 * mm, TABLE_WIDTH, 4.5 * mm), BOLD, 10)
    canvas.setFillColor(black)
    _line(canvas, sheet.title, Rect(LEFT, TOP - 10.5 * mm, TABLE_WIDTH, 5.5 * mm), BOLD, 13)
    canvas.setFillColor(GREY)
    _line(canvas, sheet.deliberation, Rect(LEFT, TOP - 15 * mm, TABLE_WIDTH, 4 * mm), REGULAR, 9)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(LEFT, TOP - 17 * mm, LEFT + TABLE_WIDTH, TOP - 17 * mm)

    info_width = TABLE_WIDTH - 60 * mm
    canvas.setFillColor(black)
    _line(canvas, "FEUILLE D'ÉMARGEMENT", Rect(LEFT, TOP - 25 * mm, info_width, 6 * mm), BOLD, 15)
    state = "Feuille vierge, à signer sur place" if sheet.blank else f"État au {sheet.edited_at}"
    canvas.setFillColor(GREY)
    _line(canvas, state, Rect(LEFT, TOP - 29.5 * mm, info_width, 4 * mm), REGULAR, 8.5)
    lines = (
        ("Séance :", session.label),
        ("Date :", long_date(session.day)),
        ("Partie de journée :", session.part),
        ("Lieu :", session.place),
    )
    for index, (label, value) in enumerate(lines):
        _labelled(canvas, label, value, LEFT, TOP - (36.5 + 5.5 * index) * mm, info_width - 4 * mm)
    _counts_box(
        canvas, sheet, Rect(LEFT + TABLE_WIDTH - 56 * mm, TOP - 53 * mm, 56 * mm, 31.5 * mm)
    )


def _counts_box(canvas: Any, sheet: Sheet, box: Rect) -> None:
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.8)
    canvas.rect(box.x, box.y, box.width, box.height)
    present = "______" if sheet.present is None else str(sheet.present)
    half = box.height / 2
    for index, (label, value) in enumerate(
        (("Membres attendus", str(sheet.expected)), ("Présents", present))
    ):
        y = box.top - (index + 1) * half
        canvas.setFillColor(black)
        draw_text(
            canvas,
            fit_text(label, REGULAR, 30 * mm, half, 10, max_lines=1),
            Rect(box.x + 3 * mm, y, 30 * mm, half),
            valign="middle",
        )
        draw_text(
            canvas,
            fit_text(value, BOLD, box.width - 36 * mm, half, 16, max_lines=1),
            Rect(box.x + 33 * mm, y, box.width - 36 * mm, half),
            align="right",
            valign="middle",
        )
    canvas.setLineWidth(0.4)
    canvas.line(box.x, box.y + half, box.right, box.y + half)


def _next_header(canvas: Any, sheet: Sheet) -> None:
    session = sheet.session
    text = f"Feuille d'émargement — {session.label} — {long_date(session.day)} ({session.part})"
    canvas.setFillColor(black)
    _line(canvas, text, Rect(LEFT, TOP - 5 * mm, TABLE_WIDTH, 5 * mm), BOLD, 10)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(LEFT, TOP - 7 * mm, LEFT + TABLE_WIDTH, TOP - 7 * mm)


def _cells(row: SheetRow, blank: bool) -> dict[str, str]:
    cells = {
        "number": str(row.number),
        "surname": row.surname,
        "first_name": row.first_name,
        "arrival": row.arrival if (row.present or blank) else "—",
        "signature": "",
    }
    cells.update({key: row.extra(key, blank) for key, _heading in EXTRA_COLUMNS})
    return cells


def _table(canvas: Any, sheet: Sheet, rows: Sequence[SheetRow], top: float) -> float:
    """Draw the heading row and `rows` from `top` down; returns the table's bottom."""
    pad = 1.5 * mm
    canvas.setFillColor(HEAD_FILL)
    canvas.rect(LEFT, top - HEAD_ROW, TABLE_WIDTH, HEAD_ROW, stroke=0, fill=1)
    canvas.setFillColor(black)
    x = LEFT
    for _key, heading, width, _align in COLUMNS:
        cell = Rect(x + pad, top - HEAD_ROW + pad, width * mm - 2 * pad, HEAD_ROW - 2 * pad)
        fitted = fit_text(heading, BOLD, cell.width, cell.height, 8, max_lines=2)
        draw_text(canvas, fitted, cell, align="center", valign="middle")
        x += width * mm
    y = top - HEAD_ROW
    for index, row in enumerate(rows):
        if index % 2:
            canvas.setFillColor(ZEBRA)
            canvas.rect(LEFT, y - ROW, TABLE_WIDTH, ROW, stroke=0, fill=1)
        cells = _cells(row, sheet.blank)
        x = LEFT
        for key, _heading, width, align in COLUMNS:
            cell = Rect(x + pad, y - ROW + pad, width * mm - 2 * pad, ROW - 2 * pad)
            canvas.setFillColor(GREY if key == "number" or cells[key] == "—" else black)
            font = BOLD if key == "surname" else REGULAR
            fitted = fit_text(cells[key], font, cell.width, cell.height, 9.5, max_lines=2)
            draw_text(canvas, fitted, cell, align=align, valign="middle")
            x += width * mm
        y -= ROW
    _grid(canvas, top, y)
    return y


def _grid(canvas: Any, top: float, bottom: float) -> None:
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    y = top - HEAD_ROW
    while y > bottom + 0.1:
        y -= ROW
        canvas.line(LEFT, y, LEFT + TABLE_WIDTH, y)
    x = LEFT
    for _key, _heading, width, _align in COLUMNS[:-1]:
        x += width * mm
        canvas.line(x, top, x, bottom)
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.8)
    canvas.rect(LEFT, bottom, TABLE_WIDTH, top - bottom)
    canvas.line(LEFT, top - HEAD_ROW, LEFT + TABLE_WIDTH, top - HEAD_ROW)


def _certificate(
    canvas: Any, sheet: Sheet, top: float, agent: str, role: str, certified_on: date | None
) -> None:
    box = Rect(LEFT, top - CERTIFICATE, TABLE_WIDTH, CERTIFICATE)
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.8)
    canvas.rect(box.x, box.y, box.width, box.height)
    inner = box.x + 4 * mm
    canvas.setFillColor(black)
    _line(
        canvas,
        "Certifié exact — service fait",
        Rect(inner, box.top - 8 * mm, 110 * mm, 5.5 * mm),
        BOLD,
        12,
    )
    present = "______" if sheet.present is None else str(sheet.present)
    summary = f"Présents : {present} sur {sheet.expected} membres attendus."
    _line(canvas, summary, Rect(inner, box.top - 14 * mm, 110 * mm, 4.5 * mm), REGULAR, 9.5)
    blank_line = "……………………………………"
    fields = (
        ("Nom de l'agent :", agent.strip() or blank_line),
        ("Fonction :", role.strip() or blank_line),
        ("Date :", french_date(certified_on) if certified_on else "____ / ____ / ________"),
    )
    for index, (label, value) in enumerate(fields):
        _labelled(canvas, label, value, inner, box.top - (21 + 6 * index) * mm, 104 * mm)
    signature = Rect(box.right - 68 * mm, box.y + 4 * mm, 64 * mm, box.height - 8 * mm)
    _line(
        canvas,
        "Signature :",
        Rect(signature.x - 22 * mm, signature.top - 4.5 * mm, 20 * mm, 4.5 * mm),
        BOLD,
        9.5,
        "right",
    )
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor(RULE)
    canvas.rect(signature.x, signature.y, signature.width, signature.height)


def _footer(canvas: Any, sheet: Sheet, number: int, total: int) -> None:
    session = sheet.session
    text = (
        f"{sheet.organiser} — Feuille d'émargement — {session.label}, {french_date(session.day)}"
        f" ({session.part}) — éditée le {sheet.edited_at}"
    )
    canvas.setFillColor(GREY)
    _line(canvas, text, Rect(LEFT, 10 * mm, TABLE_WIDTH - 25 * mm, 3.5 * mm), REGULAR, 7.5)
    _line(
        canvas,
        f"page {number} / {total}",
        Rect(LEFT + TABLE_WIDTH - 24 * mm, 10 * mm, 24 * mm, 4 * mm),
        BOLD,
        9,
        "right",
    )


def draw_sheet(
    canvas: Any,
    sheet: Sheet,
    plan: Sequence[PagePlan],
    *,
    agent: str = "",
    role: str = "",
    certified_on: date | None = None,
) -> None:
    for number, page in enumerate(plan, start=1):
        if page.first:
            _first_header(canvas, sheet)
        else:
            _next_header(canvas, sheet)
        top = TOP - (FIRST_HEADER if page.first else NEXT_HEADER)
        if page.rows or page.first:
            top = _table(canvas, sheet, page.rows, top) - CERTIFICATE_GAP
        if page.certificate:
            _certificate(canvas, sheet, top, agent, role, certified_on)
        _footer(canvas, sheet, number, len(plan))
        canvas.showPage()
