"""Cells for office software: formulas neutralised, numbers left as numbers, cents exact."""

import pytest

from desktop.models.spreadsheet import csv_text, euros, safe_cell


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://x","clic")', "+33 6 12", "-cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1+1"],
)
def test_formula_starts_are_escaped(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", [-2, "-2", "-12,50", "-3 €", "-1\u202f234,50 €", 0, "ROUSSEL"])
def test_plain_numbers_and_names_stay_as_they_are(value):
    assert safe_cell(value) == str(value)


def test_euros_are_exact_and_french():
    assert euros(1250) == "12,50 €"
    assert euros(5) == "0,05 €"
    assert euros(-2015) == "-20,15 €"
    assert euros(123456789) == "1\u202f234\u202f567,89 €"


def test_csv_text_is_semicolon_separated_with_crlf():
    text = csv_text(["Nom", "Montant"], [["=CMD()", "12,50 €"], ["DUPONT; fils", -3]])
    assert text.splitlines() == ["Nom;Montant", "'=CMD();12,50 €", '"DUPONT; fils";-3']
