"""Shared fixtures: a real demo convention file on disk, a controllable clock, the desk."""

import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never read nor write this machine's desk settings, demo file or backups: the user
# folders point into a scratch folder for the whole run.
os.environ["GUICHET_TEST_SCRATCH"] = tempfile.mkdtemp(prefix="guichet-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(os.environ["GUICHET_TEST_SCRATCH"], "config")
os.environ["XDG_DATA_HOME"] = os.path.join(os.environ["GUICHET_TEST_SCRATCH"], "data")

from hypothesis import settings

from desktop.models.demo import create_demo
from desktop.models.journal import Desk, local_desk

# Property tests draw the same examples on every run, so a build is green or red for the code,
# not for the luck of the draw; GUICHET_HYPOTHESIS_RANDOM=1 explores new examples.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile("explore" if os.environ.get("GUICHET_HYPOTHESIS_RANDOM") else "repeatable")

# Saturday 11 November 2023, 09:12 in Montpellier: weekend 1, lunch provided.
SATURDAY_MORNING = datetime(2023, 11, 11, 8, 12, tzinfo=UTC)


class StepClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> StepClock:
    return StepClock(SATURDAY_MORNING)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "demo.guichet.sqlite"


@pytest.fixture
def demo_db(db_path: Path, clock: StepClock) -> Iterator[sqlite_utils.Database]:
    db = create_demo(db_path, clock)
    yield db
    db.close()


@pytest.fixture
def desk(demo_db: sqlite_utils.Database) -> Desk:
    return local_desk(demo_db, "Martin")
