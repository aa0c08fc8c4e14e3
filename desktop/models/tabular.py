"""Reading a table sent by another organisation: CSV, XLSX or ODS bytes in, rows of text out.

The format is found from the content, never from the name alone: an XLSX workbook or an
OpenDocument spreadsheet (.ods, LibreOffice Calc; read in ods.py) is a ZIP file, an old Excel
file is an OLE2 container, anything with NUL bytes is binary. CSV text is
UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252; the delimiter (`;`, `,` or tab)
is the one that makes the header best understood by the caller. Nothing is ever evaluated: a
cell reads as its text (an XLSX formula as typed, "=A1+1"; an ODS formula as the result Calc
saved with it, see ods.py).

Problems are returned as French messages (`TableError`), never raised: the input is untrusted.
"""

import csv
import io
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import islice

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # a "zip bomb" is refused before openpyxl or lxml
MAX_COLUMNS = 200
HEADER_SEARCH = 10  # the header may follow a few title rows

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (";", ",", "\t")
_DELIMITER_NAMES = {";": "point-virgule", ",": "virgule", "\t": "tabulation"}
SAVE_AS = "enregistrez-le au format .xlsx, .ods ou .csv depuis votre tableur"
_DROPPED = {"Cc", "Cs"}  # control characters and lone surrogates: never part of a name

HeaderScore = Callable[[Sequence[str]], int]


@dataclass(frozen=True)
class Table:
    """Rows of stripped text; `rows[i]` is line i + 1 as a spreadsheet shows it."""

    rows: tuple[tuple[str, ...], ...]
    source: str  # "CSV (point-virgule, UTF-8)", "XLSX (feuille « Membres »)"
    truncated: bool = False  # more than `max_lines` lines: the caller reports it
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableError:
    message: str
    line: int | None = None


def clean_cell(value: str) -> str:
    """Text as typed, trimmed: NFC, inner runs of white space as one space, no control
    characters. A leading `=`, `+`, `-` or `@` stays: it is text, not a formula."""
    text = unicodedata.normalize("NFC", value)
    if not text.isprintable():
        text = "".join(
            " " if ch.isspace() else ch
            for ch in text
            if ch.isspace() or unicodedata.category(ch) not in _DROPPED
        ).replace("\ufeff", "")
    return " ".join(text.split())


def cleaned_row(cells: Iterable[str]) -> tuple[str, ...]:
    """A row of cleaned cells, at most one beyond MAX_COLUMNS, without trailing empty ones."""
    row = [clean_cell(cell) if cell else "" for cell in islice(cells, MAX_COLUMNS + 1)]
    while row and not row[-1]:
        row.pop()
    return tuple(row)


def read_table(
    data: bytes, filename: str, header_score: HeaderScore, max_lines: int
) -> Table | TableError:
    """The first sheet (XLSX, ODS) or the whole text (CSV) as rows of cleaned cells."""
    if not data.strip():
        return TableError(f"Le fichier « {filename} » est vide.")
    if len(data) > MAX_FILE_BYTES:
        return TableError(
            f"Le fichier « {filename} » est trop gros ({len(data) // (1024 * 1024)} Mo, "
            f"maximum {MAX_FILE_BYTES // (1024 * 1024)} Mo) pour une liste de membres."
        )
    if data.startswith(_OLE2_MAGIC):
        return TableError(
            f"« {filename} » est un ancien classeur Excel (.xls) ou un classeur protégé par "
            f"mot de passe : ce format n'est pas lu, {SAVE_AS}."
        )
    if data.startswith(_ZIP_MAGIC):
        return _read_zip(data, filename, max_lines)
    text = _decode(data, filename)
    if isinstance(text, TableError):
        return text
    return _read_csv(text[0], text[1], filename, header_score, max_lines)


# --- CSV -----------------------------------------------------------------------------------


