"""The first sheet of an OpenDocument spreadsheet (.ods, LibreOffice Calc's own format).

content.xml is streamed through lxml's iterparse with a parser that reads nothing but the file
(no network, no DTD, no entity expansion, libxml2's default size limits), and every row is
dropped once read: memory stays flat whatever the file holds. Calc writes the unused rest of a
sheet as one row, or one cell, "repeated" about a million times (table:number-rows-repeated,
table:number-columns-repeated): empty repeats are only counted, never expanded; repeats that
hold something are expanded up to the caller's line limit and MAX_COLUMNS + 1 cells, as the
CSV and XLSX readers stop. rows[i] stays line i + 1 of the sheet, hidden rows included.

A cell reads as the XLSX reader reads it (tabular.cell_text): the value Calc stored, not its
display format: 34000 not "34 000,00", a date as 12/03/1960, a boolean as oui/non. A formula
reads as the result Calc saved with it: its own text is in Calc's syntax ("of:=[.A1]+1"),
which is not what anybody typed, and nothing is ever evaluated here. An error result reads
as Calc shows it ("#DIV/0!"), never as the 0 or "" stored beside it.
"""

import re
import zipfile
import zlib
from datetime import datetime, time
from typing import IO

from lxml import etree

from desktop.models.tabular import (
    MAX_COLUMNS,
    SAVE_AS,
    Table,
    TableError,
    cell_text,
    clean_cell,
    other_sheets_note,
)

_ODF = "application/vnd.oasis.opendocument."
_SPREADSHEETS = (_ODF + "spreadsheet", _ODF + "spreadsheet-template")
_OTHER_KINDS = {
    "text": "un document texte OpenDocument (.odt)",
    "text-template": "un modèle de document texte OpenDocument (.ott)",
    "text-master": "un document maître OpenDocument (.odm)",
    "presentation": "une présentation OpenDocument (.odp)",
    "graphics": "un dessin OpenDocument (.odg)",
    "chart": "un graphique OpenDocument (.odc)",
    "formula": "une formule OpenDocument (.odf)",
    "database": "une base de données OpenDocument (.odb)",
    "image": "une image OpenDocument (.odi)",
}

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"

_SHEETS_PARENT = _OFFICE + "spreadsheet"  # a table elsewhere is a DDE link's cache, not a sheet
_SHEET = _TABLE + "table"
_ROW = _TABLE + "table-row"
_CELL = _TABLE + "table-cell"
_COVERED = _TABLE + "covered-table-cell"  # under a merged cell: hidden on screen
_PARAGRAPHS = (_TEXT + "p", _TEXT + "h")
_NOT_TEXT = (_OFFICE + "annotation", _TEXT + "note")  # a comment or a note is not the value
_NUMBERS = ("float", "percentage", "currency")

_SAFE = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "load_dtd": False,
    "remove_comments": True,
    "remove_pis": True,
}
# What a damaged or hostile package raises while it is read: all mean "unreadable".
_BROKEN = (
    KeyError,  # a member missing (content.xml)
    etree.LxmlError,  # not XML, or beyond libxml2's limits
    zipfile.BadZipFile,  # a member longer than it declared is cut there and fails its CRC
    zlib.error,  # damaged compressed data
    EOFError,
    OSError,
    ValueError,  # a repeat count that is not a count
    RuntimeError,  # a ZIP-encrypted member
    NotImplementedError,  # a compression method zipfile does not know
)
_REPEAT = re.compile(r"[0-9]{1,10}")
_DURATION = re.compile(r"PT([0-9]{1,2})H([0-9]{1,2})M([0-9]{1,2})(?:\.([0-9]{1,6})[0-9]*)?S")
_WIDTH = MAX_COLUMNS + 1  # one column too many is enough for the caller to refuse the row


def media_type(archive: zipfile.ZipFile) -> str | None:
    """The OpenDocument type a ZIP says it is ("...opendocument.spreadsheet"), else None.

    The `mimetype` member says it; a package written without it still names its type in the
    manifest's root entry."""
    try:
        kind = _declared_type(archive)
    except _BROKEN:
        return None
    return kind if kind.startswith(_ODF) else None


