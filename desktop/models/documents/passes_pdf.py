"""Meal passes as PDF: a voucher per person for a Saturday lunch, with the signed QR code the
caterer's screen redeems (catering.redeem_meal_pass), the date and the holder's name.

Printing never issues a pass. A pass is issued once, at the desk, by the hand-out panel
(meals.give_meal_pass / give_guest_meal_pass: presence checked, a second pass refused unless a
reason is typed); printing only draws passes already given, read from the live 'meal.pass'
facts. So printing is harmless and repeatable: a reprint carries the same code, which the
caterer still serves once, and the list of passes stays the finance office's justification of
who received a meal. The desk prints the pass it has just handed out (`event_ids`); the office
prints the whole day: members in alphabetical order, then the guests (name and role) on
sheets of their own. Present members who were given no pass are reported, not printed.

Layouts: "a4-4" (an A4 sheet cut into four A6 vouchers) and "a6" (one voucher per page).
`pass_records` reads the database; `render_meal_passes_pdf` only takes plain records, so a
worker thread can draw them.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.utils import ImageReader

from desktop.models.attendance import session_roster
from desktop.models.clock import french_date, from_utc_text, paris_day, paris_hhmm
from desktop.models.convention import Session, get_convention, get_session, sessions_on
from desktop.models.documents.badge_layouts import QUIET_MODULES
from desktop.models.documents.badges_pdf import qr_image
from desktop.models.documents.emargement_draw import long_date
from desktop.models.documents.fonts import BOLD, REGULAR, text_width
from desktop.models.documents.layout import (
    DocumentError,
    FittedText,
    Rect,
    atomic_output,
    block_height,
    draw_text,
    fit_text,
    mm,
    new_canvas,
)
from desktop.models.meals import GuestRole, meal_list
from desktop.models.members import get_member
from desktop.models.workspace import CONVENTION_TITLE, ORGANISER

Progress = Callable[[int, int], None]
PASS_LAYOUTS = ("a4-4", "a6")
ACCENT = Color(0.12, 0.23, 0.41)  # the badges' dark blue, 11:1 on white
GREY = Color(0.35, 0.35, 0.35)
CUT = Color(0.6, 0.6, 0.6)
PASS_WIDTH, PASS_HEIGHT = A6  # 105 × 148 mm; four of them fill an A4 sheet
MARGIN = 8 * mm
QR_SIDE = 48 * mm
QR_ZONE_BOTTOM = MARGIN + 13.5 * mm  # above the three lines of small print
QR_ZONE_TOP = PASS_HEIGHT - MARGIN - 56.5 * mm  # below the menu line
ROLE_WORDS = {
    GuestRole.EXPERT.value: "Invité·e — expert·e",
    GuestRole.STAFF.value: "Invité·e — personnel",
    GuestRole.ELECTED.value: "Invité·e — élu·e",
    GuestRole.OTHER.value: "Invité·e",
}


@dataclass(frozen=True)
class PassRecord:
    """What one voucher shows: plain data a worker thread may take."""

    event_id: str
    qr_payload: str
    holder: str  # "Émilie DUBOIS", or the guest's name as typed
    role: str  # "Membre de la convention", "Invité·e — expert·e"
    guest: bool
    menu: str | None  # members only
    issued: str  # "11/11/2023 à 09:14" (Europe/Paris)
    number: int  # within its group (members, guests)
    of: int
    name_lines: tuple[str, ...] = ()  # members: (first name, SURNAME) when two lines are needed


@dataclass(frozen=True)
class PassHeading:
    """The lines every voucher of a lunch carries."""

    organiser: str
    title: str
    session: Session


@dataclass(frozen=True)
class PassesReport:
    session: Session
    members: int
    guests: int
    pages: int
    without_pass: tuple[str, ...]  # present members given no pass ("Émilie DUBOIS")

    @property
    def passes(self) -> int:
        return self.members + self.guests


# --- reading the database ---------------------------------------------------------------------


def lunch_session(db: sqlite_utils.Database, day: date, session_id: str | None = None) -> Session:
    """The session with lunch on `day` (or the one asked for, which must have lunch)."""
    if session_id is not None:
        session = get_session(db, session_id)
        if session is None or session.day != day:
            raise DocumentError(f"La séance {session_id!r} n'a pas lieu le {french_date(day)}.")
        if not session.lunch:
            raise DocumentError(f"Pas de déjeuner prévu à la séance {session.title}.")
        return session
    lunches = [s for s in sessions_on(db, day) if s.lunch]
    if not lunches:
        raise DocumentError(f"Aucun déjeuner prévu le {french_date(day)}.")
    if len(lunches) > 1:
        known = ", ".join(s.id for s in lunches)
        raise DocumentError(
            f"Plusieurs déjeuners le {french_date(day)} : précisez la séance ({known})."
        )
    return lunches[0]


def pass_heading(db: sqlite_utils.Database, session: Session) -> PassHeading:
    convention = get_convention(db)
    if convention is None:
        return PassHeading(ORGANISER, CONVENTION_TITLE, session)
    return PassHeading(convention.organiser, convention.title, session)


def pass_records(
    db: sqlite_utils.Database, session_id: str, event_ids: Sequence[str] | None = None
) -> list[PassRecord]:
    """The live passes of a lunch (only `event_ids` if given): members in accent-aware
    alphabetical order, then guests. A cancelled (voided) pass is never printed."""
    lines = [line.meal_pass for line in meal_list(db, session_id)]
    if event_ids is not None:
        wanted = set(event_ids)
        lines = [p for p in lines if p.event_id in wanted]
        missing = wanted - {p.event_id for p in lines}
        if missing:
            raise DocumentError("Bon repas introuvable ou annulé : il ne peut pas être imprimé.")
    groups = ([p for p in lines if not p.is_guest], [p for p in lines if p.is_guest])
    records = []
    for group in groups:
        for number, meal_pass in enumerate(group, start=1):
            at = meal_pass.issued.at
            member = get_member(db, meal_pass.member_id) if meal_pass.member_id else None
            role = (
                ROLE_WORDS.get(meal_pass.role, f"Invité·e — {meal_pass.role}")
                if meal_pass.is_guest
                else "Membre de la convention"
            )
            records.append(
                PassRecord(
                    event_id=meal_pass.event_id,
                    qr_payload=meal_pass.qr_payload,
                    holder=meal_pass.holder,
                    role=role,
                    guest=meal_pass.is_guest,
                    menu=meal_pass.menu,
                    issued=f"{french_date(paris_day(from_utc_text(at)))} à {paris_hhmm(at)}",
                    number=number,
                    of=len(group),
                    name_lines=(member.first_name, member.surname.upper()) if member else (),
                )
            )
    return records


def present_without_pass(db: sqlite_utils.Database, session_id: str) -> tuple[str, ...]:
    """Members checked in to the session who were given no meal pass (alphabetical)."""
    given = {line.meal_pass.member_id for line in meal_list(db, session_id)}
    return tuple(
        f"{row.first_name} {row.surname}"
        for row in session_roster(db, session_id)
        if row.present and row.member_id not in given
    )


# --- drawing ----------------------------------------------------------------------------------


def _slots(layout: str) -> tuple[float, float, tuple[tuple[float, float], ...]]:
    """Page width, height and the bottom-left corner of each voucher on the page."""
    if layout == "a6":
        return PASS_WIDTH, PASS_HEIGHT, ((0.0, 0.0),)
    if layout == "a4-4":
        width, height = A4
        y0 = (height - 2 * PASS_HEIGHT) / 2
        slots = (
            (0.0, y0 + PASS_HEIGHT),
            (PASS_WIDTH, y0 + PASS_HEIGHT),
            (0.0, y0),
            (PASS_WIDTH, y0),
        )
        return width, height, slots
    raise DocumentError(
        f"Mise en page inconnue : {layout!r} (possibles : {', '.join(PASS_LAYOUTS)})."
    )


def _line(canvas: Any, text: str, box: Rect, font: str, size: float, lines: int = 1) -> None:
    fitted = fit_text(text, font, box.width, box.height, size, max_lines=lines)
    draw_text(canvas, fitted, box, align="center", valign="middle")


def _holder(canvas: Any, record: PassRecord, box: Rect, size: float = 20) -> None:
    """The holder's name on one line, or, when it would shrink, a member's first name above
    the surname (never "Marie-Christine DE LA / TOUR-D'AUVERGNE"); a guest's name wraps."""
    fitted = fit_text(record.holder, BOLD, box.width, box.height, size, max_lines=1)
    if fitted.size < 0.8 * size:
        if len(record.name_lines) == 2:
            widest = max(text_width(line, BOLD, 1.0) for line in record.name_lines)
            best = min(size, box.width / widest, box.height / block_height(2, 1.0)) * 0.999
            fitted = FittedText(record.name_lines, BOLD, best)
        else:
            fitted = fit_text(record.holder, BOLD, box.width, box.height, size, max_lines=2)
    draw_text(canvas, fitted, box, align="center", valign="middle")


