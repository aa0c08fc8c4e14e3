"""Badge codes and scan parsing, including property tests on arbitrary scanner output."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.models.codes import (
    ALPHABET,
    CODE_LENGTH,
    BadgeCode,
    ScanProblem,
    clean_scan,
    new_code,
    new_tag,
    parse_scan,
)

LAYOUT_SENSITIVE = set("AQZWM0123456789")
TAG = "BCDF"


def test_alphabet_avoids_keys_that_differ_between_qwerty_and_azerty():
    assert not set(ALPHABET) & LAYOUT_SENSITIVE
    code = new_code(TAG)
    assert len(code) == CODE_LENGTH and not set(code) & LAYOUT_SENSITIVE


def test_codes_are_random_and_carry_enough_entropy():
    import math

    assert len({new_code(TAG) for _ in range(1000)}) == 1000
    assert 30 * math.log2(len(ALPHABET)) >= 128


def test_caps_lock_and_scanner_decorations():
    code = new_code(TAG)
    for raw in (code, code.lower(), f"]Q1{code}\r", f"\x02{code}\x03", f"  {code}\t", f"{code}\n"):
        assert parse_scan(raw) == BadgeCode(code=code, tag=TAG)


def test_mangled_digit_row_means_keyboard_layout():
    assert parse_scan("&é\"'(-è_çà") is ScanProblem.KEYBOARD_LAYOUT
    assert parse_scan("!@#$%^&*()") is ScanProblem.KEYBOARD_LAYOUT


def test_truncated_code_is_unreadable():
    code = new_code(TAG)
    assert parse_scan(code[:-1]) is ScanProblem.UNREADABLE
    assert parse_scan(code[1:]) is ScanProblem.UNREADABLE


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_gives_a_result_never_an_exception(raw):
    result = parse_scan(raw)
    assert isinstance(result, (BadgeCode, ScanProblem))


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.text(alphabet=string.punctuation + string.digits + " \t\x02", max_size=20),
    suffix=st.text(alphabet=string.punctuation + string.digits + " \r\n\x03", max_size=20),
    lower=st.booleans(),
)
def test_a_code_is_found_whatever_surrounds_it(prefix, suffix, lower):
    tag = new_tag()
    code = new_code(tag)
    typed = code.lower() if lower else code
    assert parse_scan(prefix + typed + suffix) == BadgeCode(code=code, tag=tag)


@settings(max_examples=300, deadline=None)
@given(position=st.integers(min_value=0, max_value=CODE_LENGTH - 1), data=st.data())
def test_one_changed_letter_is_always_caught(position, data):
    code = new_code(TAG)
    letter = data.draw(st.sampled_from([ch for ch in ALPHABET if ch != code[position]]))
    changed = code[:position] + letter + code[position + 1 :]
    assert parse_scan(changed) is ScanProblem.UNREADABLE


@settings(max_examples=300, deadline=None)
@given(position=st.integers(min_value=0, max_value=CODE_LENGTH - 2))
def test_two_swapped_neighbours_are_always_caught(position):
    code = new_code(TAG)
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    if swapped != code:
        assert parse_scan(swapped) is ScanProblem.UNREADABLE


@given(st.text(max_size=200))
def test_clean_scan_keeps_no_whitespace_nor_control(raw):
    cleaned = clean_scan(raw)
    assert not any(ch.isspace() for ch in cleaned)
    assert cleaned == cleaned.upper()


def test_random_letters_are_spread_evenly_over_the_alphabet():
    from collections import Counter

    counts = Counter("".join(new_code(TAG)[6:36] for _ in range(2000)))
    assert set(counts) == set(ALPHABET)
    expected = 2000 * 30 / len(ALPHABET)
    assert all(abs(n - expected) < 0.1 * expected for n in counts.values())