def _declared_type(archive: zipfile.ZipFile) -> str:
    names = set(archive.namelist())
    if "mimetype" in names:
        with archive.open("mimetype") as stream:
            return stream.read(200).decode("ascii", "replace").strip()
    root = _manifest(archive)
    if root is None:
        return ""
    return next(
        (
            entry.get(_MANIFEST + "media-type", "")
            for entry in root.iter(_MANIFEST + "file-entry")
            if entry.get(_MANIFEST + "full-path") == "/"
        ),
        "",
    )


def read_ods(
    archive: zipfile.ZipFile, kind: str, filename: str, max_lines: int
) -> Table | TableError:
    """Rows of cleaned cells from the first sheet, or why the file cannot be read."""
    if kind not in _SPREADSHEETS:
        what = _OTHER_KINDS.get(kind.removeprefix(_ODF), "un document OpenDocument")
        return TableError(
            f"« {filename} » est {what}, pas un classeur : copiez le tableau dans "
            "LibreOffice Calc ou Excel et enregistrez-le au format .ods, .xlsx ou .csv."
        )
    unreadable = TableError(
        f"« {filename} » n'est pas un classeur OpenDocument (.ods) lisible : {SAVE_AS}."
    )
    try:
        if _encrypted(archive):
            return TableError(
                f"« {filename} » est un classeur protégé par mot de passe : ouvrez-le dans "
                "LibreOffice Calc, enregistrez-en une copie sans mot de passe (Fichier > "
                "Enregistrer sous…, case « Enregistrer avec mot de passe » décochée) et "
                "importez cette copie."
            )
        with archive.open("content.xml") as stream:
            return _read_content(stream, max_lines)
    except _BROKEN:
        return unreadable


def _encrypted(archive: zipfile.ZipFile) -> bool:
    """Saved with a password ("Enregistrer avec mot de passe"): the manifest then says how each
    encrypted member is encrypted (each part, or one "encrypted-package" holding them all in
    newer LibreOffice versions); only the manifest and mimetype stay readable."""
    manifest = _manifest(archive)
    return manifest is not None and any(True for _ in manifest.iter(_MANIFEST + "encryption-data"))


def _manifest(archive: zipfile.ZipFile) -> etree._Element | None:
    if "META-INF/manifest.xml" not in archive.namelist():
        return None
    with archive.open("META-INF/manifest.xml") as stream:
        parser = etree.XMLParser(**_SAFE)
        return etree.parse(stream, parser).getroot()


class _Lines:
    """The sheet's rows as they come. Empty rows are only counted until a row with something
    in it follows: a million trailing empty rows cost nothing, and rows[i] stays line i + 1."""

    def __init__(self, max_lines: int) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.max_lines = max_lines
        self.empty = 0
        self.truncated = False

    def add(self, row: tuple[str, ...], repeat: int) -> bool:
        """False once a line beyond max_lines holds something: reading stops there."""
        if not row:
            self.empty += repeat
            return True
        if len(self.rows) + self.empty >= self.max_lines:
            self.truncated = True
            return False
        self.rows.extend([()] * self.empty)
        self.empty = 0
        room = self.max_lines - len(self.rows)
        self.rows.extend([row] * min(repeat, room))
        self.truncated = repeat > room
        return not self.truncated


def _read_content(stream: IO[bytes], max_lines: int) -> Table | TableError:
    lines = _Lines(max_lines)
    names: list[str] = []  # of the sheets, in order
    in_first = False
    hidden_text: list[int] = []  # lines where a merged cell hides text
    events = etree.iterparse(stream, events=("start", "end"), tag=(_SHEET, _ROW), **_SAFE)
    for event, element in events:
        if element.tag == _SHEET:
            if not _is_sheet(element):
                continue
            if event == "start":
                names.append(element.get(_TABLE + "name", ""))
                in_first = len(names) == 1
            else:
                in_first = False
                _drop(element)
            continue
        if event != "end":
            continue
        if in_first and _is_sheet(_table_of(element)):
            cells, hides_text = _row_cells(element)
            line = len(lines.rows) + lines.empty + 1
            if hides_text:
                hidden_text.append(line)
            if not lines.add(cells, _repeat(element, "number-rows-repeated")):
                break
        _drop(element)
    if not names:
        return TableError("Le classeur ne contient aucune feuille de calcul.")
    notes = other_sheets_note(names[0], names[1:])
    if hidden_text:
        shown = ", ".join(map(str, hidden_text[:5])) + ("…" if len(hidden_text) > 5 else "")
        notes += (
            f"Ligne(s) {shown} : texte masqué sous des cellules fusionnées, ignoré comme à "
            "l'écran (annulez la fusion pour qu'il soit lu).",
        )
    source = f"ODS (feuille « {names[0]} »)"
    return Table(tuple(lines.rows), source, lines.truncated, notes)


