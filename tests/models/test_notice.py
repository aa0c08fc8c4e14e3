"""The member information notice, stored in the file with a French default, editable."""

import json
from dataclasses import replace

import pytest

from desktop.models import notice
from desktop.models.notice import DEFAULT_NOTICE, NoticeError


def test_default_notice_names_every_required_item(demo_db):
    text = notice.get_notice(demo_db).text()
    for words in (
        "Responsable du traitement",
        "Montpellier Méditerranée Métropole",
        "Finalités",
        "mission d'intérêt public",
        "Destinataires",
        "Durée de conservation",
        "Vos droits",
        "rectifier",
        "Délégué à la protection des données",
        "réclamation à la CNIL",
    ):
        assert words in text, words
    assert [heading for heading, _ in DEFAULT_NOTICE.sections()][:2] == [
        "Responsable du traitement",
        "Finalités",
    ]


def test_office_text_is_saved_in_the_file_as_a_fact(demo_db, desk, clock, db_path):
    edited = replace(DEFAULT_NOTICE, dpo="DPO : dpo@exemple.fr, 04 00 00 00 00")
    notice.set_notice(demo_db, edited, desk, clock)
    demo_db.close()
    from desktop.models.storage import open_database

    again = open_database(db_path)
    assert notice.get_notice(again) == edited
    assert "dpo@exemple.fr" in notice.get_notice(again).text()
    agent, payload = again.execute(
        "SELECT agent, payload FROM events WHERE kind = 'notice.set'"
    ).fetchone()
    assert agent == "Martin" and json.loads(payload) == {"changed": ["dpo"]}
    notice.reset_notice(again, desk, clock)
    assert notice.get_notice(again) == DEFAULT_NOTICE
    again.close()


def test_empty_sections_are_refused_with_their_heading(demo_db, desk, clock):
    with pytest.raises(NoticeError, match="« Réclamation » ne peut pas être vide"):
        notice.set_notice(demo_db, replace(DEFAULT_NOTICE, complaint="  "), desk, clock)
    with pytest.raises(NoticeError, match="dépasse 2000 caractères"):
        notice.set_notice(demo_db, replace(DEFAULT_NOTICE, purpose="x" * 2001), desk, clock)
    assert notice.get_notice(demo_db) == DEFAULT_NOTICE
    assert demo_db.execute("SELECT COUNT(*) FROM events WHERE kind = 'notice.set'").fetchone() == (
        0,
    )


def test_a_damaged_stored_notice_falls_back_to_the_default(demo_db):
    demo_db.execute(
        "INSERT INTO convention_settings (key, value) VALUES ('member_notice', '{pas du json')"
    )
    assert notice.get_notice(demo_db) == DEFAULT_NOTICE
