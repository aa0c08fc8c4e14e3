"""Writing the office report to a folder: PDF, XLSX workbook, one CSV per table, the parking
receipts' scans with their SHA-256 list, and the émargement sheets of the sessions' days, all
from the merged master file.

Each file is written beside its final name and moved into place when complete: an
interrupted run never leaves half a workbook under the real name.
"""

import csv
import hashlib
import io
import os
import secrets
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import sqlite_utils
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop.models import attachments
from desktop.models.clock import Clock, system_clock, to_utc_text
from desktop.models.documents.emargement_pdf import render_emargement_day
from desktop.models.documents.layout import DocumentError
from desktop.models.reports.data import OfficeReport, ReportError, office_report
from desktop.models.reports.pdf import render_report_pdf
from desktop.models.reports.tables import Cell, Money, Table, report_tables
from desktop.models.spreadsheet import safe_cell
from desktop.models.storage import StorageError, open_database

CHECKSUMS = "SHA256SUMS.txt"
MONEY_FORMAT = '#,##0.00 "€"'
DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class ReportFiles:
    report: OfficeReport
    out_dir: Path
    pdf: Path
    pdf_pages: int
    xlsx: Path
    csv: tuple[Path, ...]
    scans_dir: Path
    scans: tuple[Path, ...]
    checksums: Path
    emargements: tuple[Path, ...]
    missing_scans: tuple[str, ...]  # SHA-256 of scans the master file does not hold

    @property
    def written(self) -> tuple[Path, ...]:
        """Every file written, in a stable order (what `guichet report` lists)."""
        return (
            self.pdf,
            self.xlsx,
            *self.csv,
            *self.emargements,
            self.checksums,
            *self.scans,
        )


# --- cells ----------------------------------------------------------------------------------