def _is_sheet(table: etree._Element | None) -> bool:
    parent = None if table is None else table.getparent()
    return parent is not None and parent.tag == _SHEETS_PARENT


def _table_of(row: etree._Element) -> etree._Element | None:
    """The table a row belongs to, through header-rows and row-groups."""
    parent = row.getparent()
    while parent is not None and parent.tag != _SHEET:
        parent = parent.getparent()
    return parent


def _drop(element: etree._Element) -> None:
    """Forget an element read to its end, and what came before it: memory stays flat."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _repeat(element: etree._Element, attribute: str) -> int:
    value = element.get(_TABLE + attribute, "1")
    if not _REPEAT.fullmatch(value) or int(value) < 1:
        raise ValueError(f"répétition invalide : {value!r}")
    return int(value)


def _row_cells(row: etree._Element) -> tuple[tuple[str, ...], bool]:
    """The row's cleaned cells without trailing empty ones, at most _WIDTH; and whether a cell
    covered by a merge held text (read as empty: the screen does not show it)."""
    cells: list[str] = []
    empty = 0  # empty cells not written yet: only a later cell with text makes them real
    hides_text = False
    for cell in row:
        if cell.tag not in (_CELL, _COVERED):
            continue
        repeat = _repeat(cell, "number-columns-repeated")
        text = clean_cell(cell_text(_value(cell)))
        if cell.tag == _COVERED:
            hides_text = hides_text or bool(text)
            text = ""
        if not text:
            empty += repeat
            continue
        if len(cells) + empty >= _WIDTH:
            break
        cells.extend([""] * empty)
        empty = 0
        cells.extend([text] * min(repeat, _WIDTH - len(cells)))
    return tuple(cells), hides_text


def _value(cell: etree._Element) -> object:
    """What tabular.cell_text formats: float, bool, datetime, time or the text shown."""
    if cell.get(_CALCEXT + "value-type") == "error":
        return _shown(cell)
    kind = cell.get(_OFFICE + "value-type")
    try:
        if kind in _NUMBERS:
            return float(cell.get(_OFFICE + "value", ""))
        if kind == "date":
            return datetime.fromisoformat(cell.get(_OFFICE + "date-value", ""))
        if kind == "time":
            return _time(cell.get(_OFFICE + "time-value", ""))
        if kind == "boolean":
            return {"true": True, "1": True, "false": False, "0": False}[
                cell.get(_OFFICE + "boolean-value", "")
            ]
    except (ValueError, KeyError):
        return _shown(cell)  # a value Calc never writes: what the cell shows is all there is
    if kind == "string":
        stored = cell.get(_OFFICE + "string-value")  # set when the paragraphs would lose some
        if stored is not None:
            return stored
    return _shown(cell)


def _time(value: str) -> time:
    """PT09H30M00S (a time of day); a longer duration reads as shown."""
    found = _DURATION.fullmatch(value)
    if found is None:
        raise ValueError(value)
    hours, minutes, seconds, fraction = found.groups()
    return time(int(hours), int(minutes), int(seconds), int((fraction or "0").ljust(6, "0")))


def _shown(cell: etree._Element) -> str:
    """The cell's paragraphs as text, one per line (clean_cell makes them one line)."""
    return "\n".join(_inline(child) for child in cell if child.tag in _PARAGRAPHS)


def _inline(element: etree._Element) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == _TEXT + "s":
            parts.append(" ")  # "c" spaces: any run of white space reads as one (clean_cell)
        elif tag == _TEXT + "tab":
            parts.append("\t")
        elif tag == _TEXT + "line-break":
            parts.append("\n")
        elif isinstance(tag, str) and tag not in _NOT_TEXT:
            parts.append(_inline(child))  # a span, a link, a field: its text
        parts.append(child.tail or "")
    return "".join(parts)
