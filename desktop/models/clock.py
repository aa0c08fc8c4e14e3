"""Time: stored as UTC ISO-8601, shown in Europe/Paris. The clock is injected for tests."""

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]
PARIS = ZoneInfo("Europe/Paris")


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(moment: datetime) -> Clock:
    """A clock that always answers `moment` (tests, replays)."""
    if moment.tzinfo is None:
        raise ValueError("a fixed clock needs an aware datetime")
    return lambda: moment


def to_utc_text(moment: datetime) -> str:
    """The one storage form of a time: UTC, ISO-8601, millisecond precision."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def from_utc_text(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def paris_day(moment: datetime) -> date:
    """The calendar day at the desk (Montpellier), whatever the machine's zone."""
    return moment.astimezone(PARIS).date()


def paris_hhmm(text_or_moment: str | datetime) -> str:
    moment = from_utc_text(text_or_moment) if isinstance(text_or_moment, str) else text_or_moment
    return moment.astimezone(PARIS).strftime("%H:%M")


def french_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")
