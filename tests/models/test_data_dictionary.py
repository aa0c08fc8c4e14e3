"""The data dictionary, generated from the live schema of a real file."""

import csv
import io

from desktop.models import data_dictionary
from desktop.models.spreadsheet import csv_text


def test_every_table_and_column_of_the_schema_is_described(demo_db):
    """A migration that adds a column must say, in data_dictionary.py, what it is and why."""
    assert data_dictionary.missing_descriptions(demo_db) == []


def test_descriptions_name_only_what_exists(demo_db):
    """No stale description: each declared column exists in the schema."""
    live = {(e.table, e.column) for e in data_dictionary.data_dictionary(demo_db)}
    declared = {(t, c) for t, cols in data_dictionary.COLUMNS.items() for c in cols}
    assert declared - live == set()


def test_a_new_column_without_description_is_reported(demo_db):
    demo_db.execute("ALTER TABLE members ADD COLUMN telephone TEXT")
    demo_db.execute("CREATE TABLE notes (x TEXT)")
    assert data_dictionary.missing_descriptions(demo_db) == [
        "notes",
        "members.telephone",
        "notes.x",
    ]


def test_personal_fields_and_retention_are_stated(demo_db):
    entries = {(e.table, e.column): e for e in data_dictionary.data_dictionary(demo_db)}
    surname = entries[("members", "surname")]
    assert surname.personal and surname.required and surname.type == "TEXT"
    assert "purge" in surname.retention
    assert not entries[("members", "menu")].personal
    assert "scrypt" in entries[("accounts", "password_hash")].what
    text = data_dictionary.text(demo_db)
    assert "members — Membres de la convention" in text
    assert "  - surname (TEXT) : Nom [donnée personnelle]" in text


def test_csv_rows_read_back(demo_db):
    document = csv_text(data_dictionary.HEADER, data_dictionary.rows(demo_db))
    read = list(csv.reader(io.StringIO(document), delimiter=";"))
    assert read[0] == data_dictionary.HEADER
    assert read[next(i for i, r in enumerate(read) if r[:2] == ["members", "first_name"])][:6] == [
        "members",
        "first_name",
        "TEXT",
        "oui",
        "Prénom",
        "oui",
    ]


def test_cli_data_dictionary(demo_db, db_path, capsys):
    from desktop.cli import main

    demo_db.close()
    assert main(["data-dictionary", "--db", str(db_path)]) == 0
    assert "members — Membres de la convention" in capsys.readouterr().out
    assert main(["data-dictionary", "--db", str(db_path), "--csv"]) == 0
    assert capsys.readouterr().out.startswith("Table;Colonne;Type;Obligatoire;")
    assert main(["data-dictionary", "--db", str(db_path.with_name("absent.sqlite"))]) == 1
    assert "Fichier introuvable" in capsys.readouterr().err
