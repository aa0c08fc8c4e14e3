"""badge_records reads every member's current badge in one query: it must pick exactly what
members.current_badge picks, one member at a time (newest not revoked, ties by insertion,
a voided revocation no longer counts)."""

import pytest

from desktop.models import journal, members
from desktop.models.badges import reissue_badge
from desktop.models.clock import to_utc_text
from desktop.models.codes import new_code
from desktop.models.convention import get_convention
from desktop.models.documents.badges_pdf import badge_records
from desktop.models.documents.layout import DocumentError
from desktop.models.storage import write_transaction


def _revoke(db, desk, clock, member_id: str, token: str) -> str:
    with write_transaction(db):
        event = journal.append(
            db,
            desk,
            clock,
            "badge.revoke",
            member_id=member_id,
            target_id=token,
            payload={"reason": "test"},
        )
    return event.id


def _one_by_one(db, member_ids: list[str]) -> list[str | None]:
    return [members.current_badge(db, member_id) for member_id in member_ids]


def test_every_members_current_badge_as_current_badge_picks_it(demo_db, desk, clock):
    tag = get_convention(demo_db).code_tag
    everyone = [m for m in members.all_members(demo_db) if not m.withdrawn]
    reissued, older_kept, tie, unrevoked = (m.id for m in everyone[:4])

    clock.advance(minutes=5)
    reissue_badge(demo_db, reissued, "perdu", desk, clock)
    clock.advance(minutes=5)
    reissue_badge(demo_db, reissued, "perdu encore", desk, clock)

    # The newest badge is revoked: the older one, still valid, is the current one.
    kept = members.current_badge(demo_db, older_kept)
    clock.advance(minutes=5)
    with write_transaction(demo_db):
        newer = new_code(tag)
        members.add_badge(demo_db, newer, older_kept, to_utc_text(clock()))
    _revoke(demo_db, desk, clock, older_kept, newer)

    # Two badges issued at the same instant: the one inserted last wins.
    with write_transaction(demo_db):
        for _ in range(2):
            members.add_badge(demo_db, new_code(tag), tie, to_utc_text(clock()))

    # A revocation that was itself voided no longer counts.
    current = members.current_badge(demo_db, unrevoked)
    revoke_id = _revoke(demo_db, desk, clock, unrevoked, current)
    with write_transaction(demo_db):
        journal.append(demo_db, desk, clock, "void", target_id=revoke_id, payload={"reason": "x"})

    records = badge_records(demo_db)
    ids = [r.member_id for r in records]
    assert sorted(ids) == sorted(m.id for m in everyone)
    assert [r.token for r in records] == _one_by_one(demo_db, ids)
    by_id = {r.member_id: r.token for r in records}
    assert by_id[older_kept] == kept
    assert by_id[unrevoked] == current


def test_a_member_whose_badges_are_all_revoked_is_still_refused(demo_db, desk, clock):
    member = next(m for m in members.all_members(demo_db) if not m.withdrawn)
    _revoke(demo_db, desk, clock, member.id, members.current_badge(demo_db, member.id))
    with pytest.raises(DocumentError, match=member.display_name):
        badge_records(demo_db)
