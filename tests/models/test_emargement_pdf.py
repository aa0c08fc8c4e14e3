"""The feuille d'émargement as a real PDF: accent-aware order, times, counts, certificate,
"page x / y", blank and completed, one or several sessions, the command line."""

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.models import checkin, members
from desktop.models.clock import to_utc_text
from desktop.models.convention import Session, add_session, get_session
from desktop.models.documents.emargement_draw import page_plan
from desktop.models.documents.emargement_pdf import (
    emargement_sheet,
    render_emargement,
    render_emargement_day,
    render_emargement_pdf,
)
from desktop.models.documents.emargement_sheet import SheetRow
from desktop.models.documents.layout import DocumentError
from desktop.models.ids import uuid7
from desktop.models.members import Member
from desktop.models.storage import write_transaction
from desktop.models.text import fold

SATURDAY = "we1-samedi"
A4_MM = (210, 297)
ARRIVAL = re.compile(r"(?<!à )\b\d{2}:\d{2}\b")  # "éditée le … à 09:12" is no arrival


def _text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _flat(text: str) -> str:
    """One line, with names wrapped after a hyphen joined back ("DE LA TOUR-D'AUVERGNE")."""
    return " ".join(re.sub(r"-\s+", "-", text).split())


def _add_petits(db) -> None:
    """Three members whose only difference is the first name, to show the French order."""
    with write_transaction(db):
        for first_name in ("Fabien", "Émilie", "Denis"):
            members.save_member(
                db,
                Member(uuid7(), "PETIT", first_name, "34172", "Montpellier", "actif"),
            )


def _check_in(db, desk, clock, surnames: list[str]) -> None:
    session = get_session(db, SATURDAY)
    for surname in surnames:
        member = next(m for m in members.all_members(db) if m.surname == surname)
        clock.advance(minutes=1)
        assert checkin.check_in_member(db, member.id, session, desk, clock).recorded


def test_completed_sheet_lists_everyone_in_french_order_with_times_and_counts(
    demo_db, desk, clock, tmp_path
):
    _add_petits(demo_db)
    _check_in(demo_db, desk, clock, ["DUBOIS", "ŒUVRARD", "ESTÈVE"])  # 09:13, 09:14, 09:15
    out = tmp_path / "emargement.pdf"
    pages = render_emargement(
        demo_db, SATURDAY, out, agent="Martine Dupont", role="Chargée de mission", clock=clock
    )
    reader = PdfReader(out)
    assert pages == len(reader.pages) == 2
    for page in reader.pages:
        assert float(page.mediabox.width) * 25.4 / 72 == pytest.approx(A4_MM[0], abs=0.5)
        assert float(page.mediabox.height) * 25.4 / 72 == pytest.approx(A4_MM[1], abs=0.5)
    texts = _text(out)
    whole = _flat(" ".join(texts))
    for header in (
        "Montpellier Méditerranée Métropole",
        "Convention citoyenne sur l'intelligence artificielle",
        "Délibération n° M2023-352 du 3 octobre 2023",
        "samedi 11/11/2023",
        "journée",
        "Hôtel de Métropole, 50 place Zeus, Montpellier",
        "Membres attendus 42",
        "Présents 3",
        "Certifié exact — service fait",
        "Présents : 3 sur 42 membres attendus.",
        "Martine Dupont",
        "Chargée de mission",
    ):
        assert header in whole
    assert "page 1 / 2" in texts[0] and "page 2 / 2" in texts[1]

    expected = sorted(
        (m for m in members.all_members(demo_db) if not m.withdrawn),
        key=lambda m: (fold(m.surname), fold(m.first_name)),
    )
    position = 0
    for number, member in enumerate(expected, start=1):
        found = whole.find(f"{number} {member.surname} {member.first_name}", position)
        assert found > position, (number, member.display_name)
        position = found
    petits = [whole.find(f"PETIT {name}") for name in ("Denis", "Émilie", "Fabien")]
    assert petits == sorted(petits) and -1 not in petits
    assert _flat("DUBOIS Émilie 09:13") in whole
    assert "ŒUVRARD Béatrice 09:14" in whole and "ESTÈVE Raphaël 09:15" in whole
    assert "MARTIN Denis — " in whole  # absent: no time
    assert ARRIVAL.findall(whole) == ["09:13", "09:15", "09:14"]  # DUBOIS, ESTÈVE, ŒUVRARD


