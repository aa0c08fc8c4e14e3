"""Amounts typed at the desk ("12,50", "12.50", "12,50 €") read as integer cents, never floats.

A refusal is an `AmountProblem` with a precise French message for the form; exceptions are not
used for what a person types.
"""

import re
from dataclasses import dataclass
from enum import Enum

from desktop.models.spreadsheet import euros

MAX_DIGITS = 7  # 99 999,99 €: far above any ceiling, small enough to refuse "1e9" spelt out

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_CURRENCY = re.compile(r"(€|eur|euros?)$", re.IGNORECASE)
_AMOUNT = re.compile(r"(?P<sign>[-+−]?)(?P<whole>\d+)(?:[.,](?P<frac>\d*))?", re.ASCII)
_GROUPED = re.compile(r"\d{1,3}(?: \d{3})+(?:[.,]\d*)?", re.ASCII)


class AmountProblem(Enum):
    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    SCIENTIFIC = "scientific"
    NEGATIVE = "negative"
    ZERO = "zero"
    TOO_MANY_DECIMALS = "too_many_decimals"
    TOO_LARGE = "too_large"
    ABOVE_CEILING = "above_ceiling"


@dataclass(frozen=True)
class ParsedAmount:
    """Either `cents` (> 0) or a `problem` with its French `message`."""

    text: str
    cents: int | None = None
    problem: AmountProblem | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None and self.cents is not None


def parse_cents(text: str, *, ceiling_cents: int | None = None) -> ParsedAmount:
    """ "12,50" / "12.50" / "12,5" / "12" / "12,50 €" / "1 234,50" -> cents; strictly positive,
    at most two decimals, and not above `ceiling_cents` when given."""
    raw = text.strip()
    compact = _CURRENCY.sub("", raw).strip()
    if _GROUPED.fullmatch(_SPACES.sub(" ", compact)):
        compact = _SPACES.sub("", compact)
    if not compact:
        return _refuse(text, AmountProblem.EMPTY, "Montant vide : saisissez par exemple 12,50.")
    if re.search(r"\d[eE][-+]?\d", compact):
        return _refuse(
            text,
            AmountProblem.SCIENTIFIC,
            f"« {raw} » n'est pas un montant en euros : écrivez les chiffres, par exemple 12,50.",
        )
    match = _AMOUNT.fullmatch(compact)
    if match is None:
        return _refuse(
            text,
            AmountProblem.NOT_A_NUMBER,
            f"« {raw} » n'est pas un montant : saisissez par exemple 12,50 ou 12.50.",
        )
    if match["sign"] in ("-", "−"):
        return _refuse(text, AmountProblem.NEGATIVE, "Le montant ne peut pas être négatif.")
    fraction = match["frac"] or ""
    if len(fraction) > 2:
        return _refuse(
            text,
            AmountProblem.TOO_MANY_DECIMALS,
            f"« {raw} » a plus de deux chiffres après la virgule : "
            "un montant se saisit au centime près (ex. 12,50).",
        )
    whole = match["whole"].lstrip("0") or "0"
    if len(whole) > MAX_DIGITS - 2:
        return _refuse(text, AmountProblem.TOO_LARGE, f"Montant trop grand : « {raw} ».")
    cents = int(whole) * 100 + int(fraction.ljust(2, "0"))
    if cents == 0:
        return _refuse(text, AmountProblem.ZERO, "Le montant doit être supérieur à 0,00 €.")
    if ceiling_cents is not None and cents > ceiling_cents:
        return _refuse(
            text,
            AmountProblem.ABOVE_CEILING,
            f"{euros(cents)} dépasse le plafond de remboursement ({euros(ceiling_cents)}).",
        )
    return ParsedAmount(text=text, cents=cents)


def _refuse(text: str, problem: AmountProblem, message: str) -> ParsedAmount:
    return ParsedAmount(text=text, problem=problem, message=message)


def format_cents(cents: int) -> str:
    """1250 -> "12,50 €" (the one display form of an amount)."""
    return euros(cents)


def cents_to_input(cents: int) -> str:
    """1250 -> "12,50": how an amount is put back in a form field."""
    return f"{cents // 100},{cents % 100:02d}"
