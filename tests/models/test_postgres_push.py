"""`guichet push` into a real PostgreSQL server (started by ./run-tests with
scripts/postgres.sh): idempotent, the same conflicts as the office file, anomalies set aside,
the sessions deleted at the office deleted there too (never under a fact)."""

import os
import secrets
import shutil
import sqlite3
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit, urlunsplit

import pytest

from desktop.models import journal
from desktop.models.conflicts import ConflictKind, list_conflicts, resolve_conflict
from desktop.models.convention import get_session
from desktop.models.merge import merge_exports
from desktop.models.postgres_push import PushError, PushOutcome, push_office
from desktop.models.session_plan import (
    SessionEditOutcome,
    create_session,
    delete_session,
    update_session,
)
from desktop.models.storage import open_database
from tests.models.sync_support import export, make_desk, make_office, meal, run_cli, scan

URL = os.environ.get("GUICHET_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(
    not URL,
    reason="GUICHET_TEST_POSTGRES_URL non défini : ./run-tests démarre un PostgreSQL jetable "
    "(scripts/postgres.sh start DOSSIER donne l'URL)",
)


@pytest.fixture
def pg_url():
    """A fresh database on the test server for each test, dropped afterwards."""
    import psycopg

    name = f"guichet_{secrets.token_hex(6)}"
    assert URL is not None
    with psycopg.connect(URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(URL)
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def office(tmp_path, clock):
    """Member 17 checked in and given a meal pass at two desks, merged at the office."""
    path = make_office(tmp_path, clock)
    a = make_desk(path, tmp_path, "Guichet 2")
    b = make_desk(path, tmp_path, "Guichet 3")
    scan(a.db_path, clock, agent="Martin")
    meal(a.db_path, clock, agent="Martin")
    scan(a.db_path, clock, ref="DEMO-002", agent="Martin")
    clock.advance(minutes=7)
    scan(b.db_path, clock, agent="Paul")
    meal(b.db_path, clock, agent="Paul")
    _copy(path, tmp_path / "bureau-avant-fusion.sqlite")  # see stale_office
    out = tmp_path / "exports"
    merge_exports(path, [export(a, out, clock).snapshot_path, export(b, out, clock).snapshot_path])
    return path


@pytest.fixture
def stale_office(office, tmp_path):
    """The office file as it was before the merge (a backup put back, a copy on another
    machine): same convention, none of the facts recorded at 'we1-samedi'."""
    return tmp_path / "bureau-avant-fusion.sqlite"


def _copy(source, target):
    """A consistent copy of a SQLite file (WAL included), as a backup would take it."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _everything(url):
    """Every row PostgreSQL holds for Guichet, tables in a fixed order."""
    import psycopg

    queries = (
        "SELECT * FROM conventions ORDER BY 1",
        "SELECT * FROM desks ORDER BY 1",
        "SELECT * FROM sessions ORDER BY 1, 2",
        "SELECT * FROM members ORDER BY 1, 2",
        "SELECT id, convention_id, desk_id, seq, at, agent, kind, member_id, session_id, "
        "target_id, payload::text FROM events ORDER BY id",
        "SELECT kind, event_id, content::text, source_sha256 FROM merge_anomalies ORDER BY 1, 2",
        "SELECT * FROM push_log ORDER BY 1",
    )
    with psycopg.connect(url) as conn:
        return [conn.execute(sql).fetchall() for sql in queries]


def _pg_sessions(url, convention_id):
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT id, label FROM sessions WHERE convention_id = %s ORDER BY id", [convention_id]
        ).fetchall()
    return dict(rows)


def _office_sessions(path):
    db = open_database(path)
    try:
        return {str(i): str(label) for i, label in db.execute("SELECT id, label FROM sessions")}
    finally:
        db.close()


def _rows(url):
    import psycopg

    with psycopg.connect(url) as conn:
        events = conn.execute(
            "SELECT id, convention_id, desk_id, seq, at, agent, kind, member_id, session_id, "
            "target_id, payload::text FROM events ORDER BY id"
        ).fetchall()
        log = conn.execute("SELECT push_sha256, new_events FROM push_log ORDER BY 1").fetchall()
        anomalies = conn.execute(
            "SELECT kind, event_id, content::text FROM merge_anomalies ORDER BY 1, 2"
        ).fetchall()
    return events, log, anomalies


def _pg_conflicts(url):
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT kind, first_id, second_id FROM conflicts ORDER BY 1, 2, 3"
        ).fetchall()


def _office_conflicts(path):
    db = open_database(path)
    try:
        return sorted(
            (str(k), str(a), str(b))
            for k, a, b in db.execute("SELECT kind, first_id, second_id FROM conflicts")
        )
    finally:
        db.close()


def _event_count(path):
    db = open_database(path)
    try:
        return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        db.close()


def test_push_twice_gives_the_same_rows(office, pg_url, clock):
    first = push_office(office, pg_url, clock=clock)
    assert first.outcome is PushOutcome.PUSHED
    assert first.new_events == first.event_count == _event_count(office) == 5
    rows = _rows(pg_url)
    assert len(rows[0]) == 5

    again = push_office(office, pg_url, clock=clock)
    assert again.outcome is PushOutcome.ALREADY_PUSHED
    assert again.push_sha256 == first.push_sha256
    assert _rows(pg_url) == rows

    # Even without the log, the insert itself is idempotent (ON CONFLICT (id) DO NOTHING).
    import psycopg

    with psycopg.connect(pg_url) as conn:
        conn.execute("DELETE FROM push_log")
    forced = push_office(office, pg_url, clock=clock)
    assert (forced.outcome, forced.new_events, forced.anomalies) == (PushOutcome.PUSHED, 0, 0)
    assert _rows(pg_url)[0] == rows[0]


def test_two_desks_conflicts_visible_in_postgres_views(office, pg_url, clock):
    push_office(office, pg_url, clock=clock)
    found = _pg_conflicts(pg_url)
    assert found == _office_conflicts(office)
    assert sorted(k for k, _, _ in found) == ["double_checkin", "double_meal"]

    db = open_database(office)
    double_meal = next(c for c in list_conflicts(db) if c.kind is ConflictKind.DOUBLE_MEAL)
    desk = journal.local_desk(db, "Claire (bureau)")
    resolve_conflict(db, double_meal, double_meal.first.event_id, "un seul repas", desk, clock)
    db.close()

    report = push_office(office, pg_url, clock=clock)
    assert (report.outcome, report.new_events) == (PushOutcome.PUSHED, 1)
    assert _pg_conflicts(pg_url) == _office_conflicts(office)
    assert [k for k, _, _ in _pg_conflicts(pg_url)] == ["double_checkin"]
    events, log, _ = _rows(pg_url)
    assert len(events) == 6 and len(log) == 2  # both meal passes stay, plus the void


def test_same_id_with_another_content_is_set_aside(office, pg_url, tmp_path, clock):
    push_office(office, pg_url, clock=clock)
    before = _rows(pg_url)[0]
    forged = tmp_path / "forged.sqlite"
    shutil.copyfile(office, forged)
    conn = sqlite3.connect(forged)
    conn.execute("DROP TRIGGER events_no_update")
    (target,) = conn.execute("SELECT id FROM events WHERE kind = 'meal.pass' LIMIT 1").fetchone()
    conn.execute("UPDATE events SET agent = 'Faussaire' WHERE id = ?", [target])
    conn.commit()
    conn.close()

    report = push_office(forged, pg_url, clock=clock)
    assert (report.outcome, report.new_events, report.anomalies) == (PushOutcome.PUSHED, 0, 1)
    events, _, anomalies = _rows(pg_url)
    assert events == before  # the original is untouched
    assert [(k, e) for k, e, _ in anomalies] == [("contenu_different", target)]
    assert '"agent": "Faussaire"' in anomalies[0][2]


def test_postgres_log_refuses_update_and_delete(office, pg_url, clock):
    import psycopg

    push_office(office, pg_url, clock=clock)
    with psycopg.connect(pg_url) as conn, pytest.raises(psycopg.errors.RaiseException):
        conn.execute("DELETE FROM events")


def test_cli_push_then_already_pushed_and_a_bad_server(office, pg_url):
    done = run_cli("push", "--office", office, "--postgres", pg_url)
    assert done.returncode == 0, done.stderr
    assert "Envoyé vers PostgreSQL : 5 faits, dont 5 nouveaux" in done.stdout
    again = run_cli("push", "--office", office, "--postgres", pg_url)
    assert again.returncode == 0 and "Déjà envoyé" in again.stdout
    bad = urlsplit(pg_url)._replace(netloc="postgres@127.0.0.1:1")
    refused = run_cli("push", "--office", office, "--postgres", urlunsplit(bad))
    assert refused.returncode != 0
    assert "connexion à PostgreSQL impossible" in refused.stderr


def test_two_conventions_share_one_server_apart(office, pg_url, tmp_path, clock):
    other = make_office(tmp_path, clock, name="autre-bureau.sqlite")
    scan(other, clock)  # member 17 of another convention, checked in at its own desk
    first = push_office(office, pg_url, clock=clock)
    second = push_office(other, pg_url, clock=clock)
    assert second.outcome is PushOutcome.PUSHED and second.convention_id != first.convention_id
    import psycopg

    with psycopg.connect(pg_url) as conn:
        counts = conn.execute(
            "SELECT convention_id, COUNT(*) FROM events GROUP BY 1 ORDER BY 1"
        ).fetchall()
        members = conn.execute(
            "SELECT convention_id, COUNT(*) FROM members GROUP BY 1 ORDER BY 1"
        ).fetchall()
        named = conn.execute("SELECT DISTINCT convention_id FROM conflicts ORDER BY 1").fetchall()
    assert dict(counts) == {first.convention_id: 5, second.convention_id: 1}
    assert set(dict(members).values()) == {40}
    assert named == [(first.convention_id,)]


def test_a_session_deleted_at_the_office_is_gone_from_postgres(office, pg_url, tmp_path, clock):
    # Another convention on the same server has sessions with the same ids ('we3-vendredi').
    other = make_office(tmp_path, clock, name="autre-bureau.sqlite")
    other_id = push_office(other, pg_url, clock=clock).convention_id
    db = open_database(office)
    outcome, mistaken = create_session(
        db, date(2023, 12, 10), "matin", "Hôtel de Métropole", 2, False, "Ajoutée par erreur"
    )
    db.close()
    assert outcome is SessionEditOutcome.CREATED and mistaken is not None
    first = push_office(office, pg_url, clock=clock)
    assert _pg_sessions(pg_url, first.convention_id)[mistaken.id] == "Ajoutée par erreur"

    db = open_database(office)
    assert delete_session(db, mistaken.id) is SessionEditOutcome.DELETED
    assert delete_session(db, "we3-vendredi") is SessionEditOutcome.DELETED
    db.close()
    report = push_office(office, pg_url, clock=clock)

    assert (report.outcome, report.new_events, report.sessions_deleted) == (
        PushOutcome.PUSHED,
        0,
        2,
    )
    mirrored = _pg_sessions(pg_url, report.convention_id)
    assert mirrored == _office_sessions(office)
    assert mistaken.id not in mirrored and "we3-vendredi" not in mirrored
    assert len(mirrored) == 6
    assert _pg_sessions(pg_url, other_id) == _office_sessions(other)  # untouched
    assert "we3-vendredi" in _pg_sessions(pg_url, other_id)
    assert len(_rows(pg_url)[0]) == 5  # the facts stay as they were


def test_pushing_twice_after_a_deletion_changes_nothing(office, pg_url, clock):
    push_office(office, pg_url, clock=clock)
    db = open_database(office)
    assert delete_session(db, "validation") is SessionEditOutcome.DELETED
    db.close()
    assert push_office(office, pg_url, clock=clock).sessions_deleted == 1
    after_first = _everything(pg_url)

    again = push_office(office, pg_url, clock=clock)
    assert (again.outcome, again.sessions_deleted) == (PushOutcome.ALREADY_PUSHED, 0)
    assert _everything(pg_url) == after_first

    # Without the push log the push runs in full, and still finds nothing to change.
    import psycopg

    with psycopg.connect(pg_url) as conn:
        conn.execute("DELETE FROM push_log")
    forced = push_office(office, pg_url, clock=clock)
    assert (forced.outcome, forced.new_events, forced.anomalies, forced.sessions_deleted) == (
        PushOutcome.PUSHED,
        0,
        0,
        0,
    )
    assert _everything(pg_url)[:-1] == after_first[:-1]  # all but the push log


def test_a_push_that_would_orphan_facts_is_refused_and_changes_nothing(
    office, stale_office, pg_url, clock
):
    push_office(office, pg_url, clock=clock)  # 5 facts at 'we1-samedi'
    before = _everything(pg_url)
    # In the old copy nothing names 'we1-samedi' yet, so the office may delete it there; an
    # edited session shows that the push's other changes are rolled back with it.
    db = open_database(stale_office)
    assert delete_session(db, "we1-samedi") is SessionEditOutcome.DELETED
    session = get_session(db, "we2-samedi")
    assert session is not None
    saved = update_session(db, replace(session, label="Week-end 2 (salle changée)"))
    assert saved is SessionEditOutcome.SAVED
    db.close()

    with pytest.raises(PushError) as refused:
        push_office(stale_office, pg_url, clock=clock)
    message = str(refused.value)
    assert message.startswith("envoi refusé, rien n'a été envoyé : la séance « Week-end 1 »")
    assert "du 11/11/2023 (we1-samedi, 5 fait(s))" in message
    assert _everything(pg_url) == before

    cli = run_cli("push", "--office", stale_office, "--postgres", pg_url)
    assert cli.returncode != 0
    assert "guichet : envoi refusé" in cli.stderr and "we1-samedi" in cli.stderr
    assert cli.stdout == ""
    assert _everything(pg_url) == before
    # The office file up to date still goes through, untouched by the refusal.
    assert push_office(office, pg_url, clock=clock).outcome is PushOutcome.ALREADY_PUSHED


def test_cli_says_how_many_sessions_it_deleted(office, pg_url):
    run_cli("push", "--office", office, "--postgres", pg_url, check=True)
    db = open_database(office)
    assert delete_session(db, "validation") is SessionEditOutcome.DELETED
    db.close()
    done = run_cli("push", "--office", office, "--postgres", pg_url)
    assert done.returncode == 0, done.stderr
    assert "0 nouveaux ; 0 anomalie(s) ; 1 séance(s) supprimée(s)" in done.stdout


def test_an_earlier_file_pushed_again_brings_its_sessions_back(office, pg_url, tmp_path, clock):
    push_office(office, pg_url, clock=clock)
    # The office deletes a session in a copy, pushes it, then goes back to the earlier file
    # (a backup restored): that file has the session, so PostgreSQL must have it again.
    changed = tmp_path / "bureau-modifie.sqlite"
    _copy(office, changed)
    db = open_database(changed)
    assert delete_session(db, "validation") is SessionEditOutcome.DELETED
    db.close()
    convention_id = push_office(changed, pg_url, clock=clock).convention_id
    assert "validation" not in _pg_sessions(pg_url, convention_id)

    back = push_office(office, pg_url, clock=clock)
    assert (back.outcome, back.new_events) == (PushOutcome.PUSHED, 0)
    assert _pg_sessions(pg_url, convention_id) == _office_sessions(office)
    assert "validation" in _pg_sessions(pg_url, convention_id)
    assert len(_rows(pg_url)[1]) == 2  # the log keeps one row per content pushed
    settled = _everything(pg_url)
    assert push_office(office, pg_url, clock=clock).outcome is PushOutcome.ALREADY_PUSHED
    assert _everything(pg_url) == settled
