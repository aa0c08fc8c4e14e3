"""Purger le poste: real office and desk files, a real export, merge and signed acknowledgement."""

import hashlib
import json
import sqlite3

import pytest

from desktop.models import keys, purge
from desktop.models.attachments import Attachment, LoadedFile, store
from desktop.models.journal import local_desk
from desktop.models.merge import MergeOutcome, merge_exports
from desktop.models.purge import AckError, PurgeOutcome
from desktop.models.storage import open_database, write_transaction
from tests.models.sync_support import (
    SESSION,
    export,
    make_desk,
    make_office,
    manifest_of,
    record,
    scan,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"justificatif" * 50


@pytest.fixture
def office(tmp_path, clock):
    path = make_office(tmp_path, clock)
    purge.office_identity(path)  # the office key exists before the desks are made
    return path


@pytest.fixture
def desk(office, tmp_path, clock):
    made = make_desk(office, tmp_path, "Guichet 2")
    for ref in ("DEMO-017", "DEMO-018"):
        scan(made.db_path, clock, ref)
    record(
        made.db_path,
        clock,
        "meal.pass",
        session_id=SESSION,
        payload={"guest": {"name": "Jean Expert", "role": "expert"}},
    )
    db = open_database(made.db_path)
    with write_transaction(db):
        digest = hashlib.sha256(PNG).hexdigest()
        store(db, LoadedFile(Attachment(digest, "ticket.png", len(PNG), "image/png"), PNG))
    db.close()
    return made


def _exported_and_merged(office, desk, tmp_path, clock):
    receipt = export(desk, tmp_path / "usb", clock)
    [merged] = merge_exports(office, [manifest_of(receipt)], clock=clock)
    assert merged.outcome is MergeOutcome.IMPORTED, merged
    return manifest_of(receipt)


def _ack(office, manifest, tmp_path, clock):
    document = purge.acknowledge(office, manifest, clock)
    path = tmp_path / "accuse.json"
    purge.write_ack(path, document)
    return path


def _personal(path):
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT surname, first_name FROM members ORDER BY id").fetchall(),
            conn.execute("SELECT COUNT(*) FROM badges").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM attachments").fetchone()[0],
        )
    finally:
        conn.close()


def test_purge_with_the_offices_acknowledgement(office, desk, tmp_path, clock):
    manifest = _exported_and_merged(office, desk, tmp_path, clock)
    ack = _ack(office, manifest, tmp_path, clock)
    names_before, badges_before, _ = _personal(desk.db_path)
    surname = names_before[0][0]
    db = open_database(desk.db_path)
    result = purge.purge_desk(db, purge.read_ack(ack), local_desk(db, "Claire"), clock)
    assert result.outcome is PurgeOutcome.PURGED, result.message
    count = len(names_before)
    assert (result.members, result.badges, result.attachments) == (count, badges_before, 1)
    assert result.guest_names_in_log == 1
    assert result.message == (
        f"Poste purgé : {count} membres anonymisés, {badges_before} badges et 1 justificatifs "
        "supprimés."
    )
    names, badges, attachments = _personal(desk.db_path)
    assert names[0] == ("Anonyme", "n° 001") and {n[0] for n in names} == {"Anonyme"}
    assert (badges, attachments) == (0, 0)
    refs = db.execute("SELECT COUNT(*) FROM members WHERE external_ref IS NOT NULL").fetchone()
    assert refs == (0,)
    # The purge log says what, when, who, on whose acknowledgement; the fact too.
    [logged] = purge.purge_log(db)
    assert logged["agent"] == "Claire" and logged["members"] == count
    assert logged["at"] == "2023-11-11T08:12:00.000+00:00"
    assert logged["acknowledged_by"].startswith("Guichet démo (")
    assert logged["details"]["guest_names_in_log"] == 1
    fact = db.execute("SELECT agent, payload FROM events WHERE kind = 'desk.purge'").fetchone()
    assert fact[0] == "Claire" and json.loads(fact[1])["members"] == count
    db.close()
    # No name left in the file's bytes (VACUUM: no free page, no WAL keeps them).
    raw = desk.db_path.read_bytes()
    assert surname.encode("utf-8") not in raw
    assert PNG not in raw


def test_refused_without_an_acknowledgement(office, desk, tmp_path, clock):
    before = _personal(desk.db_path)
    db = open_database(desk.db_path)
    for document in (None, {}, {"acknowledgement": {}, "signature": "x"}, "texte"):
        result = purge.purge_desk(db, document, local_desk(db, "Claire"), clock)
        assert result.outcome is PurgeOutcome.UNREADABLE
        assert result.message == "Ce fichier n'est pas un accusé de réception du bureau."
    bad = tmp_path / "vide.json"
    bad.write_bytes(b"")
    assert purge.read_ack(bad) is None
    db.close()
    assert _personal(desk.db_path) == before


