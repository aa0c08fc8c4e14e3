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
ROW = 9 * mm  # room to sign; 40 members and the certificate fit two pages
CERTIFICATE = 50 * mm
CERTIFICATE_GAP = 6 * mm
LABEL = 38 * mm  # the bold labels of the header and of the certificate

# (key, heading, width in mm, alignment); the widths add up to the table width (186 mm).
COLUMNS: tuple[tuple[str, str, float, Align], ...] = (
    ("number", "N°", 7, "center"),
    ("surname", "Nom", 34, "left"),
    ("first_name", "Prénom", 27, "left"),
    ("arrival", "Arrivée", 13, "center"),
    ("signature", "Signature", 38, "center"),
    *(
        (key, heading, width, "center")
        for (key, heading), width in zip(EXTRA_COLUMNS, (14, 27, 26), strict=True)
    ),
)
SUBSTITUTE = "suppléant·e"


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


def _counts(sheet: Sheet) -> tuple[tuple[str, str], ...]:
    """The header's counts: expected, present, and the meals (members and guests apart)."""
    unknown = "______"
    totals = sheet.totals
    if not sheet.session.lunch:
        meals, guests = "—", "—"
    elif totals is None:
        meals, guests = unknown, unknown
    else:
        meals, guests = str(totals.member_meals), str(totals.guest_meals)
    present = unknown if sheet.present is None else str(sheet.present)
    return (
        ("Membres attendus", str(sheet.expected)),
        ("Présents", present),
        ("Repas membres", meals),
        ("Repas invités", guests),
    )


def _counts_box(canvas: Any, sheet: Sheet, box: Rect) -> None:
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.8)
    canvas.rect(box.x, box.y, box.width, box.height)
    counts = _counts(sheet)
    step = box.height / len(counts)
    canvas.setLineWidth(0.4)
    for index, (label, value) in enumerate(counts):
        y = box.top - (index + 1) * step
        if index:
            canvas.line(box.x, y + step, box.right, y + step)
        canvas.setFillColor(black)
        draw_text(
            canvas,
            fit_text(label, REGULAR, 32 * mm, step, 9.5, max_lines=1),
            Rect(box.x + 3 * mm, y, 32 * mm, step),
            valign="middle",
        )
        draw_text(
            canvas,
            fit_text(value, BOLD, box.width - 38 * mm, step * 0.9, 14, max_lines=1),
            Rect(box.x + 35 * mm, y, box.width - 38 * mm, step),
            align="right",
            valign="middle",
        )


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
            if key == "first_name" and row.substitute:
                _substitute(canvas, cells[key], cell)
            else:
                fitted = fit_text(cells[key], font, cell.width, cell.height, 9.5, max_lines=2)
                draw_text(canvas, fitted, cell, align=align, valign="middle")
            x += width * mm
        y -= ROW
    _grid(canvas, top, y)
    return y


def _substitute(canvas: Any, first_name: str, cell: Rect) -> None:
    """The first name on top, "suppléant·e" in small grey words below (never a colour alone),
    the pair using the row's whole height."""
    row = Rect(cell.x, cell.y - 0.9 * mm, cell.width, cell.height + 1.8 * mm)
    upper = Rect(row.x, row.y + row.height * 0.44, row.width, row.height * 0.56)
    lower = Rect(row.x, row.y, row.width, row.height * 0.44)
    name = fit_text(first_name, REGULAR, upper.width, upper.height, 9.5, max_lines=1)
    draw_text(canvas, name, upper, valign="bottom")
    canvas.setFillColor(GREY)
    tag = fit_text(SUBSTITUTE, REGULAR, lower.width, lower.height, 7.5, max_lines=1)
    draw_text(canvas, tag, lower, valign="middle")
    canvas.setFillColor(black)


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


def _summary(sheet: Sheet) -> tuple[str, ...]:
    """What the agent certifies: presence, meals, tickets by product, parking receipts."""
    unknown = "______"
    present = unknown if sheet.present is None else str(sheet.present)
    lines = [f"Présents : {present} sur {sheet.expected} membres attendus."]
    totals = sheet.totals
    if totals is None:
        lines += [
            f"Repas remis : {unknown} membres, {unknown} invités.",
            f"Tickets remis : {unknown}",
            f"Stationnement : {unknown} reçus, {unknown} €.",
        ]
        return tuple(lines)
    if sheet.session.lunch:
        guests = "invité·e" if totals.guest_meals == 1 else "invité·es"
        members = "membre" if totals.member_meals == 1 else "membres"
        meals = f"{totals.member_meals} {members}, {totals.guest_meals} {guests}"
    else:
        meals = "pas de déjeuner à cette séance"
    lines += [
        f"Repas remis : {meals}.",
        f"Tickets remis : {totals.tickets_text}.",
        f"Stationnement : {totals.parking_text}.",
    ]
    return tuple(lines)


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
        Rect(inner, box.top - 7.5 * mm, 110 * mm, 5.5 * mm),
        BOLD,
        12,
    )
    for index, text in enumerate(_summary(sheet)):
        line = Rect(inner, box.top - (12.5 + 4.6 * index) * mm, box.width - 8 * mm, 4.2 * mm)
        _line(canvas, text, line, REGULAR, 9)
    blank_line = "……………………………………"
    fields = (
        ("Nom de l'agent :", agent.strip() or blank_line),
        ("Fonction :", role.strip() or blank_line),
        ("Date :", french_date(certified_on) if certified_on else "____ / ____ / ________"),
    )
    for index, (label, value) in enumerate(fields):
        _labelled(canvas, label, value, inner, box.top - (34 + 5.3 * index) * mm, 100 * mm)
    signature = Rect(box.right - 68 * mm, box.y + 3 * mm, 64 * mm, box.height - 34 * mm)
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
