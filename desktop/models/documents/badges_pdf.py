"""Badges as PDF: the member's names and the QR code of their current badge, nothing else.

`badge_records` reads the database (on the thread that owns the connection); the writer
`render_badges_pdf` only takes those plain records, so a worker thread can run it.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import qrcode
import sqlite_utils
from PIL import Image
from qrcode.constants import ERROR_CORRECT_Q
from reportlab.lib.colors import Color, black
from reportlab.lib.utils import ImageReader

from desktop.models import journal, members
from desktop.models.badges import reissue_badge
from desktop.models.clock import Clock, system_clock
from desktop.models.convention import get_convention
from desktop.models.documents.badge_layouts import (
    QR_MODULES,
    QR_VERSION,
    BadgeGeometry,
    PageLayout,
    page_layout,
)
from desktop.models.documents.fonts import BOLD, REGULAR
from desktop.models.documents.layout import (
    DocumentError,
    Rect,
    atomic_output,
    check_output,
    draw_text,
    fit_text,
    mm,
    new_canvas,
)
from desktop.models.journal import Desk
from desktop.models.members import Member
from desktop.models.storage import write_transaction
from desktop.models.text import fold
from desktop.models.workspace import CONVENTION_TITLE, ORGANISER

Progress = Callable[[int, int], None]
ACCENT = Color(0.12, 0.23, 0.41)  # dark blue: contrast 11:1 on white
_PIXELS_PER_MODULE = 8  # a crisp symbol even when a viewer smooths the image


@dataclass(frozen=True)
class BadgeRecord:
    """What one badge shows: plain data a worker thread may take."""

    member_id: str
    first_name: str
    surname: str
    token: str


@dataclass(frozen=True)
class BadgeHeading:
    """The lines every badge carries (from the convention record)."""

    title: str = CONVENTION_TITLE
    organiser: str = ORGANISER


# --- reading the database ---------------------------------------------------------------------


def find_member(db: sqlite_utils.Database, ref: str) -> Member:
    """A member by internal id or by the roster's own reference (external_ref)."""
    member = members.get_member(db, ref)
    if member is None:
        row = db.execute("SELECT id FROM members WHERE external_ref = ?", [ref]).fetchone()
        member = members.get_member(db, str(row[0])) if row else None
    if member is None:
        raise DocumentError(f"Membre inconnu : {ref!r} (ni identifiant ni référence du fichier).")
    return member


def badge_heading(db: sqlite_utils.Database) -> BadgeHeading:
    convention = get_convention(db)
    if convention is None:
        return BadgeHeading()
    return BadgeHeading(title=convention.title, organiser=convention.organiser)


def _current_badges(db: sqlite_utils.Database) -> dict[str, str]:
    """members.current_badge for every member at once: each member's newest badge that is
    not revoked (same rule, same order), in one query instead of one per member."""
    rows = db.execute(
        "SELECT b.member_id, b.token FROM badges b WHERE NOT EXISTS ("
        " SELECT 1 FROM live_events r WHERE r.kind = 'badge.revoke' AND r.target_id = b.token)"
        " ORDER BY b.member_id, b.issued_at DESC, b.rowid DESC"
    )
    current: dict[str, str] = {}
    for member_id, token in rows.fetchall():
        current.setdefault(str(member_id), str(token))
    return current


def badge_records(
    db: sqlite_utils.Database, member_ids: Sequence[str] | None = None
) -> list[BadgeRecord]:
    """The badges to print: the listed members (id or external_ref, in the order given), or
    every member not withdrawn in accent-aware alphabetical order (ÉTIENNE after DUBOIS)."""
    if member_ids is None:
        chosen = [m for m in members.all_members(db) if not m.withdrawn]
        chosen.sort(key=lambda m: (fold(m.surname), fold(m.first_name), m.id))
        current = _current_badges(db)  # one query: this runs on the GUI thread
        badge_of: Callable[[str], str | None] = current.get
    else:
        chosen = list({m.id: m for m in (find_member(db, ref) for ref in member_ids)}.values())
        badge_of = lambda member_id: members.current_badge(db, member_id)  # noqa: E731
    records, missing = [], []
    for member in chosen:
        token = badge_of(member.id)
        if token is None:
            missing.append(member.display_name)
        else:
            records.append(BadgeRecord(member.id, member.first_name, member.surname, token))
    if missing:
        raise DocumentError(
            "Aucun badge valide (tous révoqués) pour : " + ", ".join(missing) + ". "
            "Rééditez leur badge avant de l'imprimer."
        )
    return records