def _draw_pass(canvas: Any, record: PassRecord, heading: PassHeading) -> None:
    """One voucher, origin at its bottom-left corner (105 × 148 mm)."""
    inner = PASS_WIDTH - 2 * MARGIN
    top = PASS_HEIGHT - MARGIN
    session = heading.session
    canvas.setFillColor(ACCENT)
    _line(canvas, heading.organiser, Rect(MARGIN, top - 4.5 * mm, inner, 4.5 * mm), BOLD, 10)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, top - 6 * mm, MARGIN + inner, top - 6 * mm)
    canvas.setFillColor(black)
    _line(canvas, "BON DE REPAS", Rect(MARGIN, top - 15 * mm, inner, 7.5 * mm), BOLD, 20)
    lunch = f"Déjeuner du {long_date(session.day)}"
    _line(canvas, lunch, Rect(MARGIN, top - 21.5 * mm, inner, 5.5 * mm), BOLD, 12)
    canvas.setFillColor(GREY)
    _line(canvas, heading.title, Rect(MARGIN, top - 26 * mm, inner, 4 * mm), REGULAR, 8)

    # The holder, large, then the role in a band of its own (words, not a colour).
    canvas.setFillColor(black)
    _holder(canvas, record, Rect(MARGIN, top - 42 * mm, inner, 14 * mm))
    band = Rect(MARGIN + 8 * mm, top - 49.5 * mm, inner - 16 * mm, 6 * mm)
    canvas.setFillColor(black if record.guest else ACCENT)
    canvas.roundRect(band.x, band.y, band.width, band.height, 1.5 * mm, stroke=0, fill=1)
    canvas.setFillColor(white)
    role_box = Rect(band.x + 2 * mm, band.y, band.width - 4 * mm, band.height)
    _line(canvas, record.role, role_box, BOLD, 10)
    canvas.setFillColor(black)
    if record.menu:
        menu = f"Menu : {record.menu}"
        _line(canvas, menu, Rect(MARGIN, top - 55.5 * mm, inner, 4.5 * mm), REGULAR, 10)

    # The symbol and its quiet zone (4 modules) between the menu line and the small print.
    image = qr_image(record.qr_payload)
    modules = _modules(image)
    zone = QR_ZONE_TOP - QR_ZONE_BOTTOM
    side = min(QR_SIDE, zone * modules / (modules + 2 * QUIET_MODULES))
    qr = Rect((PASS_WIDTH - side) / 2, QR_ZONE_BOTTOM + (zone - side) / 2, side, side)
    canvas.drawImage(ImageReader(image), qr.x, qr.y, qr.width, qr.height)
    valid = f"Valable une seule fois, le {french_date(session.day)}, au déjeuner."
    _line(canvas, valid, Rect(MARGIN, MARGIN + 8.5 * mm, inner, 4.5 * mm), BOLD, 9)
    canvas.setFillColor(GREY)
    kind = "invité" if record.guest else "membre"
    foot = f"Remis le {record.issued} — bon {kind} n° {record.number} / {record.of}"
    _line(canvas, foot, Rect(MARGIN, MARGIN + 4 * mm, inner, 4 * mm), REGULAR, 7.5)
    _line(canvas, session.place, Rect(MARGIN, MARGIN, inner, 4 * mm), REGULAR, 7.5)


