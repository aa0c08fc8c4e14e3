"""Where things go on a badge, for each paper the desk prints on.

All sizes are exact paper sizes; every box is fixed in advance, so that a test can check by
construction that text boxes stay inside the badge and clear of the QR code's quiet zone.
"""

from dataclasses import dataclass
from typing import Literal

from reportlab.lib.pagesizes import A4, A6

from desktop.models.documents.layout import DocumentError, Rect, mm

# QR codes at error-correction level Q: a quarter of the symbol may be lost and a worn, bent or
# scratched badge still scans. A badge code (38 letters) then fits version 3, 29 × 29 modules:
# larger modules than level H's version 4 at the same size (more tolerant of blur and of a
# cheap scanner), and a third less time to choose the mask (benchmarks/badges_pdf.py).
QR_VERSION = 3
QR_MODULES = 29
QUIET_MODULES = 4  # the quiet zone the QR standard asks for, kept free of any ink


@dataclass(frozen=True)
class BadgeGeometry:
    """One badge, in points, origin at its bottom-left corner."""

    width: float
    height: float
    align: Literal["left", "center"]
    organiser: Rect
    organiser_size: float
    rule_y: float
    names: Rect
    first_name_size: float
    surname_size: float
    title: Rect
    title_size: float
    qr: Rect  # the symbol itself
    quiet: Rect  # the symbol and its quiet zone: nothing else is drawn there

    @property
    def bounds(self) -> Rect:
        return Rect(0, 0, self.width, self.height)

    @property
    def text_boxes(self) -> tuple[Rect, ...]:
        return (self.organiser, self.names, self.title)


@dataclass(frozen=True)
class PageLayout:
    """A page of the chosen paper and where its badges sit on it."""

    name: str
    label: str
    page_width: float
    page_height: float
    badge: BadgeGeometry
    slots: tuple[tuple[float, float], ...]  # bottom-left corner of each badge on the page
    cut_marks: bool = False

    @property
    def per_page(self) -> int:
        return len(self.slots)

    def pages_for(self, badges: int) -> int:
        return -(-badges // self.per_page)


def _qr_boxes(side: float, x: float, y: float) -> tuple[Rect, Rect]:
    quiet = QUIET_MODULES * side / QR_MODULES
    return Rect(x, y, side, side), Rect(x - quiet, y - quiet, side + 2 * quiet, side + 2 * quiet)


def landscape_badge(width: float, height: float) -> BadgeGeometry:
    """A credit-card sized badge: the organiser above a rule, names on the left and the QR
    code on the right (both centred on the same line), the convention's title at the foot."""
    margin = 4 * mm
    organiser = Rect(margin, height - margin - 3.2 * mm, width - 2 * margin, 3.2 * mm)
    rule_y = organiser.y - 1.6 * mm
    title = Rect(margin, margin, width - 2 * margin, 3.4 * mm)
    band = Rect(margin, title.top + 1.5 * mm, width - 2 * margin, 0.0)
    band = Rect(band.x, band.y, band.width, rule_y - 1.5 * mm - band.y)
    side = 27 * mm
    # The quiet zone may spread into the white margin, never past the badge's edge.
    qr, quiet = _qr_boxes(side, width - margin - side, band.y + (band.height - side) / 2)
    assert band.y <= quiet.y and quiet.top <= band.top and quiet.right <= width
    names = Rect(margin, band.y, quiet.x - 2 * mm - margin, band.height)
    return BadgeGeometry(
        width=width,
        height=height,
        align="left",
        organiser=organiser,
        organiser_size=7.5,
        rule_y=rule_y,
        names=names,
        first_name_size=20,
        surname_size=13,
        title=title,
        title_size=7,
        qr=qr,
        quiet=quiet,
    )


def portrait_badge(
    width: float,
    height: float,
    *,
    margin: float,
    organiser_size: float,
    first_name_size: float,
    surname_size: float,
    title_size: float,
    qr_side: float,
) -> BadgeGeometry:
    """A badge-holder insert or a label: names on top, the QR code below, centred."""
    organiser_height = organiser_size * 1.25
    organiser = Rect(
        margin, height - margin - organiser_height, width - 2 * margin, organiser_height
    )
    rule_y = organiser.y - organiser_size * 0.6
    title = Rect(margin, margin, width - 2 * margin, title_size * 2.4)
    quiet_width = QUIET_MODULES * qr_side / QR_MODULES
    qr_y = title.top + 1.5 * mm + quiet_width
    qr, quiet = _qr_boxes(qr_side, (width - qr_side) / 2, qr_y)
    gap = 2.5 * mm
    names = Rect(margin, quiet.top + gap, width - 2 * margin, rule_y - gap - quiet.top - gap)
    return BadgeGeometry(
        width=width,
        height=height,
        align="center",
        organiser=organiser,
        organiser_size=organiser_size,
        rule_y=rule_y,
        names=names,
        first_name_size=first_name_size,
        surname_size=surname_size,
        title=title,
        title_size=title_size,
        qr=qr,
        quiet=quiet,
    )


def _a4_sheet() -> PageLayout:
    badge = landscape_badge(85 * mm, 54 * mm)
    columns, rows = 2, 4
    page_width, page_height = A4
    x0 = (page_width - columns * badge.width) / 2
    y0 = (page_height - rows * badge.height) / 2
    slots = tuple(
        (x0 + column * badge.width, y0 + (rows - 1 - row) * badge.height)
        for row in range(rows)
        for column in range(columns)
    )
    return PageLayout(
        "a4-8", "A4, 8 badges 85 × 54 mm", page_width, page_height, badge, slots, cut_marks=True
    )


def _single(name: str, label: str, badge: BadgeGeometry) -> PageLayout:
    return PageLayout(name, label, badge.width, badge.height, badge, ((0.0, 0.0),))


def _build() -> dict[str, PageLayout]:
    a6_width, a6_height = A6
    a6 = portrait_badge(
        a6_width,
        a6_height,
        margin=8 * mm,
        organiser_size=10,
        first_name_size=36,
        surname_size=24,
        title_size=10,
        qr_side=50 * mm,
    )
    label = portrait_badge(
        62 * mm,
        100 * mm,
        margin=4 * mm,
        organiser_size=7.5,
        first_name_size=24,
        surname_size=15,
        title_size=7,
        qr_side=33 * mm,
    )
    # ISO/IEC 7810 ID-1, the card a card printer takes: 85.60 × 53.98 mm.
    card = landscape_badge(85.6 * mm, 53.98 * mm)
    return {
        "a4-8": _a4_sheet(),
        "a6": _single("a6", "A6, un badge par page (porte-badge)", a6),
        "cr80": _single("cr80", "carte CR80 85,6 × 54 mm (imprimante à cartes)", card),
        "label62": _single("label62", "étiquette 62 × 100 mm (rouleau continu)", label),
    }


LAYOUTS = _build()
LAYOUT_NAMES = tuple(LAYOUTS)


def page_layout(name: str) -> PageLayout:
    try:
        return LAYOUTS[name]
    except KeyError:
        raise DocumentError(
            f"Mise en page inconnue : {name!r} (possibles : {', '.join(LAYOUT_NAMES)})."
        ) from None