def test_blank_sheet_has_names_but_no_times_and_counts_left_to_fill(demo_db, desk, clock, tmp_path):
    _check_in(demo_db, desk, clock, ["DUBOIS"])
    out = tmp_path / "vierge.pdf"
    render_emargement(demo_db, SATURDAY, out, blank=True, clock=clock)
    whole = _flat(" ".join(_text(out)))
    assert "Feuille vierge" in whole and "Présents ______" in whole
    assert "Présents : ______ sur 39 membres attendus." in whole
    assert "DUBOIS Émilie" in whole and "ARNAUD Clémence" in whole
    assert ARRIVAL.findall(whole) == []
    assert "12 DUBOIS Émilie 13 ESTÈVE Raphaël 14 FAURE" in whole  # nothing between rows
    sheet = emargement_sheet(demo_db, SATURDAY, blank=True, clock=clock)
    assert all(row.arrival == "" and not row.present for row in sheet.rows)
    assert sheet.present is None and sheet.expected == 39


def test_hand_out_columns_are_filled_from_a_plain_dict(demo_db, desk, clock, tmp_path):
    _check_in(demo_db, desk, clock, ["DUBOIS"])
    dubois = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    extras = {dubois.id: {"meal": "oui", "tickets": "2", "parking": "P+R"}}
    out = tmp_path / "extras.pdf"
    render_emargement(demo_db, SATURDAY, out, clock=clock, extras=extras)
    whole = _flat(" ".join(_text(out)))
    assert "DUBOIS Émilie 09:13 oui 2 P+R" in whole
    assert "ARNAUD Clémence — — — —" in whole


def test_a_full_last_page_sends_the_certificate_to_its_own_page(demo_db, clock, tmp_path):
    sheet = emargement_sheet(demo_db, SATURDAY, clock=clock)

    def with_rows(count: int):
        return replace(
            sheet, rows=tuple(replace(sheet.rows[0], number=i + 1) for i in range(count))
        )

    first, second = (len(page.rows) for page in page_plan(with_rows(200))[:2])
    big = with_rows(first + second)  # pages 1 and 2 exactly full
    plan = page_plan(big)
    assert [len(p.rows) for p in plan] == [first, second, 0]
    assert [p.certificate for p in plan] == [False, False, True]
    out = tmp_path / "big.pdf"
    assert render_emargement_pdf([big], out) == 3
    texts = _text(out)
    assert "page 3 / 3" in texts[2] and "Certifié exact" in texts[2]
    assert "Certifié exact" not in texts[0] + texts[1]
    # One row fewer and the certificate still fits under the table? Not always: never overlap.
    assert all(len(p.rows) <= second for p in page_plan(with_rows(first + second - 1))[1:])


def test_a_day_with_two_sessions_gives_one_sheet_each(demo_db, desk, clock, tmp_path):
    saturday = get_session(demo_db, SATURDAY)
    with write_transaction(demo_db):
        add_session(
            demo_db,
            Session(
                "we1-samedi-soir", saturday.day, "soirée", "Salle Pétrarque", 1, False, "Atelier"
            ),
        )
    _check_in(demo_db, desk, clock, ["DUBOIS"])
    out = tmp_path / "jour.pdf"
    pages = render_emargement_day(demo_db, date(2023, 11, 11), out, clock=clock)
    texts = _text(out)
    assert pages == len(texts) == 4
    assert [t.count("page 1 / 2") for t in texts] == [1, 0, 1, 0]
    assert "Week-end 1" in texts[0] and "Salle Pétrarque" in _flat(texts[2])
    assert "Présents 1" in _flat(texts[0]) and "Présents 0" in _flat(texts[2])
    one = tmp_path / "une.pdf"
    assert (
        render_emargement_day(demo_db, date(2023, 11, 11), one, session_id="we1-samedi-soir") == 2
    )
    with pytest.raises(DocumentError, match="n'a pas lieu"):
        render_emargement_day(demo_db, date(2023, 11, 11), one, session_id="we2-samedi")
    with pytest.raises(DocumentError, match="Aucune séance le 12/11/2023"):
        render_emargement_day(demo_db, date(2023, 11, 12), one)


def test_an_undone_check_in_is_not_on_the_sheet(demo_db, desk, clock, tmp_path):
    session = get_session(demo_db, SATURDAY)
    dubois = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    result = checkin.check_in_member(demo_db, dubois.id, session, desk, clock)
    checkin.undo_check_in(demo_db, result.event_id, "erreur de saisie", desk, clock)
    sheet = emargement_sheet(demo_db, SATURDAY, clock=clock)
    assert sheet.present == 0 and not any(row.present for row in sheet.rows)


