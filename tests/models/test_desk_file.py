"""The desk file a laptop adopts: read without being changed, wrong files refused with a reason;
the demo recognised from its data."""

import hashlib
import sqlite3

import pytest

from desktop.models import desk_file as desk_file_module
from desktop.models import keys
from desktop.models.convention_file import create_convention
from desktop.models.demo import create_demo, is_demo
from desktop.models.desk_file import DeskFileError, inspect_desk_file
from desktop.models.desk_setup import create_desk
from desktop.models.storage import open_database


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.sqlite"
    create_convention(path).close()  # `guichet init`: the real convention, role office
    return path


@pytest.fixture
def desk_file(office, tmp_path):
    return create_desk(office, tmp_path / "guichet1.sqlite", "Guichet 1").db_path


def _listing(folder):
    """Every file of the folder with its content's hash: what 'nothing changed' means."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_a_desk_file_from_the_office_is_read_without_being_changed(desk_file, tmp_path):
    before = _listing(tmp_path)
    found = inspect_desk_file(desk_file)
    assert found.label == "Guichet 1"
    assert found.convention_title == "Convention citoyenne sur l'intelligence artificielle"
    assert found.path == desk_file and found.path.is_absolute()
    assert found.members == 0
    assert _listing(tmp_path) == before  # no migration, no key, no -wal left behind


def test_a_relative_path_is_remembered_as_an_absolute_one(desk_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert inspect_desk_file("guichet1.sqlite").path == desk_file


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "Fichier introuvable"),
        (b"", "n'est pas un fichier de guichet utilisable"),
        (b"ceci n'est pas une base" * 200, "n'est pas un fichier de guichet utilisable"),
    ],
)
def test_missing_empty_or_garbage_files_are_refused(tmp_path, content, expected):
    path = tmp_path / "guichet1.sqlite"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DeskFileError, match=expected):
        inspect_desk_file(path)
    assert path.exists() is (content is not None)  # never created
    if content is not None:
        assert path.read_bytes() == content


def test_another_programs_sqlite_file_is_refused_and_not_migrated(tmp_path):
    path = tmp_path / "carnet.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (nom TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DeskFileError, match="d'un autre programme"):
        inspect_desk_file(path)
    assert path.read_bytes() == before  # no Guichet table written into someone else's file


def test_a_folder_that_cannot_be_read_is_said(tmp_path, monkeypatch):
    def refused(self, *args, **kwargs):
        raise PermissionError(13, "Permission non accordée")

    monkeypatch.setattr(desk_file_module.Path, "exists", refused)
    with pytest.raises(DeskFileError, match=r"Impossible de lire .*Permission non accordée"):
        inspect_desk_file(tmp_path / "guichet1.sqlite")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(DeskFileError, match="est un dossier"):
        inspect_desk_file(tmp_path)


def test_the_office_file_is_refused_with_what_to_do(office):
    with pytest.raises(DeskFileError, match="fichier du bureau") as refused:
        inspect_desk_file(office)
    assert "guichet desk-init" in str(refused.value)


def test_the_demo_is_refused_as_a_desk_file(tmp_path, clock):
    path = tmp_path / "demo.sqlite"
    create_demo(path, clock).close()
    with pytest.raises(DeskFileError, match="démonstration"):
        inspect_desk_file(path)


def test_a_desk_copied_without_its_key_is_refused(desk_file):
    keys.key_path(desk_file).unlink()
    with pytest.raises(DeskFileError, match=r"guichet1\.sqlite\.key") as refused:
        inspect_desk_file(desk_file)
    assert "Copiez-la aussi" in str(refused.value)


def test_a_key_of_another_desk_is_refused(desk_file, office, tmp_path):
    other = create_desk(office, tmp_path / "guichet2.sqlite", "Guichet 2")
    keys.key_path(desk_file).write_bytes(other.key_path.read_bytes())
    with pytest.raises(DeskFileError, match="n'est pas celle de ce guichet"):
        inspect_desk_file(desk_file)


def test_a_file_guichet_could_not_write_is_refused(desk_file, monkeypatch):
    # A USB stick mounted read-only (simulated: the tests may run as root, who writes anyway).
    writable = desk_file_module.os.access
    monkeypatch.setattr(
        desk_file_module.os,
        "access",
        lambda where, mode: False if where == desk_file.parent else writable(where, mode),
    )
    with pytest.raises(DeskFileError, match="lecture seule") as refused:
        inspect_desk_file(desk_file)
    assert "copiez le fichier et sa clé sur ce portable" in str(refused.value)


def test_a_desk_file_in_use_is_read_through_its_wal(desk_file):
    db = open_database(desk_file)  # Guichet open on it: -wal and -shm are there
    try:
        assert inspect_desk_file(desk_file).label == "Guichet 1"
    finally:
        db.close()


def test_the_demo_is_recognised_from_its_data(tmp_path, clock, desk_file, office):
    demo_path = tmp_path / "demo.sqlite"
    demo = create_demo(demo_path, clock)
    assert is_demo(demo)
    demo.close()
    # A desk made at the office from a demo file (to try desk-init) is fictitious too.
    tried = create_desk(demo_path, tmp_path / "essai.sqlite", "Essai", register=False)
    for path, expected in ((tried.db_path, True), (desk_file, False), (office, False)):
        db = open_database(path)
        try:
            assert is_demo(db) is expected, path.name
        finally:
            db.close()


def test_an_old_demo_file_without_the_demo_ticket_is_still_the_demo(tmp_path, clock):
    path = tmp_path / "demo.sqlite"
    create_demo(path, clock).close()
    conn = sqlite3.connect(path)  # as a demo made before the ticket catalogue had one
    conn.execute("DELETE FROM session_tickets WHERE product_id = 'ticket-demo'")
    conn.execute("DELETE FROM ticket_products WHERE id = 'ticket-demo'")
    conn.commit()
    conn.close()
    db = open_database(path)
    try:
        assert is_demo(db)
    finally:
        db.close()
