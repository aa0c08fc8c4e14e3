"""The same code seen frame after frame triggers once, until it has left the view."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.models.scan_dedup import FORGET_AFTER_S, ScanDeduplicator

FRAME = 1 / 30


def test_a_code_held_in_view_triggers_once():
    dedup = ScanDeduplicator()
    triggered = [dedup.seen(["GUABC"], i * FRAME) for i in range(90)]  # 3 s in view
    assert triggered[0] == ["GUABC"]
    assert all(t == [] for t in triggered[1:])


def test_a_code_must_leave_the_view_for_the_whole_delay_to_count_again():
    dedup = ScanDeduplicator(forget_after=1.5)
    assert dedup.seen(["A"], 0.0) == ["A"]
    assert dedup.seen([], 1.0) == []
    assert dedup.seen(["A"], 1.4) == []  # back in view before 1.5 s: the same showing
    assert dedup.seen(["A"], 2.8) == []  # 1.4 s since last seen
    assert dedup.in_view(4.29) == {"A"}
    assert dedup.seen(["A"], 4.31) == ["A"]  # 1.5 s out of view: a new showing


def test_two_badges_in_one_frame_each_trigger_once_in_frame_order():
    dedup = ScanDeduplicator()
    assert dedup.seen(["B", "A", "B"], 0.0) == ["B", "A"]
    assert dedup.seen(["A", "C"], FRAME) == ["C"]


def test_dropped_frames_do_not_make_a_code_trigger_again():
    """The decoder skips frames while busy: gaps shorter than the delay change nothing."""
    dedup = ScanDeduplicator()
    times = [0.0, 0.4, 0.9, 1.3, 2.0, 2.6]
    assert [dedup.seen(["X"], t) for t in times] == [["X"], [], [], [], [], []]


def test_reset_forgets_and_bad_delays_are_refused():
    dedup = ScanDeduplicator()
    dedup.seen(["X"], 0.0)
    dedup.reset()
    assert dedup.seen(["X"], 0.1) == ["X"]
    assert dedup.seen(["", ""], 0.2) == []
    with pytest.raises(ValueError):
        ScanDeduplicator(forget_after=0)


@given(st.lists(st.tuples(st.floats(0, 0.5), st.booleans()), max_size=200))
def test_a_code_triggers_exactly_when_it_comes_back_after_the_delay(steps):
    """Random showings: it triggers on a frame iff it was not seen in the previous
    FORGET_AFTER_S seconds."""
    dedup = ScanDeduplicator()
    now, last_seen = 0.0, None
    for gap, visible in steps:
        now += gap
        fired = dedup.seen(["X"] if visible else [], now)
        if visible:
            expected = last_seen is None or now - last_seen >= FORGET_AFTER_S
            assert fired == (["X"] if expected else [])
            last_seen = now
        else:
            assert fired == []
