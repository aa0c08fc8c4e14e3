"""Roster import: formats, headers, values, communes, every error listed, re-import in place.

Real files in tmp_path (or tests/data/rosters), a real SQLite file: assert both the report and
the rows written (or not written).
"""

import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.cli import main
from desktop.models import checkin, members
from desktop.models.communes import CommuneIndex, read_reference
from desktop.models.convention import current_session
from desktop.models.demo import ensure_session_today
from desktop.models.journal import local_desk
from desktop.models.roster import (
    MAX_CELL,
    MAX_MEMBERS,
    ImportReport,
    RowProblem,
    import_roster,
    read_roster,
)
from desktop.models.storage import open_database
from desktop.models.workspace import create_file

DATA = Path(__file__).parent.parent / "data" / "rosters"
# A copy of shared/data/roster-sample.csv: the suite must not depend on where it runs.
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "rosters" / "roster-sample.csv"
COMMUNES = CommuneIndex(read_reference())


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def empty_db(tmp_path):
    """A convention file with no member yet (the first import)."""
    db = create_file(tmp_path / "vide.guichet.sqlite")
    yield db
    db.close()


def write(tmp_path: Path, text: str, name: str = "liste.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Membres"
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows():
        for cell in cells:  # openpyxl writes "=..." as a formula: keep what the test typed as text
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"
    book.save(path)
    return path


def snapshot(db) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Everything an import could touch, in a comparable form."""
    return (
        db.execute("SELECT * FROM members ORDER BY id").fetchall(),
        db.execute("SELECT * FROM badges ORDER BY token").fetchall(),
        db.execute("SELECT * FROM events ORDER BY id").fetchall(),
    )


def by_name(db, surname: str, first_name: str | None = None) -> members.Member:
    found = [
        m
        for m in members.all_members(db)
        if m.surname == surname and (first_name is None or m.first_name == first_name)
    ]
    assert len(found) == 1, found
    return found[0]


def lines_of(report: ImportReport) -> list[int | None]:
    return [problem.line for problem in report.errors]


# --- formats ---------------------------------------------------------------------------------


def test_the_shared_sample_imports_and_drops_the_email(demo_db, db_path, clock, tmp_path):
    path = shutil.copy(SAMPLE, tmp_path / "roster-sample.csv")
    before = len(members.all_members(demo_db))
    # The 39 demo members expected are absent from the file: asked first, nothing written.
    untouched = snapshot(demo_db)
    asked = import_roster(demo_db, Path(path), clock)
    assert not asked.ok and asked.needs_confirmation
    assert (asked.withdrawn, asked.expected_before) == (before - 1, before - 1)
    assert "retirerait 39 des 39 membres attendus" in asked.summary
    assert "Seraient retirés (absents du nouveau fichier) : 39" in asked.summary
    assert snapshot(demo_db) == untouched
    report = import_roster(demo_db, Path(path), clock, withdraw_most=True)
    assert report.ok, report.summary
    assert (report.created, report.updated) == (5, 0)
    assert report.withdrawn == before - 1  # Lucas ÉTIENNE was already withdrawn
    assert any("« E-mail » ignorée" in w and "non conservée" in w for w in report.warnings)
    assert any("Code postal" in w and "non conservée" in w for w in report.warnings)
    assert "Colonne « E-mail » ignorée" in report.summary
    hebrard = by_name(demo_db, "HÉBRARD")
    assert (hebrard.first_name, hebrard.commune, hebrard.status) == (
        "Françoise",
        "Cournonterral",
        "actif",
    )
    assert members.current_badge(demo_db, hebrard.id) is not None
    # Never stored anywhere: not in the main file, not in the write-ahead log.
    files = [db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")]
    stored = b"".join(f.read_bytes() for f in files if f.exists())
    assert b"example.org" not in stored and b"camille.r" not in stored
    demo_db.close()
    assert b"example.org" not in db_path.read_bytes()


def test_windows_1252_with_crlf_keeps_accents(empty_db, clock):
    report = import_roster(empty_db, DATA / "excel-windows-1252.csv", clock)
    assert report.ok, report.summary
    assert report.created == 4
    assert "Windows-1252" in report.source
    lefevre = by_name(empty_db, "LEFÈVRE")
    assert (lefevre.first_name, lefevre.commune) == ("Jérôme", "Saint-Jean-de-Védas")
    assert by_name(empty_db, "ŒUVRARD").first_name == "Béatrice"
    dropped = " ".join(report.warnings)
    assert "« Téléphone »" in dropped and "« Date de naissance »" in dropped
    stored = empty_db.execute("SELECT * FROM members").fetchall()
    assert "06 12" not in repr(stored) and "1971" not in repr(stored)


def test_utf8_bom_comma_delimiter_and_quoted_fields(empty_db, clock, tmp_path):
    text = (
        "\ufeffNom,Prénom,Commune,Note assistance,Besoin d'assistance\r\n"
        '"DE LA TOUR-D\'AUVERGNE","Marie-Christine","Lattes","Canne, place près de la porte",oui\r\n'
        '"MARTIN","Denis","Pérols","Arrive en\nfauteuil",Oui\r\n'
        "GARCIA,Fabien,Jacou,,\r\n"
    )
    report = import_roster(empty_db, write(tmp_path, text), clock)
    assert report.ok, report.summary
    assert report.source == "CSV (virgule, UTF-8)"
    tour = by_name(empty_db, "DE LA TOUR-D'AUVERGNE")
    assert tour.needs_assistance and tour.assistance_note == "Canne, place près de la porte"
    assert by_name(empty_db, "MARTIN").assistance_note == "Arrive en fauteuil"
    assert not by_name(empty_db, "GARCIA").needs_assistance


def test_tab_delimiter_and_lf(empty_db, clock, tmp_path):
    text = "NOM\tPRÉNOM\tVILLE\nROUX\tFrançois\tLavérune\nBLANC\tZoé\tMontaud\n"
    report = import_roster(empty_db, write(tmp_path, text, "liste.txt"), clock)
    assert report.ok and report.created == 2
    assert "tabulation" in report.source


def test_xlsx_is_read_from_its_content_whatever_its_name(empty_db, clock, tmp_path):
    path = write_xlsx(
        tmp_path / "liste-du-prestataire.csv",  # a workbook named .csv
        [
            ["Identifiant", "Nom", "Prénom", "Commune", "CP", "Date de naissance", "Pass"],
            [101, "PUJOL", "Régis", "Villeneuve-lès-Maguelone", 34750, "12/03/1960", "7j/7"],
            [102.0, "  =1+1 ", "@Anne", "saint jean de vedas", "34430", None, None],
            [None, "TRAN", "Minh", "MONTPELLIER", 34090, None, "Weekend"],
        ],
    )
    report = import_roster(empty_db, path, clock)
    assert report.ok, report.summary
    assert report.source == "XLSX (feuille « Membres »)"
    pujol = by_name(empty_db, "PUJOL")
    assert (pujol.external_ref, pujol.pass_status) == ("101", "7j-7")
    formula = by_name(empty_db, "=1+1")  # text that looks like a formula: as typed, trimmed
    assert (formula.first_name, formula.external_ref) == ("@Anne", "102")
    assert by_name(empty_db, "TRAN").pass_status == "week-end"


def test_committed_xlsx_sample(empty_db, clock):
    report = import_roster(empty_db, DATA / "complet.xlsx", clock)
    assert report.ok, report.summary
    assert report.created == 6
    hamidi = by_name(empty_db, "HAMIDI")
    assert (hamidi.status, hamidi.menu, hamidi.parking_eligible) == ("suppléant", "autre", True)
    assert hamidi.parking_reason == "Pas de transport le samedi matin"


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (b"", "vide.csv", "est vide"),
        (b" \r\n\r\n", "blanc.csv", "est vide"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "ancien.xls",
            "ancien classeur Excel (.xls)",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
            "photo.csv",
            "n'est pas un fichier texte",
        ),
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01\x02",
            "liste.pdf",
            "n'est pas un fichier texte",
        ),
        (b"PK\x03\x04\x14\x00\x00\x00broken", "liste.xlsx", "n'est pas un classeur Excel"),
        (b"Bonjour,\nvoici la liste.\nCordialement\n", "mail.csv", "En-tête introuvable"),
        (b"<html><table><tr><td>Nom</td></tr></table></html>", "export.xls", "page web"),
    ],
)
def test_unreadable_files_are_refused_in_french_and_write_nothing(
    demo_db, clock, tmp_path, content, name, expected
):
    before = snapshot(demo_db)
    path = tmp_path / name
    path.write_bytes(content)
    report = import_roster(demo_db, path, clock)
    assert not report.ok
    assert expected in report.summary
    assert "Aucun membre n'a été ajouté ni modifié" in report.summary
    assert (report.created, report.updated, report.withdrawn) == (0, 0, 0)
    assert snapshot(demo_db) == before


def test_missing_file_and_folder(demo_db, clock, tmp_path):
    report = import_roster(demo_db, tmp_path / "absent.csv", clock)
    assert not report.ok and "Fichier introuvable" in str(report.errors[0])
    assert not import_roster(demo_db, tmp_path, clock).ok


# --- headers and values ------------------------------------------------------------------------


def test_tolerant_headers_and_every_optional_field(empty_db, clock, tmp_path):
    text = (
        "N°;NOM DE FAMILLE; prénom ;Ville;C.P.;Statut;PASS;Éligible stationnement;"
        "Motif stationnement;Régime;Besoin d’assistance;Note assistance;E-mail;Adresse\n"
        "A1;Hamidi;Nadia;Vendargues;34740;Suppléante;7j/7;oui;Pas de bus le samedi;"
        "Végétarien;Oui;Malentendante : devant;nadia@example.org;3 rue des Lilas\n"
        "A2;Costa;João;St-Georges-d'Orques;;retiré(e);weekend;NON;;sans-porc;non;;;\n"
        "A3;Müller;Agnès;Crès (Le);;;;;;;;;;\n"
    )
    report = import_roster(empty_db, write(tmp_path, text), clock)
    assert report.ok, report.summary
    hamidi = by_name(empty_db, "Hamidi")
    assert hamidi.external_ref == "A1"
    assert (hamidi.status, hamidi.pass_status, hamidi.menu) == ("suppléant", "7j-7", "végétarien")
    assert hamidi.parking_eligible and hamidi.parking_reason == "Pas de bus le samedi"
    assert hamidi.needs_assistance and hamidi.assistance_note == "Malentendante : devant"
    costa = by_name(empty_db, "Costa")
    assert (costa.commune, costa.status, costa.pass_status) == (
        "Saint-Georges-d'Orques",
        "retiré",
        "week-end",
    )
    assert (costa.menu, costa.parking_eligible) == ("sans porc", False)
    muller = by_name(empty_db, "Müller")  # empty cells: the defaults
    assert (muller.commune, muller.status, muller.pass_status, muller.menu) == (
        "Le Crès",
        "actif",
        "aucun",
        "standard",
    )
    warnings = " ".join(report.warnings)
    assert "« E-mail » ignorée" in warnings and "« Adresse » ignorée" in warnings
    stored = repr(empty_db.execute("SELECT * FROM members").fetchall())
    assert "example.org" not in stored and "Lilas" not in stored


def test_header_hints_and_only_the_first_sheet(empty_db, clock, tmp_path):
    book = Workbook()
    first = book.active
    first.append(
        ["Nom du membre *", "Prénom(s)", "Commune de résidence", "Stationnement (oui/non)"]
    )
    first.append(["ESTÈVE", "Raphaël", "Saussan", True])
    notes = book.create_sheet("Coordonnées")
    notes.append(["Nom", "Prénom", "Commune", "Téléphone"])
    notes.append(["ESTÈVE", "Raphaël", "Saussan", "06 99 88 77 66"])
    book.save(tmp_path / "liste.xlsx")
    report = import_roster(empty_db, tmp_path / "liste.xlsx", clock)
    assert report.ok and report.created == 1, report.summary
    assert by_name(empty_db, "ESTÈVE").parking_eligible
    assert any("« Coordonnées »" in w for w in report.warnings)
    assert "99 88" not in repr(empty_db.execute("SELECT * FROM members").fetchall())


@pytest.mark.parametrize(
    ("title", "cell", "field", "expected"),
    [
        ("Pass", "7j/7", "pass_status", "7j-7"),
        ("Pass", "7 jours sur 7", "pass_status", "7j-7"),
        ("Pass", "Week-End", "pass_status", "week-end"),
        ("Pass", "weekend", "pass_status", "week-end"),
        ("Pass", "", "pass_status", "aucun"),
        ("Pass", "EN COURS", "pass_status", "en cours"),
        ("Statut", "Suppléant(e)", "status", "suppléant"),
        ("Statut", "", "status", "actif"),
        ("Statut", "Retirée", "status", "retiré"),
        ("Régime", "végé", "menu", "végétarien"),
        ("Menu", "Sans-Porc", "menu", "sans porc"),
        ("Menu", "", "menu", "standard"),
        ("Stationnement", "X", "parking_eligible", True),
        ("Éligible stationnement", "Non", "parking_eligible", False),
        ("Besoin d'assistance", "OUI", "needs_assistance", True),
        ("Assistance", "", "needs_assistance", False),
    ],
)
def test_value_spellings(title, cell, field, expected):
    data = f"Nom;Prénom;Commune;{title}\nA;B;Lattes;{cell}\n".encode()
    parsed = read_roster(data, "liste.csv", COMMUNES)
    assert parsed.ok, parsed.errors
    assert getattr(parsed.rows[0], field) == expected


def test_xlsx_line_numbers_are_the_sheet_rows(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Nom", "Prénom", "Commune"])
    sheet.append(["VIDAL", "Amélie", "Montpellier"])
    sheet["A7"], sheet["B7"], sheet["C7"] = "ARNAUD", "Clémence", "Paris"
    book.save(tmp_path / "liste.xlsx")
    parsed = read_roster((tmp_path / "liste.xlsx").read_bytes(), "liste.xlsx", COMMUNES)
    assert [str(p) for p in parsed.errors] == ["ligne 7 : commune inconnue « Paris »"]


def test_title_rows_before_the_header_and_untitled_columns(empty_db, clock, tmp_path):
    text = (
        "Convention citoyenne — liste du 02/11/2023;;;\n"
        ";;;\n"
        "Nom;Prénom;Commune;\n"
        "PERRIN;Maël;Montpellier;à rappeler\n"
    )
    report = import_roster(empty_db, write(tmp_path, text), clock)
    assert report.ok, report.summary
    assert any("précèdent l'en-tête" in w for w in report.warnings)
    assert any("Colonne D sans titre" in w for w in report.warnings)
    assert "rappeler" not in repr(empty_db.execute("SELECT * FROM members").fetchall())


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("Prénom;Commune", "« Nom »"),
        ("Nom;Commune", "« Prénom »"),
        ("Nom;Prénom;Statut", "« Commune »"),
    ],
)
def test_missing_required_column(demo_db, clock, tmp_path, header, missing):
    before = snapshot(demo_db)
    report = import_roster(demo_db, write(tmp_path, f"{header}\nA;B;C\n"), clock)
    assert not report.ok
    assert any(missing in str(p) for p in report.errors)
    assert snapshot(demo_db) == before


def test_two_columns_for_one_field_is_an_error(empty_db, clock, tmp_path):
    report = import_roster(
        empty_db, write(tmp_path, "Nom;Prénom;Commune;Ville\nA;B;Lattes;Lattes\n"), clock
    )
    assert not report.ok
    assert str(report.errors[0]).startswith("ligne 1 : deux colonnes")


def test_postal_code_only_fills_an_empty_commune_when_it_is_unambiguous(empty_db, clock, tmp_path):
    text = "Nom;Prénom;Commune;Code postal\nA;Un;;34970\nB;Deux;Lattes;34970\nC;Trois;;34 920\n"
    report = import_roster(empty_db, write(tmp_path, text), clock)
    assert report.ok, report.summary
    assert by_name(empty_db, "A").commune == "Lattes"
    assert by_name(empty_db, "C").commune == "Le Crès"
    assert not empty_db.execute("SELECT 1 FROM members WHERE surname LIKE '%34%'").fetchall()


# --- every problem, with its line --------------------------------------------------------------


def test_a_file_with_errors_imports_nothing_and_lists_every_problem(demo_db, clock):
    before = snapshot(demo_db)
    report = import_roster(demo_db, DATA / "erreurs.csv", clock)
    assert not report.ok
    assert [str(p) for p in report.errors] == [
        "ligne 3 : prénom manquant",
        "ligne 4 : commune inconnue « Paris »",
        "ligne 5 : le code postal 34000 ne correspond pas à la commune « Lattes » (34970)",
        "ligne 6 : commune manquante : le code postal 34160 désigne plusieurs communes "
        "(Beaulieu, Castries, Montaud, Restinclières, Saint-Drézéry, Saint-Geniès-des-Mourgues, "
        "Sussargues)",
        "ligne 7 : valeur « mensuel » non reconnue dans la colonne « Pass » "
        "(attendu : aucun, week-end, 7j-7, en cours)",
        "ligne 8 : valeur « halal » non reconnue dans la colonne « Menu » "
        "(attendu : standard, végétarien, sans porc, autre)",
        "ligne 9 : valeur « peut-être » non reconnue dans la colonne « Stationnement » "
        "(attendu : oui ou non)",
        "ligne 11 : nom manquant",
        "ligne 11 : commune manquante",
        "ligne 12 : doublon de la ligne 2 (même nom, prénom et commune, sans identifiant qui "
        "les distingue)",
    ]
    assert (report.created, report.updated, report.withdrawn) == (0, 0, 0)
    assert "Import de « erreurs.csv » refusé : 10 problèmes" in report.summary
    assert snapshot(demo_db) == before


def test_summary_is_text_read_or_called(empty_db, clock):
    report = import_roster(empty_db, DATA / "excel-windows-1252.csv", clock)
    assert report.summary == report.summary() == str(report)
    assert report.summary.splitlines()[0].startswith("Import de « excel-windows-1252.csv » réussi")


def test_row_problem_reads_as_a_spreadsheet_user_expects():
    assert (
        str(RowProblem(7, "commune inconnue « Paris »")) == "ligne 7 : commune inconnue « Paris »"
    )
    assert str(RowProblem(None, "Le fichier est vide.")) == "Le fichier est vide."


def test_duplicates_and_homonyms(empty_db, clock, tmp_path):
    homonyms = (
        "Identifiant;Nom;Prénom;Commune\n"
        "P1;MARTIN;Denis;Montpellier\n"
        "P2;MARTIN;Denis;Montpellier\n"  # told apart by the identifier
        "P3;Martin;Denis;Lattes\n"  # same name, another commune
        ";MARTIN;Denis;Jacou\n"
    )
    report = import_roster(empty_db, write(tmp_path, homonyms), clock)
    assert report.ok, report.summary
    assert report.created == 4
    duplicates = (
        "Identifiant;Nom;Prénom;Commune\n"
        "P1;MARTIN;Denis;Montpellier\n"
        ";martin;DENIS;montpellier\n"  # no identifier to tell it from line 2
        "P1;ROUX;Léa;Jacou\n"  # the same identifier twice
    )
    before = snapshot(empty_db)
    report = import_roster(empty_db, write(tmp_path, duplicates, "doublons.csv"), clock)
    assert [str(p) for p in report.errors] == [
        "ligne 3 : doublon de la ligne 2 (même nom, prénom et commune, sans identifiant qui "
        "les distingue)",
        "ligne 4 : identifiant « P1 » déjà utilisé ligne 2",
    ]
    assert snapshot(empty_db) == before


def test_limits_give_clear_errors(empty_db, clock, tmp_path):
    long_name = "Nom;Prénom;Commune\n" + "A" * (MAX_CELL + 1) + ";B;Lattes\nC;D;Lattes\n"
    report = import_roster(empty_db, write(tmp_path, long_name), clock)
    assert [str(p) for p in report.errors] == [
        f"ligne 2 : texte trop long dans la colonne « Nom » ({MAX_CELL + 1} caractères, "
        f"maximum {MAX_CELL})"
    ]
    huge_line = "Nom;Prénom;Commune\nA;" + "é" * 1_000_000 + ";Lattes\n"
    report = import_roster(empty_db, write(tmp_path, huge_line, "ligne.csv"), clock)
    assert lines_of(report) == [2]
    too_many = "Nom;Prénom;Commune\n" + "".join(f"N{i};P;Lattes\n" for i in range(MAX_MEMBERS + 1))
    report = import_roster(empty_db, write(tmp_path, too_many, "long.csv"), clock)
    assert not report.ok and "maximum 20\u202f000 membres" in str(report.errors[0])
    assert members.all_members(empty_db) == []


def test_a_header_without_members_is_refused(demo_db, clock, tmp_path):
    before = snapshot(demo_db)  # otherwise all 40 members would be withdrawn
    report = import_roster(demo_db, write(tmp_path, "Nom;Prénom;Commune\n;;\n"), clock)
    assert not report.ok and "aucun membre" in report.summary
    assert snapshot(demo_db) == before


def test_read_roster_is_pure_and_reports_the_format():
    parsed = read_roster(SAMPLE.read_bytes(), "roster-sample.csv", COMMUNES)
    assert parsed.ok and len(parsed.rows) == 5
    assert parsed.source == "CSV (point-virgule, UTF-8)"
    assert [row.line for row in parsed.rows] == [2, 3, 4, 5, 6]
    assert parsed.rows[2].commune.name == "Saint-Drézéry"


# --- re-import ---------------------------------------------------------------------------------


def test_reimport_updates_in_place_and_keeps_checkins(empty_db, clock, tmp_path, db_path):
    first = (
        "Identifiant;Nom;Prénom;Commune;Pass\n"
        "R1;ROUSSEL;Camille;Baillargues;aucun\n"
        "R2;NGUYEN;Thi Lan;Beaulieu;aucun\n"
        "R3;LEFÈVRE;Jérôme;Castelnau-le-Lez;week-end\n"
    )
    assert import_roster(empty_db, write(tmp_path, first, "v1.csv"), clock).ok
    session = ensure_session_today(empty_db, clock)
    roussel = by_name(empty_db, "ROUSSEL")
    badge = members.current_badge(empty_db, roussel.id)
    desk = local_desk(empty_db, "Martin")
    assert checkin.check_in(empty_db, badge, session, desk, clock).recorded
    events = empty_db.execute("SELECT * FROM events").fetchall()
    badges = empty_db.execute("SELECT * FROM badges ORDER BY token").fetchall()

    second = (
        "Identifiant;Nom;Prénom;Commune;Pass\n"
        "R1;ROUSSEL-DURAND;Camille;Baillargues;7j/7\n"  # renamed, new pass: same member
        "R3;LEFÈVRE;Jérôme;Castelnau-le-Lez;week-end\n"  # unchanged
        "R4;VIDAL;Amélie;Montpellier;\n"  # new; R2 has left
    )
    report = import_roster(empty_db, write(tmp_path, second, "v2.csv"), clock)
    assert report.ok, report.summary
    assert (report.created, report.updated, report.unchanged, report.withdrawn) == (1, 1, 1, 1)
    assert "Thi Lan NGUYEN (Beaulieu)" in report.summary
    renamed = members.get_member(empty_db, roussel.id)
    assert (renamed.surname, renamed.pass_status) == ("ROUSSEL-DURAND", "7j-7")
    assert by_name(empty_db, "NGUYEN").status == "retiré"
    assert empty_db.execute("SELECT * FROM events").fetchall() == events
    assert checkin.live_check_in(empty_db, roussel.id, session.id) is not None
    after = empty_db.execute("SELECT * FROM badges ORDER BY token").fetchall()
    assert set(badges) < set(after) and len(after) == len(badges) + 1
    assert members.current_badge(empty_db, by_name(empty_db, "VIDAL").id) is not None


def test_reimport_without_identifiers_matches_by_folded_name(demo_db, clock, tmp_path):
    dubois = by_name(demo_db, "DUBOIS")
    badge = members.current_badge(demo_db, dubois.id)
    session = current_session(demo_db, clock())
    desk = local_desk(demo_db, "Martin")
    assert checkin.check_in_member(demo_db, dubois.id, session, desk, clock).recorded
    events = demo_db.execute("SELECT * FROM events").fetchall()
    rows = ["Nom;Prénom;Commune;Régime"]
    rows += [f"{m.surname};{m.first_name};{m.commune};" for m in members.all_members(demo_db)]
    rows[1:] = [r.replace("DUBOIS;Émilie;Clapiers", "Dubois;EMILIE;clapiers") for r in rows[1:]]
    report = import_roster(demo_db, write(tmp_path, "\n".join(rows)), clock)
    assert report.ok, report.summary
    assert report.created == 0 and report.withdrawn == 0
    same = members.get_member(demo_db, dubois.id)
    assert (same.surname, same.first_name) == ("Dubois", "EMILIE")  # as the new file spells it
    assert same.external_ref == "DEMO-005"  # the file has no identifier: the known one stays
    assert same.pass_status == dubois.pass_status  # no Pass column: the known value stays
    assert members.current_badge(demo_db, dubois.id) == badge
    assert demo_db.execute("SELECT * FROM events").fetchall() == events
    # A Menu column with empty cells resets menus to standard; the one withdrawn member is
    # back in the list, so active again.
    assert {m.menu for m in members.all_members(demo_db)} == {"standard"}
    assert by_name(demo_db, "ÉTIENNE").status == "actif"


def test_withdrawn_members_are_marked_not_deleted(demo_db, clock, tmp_path):
    everyone = members.all_members(demo_db)
    kept = [m for m in everyone if m.surname != "ROUX"]
    rows = ["Identifiant;Nom;Prénom;Commune"]
    rows += [f"{m.external_ref};{m.surname};{m.first_name};{m.commune}" for m in kept]
    report = import_roster(demo_db, write(tmp_path, "\n".join(rows)), clock)
    assert report.ok and report.withdrawn == 1
    assert report.withdrawn_names == ("François ROUX (Lavérune)",)
    assert by_name(demo_db, "ROUX").status == "retiré"
    assert len(members.all_members(demo_db)) == len(everyone)


def test_homonyms_already_known_need_an_identifier(empty_db, clock, tmp_path):
    first = "N°;Nom;Prénom;Commune\n1;MARTIN;Denis;Jacou\n2;MARTIN;Denis;Jacou\n"
    assert import_roster(empty_db, write(tmp_path, first, "v1.csv"), clock).ok
    before = snapshot(empty_db)
    report = import_roster(
        empty_db, write(tmp_path, "Nom;Prénom;Commune\nMARTIN;Denis;Jacou\n"), clock
    )
    assert lines_of(report) == [2] and "Identifiant" in str(report.errors[0])
    assert snapshot(empty_db) == before


def test_all_or_nothing_when_the_database_fails_midway(demo_db, clock, tmp_path, monkeypatch):
    before = snapshot(demo_db)
    original = members.add_badge
    calls = []

    def failing_badge(*args: object) -> None:
        calls.append(args)
        if len(calls) == 3:  # members saved, 40 withdrawn, two badges written: then the fault
            raise sqlite3.OperationalError("database or disk is full")
        original(*args)

    monkeypatch.setattr(members, "add_badge", failing_badge)
    text = "Nom;Prénom;Commune\n" + "".join(f"NOUVEAU{i};Test;Lattes\n" for i in range(5))
    with pytest.raises(sqlite3.OperationalError):
        import_roster(demo_db, write(tmp_path, text), clock, withdraw_most=True)
    assert len(calls) == 3
    assert snapshot(demo_db) == before
    assert not demo_db.conn.in_transaction


# --- the command -------------------------------------------------------------------------------


def test_cli_prints_the_summary_and_exits_0(demo_db, db_path, tmp_path, capsys):
    demo_db.close()
    path = shutil.copy(SAMPLE, tmp_path / "liste.csv")
    assert main(["import-roster", "--db", str(db_path), str(path)]) == 1  # 39 of 39 withdrawn
    captured = capsys.readouterr()
    assert captured.out == "" and "non appliqué" in captured.err
    assert "--retirer-absents" in captured.err
    assert main(["import-roster", "--db", str(db_path), str(path), "--retirer-absents"]) == 0
    out = capsys.readouterr().out
    assert "Nouveaux : 5" in out and "Colonne « E-mail » ignorée" in out


def test_cli_lists_every_problem_on_stderr_and_exits_1(demo_db, db_path, capsys):
    before = snapshot(demo_db)
    demo_db.close()
    assert main(["import-roster", "--db", str(db_path), str(DATA / "erreurs.csv")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "ligne 4 : commune inconnue « Paris »" in captured.err
    assert captured.err.count("\n  ligne ") == 10
    db = open_database(db_path)
    assert snapshot(db) == before
    db.close()


def test_cli_reports_a_database_fault_in_french(demo_db, db_path, tmp_path, capsys, monkeypatch):
    demo_db.close()

    def disk_full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(members, "add_badge", disk_full)
    path = shutil.copy(SAMPLE, tmp_path / "liste.csv")
    assert main(["import-roster", "--db", str(db_path), str(path), "--retirer-absents"]) == 1
    assert "rien n'a été enregistré" in capsys.readouterr().err


def test_cli_missing_roster_or_database(demo_db, db_path, tmp_path, capsys):
    demo_db.close()
    assert main(["import-roster", "--db", str(db_path), str(tmp_path / "absent.csv")]) == 1
    assert "introuvable" in capsys.readouterr().err
    assert main(["import-roster", "--db", str(tmp_path / "absent.sqlite"), str(SAMPLE)]) == 1
    assert "introuvable" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("commune", "problem"),
    [
        ("Montpelier", "commune inconnue « Montpelier » (vouliez-vous dire « Montpellier » ?)"),
        ("St Jean de Vedass", "commune inconnue « St Jean de Vedass » "
         "(vouliez-vous dire « Saint-Jean-de-Védas » ?)"),
        ("Paris", "commune inconnue « Paris »"),  # nothing near: no guess
        ("Villeneuve", "commune inconnue « Villeneuve »"),  # too short to tell
    ],
)  # fmt: skip
def test_a_misspelt_commune_is_refused_with_the_likely_one_named(commune, problem):
    parsed = read_roster(
        f"Nom;Prénom;Commune\nVIDAL;Amélie;{commune}\n".encode(), "l.csv", COMMUNES
    )
    assert [str(p) for p in parsed.errors] == [f"ligne 2 : {problem}"]
    assert parsed.rows == ()  # said, never corrected


@pytest.mark.parametrize(
    "text",
    [
        "Nom et prénom;Commune\nDUPONT Jean;Montpellier\n",  # no header recognised at all
        "N°;Nom Prénom;Commune;CP\n1;DUPONT Jean;Montpellier;34000\n",  # a header without names
    ],
)
def test_one_column_for_both_names_is_refused_with_what_to_do(text):
    parsed = read_roster(text.encode(), "liste.csv", COMMUNES)
    assert not parsed.ok and parsed.rows == ()
    (problem,) = [str(p) for p in parsed.errors]
    assert "réunit nom et prénom : séparez-les en deux colonnes « Nom » et « Prénom »" in problem


def test_a_formula_in_a_workbook_reads_as_the_value_the_office_saw(empty_db, clock):
    """calc-liste.xlsx: calc-liste.ods saved as XLSX by LibreOffice; a surname is the formula
    =UPPER("Bousquet"): the saved result is imported, as from the .ods, never the formula."""
    from desktop.models.tabular import read_table

    def rows(name):
        table = read_table((DATA / name).read_bytes(), name, lambda row: 0, 100)
        return table.rows

    assert rows("calc-liste.xlsx")[3][1] == "BOUSQUET"
    assert rows("calc-liste.xlsx")[:6] == rows("calc-liste.ods")[:6]
    report = import_roster(empty_db, DATA / "calc-liste.xlsx", clock)
    assert report.ok, report.summary
    assert by_name(empty_db, "BOUSQUET").first_name == "Léa"


def _demo_roster_without(db, absent: int) -> str:
    """The demo's expected members as a roster file, the first `absent` of them left out."""
    expected = [m for m in members.all_members(db) if not m.withdrawn]
    rows = [f"{m.surname};{m.first_name};{m.commune}\n" for m in expected[absent:]]
    return "Nom;Prénom;Commune\n" + "".join(rows)


@pytest.mark.parametrize(("absent", "asked"), [(3, False), (19, False), (20, True)])
def test_only_an_import_withdrawing_most_members_asks_first(
    demo_db, clock, tmp_path, absent, asked
):
    """39 expected: 3 or 19 leaving is an updated list; 20 is more than half: asked first."""
    report = import_roster(demo_db, write(tmp_path, _demo_roster_without(demo_db, absent)), clock)
    assert report.needs_confirmation is asked
    assert report.ok is not asked
    assert report.withdrawn == absent
    still = sum(1 for m in members.all_members(demo_db) if not m.withdrawn)
    assert still == (39 if asked else 39 - absent)


def test_a_first_import_into_an_empty_convention_never_asks(empty_db, clock, tmp_path):
    report = import_roster(empty_db, write(tmp_path, "Nom;Prénom;Commune\nA;B;Lattes\n"), clock)
    assert report.ok and not report.needs_confirmation