def csv_cell(value: Cell) -> str:
    """French office software: 12,50 (decimal comma), 11/11/2023, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, Money):
        sign = "-" if value.cents < 0 else ""
        whole, rest = divmod(abs(value.cents), 100)
        return f"{sign}{whole},{rest:02d}"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _csv_header(table: Table) -> list[str]:
    return [f"{h} (€)" if _is_money_column(table, i) else h for i, h in enumerate(table.header)]


def _is_money_column(table: Table, index: int) -> bool:
    rows = (*table.rows, *((table.total,) if table.total else ()))
    return any(isinstance(row[index], Money) for row in rows)


def _csv_row(row: Sequence[Cell]) -> list[str]:
    """Numbers stay numbers ("-1", "-2,50"); only text goes through safe_cell, so a name
    like "=HYPERLINK(...)" is never read back as a formula."""
    return [
        csv_cell(v) if isinstance(v, int | Money | date) or v is None else safe_cell(v) for v in row
    ]


def table_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in _csv_header(table)])
    for row in (*table.rows, *((table.total,) if table.total else ())):
        writer.writerow(_csv_row(row))
    return buffer.getvalue()


# --- atomic output --------------------------------------------------------------------------


@contextmanager
def _atomic(out: Path) -> Iterator[Path]:
    temporary = out.parent / f".{out.name}.{secrets.token_hex(6)}.tmp"
    try:
        yield temporary
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, out)
    finally:
        temporary.unlink(missing_ok=True)


def _write_bytes(out: Path, data: bytes) -> None:
    with _atomic(out) as temporary:
        temporary.write_bytes(data)


# --- XLSX -----------------------------------------------------------------------------------


def _sheet_name(table: Table, used: set[str]) -> str:
    name = "".join(c for c in (table.sheet or table.title) if c not in "[]:*?/\\")[:31].strip()
    base, number = name, 2
    while name in used:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    used.add(name)
    return name


def _put(sheet: object, row: int, column: int, value: Cell, bold: bool = False) -> None:
    cell = sheet.cell(row=row, column=column)  # type: ignore[attr-defined]
    if isinstance(value, Money):
        cell.value = Decimal(value.cents) / 100
        cell.number_format = MONEY_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int):
        cell.value = value
    elif value is not None:
        cell.value = safe_cell(value)
        cell.data_type = "s"  # text stays text: never read back as a formula
    if bold:
        cell.font = Font(bold=True)


def write_xlsx(tables: Sequence[Table], out: Path, *, title: str) -> None:
    book = Workbook()
    book.remove(book.active)
    book.properties.title = title
    book.properties.creator = "Guichet"
    used: set[str] = set()
    head_fill = PatternFill("solid", fgColor="E0E5EE")
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table, used))
        for column, heading in enumerate(table.header, start=1):
            _put(sheet, 1, column, heading, bold=True)
            sheet.cell(row=1, column=column).fill = head_fill
            sheet.cell(row=1, column=column).alignment = Alignment(wrap_text=True)
        for row_number, row in enumerate(table.rows, start=2):
            for column, value in enumerate(row, start=1):
                _put(sheet, row_number, column, value)
        if table.total:
            last = len(table.rows) + 2
            for column, value in enumerate(table.total, start=1):
                _put(sheet, last, column, value, bold=True)
        sheet.freeze_panes = "A2"
        for column in range(1, len(table.header) + 1):
            values = [table.header[column - 1], *(csv_cell(r[column - 1]) for r in table.rows)]
            width = min(max(len(v) for v in values) + 2, 60)
            sheet.column_dimensions[get_column_letter(column)].width = max(width, 8)
    with _atomic(out) as temporary:
        book.save(temporary)


# --- scans ----------------------------------------------------------------------------------


def bundle_scans(
    db: sqlite_utils.Database, report: OfficeReport, folder: Path
) -> tuple[tuple[Path, ...], Path, tuple[str, ...]]:
    """Each receipt's scan under the statement's file name, checked against its SHA-256, and
    a SHA256SUMS.txt that `sha256sum -c` verifies. The folder is made anew beside the old
    one and swapped in at the end: no stale scan from an earlier run stays in it."""
    fresh = folder.parent / f".{folder.name}.{secrets.token_hex(6)}.tmp"
    fresh.mkdir()
    try:
        names, sums, missing = [], [], []
        for line in (*report.parking.lines, *report.parking.rejected):
            sha = line.receipt.attachment.sha256
            data = attachments.content(db, sha)
            if data is None or hashlib.sha256(data).hexdigest() != sha:
                missing.append(sha)
                continue
            _write_bytes(fresh / line.scan_file, data)
            names.append(line.scan_file)
            sums.append(f"{sha}  {line.scan_file}\n")
        _write_bytes(fresh / CHECKSUMS, "".join(sums).encode("utf-8"))
        old = folder.parent / f".{folder.name}.{secrets.token_hex(6)}.old"
        if folder.exists():
            folder.rename(old)
        fresh.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return tuple(folder / name for name in names), folder / CHECKSUMS, tuple(missing)


# --- everything -----------------------------------------------------------------------------


def _explain(out_dir: Path, exc: OSError) -> str:
    return f"Impossible d'écrire le rapport dans {out_dir} : {exc.strerror or exc}."


def write_reports(
    office: sqlite_utils.Database | Path | str,
    out_dir: Path | str,
    weekend: int | None = None,
    *,
    clock: Clock = system_clock,
) -> ReportFiles:
    """The whole report of a weekend (or of the convention) into `out_dir` (made if missing;
    its parent must exist). Raises ReportError with a French message. A path opens its own
    connection (what a worker thread does)."""
    if isinstance(office, sqlite_utils.Database):
        return _write_all(office, Path(out_dir), weekend, clock)
    try:
        db = open_database(office)
    except StorageError as exc:
        raise ReportError(str(exc)) from exc
    try:
        return _write_all(db, Path(out_dir), weekend, clock)
    finally:
        db.close()


def _write_all(
    db: sqlite_utils.Database, out_dir: Path, weekend: int | None, clock: Clock
) -> ReportFiles:
    try:
        report = office_report(db, weekend, to_utc_text(clock()))
    except (KeyError, TypeError, ValueError) as exc:
        # A fact whose payload lacks what its kind promises (written by another program?).
        raise ReportError(
            f"un fait du journal est incomplet ou illisible ({exc!r}) : aucun rapport écrit."
        ) from exc
    tables = report_tables(report)
    stem = f"rapport-{report.scope.slug}"
    try:
        if not out_dir.parent.is_dir():
            raise ReportError(f"Le dossier {out_dir.parent} n'existe pas.")
        out_dir.mkdir(exist_ok=True)
        pdf = out_dir / f"{stem}.pdf"
        pages = render_report_pdf(report, report_tables(report, for_pdf=True), pdf)
        xlsx = out_dir / f"{stem}.xlsx"
        write_xlsx(tables, xlsx, title=f"Rapport du bureau — {report.scope.title}")
        csv_files = []
        for table in tables:
            path = out_dir / f"{stem}-{table.key}.csv"
            _write_bytes(path, table_csv(table).encode("utf-8-sig"))
            csv_files.append(path)
        scans_dir = out_dir / f"justificatifs-stationnement-{report.scope.slug}"
        scans, checksums, missing = bundle_scans(db, report, scans_dir)
        emargements = []
        for day in report.scope.days:
            path = out_dir / f"emargement-{day.isoformat()}.pdf"
            render_emargement_day(db, day, path, clock=clock)
            emargements.append(path)
    except DocumentError as exc:
        raise ReportError(str(exc)) from exc
    except OSError as exc:
        raise ReportError(_explain(out_dir, exc)) from exc
    return ReportFiles(
        report=report,
        out_dir=out_dir,
        pdf=pdf,
        pdf_pages=pages,
        xlsx=xlsx,
        csv=tuple(csv_files),
        scans_dir=scans_dir,
        scans=scans,
        checksums=checksums,
        emargements=tuple(emargements),
        missing_scans=missing,
    )
