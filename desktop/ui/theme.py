"""Themes and text size: `apply_theme(app, theme, text_scale)`.

Two themes, both on the Fusion style so the palette is honoured on every platform:
- "standard": dark text on light backgrounds, a blue focus frame;
- "contraste": white on black, yellow focus and selection (every text pair >= 7:1).
Every focusable widget gets a visible focus frame (3 px) from the application stylesheet.

The text size (100, 150 or 200 %) scales the application font and also the `font-size: ..pt`
that widgets set in their own stylesheets (the banner's 28 pt title becomes 56 pt): a filter
rewrites a widget's stylesheet whenever it is set, keeping the original for the next change.
Fonts given by QFont in code are not rescaled: prefer stylesheet sizes.

The banner picks its colours with `banner_colours(role)`: COLOURS in the standard theme,
HIGH_CONTRAST_COLOURS in the high-contrast one.
"""

import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from desktop.ui.settings import HIGH_CONTRAST, STANDARD, TEXT_SCALES
from desktop.ui.wording import COLOURS, Role

# Banner background / text for the high-contrast theme: each pair >= 7:1, words + icon as ever.
HIGH_CONTRAST_COLOURS: dict[Role, tuple[str, str]] = {
    Role.IDLE: ("#000000", "#ffffff"),
    Role.SUCCESS: ("#003300", "#ffffff"),
    Role.WARNING: ("#ffff00", "#000000"),
    Role.ERROR: ("#5c0000", "#ffffff"),
    Role.INFO: ("#00004d", "#ffffff"),
}

# role -> colour, per theme. Text roles are checked against their backgrounds in the tests.
PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    STANDARD: {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#111827",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#eef1f5",
        QPalette.ColorRole.Text: "#111827",
        QPalette.ColorRole.PlaceholderText: "#4b5563",
        QPalette.ColorRole.Button: "#e5e7eb",
        QPalette.ColorRole.ButtonText: "#111827",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#0b4fb3",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#111827",
        QPalette.ColorRole.ToolTipText: "#ffffff",
        QPalette.ColorRole.Link: "#0b4fb3",
        QPalette.ColorRole.LinkVisited: "#5b21b6",
        # Fusion draws check boxes, arrows and frames with these: >= 3:1 on the window
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#d1d5db",
        QPalette.ColorRole.Mid: "#6b7280",
        QPalette.ColorRole.Dark: "#4b5563",
        QPalette.ColorRole.Shadow: "#111827",
    },
    HIGH_CONTRAST: {
        QPalette.ColorRole.Window: "#000000",
        QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Base: "#000000",
        QPalette.ColorRole.AlternateBase: "#1a1a1a",
        QPalette.ColorRole.Text: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#d0d0d0",
        QPalette.ColorRole.Button: "#000000",
        QPalette.ColorRole.ButtonText: "#ffffff",
        QPalette.ColorRole.BrightText: "#ffff00",
        QPalette.ColorRole.Highlight: "#ffff00",
        QPalette.ColorRole.HighlightedText: "#000000",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#000000",
        QPalette.ColorRole.Link: "#ffff00",
        QPalette.ColorRole.LinkVisited: "#ffd700",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#ffffff",
        QPalette.ColorRole.Mid: "#ffffff",
        QPalette.ColorRole.Dark: "#ffffff",
        QPalette.ColorRole.Shadow: "#ffffff",
    },
}
# Error messages under fields, on the window background (with an icon: never colour alone).
ERROR_TEXT = {STANDARD: "#b71c1c", HIGH_CONTRAST: "#ff9e9e"}
DISABLED_TEXT = {STANDARD: "#4b5563", HIGH_CONTRAST: "#c0c0c0"}
# The focus frame and the borders of controls (non-text: >= 3:1 against the window, WCAG 1.4.11).
FOCUS = {STANDARD: "#0b4fb3", HIGH_CONTRAST: "#ffff00"}
BORDER = {STANDARD: "#6b7280", HIGH_CONTRAST: "#ffffff"}
# Pairs (text, background) that must reach 4.5:1 (7:1 in high contrast).
TEXT_PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
)

_FOCUSABLE = (
    "QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit, "
    "QPlainTextEdit, QSlider"
)
_FONT_SIZE = re.compile(r"(font-size\s*:\s*)(\d+(?:\.\d+)?)(\s*)(pt|px)", re.IGNORECASE)
_ORIGINAL = "guichetOriginalStyleSheet"
_SCALED = "guichetScaledStyleSheet"


