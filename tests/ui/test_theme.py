"""Themes and large text: contrast computed from the palette, focus frames, and the check-in
window still readable at 200 % (screenshots in build/screenshots/)."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.ui import theme
from desktop.ui.settings import HIGH_CONTRAST, STANDARD
from desktop.ui.wording import COLOURS, Role

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
MINIMUM = {STANDARD: 4.5, HIGH_CONTRAST: 7.0}


@pytest.fixture
def themed(qapp):
    yield qapp
    theme.restore_default(qapp)


def test_contrast_ratio_matches_wcag_reference_values():
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("name", [STANDARD, HIGH_CONTRAST])
def test_every_text_pair_of_the_palette_is_readable(name):
    colours = theme.PALETTES[name]
    for text, background in theme.TEXT_PAIRS:
        ratio = theme.contrast_ratio(colours[text], colours[background])
        assert ratio >= MINIMUM[name], (name, text, background, ratio)
    for background in (QPalette.ColorRole.Window, QPalette.ColorRole.Button):
        error = theme.contrast_ratio(theme.ERROR_TEXT[name], colours[background])
        assert error >= MINIMUM[name], (name, "error", background, error)
        disabled = theme.contrast_ratio(theme.DISABLED_TEXT[name], colours[background])
        assert disabled >= 4.5, (name, "disabled", background, disabled)
        # the focus frame and control borders are non-text: >= 3:1 (WCAG 1.4.11)
        assert theme.contrast_ratio(theme.FOCUS[name], colours[background]) >= 3.0
        assert theme.contrast_ratio(theme.BORDER[name], colours[background]) >= 3.0
    for present in (True, False):
        for base in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
            colour = theme.PRESENCE_COLOURS[name][present]
            assert theme.contrast_ratio(colour, colours[base]) >= MINIMUM[name], (name, present)


@pytest.mark.parametrize(
    ("name", "colours"), [(STANDARD, COLOURS), (HIGH_CONTRAST, theme.HIGH_CONTRAST_COLOURS)]
)
def test_banner_colours_are_readable_in_both_themes(name, colours):
    assert set(colours) == set(Role)
    for role, (background, text) in colours.items():
        assert theme.contrast_ratio(background, text) >= MINIMUM[name], (name, role)


def test_apply_theme_sets_the_palette_the_banner_colours_and_the_font(themed):
    base = themed.font().pointSizeF()
    theme.apply_theme(themed, HIGH_CONTRAST, 200)
    palette = themed.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
    assert palette.color(QPalette.ColorRole.Highlight).name() == "#ffff00"
    assert theme.banner_colours(Role.SUCCESS) == theme.HIGH_CONTRAST_COLOURS[Role.SUCCESS]
    assert themed.font().pointSizeF() == pytest.approx(max(base, 10) * 2)
    assert ":focus" in themed.styleSheet() and "#ffff00" in themed.styleSheet()
    theme.apply_theme(themed, STANDARD, 100)
    assert theme.banner_colours(Role.SUCCESS) == COLOURS[Role.SUCCESS]
    assert themed.font().pointSizeF() == pytest.approx(max(base, 10))


def test_stylesheet_font_sizes_follow_the_text_size(themed, qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setStyleSheet("font-size: 20pt; padding: 6px;")
    field.show()  # a shown widget is polished: later changes come as StyleChange events
    theme.apply_theme(themed, STANDARD, 150)
    assert "font-size: 30pt" in field.styleSheet()
    field.setStyleSheet("font-size: 12pt;")  # set again by the widget: scaled again, once
    assert field.styleSheet() == "font-size: 18pt;"
    theme.apply_theme(themed, STANDARD, 200)
    assert field.styleSheet() == "font-size: 24pt;"
    theme.apply_theme(themed, STANDARD, 100)
    assert field.styleSheet() == "font-size: 12pt;"


def test_focus_frame_is_visible_on_a_focused_button(themed, qtbot):
    theme.apply_theme(themed, HIGH_CONTRAST, 100)
    form = QWidget()
    qtbot.addWidget(form)
    row = QHBoxLayout(form)
    first, second = QPushButton("Un"), QPushButton("Deux")
    for widget in (first, second, QLineEdit()):
        row.addWidget(widget)
    form.show()
    form.activateWindow()
    qtbot.waitExposed(form)
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    image = second.grab().toImage()
    edge = image.pixelColor(1, image.height() // 2).name()
    assert edge == "#ffff00"  # the yellow frame, drawn on the focused button's edge
    unfocused = first.grab().toImage()
    assert unfocused.pixelColor(1, unfocused.height() // 2).name() != "#ffff00"


def _fully_visible(widget) -> None:
    assert widget.isVisible()
    assert widget.visibleRegion().boundingRect() == widget.rect(), widget.objectName()
    hint = widget.sizeHint()
    if widget.hasHeightForWidth():
        assert widget.height() >= widget.heightForWidth(widget.width()), widget.objectName()
    else:
        assert widget.height() >= hint.height(), widget.objectName()


@pytest.mark.parametrize("name", [STANDARD, HIGH_CONTRAST])
@pytest.mark.parametrize("scale", [100, 200])
def test_checkin_window_readable_at_large_text(themed, window, qtbot, monkeypatch, name, scale):
    # The banner and the roster take their colours from the theme (banner_colours,
    # presence_colour): nothing to patch.
    theme.apply_theme(themed, name, scale)
    window.banner.show_wording(window.banner.current, hold=False)
    window.resize(1366, 768)  # a field laptop's screen
    qtbot.wait(50)
    QApplication.processEvents()
    title = window.banner.title
    assert title.font().pointSizeF() >= 28 * scale / 100 - 0.5
    _fully_visible(title)
    _fully_visible(window.scan_field)
    window.scan_field.setFocus()
    qtbot.waitUntil(window.scan_field.hasFocus)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / f"checkin-{name}-{scale}.png"))
    assert window.scan_field.focusPolicy() != Qt.FocusPolicy.NoFocus


@pytest.mark.parametrize("name", [STANDARD, HIGH_CONTRAST])
def test_every_focusable_control_of_the_checkin_window_shows_the_focus_frame(
    themed, window, qtbot, name
):
    theme.apply_theme(themed, name, 100)
    focus = QColor(theme.FOCUS[name])
    checked = []
    for widget in window.findChildren(QWidget):
        if not (widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if widget.focusProxy() is not None or not widget.isEnabled():
            continue
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        image = widget.grab().toImage()
        edge = [image.pixelColor(1, y) for y in range(image.height())]
        hits = sum(1 for colour in edge if _close(colour, focus))
        assert hits >= image.height() // 3, (widget.objectName(), type(widget).__name__)
        checked.append(widget.objectName() or type(widget).__name__)
    assert {"scanField", "searchField", "sessionCombo", "rosterView"} <= set(checked)


def _close(colour: QColor, target: QColor) -> bool:
    return all(
        abs(a - b) <= 24
        for a, b in zip(
            (colour.red(), colour.green(), colour.blue()),
            (target.red(), target.green(), target.blue()),
            strict=True,
        )
    )


def test_table_headers_keep_their_whole_height_for_their_labels(themed, qtbot):
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    theme.apply_theme(themed, STANDARD, 100)
    model = QStandardItemModel(3, 2)
    model.setHorizontalHeaderLabels(["Importé le", "Empreinte (SHA-256)"])
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    # The view's frame and padding are not the headers': a framed header cut its labels.
    for header in (view.horizontalHeader(), view.verticalHeader()):
        assert header.contentsRect() == header.rect()
