"""Scanner set-up diagnosis: what the scanner typed for the test code, and why.

The mangled texts are produced by an independent model of the two keyboards (which key and
shift state the scanner presses for a character in its layout, what the computer's layout
makes of that key), not by the tables of the code under test."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.models.scanner_diagnosis import (
    TEST_CODE,
    WEDGE_MAX_KEY_DELAY_MS,
    Finding,
    Layout,
    diagnose,
    visible,
)

_LETTERS = "BCDEFGHIJKLNOPRSTUVXY"
_DIGIT_KEYS = [f"D{d}" for d in "1234567890"]
# (key, shift) -> character, for the keys the test code uses.
US: dict[tuple[str, bool], str] = {}
FR: dict[tuple[str, bool], str] = {}
for letter in _LETTERS + "AQZWM":
    US[(letter, False)], US[(letter, True)] = letter.lower(), letter
for letter in _LETTERS:
    FR[(letter, False)], FR[(letter, True)] = letter.lower(), letter
for key, letter in {"Q": "A", "A": "Q", "W": "Z", "Z": "W", "SEMI": "M"}.items():
    FR[(key, False)], FR[(key, True)] = letter.lower(), letter
FR[("M", False)], FR[("M", True)] = ",", "?"
US[("SEMI", False)], US[("SEMI", True)] = ";", ":"
for key, digit, us_shifted, fr_plain in zip(
    _DIGIT_KEYS, "1234567890", "!@#$%^&*()", "&é\"'(-è_çà", strict=True
):
    US[(key, False)], US[(key, True)] = digit, us_shifted
    FR[(key, False)], FR[(key, True)] = fr_plain, digit
LAYOUTS = {"us": US, "fr": FR}


def scanner_types(text: str, scanner: str, computer: str, caps: bool = False) -> str:
    """What appears on `computer` when a scanner set to `scanner` types `text`."""
    presses = {char: key for key, char in LAYOUTS[scanner].items()}
    out = []
    for ch in text:
        typed = LAYOUTS[computer][presses[ch]]
        out.append(typed.swapcase() if caps and typed.isalpha() and typed.isascii() else typed)
    return "".join(out)


def stamps(count: int, delay: float) -> list[float]:
    return [i * delay for i in range(count)]


def test_a_well_set_scanner_is_all_good():
    typed = TEST_CODE + "\r"
    result = diagnose(typed, stamps(len(typed), 4))
    assert result.findings == (Finding.ALL_GOOD,)
    assert result.ok and result.layout is Layout.SAME and result.end_key == "Entrée"
    assert result.visible == TEST_CODE + "⏎"


def test_a_qwerty_scanner_on_an_azerty_laptop():
    typed = scanner_types(TEST_CODE, "us", "fr") + "\r"
    assert typed.startswith("GUICHETqawz,QAWZ?&é\"'(-è_çà")
    result = diagnose(typed, stamps(len(typed), 4))
    assert result.findings == (Finding.LAYOUT_QWERTY_ON_AZERTY,)
    assert "QWERTY" in result.texts[0] and "AZERTY" in result.texts[0]
    assert not result.ok


def test_an_azerty_scanner_on_a_qwerty_laptop():
    typed = scanner_types(TEST_CODE, "fr", "us") + "\t"
    assert "!@#$%^&*()" in typed
    result = diagnose(typed, stamps(len(typed), 4))
    assert result.findings == (Finding.LAYOUT_AZERTY_ON_QWERTY, Finding.ENDS_WITH_TAB)
    assert result.end_key == "Tab"


def test_caps_lock_inverts_the_case():
    typed = scanner_types(TEST_CODE, "fr", "fr", caps=True) + "\r"
    assert typed.startswith("guichetAQZWMaqzwm")
    result = diagnose(typed, stamps(len(typed), 4))
    assert result.findings == (Finding.CAPS_LOCK,)
    assert "Verr. Maj" in result.texts[0]


def test_a_prefix_a_suffix_and_no_end_key_are_each_said():
    typed = "]Q1" + TEST_CODE + "\x1d01"
    result = diagnose(typed, stamps(len(typed), 4))
    assert result.findings == (Finding.PREFIX, Finding.SUFFIX, Finding.NO_END_KEY)
    assert result.prefix == "]Q1" and result.suffix == "\x1d01"
    assert "« ]Q1 »" in result.texts[0]
    assert "« [GS]01 »" in result.texts[1]
    assert "ni Entrée ni Tab" in result.texts[2]


def test_typing_at_a_persons_pace_is_too_slow():
    typed = TEST_CODE + "\r"
    result = diagnose(typed, stamps(len(typed), 90))
    assert result.findings == (Finding.TOO_SLOW,)
    assert "90 ms" in result.texts[0]
    assert result.median_delay_ms == 90


def test_nothing_and_something_else():
    assert diagnose("").findings == (Finding.NOTHING_TYPED,)
    assert diagnose("\r").findings == (Finding.NOTHING_TYPED,)
    other = diagnose("hello world\r")
    assert other.findings == (Finding.NOT_RECOGNISED,)
    mangled = diagnose("&é\"'(-è_çà\r")
    assert "symboles" in mangled.texts[0]


def test_visible_spells_out_control_characters():
    assert visible("A\tB\r\n\x1d\x04 \u200b") == "A⇥B⏎␊[GS][EOT]␣[U+200B]"


@settings(max_examples=300, deadline=None)
@given(
    scanner=st.sampled_from(["us", "fr"]),
    computer=st.sampled_from(["us", "fr"]),
    caps=st.booleans(),
    prefix=st.text(alphabet="]~|<>+=/\x1d\x02Q1 ", max_size=5),
    suffix=st.text(alphabet="]~|<>+=/\x1d\x02Q1 ", max_size=5),
    end=st.sampled_from(["\r", "\t", "\r\n", ""]),
    delay=st.floats(0.5, 200),
)
def test_every_combination_is_diagnosed_for_what_it_is(
    scanner, computer, caps, prefix, suffix, end, delay
):
    typed = prefix + scanner_types(TEST_CODE, scanner, computer, caps) + suffix + end
    result = diagnose(typed, stamps(len(typed), delay))
    expected_layout = {
        ("us", "fr"): Layout.QWERTY_ON_AZERTY,
        ("fr", "us"): Layout.AZERTY_ON_QWERTY,
    }.get((scanner, computer), Layout.SAME)
    found = set(result.findings)
    assert result.layout is expected_layout
    assert (Finding.LAYOUT_QWERTY_ON_AZERTY in found) == (
        expected_layout is Layout.QWERTY_ON_AZERTY
    )
    assert (Finding.LAYOUT_AZERTY_ON_QWERTY in found) == (
        expected_layout is Layout.AZERTY_ON_QWERTY
    )
    assert (Finding.CAPS_LOCK in found) == caps
    assert result.prefix == prefix and result.suffix == suffix
    assert (Finding.PREFIX in found) == bool(prefix)
    assert (Finding.SUFFIX in found) == bool(suffix)
    assert (Finding.NO_END_KEY in found) == (end == "")
    assert (Finding.TOO_SLOW in found) == (delay > WEDGE_MAX_KEY_DELAY_MS)
    assert result.ok == (Finding.ALL_GOOD in found)
    assert result.ok == (
        expected_layout is Layout.SAME
        and not caps
        and not prefix
        and not suffix
        and end != ""
        and delay <= WEDGE_MAX_KEY_DELAY_MS
    )


@settings(max_examples=500, deadline=None)
@given(typed=st.text(max_size=80), delays=st.lists(st.floats(0, 10_000), max_size=80))
def test_any_typed_text_gets_a_diagnosis_and_never_an_error(typed, delays):
    times = [sum(delays[: i + 1]) for i in range(len(delays))]
    result = diagnose(typed, times)
    assert result.findings and len(result.texts) == len(result.findings)
    assert all(text.strip() for text in result.texts)
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in result.visible), (
        result.visible
    )
    assert (Finding.ALL_GOOD in result.findings) == result.ok
