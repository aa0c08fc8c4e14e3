"""Roster import at scale: a realistic 10 000-row file (French names with accents, the 31
communes, columns to drop), first import and re-import, against a floor measured in the same
run (csv.reader of the same file + executemany INSERT of the same rows into a bare table,
one transaction, the desk's WAL + synchronous=FULL).

    .venv/bin/python benchmarks/roster_import.py [--quick]
"""

import argparse
import csv
import io
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import FIRST_NAMES, SURNAMES, Row, print_table, rss_mb, timed
from desktop.models.clock import fixed_clock
from desktop.models.communes import CommuneIndex, read_reference
from desktop.models.roster import import_roster, read_roster
from desktop.models.storage import open_database
from desktop.models.workspace import create_file

BUDGET_MS = 2000.0
CLOCK = fixed_clock(datetime(2023, 11, 2, 9, 0, tzinfo=UTC))
HEADER = [
    "Identifiant", "Nom", "Prénom", "Commune", "Code postal", "Statut", "Pass", "Menu",
    "Stationnement", "Motif stationnement", "Besoin d'assistance", "Note assistance", "E-mail",
    "Téléphone", "Date de naissance",
]  # fmt: skip
PASSES = ("", "aucun", "week-end", "7j/7", "Weekend", "en cours")
MENUS = ("", "standard", "végétarien", "sans porc", "autre")


def roster_rows(count: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    communes = read_reference()
    rows = []
    for i in range(count):
        commune = rng.choice(communes)
        surname, first_name = rng.choice(SURNAMES), rng.choice(FIRST_NAMES)
        parking = not commune.tram_2023 and rng.random() < 0.3
        assistance = rng.random() < 0.05
        rows.append(
            [
                f"PAN-{i:06d}",
                surname,
                first_name,
                commune.name if rng.random() < 0.9 else commune.name.upper().replace("-", " "),
                rng.choice(commune.postal_codes),
                rng.choice(("actif", "actif", "actif", "suppléant")),
                rng.choice(PASSES),
                rng.choice(MENUS),
                "oui" if parking else "non",
                "Pas de tram le samedi" if parking else "",
                "oui" if assistance else "",
                "Place près de la porte" if assistance else "",
                f"{first_name.lower()}.{i}@example.org",
                f"06 {rng.randrange(10**8):08d}",
                f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/{rng.randrange(1940, 2005)}",
            ]
        )
    return rows


def write_csv(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


def write_xlsx(path: Path, rows: list[list[str]], *, as_excel: bool = True) -> None:
    """A workbook as Excel or LibreOffice save it (a declared dimension, shared strings), or
    as openpyxl does (every text inline, which its reader parses about twice as slowly)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Membres"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    if as_excel:
        _share_strings(buffer.getvalue(), path)
    else:
        path.write_bytes(buffer.getvalue())


_INLINE = re.compile(rb't="inlineStr"><is><t[^>]*>(.*?)</t></is>')


def _share_strings(workbook: bytes, path: Path) -> None:
    strings: dict[bytes, int] = {}

    def shared(match: re.Match[bytes]) -> bytes:
        index = strings.setdefault(match.group(1), len(strings))
        return b't="s"><v>%d</v>' % index

    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = _INLINE.sub(shared, data)
            elif item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"'
                    b"/></Relationships>",
                )
            target.writestr(item, data, zipfile.ZIP_DEFLATED)
        items = b"".join(b"<si><t>%s</t></si>" % text for text in strings)
        target.writestr(
            "xl/sharedStrings.xml",
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'count="%d" uniqueCount="%d">%s</sst>' % (len(strings), len(strings), items),
            zipfile.ZIP_DEFLATED,
        )


def updated(rows: list[list[str]], seed: int) -> list[list[str]]:
    """The panel's next file: 5 % changed, 2 % gone, 2 % new."""
    rng = random.Random(seed)
    kept = [list(row) for row in rows if rng.random() >= 0.02]
    for row in rng.sample(kept, len(kept) // 20):
        row[6] = rng.choice(("7j-7", "week-end"))
    new = roster_rows(len(rows) // 50, seed + 1)
    for i, row in enumerate(new):
        row[0] = f"NEW-{i:06d}"
    return kept + new


def floor_ms(folder: Path, roster: Path) -> float:
    """Plain csv.reader (or openpyxl read-only) of the same file + executemany INSERT of the
    same rows into a bare table, one transaction."""
    target = folder / "floor.sqlite"
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"CREATE TABLE t ({', '.join(f'c{i} TEXT' for i in range(len(HEADER)))})")

    def run() -> None:
        rows = _xlsx_rows(roster) if roster.suffix == ".xlsx" else _csv_rows(roster)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(HEADER))})", rows)
        conn.execute("COMMIT")

    elapsed = timed(run)
    conn.close()
    return elapsed


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)
        return list(reader)


