"""Accessibility of the check-in screen (RGAA practice): contrast computed from the colours the
code uses, a name for every control as assistive technology reads it, every control reachable
with Tab / Shift+Tab, and the banner readable at 200 % text size (screenshots saved)."""

import json
import os
import shlex
import shutil
import subprocess
import sys
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


def test_the_window_fits_a_laptop_screen_at_200_percent(large_window):
    minimum = large_window.minimumSizeHint()
    assert minimum.width() <= 1366 and minimum.height() <= 768, minimum


# --- the check-in screen as a screen reader sees it (AT-SPI under Xvfb) -----------------------

# Run by the system's Python (python3-gi, gir1.2-atspi-2.0): find the app on the AT-SPI bus,
# read its tree, type a badge code and Enter through XTest as a scanner would, read it again.
ATSPI_DRIVER = r"""
import json, sys, time
import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi

APP, CODE, BANNER = sys.argv[1], sys.argv[2], sys.argv[3]
SKIPPED = ("table cell", "table row header", "list item")

def find_app(name, timeout=40):
    end = time.time() + timeout
    while time.time() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name and app.get_child_count():
                return app
        time.sleep(0.3)
    return None

def walk(node, depth=0, out=None):
    out = [] if out is None else out
    if node is None or depth > 20 or node.get_role_name() in SKIPPED:
        return out
    states = node.get_state_set()
    out.append({
        "depth": depth, "role": node.get_role_name(), "name": node.get_name() or "",
        "description": node.get_description() or "",
        "focusable": states.contains(Atspi.StateType.FOCUSABLE),
        "showing": states.contains(Atspi.StateType.SHOWING),
        "focused": states.contains(Atspi.StateType.FOCUSED),
        "node": node,
    })
    for i in range(min(node.get_child_count(), 80)):
        walk(node.get_child_at_index(i), depth + 1, out)
    return out

def plain(nodes):
    return [{k: v for k, v in n.items() if k != "node"} for n in nodes]

app = find_app(APP)
if app is None:
    print(json.dumps({"error": "no application named %s on the AT-SPI bus" % APP}))
    sys.exit(0)
time.sleep(0.5)
before = walk(app)
field = next((n for n in before if n["role"] == "text" and n["focused"]), None)
if field is not None:
    box = field["node"].get_extents(Atspi.CoordType.SCREEN)
    Atspi.generate_mouse_event(box.x + 20, box.y + box.height // 2, "b1c")
    time.sleep(0.5)
    Atspi.generate_keyboard_event(0, CODE, Atspi.KeySynthType.STRING)
    Atspi.generate_keyboard_event(0xFF0D, None, Atspi.KeySynthType.SYM)  # Return
banner = next((n for n in before if n["name"] == BANNER), None)
after = walk(app)
end = time.time() + 20  # a loaded machine may take a while: wait for the banner to change
while banner is not None and time.time() < end:
    now = next((n for n in after if n["name"] == BANNER), None)
    if now is not None and now["description"] != banner["description"]:
        break
    time.sleep(0.3)
    after = walk(app)
print(json.dumps({"before": plain(before), "after": plain(after)}))
"""

SYSTEM_PYTHON = "/usr/bin/python3"


def _atspi_missing() -> str | None:
    for tool in ("Xvfb", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path(SYSTEM_PYTHON).exists():
        return "no system python3"
    probe = "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"
    if subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True).returncode != 0:
        return "python3-gi with gir1.2-atspi-2.0 is not installed"
    return None


