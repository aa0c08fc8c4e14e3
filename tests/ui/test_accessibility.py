"""Accessibility of the check-in screen (RGAA practice): contrast computed from the colours the
code uses, a name for every control as assistive technology reads it, every control reachable
with Tab / Shift+Tab, and the banner readable at 200 % text size (screenshots saved)."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.models import members
from desktop.ui.main_window import MainWindow
from desktop.ui.roster_model import COL_PRESENCE
from desktop.ui.sounds import Sounds
from desktop.ui.tasks import InlinePool, TaskRunner
from desktop.ui.wording import COLOURS, Role
from tests.ui.conftest import scan

WCAG_AA = 4.5


# --- contrast ----------------------------------------------------------------------------------


def relative_luminance(colour: str | QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    qcolour = QColor(colour)
    assert qcolour.isValid(), colour

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(qcolour.red())
        + 0.7152 * linear(qcolour.green())
        + 0.0722 * linear(qcolour.blue())
    )


def contrast(first: str | QColor, second: str | QColor) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_matches_wcag_reference_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic fail
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic pass


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
def test_every_banner_role_has_readable_text(role):
    background, foreground = COLOURS[role]
    assert contrast(background, foreground) >= WCAG_AA, (role, background, foreground)


def _row_of(window, member_id: str) -> int:
    position = window.model.position_of(member_id)
    assert position is not None
    return position


def test_roster_presence_colours_are_readable_on_the_view(qtbot, window, demo_db):
    present = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    absent = next(m for m in members.all_members(demo_db) if m.surname == "MARTIN")
    code = members.current_badge(demo_db, present.id)
    assert code
    scan(qtbot, window.scan_field, code)
    palette = window.roster_view.palette()
    backgrounds = [
        palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base),
        palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.AlternateBase),
        palette.color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Base),
    ]
    for member in (present, absent):
        index = window.model.index(_row_of(window, member.id), COL_PRESENCE)
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        assert brush is not None, "the presence column sets its own colour"
        for background in backgrounds:
            ratio = contrast(brush.color(), background)
            assert ratio >= WCAG_AA, (member.surname, brush.color().name(), background.name())
        # Never colour alone: the words differ too.
        assert index.data() in ("✔ présent·e", "attendu·e", "attendu·e (suppléant·e)")


@pytest.mark.xfail(
    strict=True,
    reason="Fusion's selection (white on #308cc6) reads at 3.7:1; a selection colour such as "
    "#1a5f8f would pass: for the lead (main_window palette or a stylesheet)",
)
def test_the_selected_roster_row_is_readable(window):
    palette = window.roster_view.palette()
    highlight = palette.color(QPalette.ColorRole.Highlight)
    text = palette.color(QPalette.ColorRole.HighlightedText)
    assert contrast(highlight, text) >= WCAG_AA


# --- names and keyboard ------------------------------------------------------------------------


def _focusable(window: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in window.findChildren(QWidget)
        if widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.window() is window
    ]


def _accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces (accessibleName, or the text / buddy label)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return interface.text(QAccessible.Text.Name).strip()


def _unnamed(window: QWidget) -> list[str]:
    missing = []
    for widget in _focusable(window):
        name = _accessible_name(widget)
        if len(name.strip("0123456789/ ")) < 2:  # a bare "1" or "3 / P" says nothing
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}: {name!r}")
    return missing


def test_every_control_has_an_accessible_name(qtbot, window, demo_db):
    assert _focusable(window), "the check-in screen has controls"
    assert _unnamed(window) == []
    # With the hand-out panel open: its line keys and buttons as well.
    member = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    code = members.current_badge(demo_db, member.id)
    assert code
    scan(qtbot, window.scan_field, code)
    assert window.handout_panel.isVisible()
    assert _unnamed(window) == []


def _reachable_by_tab(qtbot, window: QWidget, start: QWidget) -> set[QWidget]:
    """Every widget that focus reaches from `start` with Tab and Shift+Tab key presses."""
    seen = {start}
    todo = [start]
    while todo:
        widget = todo.pop()
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            widget.setFocus()
            qtbot.keyClick(widget, key)
            reached = QApplication.focusWidget()
            if reached is not None and reached not in seen and reached.window() is window:
                seen.add(reached)
                todo.append(reached)
        window.back_to_scan()
    return seen


@pytest.mark.xfail(
    strict=True,
    reason="the roster view keeps Tab for moving between its cells (tabKeyNavigation is on), "
    "so Tab and Shift+Tab never leave it; with roster_view.setTabKeyNavigation(False) in "
    "main_window.py (the arrows already move the selection) every control is reached",
)
def test_tab_and_shift_tab_reach_every_control(qtbot, window):
    """The scan field keeps Tab for scanners that end with Tab, but Shift+Tab leaves it."""
    reached = _reachable_by_tab(qtbot, window, window.scan_field)
    missing = [
        f"{type(w).__name__} {w.objectName()!r}" for w in _focusable(window) if w not in reached
    ]
    assert missing == []


def test_tab_never_leaves_the_scan_field(qtbot, window):
    """A scanner that ends its code with Tab must not move the focus away."""
    window.scan_field.setFocus()
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.scan_field


# --- 200 % text size ---------------------------------------------------------------------------


@pytest.fixture
def large_text(qapp):
    original = qapp.font()
    doubled = qapp.font()
    doubled.setPointSizeF(original.pointSizeF() * 2)
    QApplication.setFont(doubled)
    yield doubled
    QApplication.setFont(original)


@pytest.fixture
def large_window(qtbot, large_text, demo_db, db_path, desk, clock):
    win = MainWindow(
        demo_db,
        db_path,
        desk,
        clock,
        tasks=TaskRunner(pool=InlinePool()),
        sounds=Sounds(enabled=False),
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _clipped(label: QLabel) -> str | None:
    """Why the label does not show all its text, or None when it does."""
    QApplication.processEvents()
    if not label.isVisible():
        return "hidden"
    size = label.size()
    hint = label.sizeHint()
    if label.wordWrap():
        needed = label.heightForWidth(size.width())
        if needed > size.height():
            return f"needs {needed}px of height, has {size.height()}"
        longest_word = max(
            (label.fontMetrics().horizontalAdvance(w) for w in label.text().split()), default=0
        )
        if longest_word > size.width():
            return f"a word of {longest_word}px in {size.width()}px"
        return None
    if hint.width() > size.width() or hint.height() > size.height():
        return f"sizeHint {hint.width()}x{hint.height()} > {size.width()}x{size.height()}"
    return None


def _screenshot(window: QWidget, folder: Path, name: str) -> Path:
    QApplication.processEvents()  # pending layout requests, as the event loop would run them
    path = folder / f"{name}.png"
    assert window.grab().save(str(path))
    extra = os.environ.get("GUICHET_SCREENSHOTS")  # a folder to keep them, for a person to look
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(extra) / path.name))
    return path


def test_the_banner_stays_readable_at_200_percent_text(qtbot, large_window, demo_db, tmp_path):
    win = large_window
    assert win.font().pointSizeF() >= 2 * 8  # the doubled application font reached the window
    banner = win.banner
    assert _clipped(banner.title) is None and _clipped(banner.detail) is None
    assert _screenshot(win, tmp_path, "checkin-200-idle").stat().st_size > 0

    # The longest name of the demo, welcomed: title and detail fully shown.
    longest = max(members.all_members(demo_db), key=lambda m: len(m.display_name))
    code = members.current_badge(demo_db, longest.id)
    assert code
    scan(qtbot, win.scan_field, code)
    assert banner.current.role is Role.SUCCESS
    assert longest.surname in banner.title.text()
    assert _clipped(banner.title) is None, _clipped(banner.title)
    assert _clipped(banner.detail) is None, _clipped(banner.detail)
    _screenshot(win, tmp_path, "checkin-200-welcome")

    # A refusal with the longest explanation.
    qtbot.keyClick(win.handout_panel, Qt.Key.Key_Escape)
    scan(qtbot, win.scan_field, "GUXXXXBCDEFGHJKLNPRSTUVXYBCDEFGHJKLNPRS")
    assert banner.current.role is Role.ERROR
    assert _clipped(banner.title) is None, _clipped(banner.title)
    assert _clipped(banner.detail) is None, _clipped(banner.detail)
    _screenshot(win, tmp_path, "checkin-200-refusal")

    # The buttons say all their words too.
    for button in (win.checkin_button, win.undo_button):
        assert button.sizeHint().width() <= button.width(), button.text()


@pytest.mark.xfail(
    strict=True,
    reason="at 200 % the header row (convention title without word wrap, the session box "
    "kept 34 characters wide, the counter) needs ~1450 px: wider than a 1366 × 768 laptop "
    "screen. For the lead, in main_window.py: title_label.setWordWrap(True) and a smaller "
    "session_combo.setMinimumContentsLength, or the title on its own row",
)
def test_the_window_fits_a_laptop_screen_at_200_percent(large_window):
    minimum = large_window.minimumSizeHint()
    assert minimum.width() <= 1366 and minimum.height() <= 768, minimum
