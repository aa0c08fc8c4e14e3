"""The application-wide scan router: key events with controlled timestamps, real widgets."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop.models.checkin import Outcome
from desktop.models.documents.badges_pdf import badge_records
from desktop.ui.scan_router import IGNORE_PROPERTY, MIN_SCAN_LENGTH, ScanRouter

# A badge code as a scanner with an AIM prefix types it (]Q1 + 38 letters).
CODE_WITH_PREFIX = "]Q1GUTESTBCDEFGHIJKLNOPRSTUVXYBCDEFGHIJKL"


def key_of(ch: str) -> int:
    return ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0


def press(widget, ch: str, stamp: int, key: int | None = None) -> None:
    """One key press and release as the window system delivers them, with their time."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(
            kind, key_of(ch) if key is None else key, Qt.KeyboardModifier.NoModifier, ch
        )
        event.setTimestamp(stamp)
        QApplication.sendEvent(widget, event)


def type_timed(widget, text: str, start: int = 1_000, delay_ms: int = 5, end: str | None = "\r"):
    """`text` typed with `delay_ms` between keys, then the end key; returns the last time."""
    stamp = start
    for ch in text:
        press(widget, ch, stamp)
        stamp += delay_ms
    if end == "\r":
        press(widget, "\r", stamp, Qt.Key.Key_Return)
    elif end == "\t":
        press(widget, "\t", stamp, Qt.Key.Key_Tab)
    return stamp


@pytest.fixture
def router(qapp):
    router = ScanRouter()
    router.install()
    yield router
    router.uninstall()


