"""Which file a start opens: the command line first, then this laptop's desk file, then the
demo; never the demo in place of a desk file that was chosen."""

from pathlib import Path

import pytest

from desktop.start_target import StartTarget, resolve_start

DESK = "/srv/guichet/guichet1.sqlite"


@pytest.mark.parametrize(
    ("db_path", "demo", "remembered", "expected"),
    [
        # `guichet --db FILE` and `guichet --demo`: exactly as before, whatever is remembered.
        (Path("essai.sqlite"), False, DESK, StartTarget(Path("essai.sqlite"), False)),
        (Path("essai.sqlite"), True, DESK, StartTarget(Path("essai.sqlite"), True)),
        (None, True, DESK, StartTarget(None, True)),
        (None, True, "", StartTarget(None, True)),
        # A bare `guichet`: the desk file chosen in the first-start wizard...
        (None, False, DESK, StartTarget(Path(DESK), False, remembered=True)),
        # ...or, with none (wizard closed, « Démonstration seulement »), the demo as before.
        (None, False, "", StartTarget(None, True)),
    ],
)
def test_the_file_a_start_opens(db_path, demo, remembered, expected):
    assert resolve_start(db_path, demo, remembered) == expected


def test_a_remembered_file_is_used_even_when_it_is_not_there():
    # Whether it is there is the start check's business (it offers the latest backup):
    # resolving never swaps it for the demo.
    target = resolve_start(None, False, "/media/cle-usb/absent.sqlite")
    assert target.db_path == Path("/media/cle-usb/absent.sqlite")
    assert not target.demo and target.remembered
