"""Office reports on a real merged office file made from two real desk files: totals exact to
the cent, XLSX read back with openpyxl, CSV with BOM and `;`, PDF text read back, scans
bundled with their hashes, formula-like names neutralised."""

import csv
import hashlib
import io
import shutil
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from desktop.models import journal, members
from desktop.models.checkin import check_in, check_in_member
from desktop.models.conflicts import ConflictKind, list_conflicts, resolve_conflict
from desktop.models.convention import get_session
from desktop.models.demo import MAGNETIC_TICKET
from desktop.models.meals import GuestRole, give_guest_meal_pass, give_meal_pass
from desktop.models.merge import MergeOutcome, merge_exports
from desktop.models.parking import ReceiptStatus, change_status, record_receipt
from desktop.models.receipt_form import ReceiptForm
from desktop.models.reports import ReportError, office_report, write_reports
from desktop.models.reports.files import CHECKSUMS
from desktop.models.stock import CountMoment, close_day, record_count
from desktop.models.storage import open_database
from desktop.models.tickets import hand_out_ticket
from tests.conftest import SATURDAY_MORNING, StepClock
from tests.models.sync_support import (
    SESSION,
    export,
    make_desk,
    make_office,
    meal,
    run_cli,
    scan,
)

FORMULA_GUEST = '=HYPERLINK("http://exemple.invalid","Cliquez")'
# Amounts chosen so that a float sum would drift (0,10 + 0,20 ≠ 0,30 in binary).
AMOUNTS = ("12,50", "0,10", "0,20", "7,35")
AMOUNTS_CENTS = (1250, 10, 20, 735)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


@dataclass(frozen=True)
class Office:
    path: Path
    receipts: tuple[str, ...]  # receipt event ids


def _eligible(db, count):
    rows = db.execute(
        "SELECT id FROM members WHERE parking_eligible = 1 AND status = 'actif' "
        "ORDER BY external_ref LIMIT ?",
        [count],
    ).fetchall()
    assert len(rows) == count
    return [r[0] for r in rows]


def _by_ref(db, ref):
    return db.execute("SELECT id FROM members WHERE external_ref = ?", [ref]).fetchone()[0]


def _desk_day(path, clock, agent, *, refs, eligible, scans, receipts_from, guest=None):
    """One desk's Saturday: badge scans, a name check-in, meal passes, tickets, receipts."""
    db = open_database(path)
    desk = journal.local_desk(db, agent)
    session = get_session(db, SESSION)
    for ref in refs:
        token = members.current_badge(db, _by_ref(db, ref))
        assert check_in(db, token, session, desk, clock).event_id
        clock.advance(minutes=1)
    for member_id in eligible:
        check_in_member(db, member_id, session, desk, clock)
        clock.advance(minutes=1)
    for ref in refs[:2]:
        assert give_meal_pass(db, _by_ref(db, ref), session, desk, clock).outcome.recorded
    if guest:
        result = give_guest_meal_pass(db, session, guest, GuestRole.EXPERT, desk, clock)
        assert result.outcome.recorded
    record_count(db, MAGNETIC_TICKET.id, session.day, CountMoment.OPENING, 50, desk, clock)
    for ref in refs[:2]:
        result = hand_out_ticket(
            db, _by_ref(db, ref), session, MAGNETIC_TICKET.id, desk, clock, override_reason="test"
        )
        assert result.outcome.recorded, result
    record_count(db, MAGNETIC_TICKET.id, session.day, CountMoment.CLOSING, 45, desk, clock)
    assert close_day(db, session.day, desk, clock, "un ticket déchiré").event_id
    ids = []
    for index, (member_id, amount) in enumerate(zip(eligible, receipts_from, strict=True)):
        form = ReceiptForm(f"Parking {agent}", f"R-{agent}-{index}", amount, scans[index])
        result = record_receipt(db, member_id, session, form, desk, clock)
        assert result.outcome.recorded, result
        ids.append(result.event_id)
        clock.advance(minutes=1)
    db.close()
    return ids


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Office:
    folder = tmp_path_factory.mktemp("office")
    clock = StepClock(SATURDAY_MORNING)
    path = make_office(folder, clock)
    a = make_desk(path, folder, "Guichet 2")
    b = make_desk(path, folder, "Guichet 3")
    db = open_database(path)
    eligible = _eligible(db, 4)
    db.close()
    scans = []
    for index in range(4):
        scan = folder / f"ticket-{index}.png"
        scan.write_bytes(PNG + bytes([index]))  # four distinct files
        scans.append(scan)
    ids = _desk_day(
        a.db_path,
        clock,
        "Martin",
        refs=["DEMO-017", "DEMO-002", "DEMO-003"],
        eligible=eligible[:2],
        scans=scans[:2],
        receipts_from=AMOUNTS[:2],
        guest=FORMULA_GUEST,
    )
    # Member 17 again at the second desk (a conflict); a guest with an accented name.
    ids += _desk_day(
        b.db_path,
        clock,
        "Paul",
        refs=["DEMO-017", "DEMO-005"],
        eligible=eligible[2:],
        scans=scans[2:],
        receipts_from=AMOUNTS[2:],
        guest="Hélène Œuvray",
    )
    out = folder / "exports"
    reports = merge_exports(
        path, [export(a, out, clock).snapshot_path, export(b, out, clock).snapshot_path]
    )
    assert [r.outcome for r in reports] == [MergeOutcome.IMPORTED] * 2
    db = open_database(path)
    office_desk = journal.local_desk(db, "Claire (bureau)")
    double_meal = next(c for c in list_conflicts(db) if c.kind is ConflictKind.DOUBLE_MEAL)
    resolve_conflict(
        db, double_meal, double_meal.first.event_id, "un seul repas servi", office_desk, clock
    )
    # The office pays one receipt, rejects nothing yet.
    change_status(db, ids[0], ReceiptStatus.SENT, office_desk, clock)
    db.close()
    return Office(path, tuple(ids))