# --- writing the PDF --------------------------------------------------------------------------


def qr_image(token: str) -> Any:
    """The QR symbol alone, as a grey-level PIL image (no quiet zone: the layout keeps that
    area free of ink). Built from the module matrix: faster than qrcode's own drawing, and a
    grey image is a third of the RGB data reportlab would otherwise encode."""
    code = qrcode.QRCode(version=QR_VERSION, error_correction=ERROR_CORRECT_Q, border=0)
    code.add_data(token)
    code.make(fit=True)  # starts at QR_VERSION; a longer token would grow, never shrink
    matrix = code.get_matrix()
    modules = len(matrix)
    if modules < QR_MODULES:
        raise AssertionError("QR symbol smaller than the layout's quiet zone assumes")
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    image = Image.frombytes("L", (modules, modules), pixels)
    side = modules * _PIXELS_PER_MODULE
    return image.resize((side, side), Image.Resampling.NEAREST)


def _draw_badge(
    canvas: Any, geometry: BadgeGeometry, record: BadgeRecord, heading: BadgeHeading
) -> None:
    align = geometry.align
    canvas.setFillColor(ACCENT)
    organiser = fit_text(
        heading.organiser,
        BOLD,
        geometry.organiser.width,
        geometry.organiser.height,
        geometry.organiser_size,
        max_lines=1,
    )
    draw_text(canvas, organiser, geometry.organiser, align=align, valign="bottom")
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(geometry.organiser.x, geometry.rule_y, geometry.organiser.right, geometry.rule_y)

    canvas.setFillColor(black)
    _draw_names(canvas, geometry, record)
    title = fit_text(
        heading.title,
        REGULAR,
        geometry.title.width,
        geometry.title.height,
        geometry.title_size,
        max_lines=3,
        wrap_below=1.0,
    )
    draw_text(canvas, title, geometry.title, align=align, valign="bottom")

    qr = geometry.qr
    canvas.drawImage(ImageReader(qr_image(record.token)), qr.x, qr.y, qr.width, qr.height)


def _draw_names(canvas: Any, geometry: BadgeGeometry, record: BadgeRecord) -> None:
    """First name large and bold, surname below; the pair centred in the names box."""
    box = geometry.names
    gap = 1.2 * mm
    first = fit_text(record.first_name, BOLD, box.width, box.height * 0.6, geometry.first_name_size)
    surname = fit_text(
        record.surname,
        REGULAR,
        box.width,
        box.height - first.height - gap,
        geometry.surname_size,
    )
    total = first.height + gap + surname.height
    top = box.top - (box.height - total) / 2
    draw_text(
        canvas,
        first,
        Rect(box.x, top - first.height, box.width, first.height),
        align=geometry.align,
    )
    top -= first.height + gap
    draw_text(
        canvas,
        surname,
        Rect(box.x, top - surname.height, box.width, surname.height),
        align=geometry.align,
    )


def _draw_cut_marks(canvas: Any, layout: PageLayout) -> None:
    """Short marks in the margins, on the line of every cut (badges touch each other)."""
    badge = layout.badge
    left = min(x for x, _ in layout.slots)
    bottom = min(y for _, y in layout.slots)
    right = max(x for x, _ in layout.slots) + badge.width
    top = max(y for _, y in layout.slots) + badge.height
    xs = sorted({x for x, _ in layout.slots} | {right})
    ys = sorted({y for _, y in layout.slots} | {top})
    gap, length = 2 * mm, 6 * mm
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.3)
    for x in xs:
        canvas.line(x, top + gap, x, top + gap + length)
        canvas.line(x, bottom - gap, x, bottom - gap - length)
    for y in ys:
        canvas.line(left - gap, y, left - gap - length, y)
        canvas.line(right + gap, y, right + gap + length, y)


