"""Cells for French office software: CSV with `;`, UTF-8 with BOM, decimal comma, JJ/MM/AAAA,
and no live formula ever written back (CSV injection)."""

import csv
import io
import re
from collections.abc import Iterable, Sequence

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "|")


# A plain number ("-2", "-12,50", "-3 €") is not a formula: a stock difference stays a number.
_PLAIN_NUMBER = re.compile(r"-?\d[\d\u202f ]*([.,]\d+)?( ?€)?")


def safe_cell(value: object) -> str:
    """Text a spreadsheet shows as typed: a leading formula character is escaped with `'`,
    except in a plain number such as a negative difference."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def euros(cents: int) -> str:
    """1250 -> "12,50 €" (French format, exact: integer cents in, no float)."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", "\u202f")
    return f"{sign}{grouped},{rest:02d} €"


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue()


def write_csv(path: "object", header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """UTF-8 with BOM so that Excel on an office PC reads the accents right."""
    from pathlib import Path

    Path(str(path)).write_text(csv_text(header, rows), encoding="utf-8-sig")