@pytest.fixture(scope="module")
def written(office, tmp_path_factory):
    out = tmp_path_factory.mktemp("rapport") / "we1"
    clock = StepClock(SATURDAY_MORNING.replace(hour=17))
    return write_reports(office.path, out, 1, clock=clock)


def _csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_report_data_counts_both_desks(office):
    db = open_database(office.path)
    report = office_report(db, 1, "2023-11-11T16:00:00.000+00:00")
    db.close()
    saturday = next(a for a in report.attendance if a.session.id == SESSION)
    # 3 + 2 badge scans (member 17 at both desks counts once) and 4 check-ins by name.
    assert saturday.present == 8
    assert saturday.expected == 39
    assert saturday.methods == {"qr": 4, "manuel": 4}
    (lunch,) = report.meals
    # Two passes per desk (member 17 twice: one voided by the office) + two guests.
    assert (lunch.member_passes, lunch.guest_passes) == (3, 2)
    assert lunch.guests_by_role == {"expert": 2}
    assert report.parking.total_cents == sum(AMOUNTS_CENTS) == 2015
    assert [line.number for line in report.parking.lines] == [1, 2, 3, 4]
    (ticket,) = report.products
    assert (ticket.handed_out, ticket.handed_out_cents) == (4 * 2, 4 * 2 * 160)
    assert ticket.difference == -2  # each desk: 50 - 4 handed out = 46 expected, 45 counted
    assert {c.kind for c in report.open_conflicts} == {ConflictKind.DOUBLE_CHECKIN}
    (resolved,) = report.resolved_conflicts
    assert resolved.kind is ConflictKind.DOUBLE_MEAL and resolved.reason == "un seul repas servi"


def test_unknown_weekend_is_refused_in_french(office):
    db = open_database(office.path)
    with pytest.raises(ReportError, match="aucune séance pour le week-end 9"):
        office_report(db, 9, "2023-11-11T16:00:00.000+00:00")
    db.close()