@pytest.fixture(scope="module")
def screen_reader_view(tmp_path_factory):
    """The AT-SPI tree of the real app (xcb platform under Xvfb, its own D-Bus session) before
    and after a badge is typed into it; the database file it used."""
    missing = _atspi_missing()
    if missing:
        pytest.skip(f"AT-SPI check not possible here: {missing}")
    from desktop.models.clock import system_clock
    from desktop.models.demo import create_demo

    folder = tmp_path_factory.mktemp("atspi")
    db_file = folder / "demo.guichet.sqlite"
    db = create_demo(db_file, system_clock)
    member = next(m for m in members.all_members(db) if m.surname == "DUBOIS")
    code = members.current_badge(db, member.id)
    db.close()
    driver = folder / "driver.py"
    driver.write_text(ATSPI_DRIVER, encoding="utf-8")
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        number = b""
        while not number.endswith(b"\n"):  # Xvfb writes the number, then a newline
            chunk = os.read(read_end, 16)
            if not chunk:
                break
            number += chunk
        display = ":" + number.decode().strip()
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")
        }
        env.update(
            DISPLAY=display,
            HOME=str(folder),
            XDG_CONFIG_HOME=str(folder / "config"),
            XDG_DATA_HOME=str(folder / "data"),
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        )
        probe = [sys.executable, "-c", "from PySide6.QtGui import QGuiApplication as A; A([])"]
        probed = subprocess.run(probe, env=env, capture_output=True, text=True, timeout=60)
        if probed.returncode != 0:
            pytest.skip(f"Qt's xcb platform cannot start here: {probed.stderr[-300:]}")
        app = f"{shlex.quote(sys.executable)} -m desktop --db {shlex.quote(str(db_file))}"
        script = (
            f"{app} --agent Lecteur > {shlex.quote(str(folder / 'app.log'))} 2>&1 & pid=$!; "
            f"{shlex.quote(SYSTEM_PYTHON)} {shlex.quote(str(driver))} Guichet {code} "
            f"{shlex.quote('Résultat du scan')}; kill $pid; wait $pid 2>/dev/null; true"
        )
        done = subprocess.run(
            ["dbus-run-session", "--", "bash", "-c", script],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            cwd=folder,
        )
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=30)
        os.close(read_end)  # only now: Xvfb dies if its pipe closes under it
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout + done.stderr
    tree = json.loads(lines[-1])
    assert "error" not in tree, tree["error"] + (folder / "app.log").read_text()
    return tree, db_file


def _node(nodes: list[dict], role: str, name: str) -> dict:
    found = [n for n in nodes if n["role"] == role and n["name"] == name]
    assert found, f"no {role} named {name!r}"
    return found[0]


@pytest.mark.slow
def test_a_screen_reader_finds_every_control_named(screen_reader_view):
    tree, _ = screen_reader_view
    before = tree["before"]
    frame = next(n for n in before if n["role"] == "frame")
    assert frame["name"].startswith("Guichet — ")
    scan_field = _node(before, "text", "Champ de scan des badges")
    assert scan_field["focused"] and scan_field["description"]
    assert _node(before, "text", "Recherche par nom")["focusable"]
    assert _node(before, "table", "Liste des membres de la séance")["focusable"]
    for text in ("Enregistrer l'arrivée (Entrée)", "Annuler une arrivée… (Ctrl+Z)"):
        assert _node(before, "push button", text)["showing"]
    banner = _node(before, "panel", "Résultat du scan")
    assert banner["description"].startswith("Prêt : scannez un badge")
    unnamed = [
        f"{n['role']} (depth {n['depth']})"
        for n in before
        if n["focusable"] and n["showing"] and not n["name"].strip()
    ]
    assert unnamed == []


@pytest.mark.slow
def test_a_screen_reader_hears_the_scan_result(screen_reader_view):
    tree, db_file = screen_reader_view
    after = tree["after"]
    banner = _node(after, "panel", "Résultat du scan")
    assert banner["description"].startswith("Bienvenue, Émilie DUBOIS. Arrivée enregistrée")
    assert any(n["name"] == "Bienvenue, Émilie DUBOIS" for n in after if n["role"] == "label")
    import sqlite3

    with sqlite3.connect(db_file) as check:
        kinds = [row[0] for row in check.execute("SELECT kind FROM events")]
    assert kinds.count("checkin") == 1


@pytest.mark.slow
def test_a_screen_reader_hears_the_attendance_count(screen_reader_view):
    tree, _ = screen_reader_view
    counter = _node(tree["after"], "label", "Compteur de présences")
    assert "1 / " in counter["name"] + counter["description"]