# Roster "présent / attendu" text colours on the table's Base, per theme (roster_model).
PRESENCE_COLOURS = {
    STANDARD: {True: "#1b5e20", False: "#5f4300"},
    HIGH_CONTRAST: {True: "#7dff7d", False: "#ffd54f"},
}


def presence_colour(present: bool) -> str:
    """Text colour of the roster's presence column in the theme in use (words say it too)."""
    return PRESENCE_COLOURS[current_theme()][present]


def error_colour() -> str:
    """Text colour of an error in the theme in use (readable on the window background)."""
    return ERROR_TEXT[current_theme()]


def error_style() -> str:
    """Stylesheet of an error label in the theme in use."""
    return f"color: {error_colour()}; font-weight: bold;"


def current_theme() -> str:
    app = QApplication.instance()
    value = app.property("guichetTheme") if app is not None else None
    return value if value in PALETTES else STANDARD


def current_scale() -> int:
    app = QApplication.instance()
    value = app.property("guichetTextScale") if app is not None else None
    return value if value in TEXT_SCALES else 100


def banner_colours(role: Role) -> tuple[str, str]:
    """(background, text) of the result banner for `role` in the theme in use."""
    return (HIGH_CONTRAST_COLOURS if current_theme() == HIGH_CONTRAST else COLOURS)[role]


def palette_for(theme: str) -> QPalette:
    palette = QPalette()
    for role, colour in PALETTES[theme].items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT[theme]))
    return palette


def stylesheet_for(theme: str) -> str:
    """The application stylesheet: a 3 px focus frame on every focusable widget (also shown
    in the colour of the palette's Highlight, so it never depends on colour alone: thickness)."""
    focus, border = FOCUS[theme], BORDER[theme]
    window = PALETTES[theme][QPalette.ColorRole.Window]
    button = PALETTES[theme][QPalette.ColorRole.Button]
    text = PALETTES[theme][QPalette.ColorRole.ButtonText]
    return (
        f"QPushButton, QToolButton {{ border: 1px solid {border}; border-radius: 4px;"
        f" padding: 5px 12px; background: {button}; color: {text}; }}"
        f"QPushButton:default {{ border: 2px solid {border}; padding: 4px 11px; }}"
        f"QPushButton:disabled {{ color: {DISABLED_TEXT[theme]}; }}"
        f"QLineEdit, QComboBox, QAbstractSpinBox"
        f" {{ border: 1px solid {border}; border-radius: 3px; padding: 3px; }}"
        # border + padding = 3 px in both states: Qt does not re-lay out on focus
        f"QAbstractItemView, QTextEdit, QPlainTextEdit"
        f" {{ border: 1px solid {border}; padding: 2px; }}"
        # A table's headers are item views too: without this they took the frame and padding
        # and cut their own labels and row numbers.
        f"QHeaderView {{ border: 0px; padding: 0px; }}"
        f"{_focus_selectors()} {{ border: 3px solid {focus}; }}"
        f"QPushButton:focus, QToolButton:focus {{ padding: 3px 10px; }}"
        f"QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus {{ padding: 1px; }}"
        f"QAbstractItemView:focus, QTextEdit:focus, QPlainTextEdit:focus {{ padding: 0px; }}"
        f"QCheckBox:focus, QRadioButton:focus {{ border: 3px solid {focus}; padding: 2px; }}"
        f"QCheckBox, QRadioButton {{ border: 3px solid transparent; padding: 2px; }}"
        f"QCheckBox::indicator, QRadioButton::indicator {{ width: 1em; height: 1em; }}"
        f"QToolTip {{ border: 1px solid {border}; }}"
        f"QMenuBar, QMenu {{ background: {window}; }}"
    )


def _focus_selectors() -> str:
    return ", ".join(f"{name.strip()}:focus" for name in _FOCUSABLE.split(","))


def scale_stylesheet(css: str, scale: int) -> str:
    """`css` with every `font-size: N pt|px` multiplied by scale/100."""
    if scale == 100:
        return css

    def grow(match: re.Match[str]) -> str:
        size = float(match.group(2)) * scale / 100
        return f"{match.group(1)}{size:g}{match.group(3)}{match.group(4)}"

    return _FONT_SIZE.sub(grow, css)