@pytest.fixture
def form(qtbot):
    """A search box and a parking amount field, as on the real screens."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    search = QLineEdit(objectName="searchField")
    amount = QLineEdit(objectName="amountField")
    layout.addWidget(search)
    layout.addWidget(amount)
    qtbot.addWidget(widget)
    widget.show()
    yield search, amount
    widget.close()


def test_a_fast_burst_is_a_scan_and_the_field_is_left_as_it_was(qtbot, router, form):
    search, amount = form
    amount.setText("12,50")
    with qtbot.waitSignal(router.scanned, timeout=10_000) as blocker:
        type_timed(amount, CODE_WITH_PREFIX, delay_ms=4)
    assert blocker.args == [CODE_WITH_PREFIX]
    assert amount.text() == "12,50"
    with qtbot.waitSignal(router.scanned, timeout=10_000) as blocker:
        type_timed(search, CODE_WITH_PREFIX, start=5_000, delay_ms=20, end="\t")
    assert blocker.args == [CODE_WITH_PREFIX]
    assert search.text() == ""


def test_a_person_typing_ends_up_in_the_field(qtbot, router, form):
    search, _amount = form
    seen: list[str] = []
    router.scanned.connect(seen.append)
    returned: list[str] = []
    search.returnPressed.connect(lambda: returned.append(search.text()))
    type_timed(search, "saint jean de vedas", delay_ms=110)  # 19 keys, a person's pace
    assert seen == []
    assert search.text() == "saint jean de vedas"
    assert returned == ["saint jean de vedas"]  # the Entrée came after the replayed keys


def test_a_short_quick_word_is_replayed_after_a_pause(qtbot, router, form):
    search, _amount = form
    type_timed(search, "du", delay_ms=10, end=None)  # two keys rolled quickly
    assert router.holding == "du"  # held back until the run is classified
    qtbot.waitUntil(lambda: search.text() == "du", timeout=10_000)
    assert router.holding == ""


def test_a_burst_without_an_end_key_is_still_a_scan(qtbot, router, form):
    search, _amount = form
    with qtbot.waitSignal(router.scanned, timeout=10_000) as blocker:
        type_timed(search, CODE_WITH_PREFIX, delay_ms=3, end=None)
    assert blocker.args == [CODE_WITH_PREFIX]
    assert search.text() == ""


def test_a_pause_splits_a_person_from_a_scan(qtbot, router, form):
    """Someone typed "12" by hand, then scanned: "12" stays in the field, the code goes."""
    _search, amount = form
    stamp = type_timed(amount, "12", delay_ms=150, end=None)
    with qtbot.waitSignal(router.scanned, timeout=10_000) as blocker:
        type_timed(amount, CODE_WITH_PREFIX, start=stamp + 400, delay_ms=5)
    assert blocker.args == [CODE_WITH_PREFIX]
    assert amount.text() == "12"


def test_a_widget_marked_to_be_ignored_gets_every_key(qtbot, router, form):
    search, _amount = form
    search.setProperty(IGNORE_PROPERTY, True)
    seen: list[str] = []
    router.scanned.connect(seen.append)
    type_timed(search, CODE_WITH_PREFIX, delay_ms=2, end=None)
    assert search.text() == CODE_WITH_PREFIX and seen == []


def test_a_scan_typed_into_the_search_box_checks_the_member_in(qtbot, window):
    router = ScanRouter(window)
    router.install()
    try:
        router.scanned.connect(window.on_scanned)
        window.search_field.setFocus()
        record = badge_records(window.db)[3]
        type_timed(window.search_field, record.token, delay_ms=8)
        assert window.last_result is not None
        assert window.last_result.outcome is Outcome.CHECKED_IN
        assert window.last_result.member.id == record.member_id
        assert window.search_field.text() == ""
    finally:
        router.uninstall()


def test_a_scan_while_the_parking_receipt_is_open_never_lands_in_the_amount(qtbot, window):
    """The real receipt form over the real window: the amount keeps what the agent typed,
    the badge scanned meanwhile checks its member in."""
    from desktop.models import members
    from desktop.ui.parking_form import ParkingReceiptDialog

    router = ScanRouter(window)
    router.install()
    try:
        router.scanned.connect(window.on_scanned)
        member = next(m for m in members.all_members(window.db) if m.parking_eligible)
        assert window.session is not None
        form = ParkingReceiptDialog(
            window.db, window.desk, window.clock, member.id, window.session, window
        )
        qtbot.addWidget(form)
        form.show()
        amount = form.fields["amount"]
        amount.setFocus()
        stamp = type_timed(amount, "12,5", delay_ms=140, end=None)
        record = next(r for r in badge_records(window.db) if r.member_id != member.id)
        type_timed(amount, record.token, start=stamp + 600, delay_ms=6)
        qtbot.waitUntil(lambda: amount.text() == "12,5", timeout=10_000)
        assert window.last_result.outcome is Outcome.CHECKED_IN
        assert window.last_result.member.id == record.member_id
        assert form.isVisible()
    finally:
        router.uninstall()


_TYPABLE_CHARACTERS = st.characters(
    codec="utf-8", categories=("L", "N", "P", "S", "Zs"), exclude_characters="\u2028\u2029"
)
_TYPABLE = st.text(alphabet=_TYPABLE_CHARACTERS, min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(text=_TYPABLE, delays=st.lists(st.integers(30, 400), min_size=30, max_size=30))
def test_a_person_at_any_pace_above_the_limit_types_exactly_what_they_typed(qapp, text, delays):
    router = ScanRouter()
    router.install()
    field = QLineEdit()
    seen: list[str] = []
    router.scanned.connect(seen.append)
    try:
        stamp = 1_000
        for ch, delay in zip(text, delays, strict=False):
            stamp += delay
            press(field, ch, stamp)
        router.flush()
        assert field.text() == text and seen == []
    finally:
        router.uninstall()


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet=_TYPABLE_CHARACTERS, min_size=MIN_SCAN_LENGTH, max_size=60),
    delay=st.integers(0, 25),
)
def test_any_fast_burst_as_long_as_a_code_is_one_scan(qapp, text, delay):
    router = ScanRouter()
    router.install()
    field = QLineEdit()
    seen: list[str] = []
    router.scanned.connect(seen.append)
    try:
        type_timed(field, text, delay_ms=delay)
        assert seen == [text] and field.text() == ""
    finally:
        router.uninstall()


def test_space_on_a_focused_button_still_clicks_it(qtbot, router):
    from PySide6.QtWidgets import QPushButton

    button = QPushButton("Tout remettre")
    qtbot.addWidget(button)
    button.show()
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    press(button, " ", 5_000, Qt.Key.Key_Space)  # press and release at once: both held
    assert clicks == []
    qtbot.waitUntil(lambda: clicks == [True], timeout=10_000)


def test_a_quick_typists_name_stays_in_the_field(qtbot, router, form):
    """A name typed fast (keys 20 ms apart) is shorter than any code: it is typed, not scanned."""
    search, _amount = form
    seen: list[str] = []
    router.scanned.connect(seen.append)
    type_timed(search, "helene sorel", delay_ms=20, end=None)
    qtbot.waitUntil(lambda: search.text() == "helene sorel", timeout=10_000)
    assert seen == []
