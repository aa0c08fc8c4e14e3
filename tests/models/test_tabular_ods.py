"""Rosters saved by LibreOffice Calc (.ods): read like an XLSX workbook, imported end to end.

The files under tests/data/rosters/calc-*.ods were written by LibreOffice itself (see the
README there); the edge cases a real Calc does not write on demand (repeats past every limit,
hostile XML, lying ZIP headers, other OpenDocument kinds) are packages built here.
"""

import io
import shutil
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import main
from desktop.models import members, tabular
from desktop.models.communes import CommuneIndex, read_reference
from desktop.models.roster import import_roster, read_roster
from desktop.models.storage import open_database
from desktop.models.tabular import MAX_COLUMNS, Table, TableError, read_table
from desktop.models.workspace import create_file

DATA = Path(__file__).parent.parent / "data" / "rosters"
COMMUNES = CommuneIndex(read_reference())
SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)
MANIFEST_NS = 'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'


# --- helpers -----------------------------------------------------------------------------------


@pytest.fixture
def empty_db(tmp_path):
    db = create_file(tmp_path / "vide.guichet.sqlite")
    yield db
    db.close()


def s(text: str, repeat: int = 1) -> str:
    """A string cell as Calc writes it."""
    repeated = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (
        f'<table:table-cell office:value-type="string"{repeated}><text:p>{text}</text:p>'
        "</table:table-cell>"
    )


def empty(repeat: int = 1) -> str:
    return f'<table:table-cell table:number-columns-repeated="{repeat}"/>'


def row(*cells: str, repeat: int = 1) -> str:
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{repeated}>{''.join(cells)}</table:table-row>"


def content(*rows: str, name: str = "Membres", after: str = "", prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {NS}>'
        f'<office:body><office:spreadsheet><table:table table:name="{name}">{"".join(rows)}'
        f"</table:table>{after}</office:spreadsheet></office:body></office:document-content>"
    )