def _decode(data: bytes, filename: str) -> tuple[str, str] | TableError:
    if data.startswith(b"\xef\xbb\xbf"):
        candidates: Iterable[tuple[str, str]] = (("utf-8-sig", "UTF-8"),)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = (("utf-16", "UTF-16"),)
    elif b"\x00" in data:
        return _binary(filename)
    else:
        candidates = (("utf-8", "UTF-8"), ("cp1252", "Windows-1252"))
    for codec, label in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            return _binary(filename)
        if text.lstrip().startswith("<"):
            return TableError(
                f"« {filename} » ressemble à une page web ou à du XML, pas à un tableau : "
                f"{SAVE_AS}."
            )
        return text, label
    return TableError(
        f"Le texte de « {filename} » n'est ni en UTF-8 ni en Windows-1252 : {SAVE_AS} "
        "(CSV UTF-8 de préférence)."
    )


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    return "\x00" in sample or controls > max(2, len(sample) // 100)


def _binary(filename: str) -> TableError:
    return TableError(
        f"« {filename} » n'est pas un fichier texte (CSV) ni un classeur (.xlsx, .ods) : {SAVE_AS}."
    )


def _records(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _pick_delimiter(text: str, header_score: HeaderScore) -> str:
    """The delimiter under which some early row reads best as a header; on a tie, the one
    that splits the first line into the most cells."""

    def rank(delimiter: str) -> tuple[int, int]:
        try:
            head = list(islice(_records(text, delimiter), HEADER_SEARCH))
        except csv.Error:
            return (-1, 0)
        best = max((header_score(cleaned_row(row)) for row in head), default=0)
        first = next((row for row in head if any(cell.strip() for cell in row)), [])
        return (best, len(first))

    return max(_DELIMITERS, key=rank)


def _read_csv(
    text: str, encoding: str, filename: str, header_score: HeaderScore, max_lines: int
) -> Table | TableError:
    delimiter = _pick_delimiter(text, header_score)
    source = f"CSV ({_DELIMITER_NAMES[delimiter]}, {encoding})"
    rows: list[tuple[str, ...]] = []
    try:
        for record in _records(text, delimiter):
            if len(rows) >= max_lines:
                return Table(tuple(rows), source, truncated=True)
            rows.append(cleaned_row(record))
    except csv.Error:
        return TableError(
            "cellule démesurée ou guillemets jamais refermés : lecture interrompue "
            f"(« {filename} » n'est pas une liste de membres lisible)",
            line=len(rows) + 1,
        )
    return Table(tuple(rows), source)


# --- XLSX and ODS: both are ZIP files ---------------------------------------------------------


def _read_zip(data: bytes, filename: str, max_lines: int) -> Table | TableError:
    unreadable = TableError(
        f"« {filename} » n'est pas un classeur Excel (.xlsx) ni OpenDocument (.ods) lisible : "
        f"{SAVE_AS}."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # First, before reading any member: the sizes the archive declares. A member that
            # lies about its size is cut there by zipfile and fails its CRC check.
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
                return TableError(
                    f"Le classeur « {filename} » est trop volumineux une fois ouvert."
                )
            if "xl/workbook.xml" not in archive.namelist():
                from desktop.models import ods  # only an OpenDocument file needs lxml

                kind = ods.media_type(archive)
                if kind is None:
                    return unreadable
                return ods.read_ods(archive, kind, filename, max_lines)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, RuntimeError, NotImplementedError):
        return unreadable
    try:
        return _xlsx_rows(data, max_lines)
    except Exception:  # openpyxl raises many kinds on a malformed workbook: all mean "unreadable"
        return unreadable


def _xlsx_rows(data: bytes, max_lines: int) -> Table | TableError:
    from openpyxl import load_workbook  # only a workbook needs it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "data validation extension not supported"...
        # data_only: a formula reads as the value Excel or Calc saved with it, what the office
        # sees on screen ('=UPPER("Bousquet")' was imported as a surname).
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    try:
        if not book.worksheets:
            return TableError("Le classeur ne contient aucune feuille de calcul.")
        sheet = book.worksheets[0]
        rows: list[tuple[str, ...]] = []
        truncated = False
        # Rows come in sheet order, gaps filled with empty rows: rows[i] is line i + 1. They are
        # padded to the width the sheet declares: never read more than one column too many.
        width = min(sheet.max_column, MAX_COLUMNS + 1) if sheet.max_column else None
        for values in sheet.iter_rows(min_row=1, max_col=width, values_only=True):
            if len(rows) >= max_lines:
                truncated = True
                break
            rows.append(cleaned_row(cell_text(value) for value in values))
        notes = other_sheets_note(sheet.title, [other.title for other in book.worksheets[1:]])
        return Table(tuple(rows), f"XLSX (feuille « {sheet.title} »)", truncated, notes)
    finally:
        book.close()


def other_sheets_note(first: str, others: Sequence[str]) -> tuple[str, ...]:
    """The warning that says which sheets of a workbook were not read, if any."""
    if not others:
        return ()
    ignored = ", ".join(f"« {title} »" for title in others)
    return (f"Seule la première feuille (« {first} ») est lue ; ignorée(s) : {ignored}.",)


def cell_text(value: object) -> str:
    """A workbook cell as the user reads it: 34090 not 34090.0, a date as 12/03/1960, a boolean
    as oui/non (a formula is read as the result the spreadsheet saved)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() != time() else f"{value:%d/%m/%Y}"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)