def _xlsx_rows(path: Path) -> list[tuple[object, ...]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    book.close()
    return rows


def first_import(folder: Path, roster: Path, run: int) -> float:
    db = create_file(folder / f"first-{roster.suffix[1:]}-{run}.sqlite")
    try:
        elapsed = timed(lambda: _checked(import_roster(db, roster, CLOCK)))
    finally:
        db.close()
    return elapsed


def reimport(folder: Path, template: Path, roster: Path, run: int) -> float:
    path = folder / f"again-{run}.sqlite"
    shutil.copy(template, path)
    db = open_database(path)
    try:
        elapsed = timed(lambda: _checked(import_roster(db, roster, CLOCK)))
    finally:
        db.close()
    return elapsed


def _checked(report: object) -> None:
    if not getattr(report, "ok", False):
        raise SystemExit(f"import failed:\n{getattr(report, 'summary', report)}")


def run(quick: bool) -> list[Row]:
    count, runs = (2_000, 3) if quick else (10_000, 5)
    scale = f"{count:,} rows".replace(",", " ")
    budget = "<= 2 s" if not quick else "<= 2 s at 10 000 rows (n/a)"
    rows = roster_rows(count, seed=7)
    folder = Path(tempfile.mkdtemp(prefix="guichet-roster-"))
    try:
        roster, again = folder / "liste.csv", folder / "liste-v2.csv"
        xlsx, inline = folder / "liste.xlsx", folder / "liste-openpyxl.xlsx"
        write_csv(roster, rows)
        write_csv(again, updated(rows, seed=8))
        write_xlsx(xlsx, rows)
        write_xlsx(inline, rows, as_excel=False)
        floor = statistics.median(floor_ms(folder, roster) for _ in range(runs))
        xlsx_floor = statistics.median(floor_ms(folder, xlsx) for _ in range(runs))
        inline_floor = statistics.median(floor_ms(folder, inline) for _ in range(runs))
        communes = CommuneIndex(read_reference())
        data = roster.read_bytes()
        parse = [timed(lambda: read_roster(data, roster.name, communes)) for _ in range(runs)]
        first = [first_import(folder, roster, i) for i in range(runs)]
        template = folder / "first-csv-0.sqlite"
        second = [reimport(folder, template, again, i) for i in range(runs)]
        from_xlsx = [first_import(folder, xlsx, i) for i in range(runs)]
        from_inline = [first_import(folder, inline, 100 + i) for i in range(runs)]
        peak = rss_mb()

        def verdict(samples: list[float]) -> bool | None:
            return None if quick else statistics.median(samples) <= BUDGET_MS

        return [
            Row("read_roster only (CSV, pure)", scale, parse, floor, "part of the import", None),
            Row("import_roster, first (CSV)", scale, first, floor, budget, verdict(first), peak),
            Row("import_roster, re-import (CSV)", scale, second, floor, budget, verdict(second)),
            Row("import_roster, first (XLSX)", scale, from_xlsx, xlsx_floor, budget,
                verdict(from_xlsx), note="as Excel saves it"),
            Row("import_roster, first (XLSX)", scale, from_inline, inline_floor, "informative",
                None, note="as openpyxl saves it: inline strings"),
        ]  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="2 000 rows, 3 runs")
    args = parser.parse_args()
    print_table(run(args.quick))


if __name__ == "__main__":
    main()