def test_a_failed_render_leaves_no_file(demo_db, clock, tmp_path, monkeypatch):
    from desktop.models.documents import emargement_pdf

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(emargement_pdf, "draw_sheet", broken)
    out = tmp_path / "x.pdf"
    with pytest.raises(DocumentError, match="Impossible d'écrire"):
        render_emargement(demo_db, SATURDAY, out, clock=clock)
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*.tmp")) == []


def test_an_arrival_is_shown_in_paris_time(demo_db, desk, clock, tmp_path):
    clock.now = clock.now + timedelta(hours=5)  # 13:12 UTC = 14:12 in Paris in November
    _check_in(demo_db, desk, clock, ["VIDAL"])
    sheet = emargement_sheet(demo_db, SATURDAY, clock=clock)
    vidal = next(row for row in sheet.rows if row.surname == "VIDAL")
    assert vidal.arrival == "14:13" and to_utc_text(clock()).startswith("2023-11-11T13:13")
    assert sheet.edited_at == "11/11/2023 à 14:13"


def test_sheet_rows_are_plain_data():
    row = SheetRow(1, "DUBOIS", "Émilie", "09:12", True, {"meal": "oui"})
    assert row.extra("meal", blank=False) == "oui"
    assert row.extra("tickets", blank=False) == "—"
    assert row.extra("meal", blank=True) == ""


# --- the command line ---------------------------------------------------------------------------


def test_cli_writes_the_day_blank_or_completed(demo_db, db_path, tmp_path, capsys):
    out = tmp_path / "e.pdf"
    base = ["emargement", "--db", str(db_path), "--date", "2023-11-11", "--out", str(out)]
    assert main([*base, "--blank"]) == 0
    assert "vierge" in capsys.readouterr().out
    assert "Feuille vierge" in _text(out)[0]
    assert main([*base, "--session", SATURDAY, "--signatory", "M. Dupont", "--role", "Agent"]) == 0
    assert "2 page(s)" in capsys.readouterr().out
    assert "M. Dupont" in _flat(" ".join(_text(out)))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--date", "2023-11-12"], "Aucune séance le 12/11/2023"),
        (["--date", "2023-11-11", "--session", "inconnue"], "n'a pas lieu"),
    ],
)
def test_cli_refuses_with_a_french_message(demo_db, db_path, tmp_path, capsys, argv, message):
    out = tmp_path / "e.pdf"
    assert main(["emargement", "--db", str(db_path), *argv, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("guichet : ") and message in err
    assert not out.exists()


def test_cli_refuses_an_unwritable_folder(demo_db, db_path, tmp_path, capsys):
    out = tmp_path / "absent" / "e.pdf"
    argv = ["emargement", "--db", str(db_path), "--date", "2023-11-11", "--out", str(out)]
    assert main(argv) == 1
    assert "n'existe pas" in capsys.readouterr().err


# --- hand-out columns and counts filled from the hand-out facts ---------------------------------


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))


def _hand_out_saturday(db, desk, clock, tmp_path):
    """DUBOIS: meal (09:21) + tickets; a parking-eligible member: meal (09:22) + receipts
    from two car parks; NGUYEN present and given nothing; a guest's meal."""
    from desktop.models import parking
    from desktop.models.meals import GuestRole, give_guest_meal_pass, give_meal_pass
    from desktop.models.receipt_form import ReceiptForm
    from desktop.models.tickets import hand_out_ticket

    session = get_session(db, SATURDAY)
    by_name = {m.surname: m for m in members.all_members(db)}
    driver = by_name["BERTRAND"]
    assert driver.parking_eligible
    _check_in(db, desk, clock, ["DUBOIS", "NGUYEN", driver.surname, "RICHARD"])  # 09:13...
    clock.advance(minutes=5)
    assert give_meal_pass(db, by_name["DUBOIS"].id, session, desk, clock).recorded  # 09:21
    ticket = hand_out_ticket(
        db, by_name["DUBOIS"].id, session, "ticket-1-voyage-magnetique", desk, clock
    )
    assert ticket.recorded, ticket
    clock.advance(minutes=1)
    assert give_meal_pass(db, driver.id, session, desk, clock).recorded  # 09:22
    scan = tmp_path / "recu.png"
    scan.write_bytes(PNG)
    for number, amount in (("A1", "12,50"), ("B2", "4,00")):
        form = ReceiptForm(
            car_park=f"Parking {number}", receipt_no=number, amount=amount, scan_path=scan
        )
        reason = "deux parkings" if number == "B2" else None
        assert parking.record_receipt(db, driver.id, session, form, desk, clock, reason).recorded
    guest = give_guest_meal_pass(db, session, "Pr Delacroix", GuestRole.EXPERT, desk, clock)
    assert guest.recorded
    return by_name, driver