def render_badges_pdf(
    records: Sequence[BadgeRecord],
    out: Path,
    layout: str = "a4-8",
    progress: Progress | None = None,
    *,
    heading: BadgeHeading | None = None,
) -> int:
    """Write the badges of `records` to `out` (temp file, then renamed); returns the number of
    badges written. Needs no database: safe to run on a worker thread."""
    page = page_layout(layout)
    heading = heading or BadgeHeading()
    if not records:
        raise DocumentError("Aucun badge à imprimer.")
    total = len(records)
    with atomic_output(out) as temporary:
        canvas = new_canvas(
            temporary,
            page.page_width,
            page.page_height,
            title=f"Badges — {heading.title}",
            author=heading.organiser,
            subject=f"{total} badge(s), {page.label}",
        )
        canvas.setViewerPreference("PrintScaling", "None")  # print at exact size
        for start in range(0, total, page.per_page):
            if page.cut_marks:
                _draw_cut_marks(canvas, page)
            chunk = records[start : start + page.per_page]
            for index, (record, (x, y)) in enumerate(zip(chunk, page.slots, strict=False)):
                canvas.saveState()
                canvas.translate(x, y)
                _draw_badge(canvas, page.badge, record, heading)
                canvas.restoreState()
                if progress is not None:
                    progress(start + index + 1, total)
            canvas.showPage()
        canvas.save()
    return total


# --- with the database: print, reprint, and the facts they leave -------------------------------


def record_prints(
    db: sqlite_utils.Database,
    records: Iterable[BadgeRecord],
    layout: str,
    desk: Desk,
    clock: Clock,
    *,
    reprint: bool = False,
) -> None:
    """One 'badge.print' fact per badge written, so the office knows which codes are out."""
    with write_transaction(db):
        for record in records:
            journal.append(
                db,
                desk,
                clock,
                "badge.print",
                member_id=record.member_id,
                payload={"token": record.token, "layout": layout, "reprint": reprint},
            )


def render_badges(
    db: sqlite_utils.Database,
    out: Path,
    layout: str = "a4-8",
    member_ids: list[str] | None = None,
    progress: Progress | None = None,
    *,
    desk: Desk | None = None,
    clock: Clock = system_clock,
) -> int:
    """Read, write, and (when a desk is given) log the prints. Returns the badges written."""
    page_layout(layout)
    records = badge_records(db, member_ids)
    count = render_badges_pdf(records, out, layout, progress, heading=badge_heading(db))
    if desk is not None:
        record_prints(db, records, layout, desk, clock)
    return count


def reprint_badges(
    db: sqlite_utils.Database,
    member_ids: Sequence[str],
    reason: str,
    desk: Desk,
    clock: Clock,
    out: Path,
    layout: str = "a4-8",
) -> list[BadgeRecord]:
    """Lost badges: revoke each member's code, issue a new one, print them, log the prints.
    All or nothing: if the PDF cannot be written, the old badges stay valid."""
    page_layout(layout)
    check_output(out)
    if not reason.strip():
        raise DocumentError("Un motif est obligatoire pour rééditer un badge.")
    chosen = list({m.id: m for m in (find_member(db, ref) for ref in member_ids)}.values())
    if not chosen:
        raise DocumentError("Aucun membre à rééditer.")
    with write_transaction(db):
        records = [
            BadgeRecord(m.id, m.first_name, m.surname, reissue_badge(db, m.id, reason, desk, clock))
            for m in chosen
        ]
        render_badges_pdf(records, out, layout, heading=badge_heading(db))
        record_prints(db, records, layout, desk, clock, reprint=True)
    return records


def reprint_badge(
    db: sqlite_utils.Database,
    member_id: str,
    reason: str,
    desk: Desk,
    clock: Clock,
    out: Path,
    layout: str = "a4-8",
) -> str:
    """Reprint one lost badge (see reprint_badges); returns the member's new code."""
    (record,) = reprint_badges(db, [member_id], reason, desk, clock, out, layout)
    return record.token