def test_a_forged_or_foreign_acknowledgement_is_refused(office, desk, tmp_path, clock):
    manifest = _exported_and_merged(office, desk, tmp_path, clock)
    document = purge.read_ack(_ack(office, manifest, tmp_path, clock))
    before = _personal(desk.db_path)
    db = open_database(desk.db_path)
    forged = json.loads(json.dumps(document))
    forged["acknowledgement"]["last_seq"] += 10
    assert purge.check_ack(db, forged)[0] is PurgeOutcome.BAD_SIGNATURE
    # Signed by a key this desk does not know (a laptop pretending to be the office).
    stranger = keys.new_private_key()
    body = dict(document["acknowledgement"], office_desk_id="inconnu")
    other = {"acknowledgement": body, "signature": keys.sign(stranger, body)}
    assert purge.check_ack(db, other)[0] is PurgeOutcome.UNKNOWN_OFFICE
    # Signed by the desk itself: its own key is not the office's.
    own = keys.read_private_key(desk.key_path)
    body = dict(document["acknowledgement"], office_desk_id=desk.desk_id)
    self_signed = {"acknowledgement": body, "signature": keys.sign(own, body)}
    assert purge.check_ack(db, self_signed)[0] is PurgeOutcome.UNKNOWN_OFFICE
    db.close()
    assert _personal(desk.db_path) == before


def test_facts_written_after_the_export_refuse_the_purge(office, desk, tmp_path, clock):
    manifest = _exported_and_merged(office, desk, tmp_path, clock)
    ack = _ack(office, manifest, tmp_path, clock)
    scan(desk.db_path, clock, "DEMO-019")  # a late check-in, not at the office yet
    db = open_database(desk.db_path)
    result = purge.purge_desk(db, purge.read_ack(ack), local_desk(db, "Claire"), clock)
    assert result.outcome is PurgeOutcome.NEWER_FACTS and result.newer_facts == 1
    assert result.message.startswith("1 fait(s) depuis l'export. Des faits ont été enregistrés")
    db.close()
    assert _personal(desk.db_path)[1] > 0


def test_another_desks_acknowledgement_is_refused(office, desk, tmp_path, clock):
    other = make_desk(office, tmp_path, "Guichet 3")
    scan(other.db_path, clock, "DEMO-020")
    receipt = export(other, tmp_path / "usb3", clock)
    merge_exports(office, [manifest_of(receipt)], clock=clock)
    document = purge.acknowledge(office, manifest_of(receipt), clock)
    db = open_database(desk.db_path)
    assert purge.check_ack(db, document)[0] is PurgeOutcome.OTHER_DESK
    db.close()


def test_the_office_acknowledges_only_a_complete_import(office, desk, tmp_path, clock):
    receipt = export(desk, tmp_path / "usb", clock)
    with pytest.raises(AckError, match="n'a pas été importé au bureau"):
        purge.acknowledge(office, manifest_of(receipt), clock)
    with pytest.raises(AckError, match="n'a pas été importé au bureau"):
        purge.acknowledge(desk.db_path, manifest_of(receipt), clock)  # the desk is no office
    junk = tmp_path / "junk.json"
    junk.write_text("{}", encoding="utf-8")
    with pytest.raises(AckError, match="n'est pas un manifeste"):
        purge.acknowledge(office, junk, clock)


def test_the_office_key_is_made_once_beside_the_office_file(office):
    first = purge.office_identity(office)
    assert keys.key_path(office).exists()
    assert purge.office_identity(office) == first


def test_cli_ack_then_purge(office, desk, tmp_path, clock, capsys):
    from desktop.cli import main

    manifest = _exported_and_merged(office, desk, tmp_path, clock)
    ack = tmp_path / "accuse.json"
    assert main(["purge", "--db", str(desk.db_path), "--ack", str(ack), "--agent", "Léa"]) == 1
    assert "accusé de réception illisible" in capsys.readouterr().err
    assert main(["ack", "--office", str(office), str(manifest), "--out", str(ack)]) == 0
    assert "Accusé de réception écrit" in capsys.readouterr().out
    assert main(["ack", "--office", str(office), str(manifest), "--out", str(ack)]) == 1
    assert "ne sera pas écrasé" in capsys.readouterr().err
    assert main(["purge", "--db", str(desk.db_path), "--ack", str(ack)]) == 1
    assert "--agent NOM" in capsys.readouterr().err
    assert main(["purge", "--db", str(desk.db_path), "--ack", str(ack), "--agent", "Léa"]) == 0
    out = capsys.readouterr().out
    assert "Poste purgé" in out and "1 nom(s) d'invités aux repas restent" in out
    assert _personal(desk.db_path)[1:] == (0, 0)
    assert main(["purge", "--db", str(desk.db_path), "--ack", str(ack), "--agent", "Léa"]) == 1
    assert "déjà été purgé sur cet accusé" in capsys.readouterr().err


