"""Badges at scale: 1 000 members read from a convention file and written as PDF, against a
floor measured in the same run: reportlab drawing the same pages (same page size, same
embedded fonts, the same QR images made by the same call, the same four texts at fixed
places) with no logic at all: no database, no text fitting, no layout, no temporary file.
The time spent making QR images (qrcode choosing the best of 8 masks) is shown apart.

    .venv/bin/python benchmarks/badges_pdf.py [--quick]
"""

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from benchmarks.common import Row, make_convention, print_table, rss_mb, timed
from desktop.models.documents.badge_layouts import LAYOUTS
from desktop.models.documents.badges_pdf import (
    BadgeRecord,
    badge_heading,
    badge_records,
    qr_image,
    render_badges_pdf,
)
from desktop.models.documents.fonts import BOLD, REGULAR, register_fonts
from desktop.models.storage import open_database

BUDGET_MS = 10_000.0  # 1 000 badges in at most 10 s, whatever the layout


def ours(db_path: Path, out: Path, layout: str) -> int:
    db = open_database(db_path)
    try:
        records = badge_records(db)
        heading = badge_heading(db)
    finally:
        db.close()
    return render_badges_pdf(records, out, layout, heading=heading)


def floor(records: list[BadgeRecord], out: Path, layout: str) -> None:
    """The same pages, drawn as plainly as reportlab allows."""
    page = LAYOUTS[layout]
    badge = page.badge
    canvas = Canvas(str(out), pagesize=(page.page_width, page.page_height))
    for start in range(0, len(records), page.per_page):
        for record, (x, y) in zip(records[start : start + page.per_page], page.slots, strict=False):
            image = qr_image(record.token)  # the very same image, made the same way
            canvas.setFont(BOLD, 7.5)
            canvas.drawString(
                x + badge.organiser.x, y + badge.organiser.y, "Montpellier Méditerranée Métropole"
            )
            canvas.setFont(BOLD, badge.first_name_size)
            canvas.drawString(x + badge.names.x, y + badge.names.top - 20, record.first_name)
            canvas.setFont(REGULAR, badge.surname_size)
            canvas.drawString(x + badge.names.x, y + badge.names.top - 40, record.surname)
            canvas.setFont(REGULAR, 7)
            canvas.drawString(x + badge.title.x, y + badge.title.y, "Convention citoyenne sur l'IA")
            qr = badge.qr
            canvas.drawImage(ImageReader(image), x + qr.x, y + qr.y, qr.width, qr.height)
        canvas.showPage()
    canvas.save()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="200 badges, one sample")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=3)
    args = parser.parse_args()
    count, samples = (200, 1) if args.quick else (args.count, args.samples)
    register_fonts()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db_path = work / "badges.guichet.sqlite"
        make_convention(db_path, count, 0)
        db = open_database(db_path)
        records = badge_records(db)
        db.close()
        for layout in ("a4-8", "cr80"):  # warm up: imports, font subsets, caches
            ours(db_path, work / "warm.pdf", layout)
            floor(records[:16], work / "warm.pdf", layout)
        qr_ms = timed(lambda: [qr_image(r.token) for r in records])
        for layout in ("a4-8", "cr80"):
            page = LAYOUTS[layout]
            pages = page.pages_for(count)
            mine: list[float] = []
            base: list[float] = []
            for _ in range(samples):  # interleaved, so both see the same machine state
                mine.append(timed(lambda lay=layout: ours(db_path, work / f"{lay}.pdf", lay)))
                base.append(timed(lambda lay=layout: floor(records, work / f"f-{lay}.pdf", lay)))
            median = statistics.median(mine)
            rate = pages / (median / 1000)
            floor_rate = pages / (statistics.median(base) / 1000)
            size = (work / f"{layout}.pdf").stat().st_size / 1e6
            rows.append(
                Row(
                    path=f"badges {layout} (read + render)",
                    scale=f"{count} badges, {pages} pages",
                    samples_ms=mine,
                    floor_ms=statistics.median(base),
                    budget=f"<= {BUDGET_MS / 1000:.0f} s",
                    met=median <= BUDGET_MS * count / 1000,
                    peak_mb=rss_mb(),
                    note=f"{rate:.0f} pages/s vs floor {floor_rate:.0f} pages/s, {size:.1f} MB",
                )
            )
        rows.append(
            Row(
                path="  of which QR images (qrcode, Q)",
                scale=f"{count} symbols",
                samples_ms=[qr_ms],
                floor_ms=None,
                budget="-",
                met=None,
                note=f"{qr_ms / count:.2f} ms a symbol (mask choice)",
            )
        )
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
