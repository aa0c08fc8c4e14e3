"""Meal passes as real PDF files: exact paper sizes, every QR code decoded back from a 150 dpi
PNG and redeemed at the caterer (once), members then guests, nothing issued by printing."""

import re
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader

from desktop.cli import main
from desktop.models import checkin, members
from desktop.models.catering import RedeemOutcome, redeem_meal_pass
from desktop.models.convention import get_session
from desktop.models.documents.layout import DocumentError
from desktop.models.documents.passes_pdf import (
    pass_records,
    present_without_pass,
    render_meal_passes,
)
from desktop.models.facts import VoidOutcome, void_fact
from desktop.models.meals import GuestRole, give_guest_meal_pass, give_meal_pass
from desktop.models.text import fold

SATURDAY = date(2023, 11, 11)
PAPER_MM = {"a4-4": (210, 297), "a6": (105, 148)}


def _decode(pdf: Path, dpi: int = 150) -> list[list[str]]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [
            [code.text for code in zxingcpp.read_barcodes(page.render(scale=dpi / 72).to_pil())]
            for page in document
        ]
    finally:
        document.close()


def _text(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)


def _events(db) -> int:
    return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]


@pytest.fixture
def saturday(demo_db):
    return get_session(demo_db, "we1-samedi")


@pytest.fixture
def lunch(demo_db, desk, clock, saturday):
    """Every expected member checked in; all but the last two given a pass; two guests."""
    present = [m for m in members.all_members(demo_db) if not m.withdrawn]
    present.sort(key=lambda m: (fold(m.surname), fold(m.first_name)))
    for member in present:
        clock.advance(seconds=20)
        assert checkin.check_in_member(demo_db, member.id, saturday, desk, clock).recorded
    given = present[:-2]
    for member in given:
        assert give_meal_pass(demo_db, member.id, saturday, desk, clock).recorded
    for name, role in (
        ("Pr Jean-Marc Delacroix", GuestRole.EXPERT),
        ("Sophie Bernard", GuestRole.STAFF),
    ):
        assert give_guest_meal_pass(demo_db, saturday, name, role, desk, clock).recorded
    return given, present[-2:]


