"""Issuing and revoking badges. A lost badge is revoked and a new code issued: the old code is
then refused at every desk with its own message."""

import sqlite_utils

from desktop.models import journal, members
from desktop.models.clock import Clock, to_utc_text
from desktop.models.codes import new_code
from desktop.models.convention import get_convention
from desktop.models.journal import Desk
from desktop.models.storage import write_transaction


def issue_badge(db: sqlite_utils.Database, member_id: str, desk: Desk, clock: Clock) -> str:
    """A new code for the member, recorded as a fact so it travels to the office."""
    convention = get_convention(db)
    if convention is None:
        raise LookupError("aucune convention dans ce fichier")
    token = new_code(convention.code_tag)
    with write_transaction(db):
        members.add_badge(db, token, member_id, to_utc_text(clock()))
        journal.append(
            db, desk, clock, "badge.issue", member_id=member_id, payload={"token": token}
        )
    return token


def reissue_badge(
    db: sqlite_utils.Database, member_id: str, reason: str, desk: Desk, clock: Clock
) -> str:
    """Revoke the member's current badge (if any) and issue a new one, in one transaction."""
    if not reason.strip():
        raise ValueError("un motif est obligatoire pour révoquer un badge")
    convention = get_convention(db)
    if convention is None:
        raise LookupError("aucune convention dans ce fichier")
    with write_transaction(db):
        old = members.current_badge(db, member_id)
        if old is not None:
            journal.append(
                db,
                desk,
                clock,
                "badge.revoke",
                member_id=member_id,
                target_id=old,
                payload={"reason": reason.strip()},
            )
        token = new_code(convention.code_tag)
        members.add_badge(db, token, member_id, to_utc_text(clock()))
        journal.append(
            db,
            desk,
            clock,
            "badge.issue",
            member_id=member_id,
            payload={"token": token, "replaces": old},
        )
    return token