def test_hand_out_columns_come_from_the_hand_out_facts(demo_db, desk, clock, tmp_path):
    from desktop.models.documents.emargement_extras import handout_extras, handout_totals

    by_name, driver = _hand_out_saturday(demo_db, desk, clock, tmp_path)
    extras = handout_extras(demo_db, SATURDAY)
    assert extras[by_name["DUBOIS"].id] == {
        "meal": "oui 09:21",
        "tickets": "1 voyage (magnétique) × 2",
    }
    assert extras[driver.id] == {"meal": "oui 09:22", "parking": "2 reçus 16,50 €"}
    assert extras[by_name["NGUYEN"].id] == {"meal": "non"}  # present, no pass
    assert by_name["MARTIN"].id not in extras  # absent: nothing, the sheet prints "—"
    totals = handout_totals(demo_db, SATURDAY)
    assert (totals.member_meals, totals.guest_meals, totals.receipts) == (2, 1, 2)
    assert totals.tickets == (("Ticket 1 voyage (magnétique)", 2),)
    assert totals.receipts_cents == 1650

    out = tmp_path / "remplie.pdf"
    render_emargement(demo_db, SATURDAY, out, clock=clock)  # no extras given: read them
    whole = _flat(" ".join(_text(out)))
    assert "DUBOIS Émilie 09:13 oui 09:21 1 voyage (magnétique) × 2 —" in whole
    assert "BERTRAND Hervé 09:15" in whole
    assert re.search(r"oui 09:22 — 2 reçus 16,50\s€", whole)
    assert "NGUYEN Thi Lan 09:14 non — —" in whole
    assert "MARTIN Denis — — — —" in whole
    assert "Repas membres 2" in whole and "Repas invités 1" in whole
    assert "Repas remis : 2 membres, 1 invité·e." in whole
    assert "Tickets remis : Ticket 1 voyage (magnétique) × 2." in whole
    assert re.search(r"Stationnement : 2 reçus, 16,50\s€\.", whole)


def test_substitutes_are_marked_in_words(demo_db, desk, clock, tmp_path):
    sheet = emargement_sheet(demo_db, SATURDAY, clock=clock)
    substitutes = [row.surname for row in sheet.rows if row.substitute]
    assert substitutes == ["RICHARD"]
    for blank in (False, True):
        out = tmp_path / f"s{blank}.pdf"
        render_emargement(demo_db, SATURDAY, out, blank=blank, clock=clock)
        whole = _flat(" ".join(_text(out)))
        assert "RICHARD Josée suppléant·e" in whole
        assert whole.count("suppléant·e") == 1


def test_blank_sheet_leaves_the_hand_out_counts_to_fill(demo_db, desk, clock, tmp_path):
    _hand_out_saturday(demo_db, desk, clock, tmp_path)
    out = tmp_path / "vierge.pdf"
    render_emargement(demo_db, SATURDAY, out, blank=True, clock=clock)
    whole = _flat(" ".join(_text(out)))
    assert "oui 09:21" not in whole and "reçus" not in whole.replace("______ reçus", "")
    assert "Repas membres ______" in whole and "Repas remis : ______ membres" in whole
    sheet = emargement_sheet(demo_db, SATURDAY, blank=True, clock=clock)
    assert sheet.totals is None and all(not row.extras for row in sheet.rows)


def test_a_session_without_lunch_says_so(demo_db, desk, clock, tmp_path):
    out = tmp_path / "vendredi.pdf"
    render_emargement(demo_db, "we1-vendredi", out, clock=clock)
    whole = _flat(" ".join(_text(out)))
    assert "Repas membres —" in whole
    assert "Repas remis : pas de déjeuner à cette séance." in whole
    assert "Tickets remis : aucun." in whole and "Stationnement : aucun reçu." in whole


def test_cli_fills_the_hand_out_columns(demo_db, db_path, desk, clock, tmp_path, capsys):
    _hand_out_saturday(demo_db, desk, clock, tmp_path)
    out = tmp_path / "cli.pdf"
    argv = ["emargement", "--db", str(db_path), "--date", "2023-11-11", "--out", str(out)]
    assert main(argv) == 0
    whole = _flat(" ".join(_text(out)))
    assert "DUBOIS Émilie 09:13 oui 09:21 1 voyage (magnétique) × 2 —" in whole
    assert "Repas remis : 2 membres, 1 invité·e." in whole