def test_statement_total_exact_to_the_cent_in_csv_xlsx_and_pdf(written):
    rows = _csv(written.out_dir / "rapport-we1-etat-liquidatif.csv")
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert header[8] == "Montant (€)" and header[11] == "SHA-256 du scan"
    assert sorted(r[8] for r in body) == sorted(["12,50", "0,10", "0,20", "7,35"])
    assert total[0] == "Total" and total[8] == "20,15"
    assert all(r[5] == "11/11/2023" for r in body)

    book = openpyxl.load_workbook(written.xlsx)
    sheet = book["État liquidatif"]
    values = list(sheet.iter_rows(values_only=True))
    amounts = sorted(Decimal(str(row[8])) for row in values[1:-1])
    assert amounts == [Decimal("0.1"), Decimal("0.2"), Decimal("7.35"), Decimal("12.5")]
    assert Decimal(str(values[-1][8])) == Decimal("20.15")
    assert sheet.cell(row=2, column=9).number_format == '#,##0.00 "€"'
    assert sheet.cell(row=2, column=6).value.date() == date(2023, 11, 11)
    assert sheet.cell(row=2, column=6).number_format == "DD/MM/YYYY"

    text = "\n".join(page.extract_text() for page in PdfReader(written.pdf).pages)
    assert "20,15 €" in text and "12,50 €" in text
    assert "État liquidatif des frais de stationnement" in text
    assert f"page 1 / {written.pdf_pages}" in text


def test_scans_bundled_with_their_hashes(written):
    sums = (written.scans_dir / CHECKSUMS).read_text(encoding="utf-8").splitlines()
    assert len(sums) == len(written.scans) == 4
    rows = _csv(written.out_dir / "rapport-we1-etat-liquidatif.csv")[1:-1]
    for line, row in zip(sums, rows, strict=True):
        digest, name = line.split("  ")
        assert hashlib.sha256((written.scans_dir / name).read_bytes()).hexdigest() == digest
        assert (row[10], row[11]) == (name, digest)
    assert written.missing_scans == ()


def test_formula_like_name_is_neutralised_in_csv_and_xlsx(written):
    rows = _csv(written.out_dir / "rapport-we1-repas-liste.csv")
    names = [r[2] for r in rows[1:]]
    assert "'" + FORMULA_GUEST in names and FORMULA_GUEST not in names
    assert "Hélène Œuvray" in names

    book = openpyxl.load_workbook(written.xlsx)
    sheet = book["Bénéficiaires des repas"]
    cells = [row[2] for row in sheet.iter_rows(min_row=2)]
    formula = next(c for c in cells if "HYPERLINK" in str(c.value))
    assert formula.data_type == "s" and str(formula.value).startswith("'=")
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_meals_apart_and_conflicts_in_the_files(written):
    rows = _csv(written.out_dir / "rapport-we1-repas.csv")
    assert rows[0][:4] == ["Séance", "Date", "Membres", "Invités"]
    (saturday,) = [r for r in rows[1:] if r[1] == "11/11/2023"]
    assert saturday[2:4] == ["3", "2"] and saturday[8] == "5"
    conflicts = _csv(written.out_dir / "rapport-we1-conflits.csv")[1:]
    assert sorted(r[0] for r in conflicts) == ["ouvert", "réglé"]
    settled = next(r for r in conflicts if r[0] == "réglé")
    assert settled[1] == "deux repas pour un déjeuner" and settled[7] == "un seul repas servi"
    stock = _csv(written.out_dir / "rapport-we1-stock.csv")[1:]
    assert sorted(r[1] for r in stock) == ["Guichet 2", "Guichet 3"]
    assert {r[9] for r in stock} == {"-1"}


def test_pdf_reads_back_with_every_section(written):
    reader = PdfReader(written.pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for heading in (
        "Rapport du bureau — Week-end 1",
        "Présences par séance",
        "Repas (contrôle de la facture du traiteur)",
        "Liste des bénéficiaires des repas",
        "Tickets par produit",
        "Conflits entre guichets",
        "Anomalies de fusion",
    ):
        assert heading in text, heading
    assert "Maël" in text and "Hélène Œuvray" in text
    assert f"page {len(reader.pages)} / {len(reader.pages)}" in text
    fonts = {
        str(font)
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).get_object().values()
        for font in [font.get_object()["/BaseFont"]]
    }
    assert all("GuichetSans" in f or "DejaVu" in f for f in fonts), fonts


def test_emargement_sheets_from_the_merged_data(written):
    names = sorted(p.name for p in written.emargements)
    assert names == ["emargement-2023-11-10.pdf", "emargement-2023-11-11.pdf"]
    saturday = written.out_dir / "emargement-2023-11-11.pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(saturday).pages)
    assert ("PERRIN" in text and "Guichet 2" not in text) or "PERRIN" in text