def package(
    content_xml: str | bytes | None,
    mimetype: str | None = SPREADSHEET,
    manifest: str | None = None,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """An OpenDocument package as Calc lays it out: `mimetype` first and stored."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        if manifest is not None:
            archive.writestr("META-INF/manifest.xml", manifest)
        if content_xml is not None:
            archive.writestr("content.xml", content_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def manifest(*entries: str, root: str = SPREADSHEET) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest {MANIFEST_NS}>'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{root}"/>'
        f"{''.join(entries)}</manifest:manifest>"
    )


def table_of(data: bytes, max_lines: int = 1_000) -> Table:
    table = read_table(data, "liste.ods", lambda cells: 0, max_lines)
    assert isinstance(table, Table), table
    return table


def error_of(data: bytes, name: str = "liste.ods") -> str:
    table = read_table(data, name, lambda cells: 0, 1_000)
    assert isinstance(table, TableError), table
    return table.message


def kept(db) -> list[tuple]:
    """What the desk keeps of each member, in a comparable form."""
    return sorted(
        (
            m.external_ref,
            m.surname,
            m.first_name,
            m.commune,
            m.status,
            m.pass_status,
            m.parking_eligible,
            m.parking_reason,
            m.menu,
            m.needs_assistance,
            m.assistance_note,
        )
        for m in members.all_members(db)
    )


def snapshot(db) -> tuple[list[tuple], list[tuple]]:
    return (
        db.execute("SELECT * FROM members ORDER BY id").fetchall(),
        db.execute("SELECT * FROM events ORDER BY id").fetchall(),
    )


HEADER = row(s("Nom"), s("Prénom"), s("Commune"))


# --- files written by LibreOffice ----------------------------------------------------------------


def test_every_kind_of_cell_calc_writes_reads_as_the_xlsx_reader_reads_it():
    table = table_of((DATA / "calc-cellules.ods").read_bytes())
    assert table.source == "ODS (feuille « Cellules »)"
    assert table.rows == (
        ("entier", "34000"),  # shown "34,000.00": the value, as XLSX gives 34000
        ("décimal", "12.5"),
        ("pourcentage", "0.25"),  # shown "25%": XLSX gives 0.25 too
        ("monnaie", "12.5"),  # shown "12.50 €"
        ("date", "12/03/1960"),
        ("date et heure", "11/11/2023 09:30"),
        ("heure", "09:30:00"),
        ("booléen", "oui", "non"),
        ("texte", "Canne, place près de la porte second paragraphe"),
        ("lien et commentaire", "site web"),  # the comment ("ne pas importer") is not the cell
        ("formule", "34001"),  # the result Calc saved, not "of:=[.B1]+1"
        ("erreur", "#DIV/0!"),  # as shown, not the empty string stored beside it
        ("code postal en texte", "34000"),
        ("fusion",),  # "caché", under the merge, is not shown on screen: not read
        ("répété", "x", "x", "", "", "y"),
        ("répété", "x", "x", "", "", "y"),
        ("répété", "x", "x", "", "", "y"),
    )
    assert table.warnings == (
        "Seule la première feuille (« Cellules ») est lue ; ignorée(s) : « Deuxième ».",
        "Ligne(s) 14 : texte masqué sous des cellules fusionnées, ignoré comme à l'écran "
        "(annulez la fusion pour qu'il soit lu).",
    )


def test_a_roster_typed_in_calc_imports_hidden_row_and_column_included(empty_db, clock):
    report = import_roster(empty_db, DATA / "calc-liste.ods", clock)
    assert report.ok, report.summary
    assert report.source == "ODS (feuille « Membres »)"
    assert report.created == 4
    assert kept(empty_db) == [
        ("101", "ALBERT", "Inès", "Montpellier", "actif", "7j-7", True, "", "standard", False, ""),
        # The surname is a formula (=UPPER("Bousquet")): its saved result; two paragraphs of
        # the note as one line.
        ("102", "BOUSQUET", "Léa", "Lattes", "actif", "week-end", False, "", "standard", True,
         "Fauteuil : place près de la porte"),
        ("103", "CAMBON", "Jean-Luc", "Saint-Jean-de-Védas", "actif", "aucun", False, "",
         "standard", False, ""),  # a hidden row is still a member
        ("104", "DELMAS", "Zoé", "Castelnau-le-Lez", "actif", "aucun", True, "", "standard",
         False, ""),
    ]  # fmt: skip
    warnings = " ".join(report.warnings)
    assert "Ligne 1 ignorée : elle précède l'en-tête (ligne 2)" in warnings  # the merged title
    assert "« Coordonnées »" in warnings  # the second sheet, never read
    assert "« Date de naissance » ignorée" in warnings
    assert "« Code postal » utilisée pour vérifier la commune" in warnings  # a hidden column
    stored = repr(empty_db.execute("SELECT * FROM members").fetchall())
    assert "06 11 22" not in stored and "12/03/1960" not in stored


def test_the_panel_workbook_saved_as_ods_by_calc_imports_as_the_xlsx_does(tmp_path, clock):
    from_xlsx = create_file(tmp_path / "xlsx.guichet.sqlite")
    from_ods = create_file(tmp_path / "ods.guichet.sqlite")
    try:
        assert import_roster(from_xlsx, DATA / "complet.xlsx", clock).ok
        report = import_roster(from_ods, DATA / "calc-depuis-xlsx.ods", clock)
        assert report.ok, report.summary
        assert report.created == 6
        assert kept(from_ods) == kept(from_xlsx)
    finally:
        from_xlsx.close()
        from_ods.close()
    # Calc wrote the rest of the sheet as one row repeated 1 048 568 times: never expanded.
    table = table_of((DATA / "calc-depuis-xlsx.ods").read_bytes(), max_lines=21_000)
    assert len(table.rows) == 7 and not table.truncated


def test_a_csv_opened_in_calc_then_saved_as_ods(empty_db, clock):
    report = import_roster(empty_db, DATA / "calc-depuis-csv.ods", clock)
    assert report.ok, report.summary
    # Calc made VRAI/FAUX booleans, 34570 a number (still checks Saussan) and the birth date a
    # date (dropped, never stored).
    assert [(m.surname, m.commune, m.parking_eligible) for m in members.all_members(empty_db)] == [
        ("ESTÈVE", "Saussan", True),
        ("FABRE", "Jacou", False),
    ]
    table = table_of((DATA / "calc-depuis-csv.ods").read_bytes())
    assert table.rows[1][3:] == ("34570", "oui", "12/03/1960")


def test_a_password_protected_calc_file_is_refused_with_what_to_do(demo_db, clock):
    before = snapshot(demo_db)
    report = import_roster(demo_db, DATA / "calc-mot-de-passe.ods", clock)
    assert [str(problem) for problem in report.errors] == [
        "« calc-mot-de-passe.ods » est un classeur protégé par mot de passe : ouvrez-le dans "
        "LibreOffice Calc, enregistrez-en une copie sans mot de passe (Fichier > Enregistrer "
        "sous…, case « Enregistrer avec mot de passe » décochée) et importez cette copie."
    ]
    assert snapshot(demo_db) == before


def test_cli_imports_an_ods_roster_and_refuses_a_protected_one(demo_db, db_path, tmp_path, capsys):
    demo_db.close()
    # Named .xls by mistake: the content says what it is.
    path = shutil.copy(DATA / "calc-liste.ods", tmp_path / "tirage.xls")
    # The demo's 39 members are absent from the file: confirmed (--retirer-absents).
    assert main(["import-roster", "--db", str(db_path), str(path), "--retirer-absents"]) == 0
    out = capsys.readouterr().out
    assert "Nouveaux : 4" in out and "« Coordonnées »" in out
    db = open_database(db_path)
    assert {"ALBERT", "BOUSQUET", "CAMBON", "DELMAS"} <= {
        m.surname for m in members.all_members(db)
    }
    before = snapshot(db)
    db.close()
    locked = DATA / "calc-mot-de-passe.ods"
    assert main(["import-roster", "--db", str(db_path), str(locked)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "protégé par mot de passe" in captured.err
    db = open_database(db_path)
    assert snapshot(db) == before
    db.close()


# --- cells ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('office:value-type="float" office:value="34000"', "34000"),
        ('office:value-type="float" office:value="34000.0"', "34000"),
        ('office:value-type="float" office:value="1.5E3"', "1500"),
        ('office:value-type="float" office:value="0.1"', "0.1"),
        ('office:value-type="percentage" office:value="0.25"', "0.25"),
        ('office:value-type="currency" office:currency="EUR" office:value="12.5"', "12.5"),
        ('office:value-type="date" office:date-value="2023-11-11"', "11/11/2023"),
        ('office:value-type="date" office:date-value="2023-11-11T00:00:00"', "11/11/2023"),
        ('office:value-type="date" office:date-value="2023-11-11T14:05:00"', "11/11/2023 14:05"),
        ('office:value-type="time" office:time-value="PT14H05M00S"', "14:05:00"),
        ('office:value-type="boolean" office:boolean-value="true"', "oui"),
        ('office:value-type="boolean" office:boolean-value="false"', "non"),
        # Values Calc never writes: the text the cell shows, never a guess.
        ('office:value-type="float" office:value="beaucoup"', "SHOWN"),
        ('office:value-type="date" office:date-value="11/11/2023"', "SHOWN"),
        ('office:value-type="time" office:time-value="PT36H00M00S"', "SHOWN"),  # a duration
        ('office:value-type="boolean" office:boolean-value="peut-être"', "SHOWN"),
        ('office:value-type="string" calcext:value-type="error" office:string-value=""', "SHOWN"),
        ('office:value-type="string" office:string-value="stocké"', "stocké"),
        ("", "SHOWN"),  # no type at all
    ],
)
def test_a_cell_reads_as_its_value_else_as_shown(cell, expected):
    xml = content(row(f"<table:table-cell {cell}><text:p>SHOWN</text:p></table:table-cell>"))
    assert table_of(package(xml)).rows == ((expected,),)


def test_text_spaces_tabs_line_breaks_spans_links_and_comments():
    cell = (
        '<table:table-cell office:value-type="string">'
        "<office:annotation><text:p>commentaire</text:p></office:annotation>"
        '<text:p> Saint-Jean<text:s text:c="4000000000"/>de<text:tab/>Védas<text:line-break/>'
        "(<text:span>près <text:a>du tram</text:a></text:span>)<text:s/>"
        # A comment may also sit inside the paragraph (ODF allows it): still not the value.
        "<office:annotation><text:p>à rappeler</text:p></office:annotation></text:p>"
        "<text:p>deuxième</text:p><text:p/></table:table-cell>"
    )
    # Runs of white space read as one space, as in a CSV cell; a huge text:s c is not expanded.
    assert table_of(package(content(row(cell)))).rows == (
        ("Saint-Jean de Védas (près du tram) deuxième",),
    )


# --- repeats: expanded when they hold something, counted when empty ----------------------------


def test_repeated_rows_holding_something_keep_the_sheets_line_numbers():
    xml = content(
        HEADER,
        row(s("MARTIN"), s("Denis"), s("Lattes"), empty(16381), repeat=3),  # lines 2-4
        row(empty(16384), repeat=1000),  # lines 5-1004
        row(s("ROUX"), s("Léa", repeat=1), s("Paris")),  # line 1005
        row(empty(16384), repeat=1_048_000),
    )
    parsed = read_roster(package(xml), "liste.ods", COMMUNES)
    assert [str(problem) for problem in parsed.errors] == [
        "ligne 3 : doublon de la ligne 2 (même nom, prénom et commune, sans identifiant qui "
        "les distingue)",
        "ligne 4 : doublon de la ligne 2 (même nom, prénom et commune, sans identifiant qui "
        "les distingue)",
        "ligne 1005 : commune inconnue « Paris »",
    ]


def test_a_million_trailing_empty_rows_and_columns_are_never_expanded():
    xml = content(
        row(s("Nom"), empty(2), s("Commune"), empty(16380)),
        row(s("VIDAL"), empty(), s("x", repeat=2), empty(16380)),
        row(empty(16384), repeat=1_048_574),
        after=f'<table:table table:name="Vide">{row(empty(16384), repeat=1_048_576)}</table:table>',
    )
    data = package(xml)
    tracemalloc.start()
    try:
        table = table_of(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert table.rows == (("Nom", "", "", "Commune"), ("VIDAL", "", "x", "x"))
    assert not table.truncated
    assert peak < 2_000_000  # a million empty rows as tuples would take 8 MB of pointers alone


def test_repeats_past_the_line_limit_stop_the_reading():
    full = content(HEADER, row(s("A"), s("B"), s("Lattes"), repeat=1_000_000))
    table = table_of(package(full), max_lines=50)
    assert table.truncated and len(table.rows) == 50
    assert table.rows[-1] == ("A", "B", "Lattes")
    # A million empty rows, then one name: that name lies past the limit.
    far = content(HEADER, row(empty(), repeat=1_000_000), row(s("A"), s("B"), s("Lattes")))
    table = table_of(package(far), max_lines=50)
    assert table.truncated and table.rows == (("Nom", "Prénom", "Commune"),)
    parsed = read_roster(package(far), "liste.ods", COMMUNES)
    assert [str(problem) for problem in parsed.errors] == [
        "Le fichier compte plus de 21\u202f000 lignes : ce n'est pas une liste de la convention "
        "(maximum 20\u202f000 membres)."
    ]


def test_cells_repeated_past_the_column_limit():
    header = row(s("Nom"), s("Prénom"), s("Commune"), s("Note", repeat=16_000))
    table = table_of(package(content(header)))
    assert len(table.rows[0]) == MAX_COLUMNS + 1  # enough for the roster to refuse it
    parsed = read_roster(package(content(header)), "liste.ods", COMMUNES)
    assert [str(problem) for problem in parsed.errors] == [
        "ligne 1 : plus de 200 colonnes : en-tête refusé"
    ]
    # Text far to the right, past the columns any roster has, is not read (as in XLSX).
    far = content(row(s("Nom"), empty(16_000), s("loin")))
    assert table_of(package(far)).rows == (("Nom",),)


def test_merged_cells_read_as_shown():
    merged = (
        '<table:table-cell office:value-type="string" table:number-columns-spanned="3">'
        "<text:p>Liste du tirage</text:p></table:table-cell>"
    )
    covered_empty = '<table:covered-table-cell table:number-columns-repeated="2"/>'
    covered_text = (
        '<table:covered-table-cell office:value-type="string"><text:p>Jacou</text:p>'
        "</table:covered-table-cell>"
    )
    table = table_of(package(content(row(merged, covered_empty), HEADER)))
    assert table.rows == (("Liste du tirage",), ("Nom", "Prénom", "Commune"))
    assert table.warnings == ()
    hidden = content(HEADER, row(s("ROUX"), s("Léa"), s("Lattes"), covered_text))
    table = table_of(package(hidden))
    assert table.rows[1] == ("ROUX", "Léa", "Lattes")
    assert table.warnings == (
        "Ligne(s) 2 : texte masqué sous des cellules fusionnées, ignoré comme à l'écran "
        "(annulez la fusion pour qu'il soit lu).",
    )


def test_header_rows_and_row_groups_keep_their_place():
    xml = content(
        f"<table:table-header-rows>{HEADER}</table:table-header-rows>",
        "<table:table-row-group>"
        f"{row(s('ROUX'), s('Léa'), s('Jacou'))}"
        f"<table:table-row-group>{row(s('BLANC'), s('Zoé'), s('Montaud'))}</table:table-row-group>"
        "</table:table-row-group>",
        row(s("PERRIN"), s("Maël"), s("Lattes")),
    )
    assert [row[0] for row in table_of(package(xml)).rows] == ["Nom", "ROUX", "BLANC", "PERRIN"]


def test_only_the_first_sheet_is_read_and_a_dde_cache_is_no_sheet():
    sheets = (
        f'<table:table table:name="Notes">{row(s("Téléphone"))}</table:table>'
        '<table:dde-links><table:dde-link><office:dde-source office:dde-application="soffice" '
        'office:dde-topic="x" office:dde-item="A1"/><table:table table:name="cache">'
        f"{row(s('lien'))}</table:table></table:dde-link></table:dde-links>"
    )
    table = table_of(package(content(HEADER, after=sheets)))
    assert table.rows == (("Nom", "Prénom", "Commune"),)
    assert table.warnings == (
        "Seule la première feuille (« Membres ») est lue ; ignorée(s) : « Notes ».",
    )


# --- refused, in French, before anything is written ----------------------------------------------


ENCRYPTION = (
    "<manifest:encryption-data "
    'manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k">'
    '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/>'
    "</manifest:encryption-data>"
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (  # "wholesome" encryption (newer LibreOffice): one encrypted member, no content.xml
            package(
                None,
                manifest=manifest(
                    '<manifest:file-entry manifest:full-path="encrypted-package" '
                    f'manifest:media-type="">{ENCRYPTION}</manifest:file-entry>'
                ),
                extra={"encrypted-package": bytes(range(256)) * 8},
            ),
            "« liste.ods » est un classeur protégé par mot de passe",
        ),
        (
            package(
                "<office:document-content/>", mimetype="application/vnd.oasis.opendocument.text"
            ),
            "« liste.ods » est un document texte OpenDocument (.odt), pas un classeur : copiez le "
            "tableau dans LibreOffice Calc ou Excel et enregistrez-le au format .ods, .xlsx ou "
            ".csv.",
        ),
        (
            package("<x/>", mimetype="application/vnd.oasis.opendocument.presentation"),
            "est une présentation OpenDocument (.odp), pas un classeur",
        ),
        (
            package("<x/>", mimetype="application/vnd.oasis.opendocument.nouveau"),
            "est un document OpenDocument, pas un classeur",
        ),
        (
            package(None),
            "« liste.ods » n'est pas un classeur OpenDocument (.ods) lisible : enregistrez-le au "
            "format .xlsx, .ods ou .csv depuis votre tableur.",
        ),
        (package(content(HEADER)[:-40]), "n'est pas un classeur OpenDocument (.ods) lisible"),
        (
            package(
                content(
                    f'<table:table-row table:number-rows-repeated="0">{s("Nom")}</table:table-row>'
                )
            ),
            "n'est pas un classeur OpenDocument (.ods) lisible",
        ),
        (package(content(row(empty(-3)))), "n'est pas un classeur OpenDocument (.ods) lisible"),
        (
            package(content(HEADER), manifest=manifest()[:-10]),
            "n'est pas un classeur OpenDocument (.ods) lisible",
        ),
        (
            package(
                f"<office:document-content {NS}><office:body><office:spreadsheet/>"
                "</office:body></office:document-content>"
            ),
            "Le classeur ne contient aucune feuille de calcul.",
        ),
        (
            package(None, mimetype=None, extra={"lisez-moi.txt": b"Bonjour"}),
            "n'est pas un classeur Excel (.xlsx) ni OpenDocument (.ods) lisible",
        ),
        (
            package(content(HEADER), mimetype="application/epub+zip"),
            "n'est pas un classeur Excel (.xlsx) ni OpenDocument (.ods) lisible",
        ),
    ],
)
def test_what_cannot_be_read_is_said_in_french(data, expected):
    assert expected in error_of(data)


def test_a_refused_ods_writes_nothing(demo_db, clock, tmp_path):
    before = snapshot(demo_db)
    path = tmp_path / "liste.ods"
    path.write_bytes(package("<office:document-content/>", mimetype=SPREADSHEET + "x"))
    report = import_roster(demo_db, path, clock)
    assert not report.ok and "Aucun membre n'a été ajouté ni modifié" in report.summary
    assert snapshot(demo_db) == before


def test_a_package_without_mimetype_is_known_by_its_manifest():
    data = package(content(HEADER), mimetype=None, manifest=manifest())
    assert table_of(data).rows == (("Nom", "Prénom", "Commune"),)


# --- hostile files -------------------------------------------------------------------------------


def test_an_archive_declaring_too_much_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(tabular, "MAX_UNZIPPED_BYTES", 1_000_000)
    data = package(content(HEADER, row(s(" " * 2_000_000))))
    assert len(data) < 50_000
    assert error_of(data) == "Le classeur « liste.ods » est trop volumineux une fois ouvert."


def test_an_archive_lying_about_its_size_is_not_believed():
    data = bytearray(package(content(HEADER, row(s("x" * 30_000_000)))))
    assert len(data) < 100_000
    # content.xml says it is 200 bytes once unzipped, in its local header and in the central
    # directory: zipfile stops there, and the CRC of those 200 bytes is wrong.
    patched = 0
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = data.find(signature)
        while start != -1:
            if data[start + name_at : start + name_at + 11] == b"content.xml":
                data[start + size_at : start + size_at + 4] = (200).to_bytes(4, "little")
                patched += 1
            start = data.find(signature, start + 4)
    assert patched == 2
    tracemalloc.start()
    try:
        message = error_of(bytes(data))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "n'est pas un classeur OpenDocument (.ods) lisible" in message
    assert peak < 5_000_000  # the 30 MB were never unpacked


def test_xml_entities_are_never_expanded_nor_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE-DU-BUREAU")
    laughs = '<!ENTITY l0 "ha">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    prolog = f'<!DOCTYPE office:document-content [{laughs}<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    xml = content(HEADER, row(s("&l9;"), s("&x;"), s("Lattes")), prolog=prolog)
    result = read_table(package(xml), "liste.ods", lambda cells: 0, 1_000)
    shown = repr(result)
    assert "MOT-DE-PASSE" not in shown and "haha" not in shown
    assert len(shown) < 2_000


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_damaged_calc_file_is_refused_never_raises(data):
    with zipfile.ZipFile(DATA / "calc-liste.ods") as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    name = data.draw(st.sampled_from(["content.xml", "META-INF/manifest.xml", "mimetype"]))
    original = parts[name]
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, min(len(original), start + 200)))
    parts[name] = original[:start] + data.draw(st.binary(max_size=40)) + original[end:]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, payload in parts.items():
            archive.writestr(member, payload)
    parsed = read_roster(buffer.getvalue(), "liste.ods", COMMUNES)
    for problem in parsed.errors:
        assert problem.message and (problem.line is None or problem.line >= 1)
    for member in parsed.rows:
        assert member.surname and member.first_name and member.commune
