"""The journal screen's query on a real file: filters in SQL, pages, French words, CSV."""

import csv
from datetime import timedelta

from desktop.models import accounts, checkin, journal_view
from desktop.models.accounts import Role
from desktop.models.convention import get_session
from desktop.models.journal import local_desk
from desktop.models.journal_view import JournalFilter
from desktop.models.members import all_members, current_badge


def _check_in(db, clock, agent, count, start=0):
    desk = local_desk(db, agent)
    session = get_session(db, "we1-samedi")
    results = []
    for member in all_members(db)[start : start + count]:
        results.append(checkin.check_in(db, current_badge(db, member.id), session, desk, clock))
        clock.advance(minutes=1)
    return results


def test_newest_first_with_french_words_and_names(demo_db, clock):
    results = _check_in(demo_db, clock, "Martin", 3)
    rows = journal_view.query_journal(demo_db)
    assert len(rows) == 3
    assert [r.at for r in rows] == sorted((r.at for r in rows), reverse=True)
    first = rows[-1]
    assert first.kind_words == "Émargement"
    assert first.member_name == results[0].member.display_name
    assert first.agent == "Martin" and first.desk_label == "Guichet démo"
    assert first.session_label
    assert first.paris_time == "11/11/2023 09:12:00"


def test_member_filter_ignores_accents_and_case(demo_db, clock):
    _check_in(demo_db, clock, "Martin", 40)
    for query in ("EMILIE", "émilie dub", "Dubois"):
        rows = journal_view.query_journal(demo_db, JournalFilter(member=query))
        assert [r.member_name for r in rows] == ["Émilie DUBOIS"]
    assert journal_view.query_journal(demo_db, JournalFilter(member="zzz")) == []
    assert journal_view.count_journal(demo_db, JournalFilter(member="jerome")) == 1


def test_agent_kind_and_time_filters(demo_db, clock):
    start = clock()
    _check_in(demo_db, clock, "Martin", 2)
    _check_in(demo_db, clock, "Léa", 2, start=2)
    accounts.create_account(demo_db, "Léa", Role.ACCUEIL, "Tr3s-Long-Secret!", clock)
    assert {r.agent for r in journal_view.query_journal(demo_db, JournalFilter(agent="léa"))} == {
        "Léa"
    }
    assert journal_view.count_journal(demo_db, JournalFilter(agent="martin")) == 2
    created = journal_view.query_journal(demo_db, JournalFilter(kind="account.create"))
    assert [r.kind_words for r in created] == ["Compte créé"]
    assert "compte : Léa" in created[0].detail and "hash" not in created[0].detail
    window = JournalFilter(since=start + timedelta(minutes=1), until=start + timedelta(minutes=3))
    assert journal_view.count_journal(demo_db, window) == 2
    assert ("account.create", "Compte créé") in journal_view.kinds(demo_db)
    assert journal_view.agents(demo_db) == ["Léa", "Martin"]


def test_pages_follow_each_other_without_gap_or_repeat(demo_db, clock):
    _check_in(demo_db, clock, "Martin", 7)
    clock.advance(minutes=-30)  # a fact with the same time as others: the rowid breaks the tie
    seen = []
    after = None
    while True:
        page = journal_view.query_journal(demo_db, after=after, limit=3)
        seen += [r.event_id for r in page]
        if len(page) < 3:
            break
        after = page[-1].cursor
    assert len(seen) == len(set(seen)) == journal_view.count_journal(demo_db) == 7


def test_a_voided_fact_says_so(demo_db, clock):
    (result, *_) = _check_in(demo_db, clock, "Martin", 1)
    desk = local_desk(demo_db, "Martin")
    checkin.undo_check_in(demo_db, result.event_id, "erreur de badge", desk, clock)
    rows = journal_view.query_journal(demo_db)
    assert rows[0].kind_words == "Annulation"
    assert "motif : erreur de badge" in rows[0].detail and "annule : Émargement" in rows[0].detail
    assert rows[1].voided


def test_chain_state_per_desk(demo_db, clock):
    _check_in(demo_db, clock, "Martin", 2)
    (state,) = journal_view.desk_chains(demo_db)
    assert state.intact and state.message.startswith("Journal intact : 2 faits")
    assert state.desk_label == "Guichet démo"


def test_csv_export_reads_back_with_formulas_neutralised(demo_db, clock, tmp_path):
    _check_in(demo_db, clock, '=HYPERLINK("http://x")', 40)
    path = tmp_path / "journal.csv"
    assert journal_view.export_csv(demo_db, path, JournalFilter(member="roussel")) == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == list(journal_view.CSV_HEADER)
    assert rows[1][2].startswith("'=HYPERLINK")
    assert rows[1][3] == "Émargement" and rows[1][4] == "Camille ROUSSEL"