def test_cli_report_lists_files_and_refuses_unknown_weekend(office, tmp_path):
    done = run_cli("report", "--office", office.path, "--out", tmp_path / "tout")
    assert done.returncode == 0, done.stderr
    assert "rapport-convention.pdf" in done.stdout
    assert "20,15 €" in done.stdout
    assert (tmp_path / "tout" / "rapport-convention.xlsx").exists()
    refused = run_cli("report", "--office", office.path, "--weekend", "7", "--out", tmp_path / "x")
    assert refused.returncode != 0
    assert "aucune séance pour le week-end 7" in refused.stderr


def test_copied_desk_anomaly_and_rejected_receipt_in_the_report(office, tmp_path, clock):
    """A desk file copied to a second laptop: its new fact is set aside and listed; a rejected
    receipt leaves the état liquidatif's total and is listed apart."""
    path = tmp_path / "office.sqlite"
    shutil.copyfile(office.path, path)
    desk = make_desk(path, tmp_path, "Guichet 4")
    twin = tmp_path / "twin"
    twin.mkdir()
    scan(desk.db_path, clock, ref="DEMO-020")
    shutil.copyfile(desk.db_path, twin / desk.db_path.name)
    shutil.copyfile(desk.key_path, twin / desk.key_path.name)
    scan(desk.db_path, clock, ref="DEMO-021")
    scan(twin / desk.db_path.name, clock, ref="DEMO-022")
    genuine = export(desk, tmp_path / "out", clock)
    copy = export(twin / desk.db_path.name, tmp_path / "out-twin", clock)
    merge_exports(path, [genuine.snapshot_path, copy.snapshot_path])
    db = open_database(path)
    office_desk = journal.local_desk(db, "Claire (bureau)")
    rejected = change_status(
        db, office.receipts[1], ReceiptStatus.REJECTED, office_desk, clock, "ticket illisible"
    )
    assert rejected.event_id
    db.close()

    files = write_reports(path, tmp_path / "rapport", 1, clock=clock)
    assert files.report.parking.total_cents == sum(AMOUNTS_CENTS) - AMOUNTS_CENTS[1]
    assert [line.amount_cents for line in files.report.parking.rejected] == [AMOUNTS_CENTS[1]]
    statement = _csv(files.out_dir / "rapport-we1-etat-liquidatif.csv")
    assert statement[-1][8] == "20,05" and len(statement) == 2 + 3
    apart = _csv(files.out_dir / "rapport-we1-parking-rejetes.csv")
    assert [r[9] for r in apart[1:-1]] == ["rejeté"] and apart[-1][8] == "0,10"
    anomalies = _csv(files.out_dir / "rapport-we1-anomalies.csv")[1:]
    assert [(r[0], r[1], r[3], r[4]) for r in anomalies] == [
        ("fichier de guichet copié sur un second poste", "checkin", "Guichet 4", "2")
    ]
    text = "\n".join(page.extract_text() for page in PdfReader(files.pdf).pages)
    assert "fichier de guichet copié sur un second poste" in text
    assert "20,05 €" in text and "Reçus de stationnement rejetés" in text


def test_writing_again_replaces_the_scans_folder(office, tmp_path, clock):
    first = write_reports(office.path, tmp_path / "r", 1, clock=clock)
    stray = first.scans_dir / "ancien-scan.png"
    stray.write_bytes(PNG)
    again = write_reports(office.path, tmp_path / "r", 1, clock=clock)
    assert not stray.exists()
    assert sorted(p.name for p in again.scans_dir.iterdir()) == sorted(
        [CHECKSUMS, *(p.name for p in again.scans)]
    )
    assert not [p for p in (tmp_path / "r").iterdir() if p.name.startswith(".")]


def test_a_fact_missing_its_payload_is_refused_in_french(tmp_path, clock):
    path = make_office(tmp_path, clock)
    meal(path, clock)  # a bare meal.pass without its token, as another program might write
    with pytest.raises(ReportError, match="incomplet ou illisible"):
        write_reports(path, tmp_path / "r", 1, clock=clock)
    assert not (tmp_path / "r").exists()