def _modules(image: Any) -> int:
    """Modules across a symbol drawn without border: its finder pattern starts with a dark
    run of 7 modules on the top row, whatever the pixels per module."""
    width = int(image.size[0])
    row = bytes(image.crop((0, 0, width, 1)).tobytes())
    run = next((i for i, value in enumerate(row) if value), len(row))
    return round(width * 7 / run)


def _cut_guides(canvas: Any, page_width: float, page_height: float, y0: float) -> None:
    """Dashed lines on the two cuts of an A4 sheet of four (they fall in the vouchers' white
    margins, so a slightly crooked cut loses nothing)."""
    canvas.saveState()
    canvas.setStrokeColor(CUT)
    canvas.setLineWidth(0.4)
    canvas.setDash(3, 3)
    canvas.line(PASS_WIDTH, 0, PASS_WIDTH, page_height)
    canvas.line(0, y0 + PASS_HEIGHT, page_width, y0 + PASS_HEIGHT)
    canvas.restoreState()


def render_meal_passes_pdf(
    records: Sequence[PassRecord],
    out: Path,
    heading: PassHeading,
    layout: str = "a4-4",
    progress: Progress | None = None,
) -> int:
    """Write the vouchers to `out` (temporary file, then renamed); guests start on a sheet of
    their own. Needs no database: safe on a worker thread. Returns the number of pages."""
    page_width, page_height, slots = _slots(layout)
    if not records:
        raise DocumentError("Aucun bon repas à imprimer.")
    groups = [[r for r in records if not r.guest], [r for r in records if r.guest]]
    pages = [
        group[i : i + len(slots)] for group in groups for i in range(0, len(group), len(slots))
    ]
    session = heading.session
    done = 0
    with atomic_output(out) as temporary:
        canvas = new_canvas(
            temporary,
            page_width,
            page_height,
            title=f"Bons de repas — déjeuner du {french_date(session.day)}",
            author=heading.organiser,
            subject=f"{len(records)} bon(s) de repas, {session.title}",
        )
        canvas.setViewerPreference("PrintScaling", "None")
        for page in pages:
            if len(slots) > 1:
                _cut_guides(canvas, page_width, page_height, slots[-1][1])
            for record, (x, y) in zip(page, slots, strict=False):
                canvas.saveState()
                canvas.translate(x, y)
                _draw_pass(canvas, record, heading)
                canvas.restoreState()
                done += 1
                if progress is not None:
                    progress(done, len(records))
            canvas.showPage()
        canvas.save()
    return len(pages)


def render_meal_passes(
    db: sqlite_utils.Database,
    day: date,
    out: Path,
    layout: str = "a4-4",
    *,
    session_id: str | None = None,
    event_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> PassesReport:
    """The passes already given for the lunch of `day` (or only `event_ids`) as a PDF."""
    _slots(layout)
    session = lunch_session(db, day, session_id)
    records = pass_records(db, session.id, event_ids)
    if not records:
        raise DocumentError(
            f"Aucun bon repas remis pour le déjeuner du {french_date(day)} : les bons se "
            "remettent au guichet (panneau des remises) avant d'être imprimés."
        )
    pages = render_meal_passes_pdf(records, out, pass_heading(db, session), layout, progress)
    return PassesReport(
        session=session,
        members=sum(1 for r in records if not r.guest),
        guests=sum(1 for r in records if r.guest),
        pages=pages,
        without_pass=present_without_pass(db, session.id) if event_ids is None else (),
    )