class _StyleScaler(QObject):
    """Rescales the font sizes of widget stylesheets (and keeps their focus frame), whenever
    a widget sets one."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.Polish) and isinstance(
            watched, QWidget
        ):
            rescale_widget(watched, current_scale())
        return False


def rescale_widget(widget: QWidget, scale: int) -> None:
    css = widget.styleSheet()
    if not css and widget.property(_ORIGINAL) is None:
        return
    if css != widget.property(_SCALED):  # set by the widget itself: that is the original
        widget.setProperty(_ORIGINAL, css)
    original = widget.property(_ORIGINAL) or ""
    scaled = scale_stylesheet(original, scale) + _own_focus_rule(widget, original)
    widget.setProperty(_SCALED, scaled)
    if css != scaled:
        widget.setStyleSheet(scaled)


def _own_focus_rule(widget: QWidget, css: str) -> str:
    """A widget whose own stylesheet has rules (`QTableView { ... }`) no longer takes the
    application's focus frame: the frame is added to its own sheet. The border and padding add
    up to 3 px focused or not: Qt does not re-lay a widget out when it gains focus."""
    theme = _state.get("theme")
    if "{" not in css or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or theme is None:
        return ""
    name = widget.metaObject().className()
    focus, border = FOCUS[str(theme)], BORDER[str(theme)]
    rule = f" {name}:focus {{ border: 3px solid {focus}; }}"
    if isinstance(widget, QAbstractScrollArea):
        rule = (
            f" {name} {{ border: 1px solid {border}; padding: 2px; }}"
            f" {name}:focus {{ border: 3px solid {focus}; padding: 0px; }}"
        )
    return rule


_state: dict[str, object] = {}


def apply_theme(app: QApplication, theme: str = STANDARD, text_scale: int = 100) -> None:
    """Apply `theme` ("standard" / "contraste") and `text_scale` (100/150/200) to the running
    application at once: palette, focus frames, application font, stylesheet font sizes."""
    theme = theme if theme in PALETTES else STANDARD
    text_scale = text_scale if text_scale in TEXT_SCALES else 100
    if "font" not in _state:  # what the application had before any theme: restore_default
        _state["font"] = QFont(app.font())
        _state["palette"] = QPalette(app.palette())
        _state["style"] = app.style().name()
        _state["stylesheet"] = app.styleSheet()
    app.setProperty("guichetTheme", theme)
    app.setProperty("guichetTextScale", text_scale)
    _state["theme"] = theme
    font = QFont(_state["font"])  # type: ignore[call-overload]
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(max(base, 10.0) * text_scale / 100)
    # With an application stylesheet in place, a new application font does not reach the
    # existing widgets: set the font with no stylesheet, then the style and the stylesheet.
    app.setStyleSheet("")
    app.setFont(font)
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette_for(theme))
    sheet = stylesheet_for(theme)
    if text_scale != 100:  # an application stylesheet stops the font reaching the widgets
        sheet = f"QWidget {{ font-size: {font.pointSizeF():g}pt; }}" + sheet
    app.setStyleSheet(sheet)
    _install_scaler(app, active=True)
    for widget in app.allWidgets():
        rescale_widget(widget, text_scale)


def _install_scaler(app: QApplication, active: bool) -> None:
    scaler = _state.get("scaler")
    if active and scaler is None:
        scaler = _StyleScaler(app)
        app.installEventFilter(scaler)
        _state["scaler"] = scaler
    elif not active and isinstance(scaler, _StyleScaler):
        app.removeEventFilter(scaler)
        scaler.deleteLater()
        del _state["scaler"]


def restore_default(app: QApplication) -> None:
    """Back to the application as it was before apply_theme (tests share one application)."""
    if "font" not in _state:
        return
    _install_scaler(app, active=False)
    _state["theme"] = None
    app.setProperty("guichetTheme", STANDARD)
    app.setProperty("guichetTextScale", 100)
    for widget in app.allWidgets():
        rescale_widget(widget, 100)
    # No stylesheet while the style changes: a style swapped under a stylesheet can crash.
    app.setStyleSheet("")
    if app.style().name().lower() != str(_state["style"]).lower():
        app.setStyle(str(_state["style"]))
    app.setPalette(_state["palette"])  # type: ignore[arg-type]
    app.setFont(_state["font"])  # type: ignore[arg-type]
    app.setStyleSheet(str(_state["stylesheet"]))
    _state.clear()


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    c = QColor(colour)

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(first: str, second: str) -> float:
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)