def test_a_desk_made_before_the_office_key_trusts_it_by_fingerprint(tmp_path, clock, capsys):
    from desktop.cli import main

    office = make_office(tmp_path, clock)
    desk = make_desk(office, tmp_path, "Guichet 4")  # the office has no key yet
    scan(desk.db_path, clock, "DEMO-017")
    manifest = _exported_and_merged(office, desk, tmp_path, clock)
    ack = tmp_path / "accuse.json"
    assert main(["ack", "--office", str(office), str(manifest), "--out", str(ack)]) == 0
    out = capsys.readouterr().out
    printed = out.split("Empreinte de la clé du bureau : ")[1].strip()
    public = purge.office_identity(office).public_key
    assert printed == purge.fingerprint(public) and len(printed) == 19  # "ABCD EF01 2345 6789"
    base = ["purge", "--db", str(desk.db_path), "--ack", str(ack), "--agent", "Léa"]
    assert main(base) == 1
    assert "--office-fingerprint" in capsys.readouterr().err
    wrong = "0000 0000 0000 0000"
    assert main([*base, "--office-fingerprint", wrong]) == 1
    assert "ne connaît pas la clé du bureau" in capsys.readouterr().err
    assert _personal(desk.db_path)[1] > 0
    assert main([*base, "--office-fingerprint", printed.lower().replace(" ", "")]) == 0
    assert "Poste purgé" in capsys.readouterr().out
    db = open_database(desk.db_path)
    office_id = purge.office_identity(office).desk_id
    known = db.execute("SELECT public_key FROM desks WHERE desk_id = ?", [office_id]).fetchone()
    assert known == (public,)  # from now on the desk knows the office key
    [logged] = purge.purge_log(db)
    assert logged["details"]["office_key"] == printed
    db.close()


def test_logins_after_the_export_do_not_block_the_purge_but_an_edit_does(
    office, desk, tmp_path, clock
):
    from desktop.models import accounts

    db = open_database(desk.db_path)
    accounts.create_account(db, "Claire", accounts.Role.RESPONSABLE, "Responsable#2024", clock)
    db.close()
    manifest = _exported_and_merged(office, desk, tmp_path, clock)
    document = purge.read_ack(_ack(office, manifest, tmp_path, clock))
    db = open_database(desk.db_path)
    assert not accounts.authenticate(db, "Claire", "faux", clock).ok  # a failure: a fact
    approval = accounts.require_role(db, "Claire", "Responsable#2024", clock, agent="Claire")
    assert approval.ok  # a login and an approval: facts too, after the export
    assert purge.check_ack(db, document) == (PurgeOutcome.PURGED, 0)
    # A past row edited on the laptop after the acknowledgement: not the log the office has.
    db.execute("DROP TRIGGER events_no_update")
    db.execute("UPDATE events SET agent = 'Personne' WHERE seq = 1")
    assert purge.check_ack(db, document)[0] is PurgeOutcome.LOG_DIFFERS
    result = purge.purge_desk(db, document, local_desk(db, "Claire"), clock)
    assert result.message.startswith("Le journal de ce poste n'est pas celui")
    db.close()
    assert _personal(desk.db_path)[1] > 0


def test_the_purge_also_deletes_the_desks_backups_and_restore_leftovers(
    office, desk, tmp_path, clock, capsys
):
    from desktop import paths
    from desktop.cli import main
    from desktop.models import backups

    manifest = _exported_and_merged(office, desk, tmp_path, clock)
    ack = tmp_path / "accuse.json"
    assert main(["ack", "--office", str(office), str(manifest), "--out", str(ack)]) == 0
    from PySide6.QtCore import QSettings

    from desktop.ui.settings import BACKUP_FOLDER, Settings

    usual, usb, chosen = paths.backup_folder(), tmp_path / "cle-usb", tmp_path / "choisi"
    # The folder chosen in the desk's settings (the app's own QSettings store).
    store = QSettings(paths.APP_NAME, paths.APP_NAME)
    Settings(store).set(BACKUP_FOLDER, str(chosen))
    kept = [
        backups.make_backup(desk.db_path, usual, clock=clock),
        backups.make_backup(desk.db_path, usb, clock=clock),
        backups.make_backup(desk.db_path, chosen, clock=clock),
    ]
    aside = desk.db_path.with_name(desk.db_path.name + ".avant-restauration-20231111-091200")
    aside.write_bytes(desk.db_path.read_bytes())
    other = backups.make_backup(office, usb, clock=clock)  # another file's backup stays
    assert all(_personal(copy)[1] > 0 for copy in kept)

    command = ["purge", "--db", str(desk.db_path), "--ack", str(ack), "--agent", "Léa"]
    try:
        assert main([*command, "--backups", str(usb)]) == 0
    finally:
        store.remove(BACKUP_FOLDER.key)  # the other tests keep the usual folder
    assert "4 copie(s) de sauvegarde du poste supprimée(s)" in capsys.readouterr().out
    assert not any(copy.exists() for copy in [*kept, aside])
    assert other.exists() and desk.db_path.exists()
