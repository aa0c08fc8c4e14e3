"""The parking receipt form: what the agent typed, checked field by field. Every problem is
reported at once, with a precise French message per field."""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlite_utils

from desktop.models import attachments
from desktop.models.attachments import LoadedFile
from desktop.models.convention import Session
from desktop.models.convention_settings import parking_ceiling
from desktop.models.facts import FieldError
from desktop.models.money import parse_cents


@dataclass(frozen=True)
class ReceiptForm:
    """What the agent typed; checked by `validate_form`."""

    car_park: str
    receipt_no: str
    amount: str  # "12,50" or "12.50"
    scan_path: Path | str | None
    day: str = ""  # "JJ/MM/AAAA" or "AAAA-MM-JJ"; blank: the session's day
    time_in: str = ""  # "HH:MM", "9h05"...; optional
    time_out: str = ""


@dataclass(frozen=True)
class ValidForm:
    car_park: str
    receipt_no: str
    amount_cents: int
    day: date
    time_in: str | None
    time_out: str | None
    scan: LoadedFile


_TIME = re.compile(r"(?P<h>[01]?\d|2[0-3])\s*(?:[:hH.]\s*(?P<m>[0-5]\d)?)?")


def _parse_day(text: str, default: date) -> date | None:
    value = text.strip()
    if not value:
        return default
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(value)
    except ValueError:
        return None


def _parse_time(text: str) -> str | None:
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    return f"{int(match['h']):02d}:{match['m'] or '00'}"


def validate_form(
    db: sqlite_utils.Database, form: ReceiptForm, session: Session
) -> ValidForm | tuple[FieldError, ...]:
    """Every field checked, every problem reported at once (French, per field)."""
    errors: list[FieldError] = []
    car_park = " ".join(form.car_park.split())
    if not car_park:
        errors.append(FieldError("car_park", "Indiquez le parking (nom du parc)."))
    receipt_no = " ".join(form.receipt_no.split())
    if not receipt_no:
        errors.append(FieldError("receipt_no", "Indiquez le numéro du ticket ou du reçu."))
    amount = parse_cents(form.amount, ceiling_cents=parking_ceiling(db))
    if not amount.ok:
        errors.append(FieldError("amount", amount.message))
    day = _parse_day(form.day, session.day)
    if day is None:
        errors.append(FieldError("day", f"Date invalide : « {form.day} » (JJ/MM/AAAA)."))
    times: list[str | None] = []
    for name, text in (("time_in", form.time_in), ("time_out", form.time_out)):
        parsed = _parse_time(text) if text.strip() else None
        if text.strip() and parsed is None:
            errors.append(FieldError(name, f"Heure invalide : « {text} » (HH:MM)."))
        times.append(parsed)
    if times[0] and times[1] and times[1] < times[0]:
        errors.append(FieldError("time_out", "L'heure de sortie précède l'heure d'entrée."))
    scan = attachments.load_scan(form.scan_path)
    if isinstance(scan, FieldError):
        errors.append(scan)
    if errors or day is None or amount.cents is None or isinstance(scan, FieldError):
        return tuple(errors)
    return ValidForm(car_park, receipt_no, amount.cents, day, times[0], times[1], scan)
