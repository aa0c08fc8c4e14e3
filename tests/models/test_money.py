"""Amounts typed at the desk: integer cents, precise French refusals, never a float."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.models.money import AmountProblem, cents_to_input, format_cents, parse_cents


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("12,50", 1250),
        ("12.50", 1250),
        ("12,5", 1250),
        ("12", 1200),
        (" 7,05 ", 705),
        ("12,50 €", 1250),
        ("12.50EUR", 1250),
        ("0,01", 1),
        ("1 234,56", 123456),
        ("1\u202f234,56", 123456),
        ("012,00", 1200),
    ],
)
def test_accepted_amounts_are_exact_cents(text, cents):
    parsed = parse_cents(text)
    assert parsed.ok and parsed.cents == cents and parsed.problem is None


@pytest.mark.parametrize(
    ("text", "problem", "words"),
    [
        ("0", AmountProblem.ZERO, "supérieur à 0,00 €"),
        ("0,00", AmountProblem.ZERO, "supérieur à 0,00 €"),
        ("-3", AmountProblem.NEGATIVE, "négatif"),
        ("−3,00", AmountProblem.NEGATIVE, "négatif"),
        ("12,505", AmountProblem.TOO_MANY_DECIMALS, "deux chiffres après la virgule"),
        ("1e9", AmountProblem.SCIENTIFIC, "« 1e9 » n'est pas un montant"),
        ("1E3", AmountProblem.SCIENTIFIC, "n'est pas un montant"),
        ("abc", AmountProblem.NOT_A_NUMBER, "« abc » n'est pas un montant"),
        ("12,50,3", AmountProblem.NOT_A_NUMBER, "n'est pas un montant"),
        ("1.234,50", AmountProblem.NOT_A_NUMBER, "n'est pas un montant"),
        ("nan", AmountProblem.NOT_A_NUMBER, "n'est pas un montant"),
        ("", AmountProblem.EMPTY, "Montant vide"),
        ("  € ", AmountProblem.EMPTY, "Montant vide"),
        ("1000000000", AmountProblem.TOO_LARGE, "trop grand"),
    ],
)
def test_refused_amounts_say_why_in_french(text, problem, words):
    parsed = parse_cents(text)
    assert not parsed.ok and parsed.cents is None
    assert parsed.problem is problem
    assert words in parsed.message


def test_ceiling_is_inclusive_and_named_in_the_message():
    assert parse_cents("30,00", ceiling_cents=3000).cents == 3000
    above = parse_cents("30,01", ceiling_cents=3000)
    assert above.problem is AmountProblem.ABOVE_CEILING
    assert above.message == "30,01 € dépasse le plafond de remboursement (30,00 €)."


def test_display_forms():
    assert format_cents(1250) == "12,50 €"
    assert format_cents(5) == "0,05 €"
    assert cents_to_input(1205) == "12,05"


@given(st.integers(min_value=1, max_value=99_999_99))
def test_what_is_shown_in_a_form_reads_back_the_same(cents):
    assert parse_cents(cents_to_input(cents)).cents == cents
    assert parse_cents(cents_to_input(cents).replace(",", ".")).cents == cents


@given(st.text(max_size=40))
def test_any_text_gives_cents_or_a_problem_never_an_exception(text):
    parsed = parse_cents(text, ceiling_cents=3000)
    assert (parsed.cents is None) != (parsed.problem is None)
    if parsed.cents is not None:
        assert 0 < parsed.cents <= 3000
    else:
        assert parsed.message
