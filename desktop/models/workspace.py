"""Creating a Guichet file: a desk's identity, the convention, the reference communes."""

from pathlib import Path

import sqlite_utils

from desktop.models import communes, journal
from desktop.models.codes import new_tag
from desktop.models.convention import Convention, set_convention
from desktop.models.ids import uuid7
from desktop.models.storage import StorageError, open_database, write_transaction

CONVENTION_TITLE = "Convention citoyenne sur l'intelligence artificielle"
ORGANISER = "Montpellier Méditerranée Métropole"
DELIBERATION = "Délibération n° M2023-352 du 3 octobre 2023"


def create_file(
    path: Path | str,
    *,
    desk_label: str = "Guichet 1",
    role: str = "desk",
    title: str = CONVENTION_TITLE,
) -> sqlite_utils.Database:
    """A new, empty convention file. Refuses to touch an existing file."""
    path = Path(path)
    if path.exists():
        raise StorageError(f"Le fichier {path} existe déjà : il ne sera pas écrasé.")
    db = open_database(path, create=True)
    with write_transaction(db):
        journal.init_identity(db, uuid7(), desk_label, role)
        communes.load_reference(db)
        set_convention(
            db,
            Convention(
                convention_id=uuid7(),
                code_tag=new_tag(),
                title=title,
                organiser=ORGANISER,
                deliberation=DELIBERATION,
            ),
        )
    return db