@pytest.mark.parametrize("layout", ["a4-4", "a6"])
def test_every_pass_decodes_and_is_served_once(
    demo_db, desk, clock, saturday, lunch, tmp_path, layout
):
    given, _missing = lunch
    out = tmp_path / f"passes-{layout}.pdf"
    before = _events(demo_db)
    report = render_meal_passes(demo_db, SATURDAY, out, layout)
    assert _events(demo_db) == before  # printing issues nothing
    assert (report.members, report.guests) == (len(given), 2)
    reader = PdfReader(out)
    assert report.pages == len(reader.pages)
    per_page = 4 if layout == "a4-4" else 1
    # members fill their sheets, guests start a sheet of their own
    assert report.pages == -(-len(given) // per_page) + -(-2 // per_page)
    for page in reader.pages:
        width, height = (float(v) * 25.4 / 72 for v in (page.mediabox.width, page.mediabox.height))
        assert (width, height) == pytest.approx(PAPER_MM[layout], abs=0.5)

    decoded = _decode(out)
    codes = [code for page in decoded for code in page]
    records = pass_records(demo_db, saturday.id)
    assert sorted(codes) == sorted(r.qr_payload for r in records)
    assert len(set(codes)) == len(given) + 2
    # each page holds the codes of its own vouchers: members' sheets, then guests' sheets
    groups = [[r for r in records if not r.guest], [r for r in records if r.guest]]
    expected = [
        sorted(r.qr_payload for r in group[start : start + per_page])
        for group in groups
        for start in range(0, len(group), per_page)
    ]
    assert [sorted(page) for page in decoded] == expected
    holders = {r.qr_payload: r.holder for r in records}
    for code in codes:
        served = redeem_meal_pass(demo_db, code, saturday, desk, clock)
        assert served.outcome is RedeemOutcome.SERVED, holders[code]
        assert served.meal_pass is not None and served.meal_pass.holder == holders[code]
        again = redeem_meal_pass(demo_db, code, saturday, desk, clock)
        assert again.outcome is RedeemOutcome.ALREADY_SERVED
        assert again.first_served is not None


def test_members_in_french_order_then_guests_with_their_role(demo_db, lunch, tmp_path):
    given, missing = lunch
    out = tmp_path / "passes.pdf"
    report = render_meal_passes(demo_db, SATURDAY, out)
    text = _text(out)
    assert "BON DE REPAS" in text and "Déjeuner du samedi 11/11/2023" in text
    assert "Valable une seule fois, le 11/11/2023, au déjeuner." in text
    positions = [text.find(f"{m.first_name} {m.surname}") for m in given]
    assert -1 not in positions and positions == sorted(positions)
    expert = text.find("Pr Jean-Marc Delacroix")
    assert expert > positions[-1]
    assert "Invité·e — expert·e" in text and "Invité·e — personnel" in text
    assert f"bon membre n° 1 / {len(given)}" in text and "bon invité n° 2 / 2" in text
    assert "Menu : végétarien" in text  # the caterer sees the menu, guests have none
    assert "Remis le 11/11/2023 à 09:" in text
    for member in missing:
        assert f"{member.first_name} {member.surname}" not in text
    assert report.without_pass == tuple(f"{m.first_name} {m.surname}" for m in missing)


def test_the_desk_prints_only_the_pass_it_just_handed_out(demo_db, desk, clock, saturday, tmp_path):
    member = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    checkin.check_in_member(demo_db, member.id, saturday, desk, clock)
    result = give_meal_pass(demo_db, member.id, saturday, desk, clock)
    out = tmp_path / "un.pdf"
    report = render_meal_passes(demo_db, SATURDAY, out, "a6", event_ids=[result.event_id])
    assert (report.members, report.guests, report.pages) == (1, 0, 1)
    assert _decode(out) == [[result.meal_pass.qr_payload]]
    assert "Émilie DUBOIS" in _text(out)


def test_a_cancelled_pass_is_not_printed(demo_db, desk, clock, saturday, tmp_path):
    chosen = [m for m in members.all_members(demo_db) if m.surname in ("DUBOIS", "MARTIN")]
    results = []
    for member in chosen:
        checkin.check_in_member(demo_db, member.id, saturday, desk, clock)
        results.append(give_meal_pass(demo_db, member.id, saturday, desk, clock))
    assert void_fact(demo_db, results[0].event_id, "erreur", desk, clock) is VoidOutcome.VOIDED
    out = tmp_path / "p.pdf"
    report = render_meal_passes(demo_db, SATURDAY, out)
    assert report.members == 1 and _decode(out) == [[results[1].meal_pass.qr_payload]]
    assert present_without_pass(demo_db, saturday.id) == (
        f"{chosen[0].first_name} {chosen[0].surname}",
    )
    with pytest.raises(DocumentError, match="annulé"):
        render_meal_passes(demo_db, SATURDAY, out, event_ids=[results[0].event_id])


def test_no_lunch_or_no_pass_is_refused_in_french(demo_db, tmp_path):
    out = tmp_path / "p.pdf"
    with pytest.raises(DocumentError, match="Aucun déjeuner prévu le 10/11/2023"):
        render_meal_passes(demo_db, date(2023, 11, 10), out)
    with pytest.raises(DocumentError, match="Aucun bon repas remis pour le déjeuner du 11/11/2023"):
        render_meal_passes(demo_db, SATURDAY, out)
    with pytest.raises(DocumentError, match="Mise en page inconnue"):
        render_meal_passes(demo_db, SATURDAY, out, "a5")
    assert not out.exists()


# --- the command line ---------------------------------------------------------------------------


def test_cli_writes_the_day_and_warns_about_members_without_a_pass(
    demo_db, db_path, lunch, tmp_path, capsys
):
    _given, missing = lunch
    out = tmp_path / "bons.pdf"
    argv = ["passes", "--db", str(db_path), "--date", "2023-11-11", "--out", str(out)]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert re.search(r"37 membre\(s\), 2 invité\(s\), 11 page\(s\)", captured.out)
    assert "2 membre(s) présent(s) sans bon repas" in captured.err
    assert all(m.surname in captured.err for m in missing)
    assert len([c for page in _decode(out) for c in page]) == 39


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--date", "2023-11-10"], "Aucun déjeuner prévu le 10/11/2023"),
        (["--date", "2023-11-11"], "Aucun bon repas remis"),
        (["--date", "2023-11-11", "--session", "we2-samedi"], "n'a pas lieu le 11/11/2023"),
        (["--date", "2023-11-11", "--layout", "a5"], "Mise en page inconnue : 'a5'"),
        (["--date", "11/11/2023"], None),
    ],
)
def test_cli_refuses_with_a_french_message(demo_db, db_path, tmp_path, capsys, argv, message):
    out = tmp_path / "p.pdf"
    if message is None:
        with pytest.raises(SystemExit) as exited:
            main(["passes", "--db", str(db_path), *argv, "--out", str(out)])
        assert exited.value.code == 2 and "date invalide" in capsys.readouterr().err
        return
    assert main(["passes", "--db", str(db_path), *argv, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("guichet : ") and message in err
    assert not out.exists()


def test_a_long_member_name_breaks_between_first_name_and_surname(
    demo_db, desk, clock, saturday, tmp_path
):
    member = next(m for m in members.all_members(demo_db) if m.surname.startswith("DE LA"))
    checkin.check_in_member(demo_db, member.id, saturday, desk, clock)
    give_meal_pass(demo_db, member.id, saturday, desk, clock)
    out = tmp_path / "long.pdf"
    render_meal_passes(demo_db, SATURDAY, out, "a6")
    lines = PdfReader(out).pages[0].extract_text().splitlines()
    assert "Marie-Christine" in lines and "DE LA TOUR-D'AUVERGNE" in lines


def test_the_desk_job_prints_the_pass_just_handed_out(demo_db, desk, clock, saturday, tmp_path):
    from desktop.models.documents.desk_jobs import passes_work

    member = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    checkin.check_in_member(demo_db, member.id, saturday, desk, clock)
    result = give_meal_pass(demo_db, member.id, saturday, desk, clock)
    seen = []
    work = passes_work(demo_db, saturday, tmp_path / "un.pdf", "a6", [result.event_id])
    assert work(lambda done, total: seen.append((done, total))) == (tmp_path / "un.pdf", 1, ())
    assert seen == [(1, 1)] and _decode(tmp_path / "un.pdf") == [[result.meal_pass.qr_payload]]
