"""Camera scanning fed with real frames: badges rendered from the demo file, then rotated,
blurred, darkened, cropped, as a webcam would see them; no camera needed."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageEnhance, ImageFilter
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame

from desktop.models import checkin
from desktop.models.checkin import Outcome
from desktop.models.convention import current_session
from desktop.models.documents.badges_pdf import badge_records, render_badges_pdf
from desktop.ui.camera_scanner import CameraDialog, CameraScanner
from desktop.ui.frame_decoder import FrameDecoder, decode_frame
from desktop.ui.tasks import InlinePool
from tests.ui.conftest import scan

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


class Ticks:
    """Monotonic seconds moved by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def badges(demo_db, tmp_path: Path):
    """The first page of the demo badges (8 members, A4) at 200 dpi, and its records."""
    records = badge_records(demo_db)[:8]
    pdf = tmp_path / "badges.pdf"
    render_badges_pdf(records, pdf)
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0].render(scale=200 / 72).to_pil().convert("RGB")
    finally:
        document.close()
    return page, records


def to_qimage(picture: Image.Image) -> QImage:
    """A PIL picture as the premultiplied ARGB image a video frame converts to."""
    rgba = picture.convert("RGBA")
    data = rgba.tobytes("raw", "RGBA")
    image = QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888)
    return image.copy().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def first_badge(page: Image.Image) -> Image.Image:
    """The top-left badge of an A4-8 page (the member alone, as held up to a webcam)."""
    width, height = page.size
    return page.crop((int(width * 0.08), int(height * 0.14), int(width * 0.5), int(height * 0.33)))


def dark(picture: Image.Image, factor: float = 0.3) -> Image.Image:
    """Low light: everything dimmer and greyer."""
    dimmer = ImageEnhance.Brightness(picture).enhance(factor)
    return ImageEnhance.Contrast(dimmer).enhance(0.6)


FRAMES = {
    "page": lambda page: page,
    "page turned 15°": lambda page: page.rotate(15, expand=True, fillcolor="white"),
    "page turned 90°": lambda page: page.rotate(90, expand=True),
    "page in low light": dark,
    "badge blurred": lambda page: first_badge(page).filter(ImageFilter.GaussianBlur(2.5)),
    "badge turned, blurred, dark": lambda page: dark(
        first_badge(page).rotate(-15, expand=True, fillcolor="white")
    ).filter(ImageFilter.GaussianBlur(1.5)),
    "badge upside down": lambda page: first_badge(page).rotate(180),
}


@pytest.mark.parametrize("name", list(FRAMES))
def test_a_frame_decodes_to_codes_that_check_the_right_members_in(
    name, badges, demo_db, desk, clock
):
    page, records = badges
    frame = FRAMES[name](page)
    codes = decode_frame(to_qimage(frame))
    expected = 1 if name.startswith("badge") else len(records)
    assert len(codes) == expected, name
    owners = {record.token: record.member_id for record in records}
    session = current_session(demo_db, clock())
    for code in codes:
        result = checkin.check_in(demo_db, code, session, desk, clock)
        assert result.outcome is Outcome.CHECKED_IN
        assert result.member is not None and result.member.id == owners[code]
    if name.startswith("badge"):
        assert codes == [records[0].token]


def test_a_blank_or_empty_frame_has_no_code():
    blank = QImage(640, 480, QImage.Format.Format_RGB32)
    blank.fill(0xFF808080)
    assert decode_frame(blank) == []
    assert decode_frame(QImage()) == []


def test_the_same_badge_in_view_triggers_once_until_it_leaves(badges):
    page, records = badges
    ticks = Ticks()
    decoder = FrameDecoder(pool=InlinePool(), clock=ticks)
    seen: list[str] = []
    decoder.scanned.connect(seen.append)
    badge = to_qimage(first_badge(page))
    empty = to_qimage(Image.new("RGB", (695, 444), "white"))
    for _ in range(30):  # one second of frames with the badge in view
        decoder.submit(badge)
        ticks.now += 1 / 30
    assert seen == [records[0].token]
    for _ in range(15):  # out of view for half a second only: the same hand, still no repeat
        decoder.submit(empty)
        ticks.now += 1 / 30
    decoder.submit(badge)
    assert seen == [records[0].token]
    ticks.now += 1.6  # gone for longer than 1.5 s: shown again, it counts again
    decoder.submit(badge)
    assert seen == [records[0].token, records[0].token]


def test_decoding_runs_off_the_ui_thread_one_frame_at_a_time(qtbot, badges):
    page, records = badges
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    decoder = FrameDecoder(pool=pool)
    frame = to_qimage(page)
    with qtbot.waitSignal(decoder.scanned, timeout=10_000) as first:
        assert decoder.submit(frame)
        # While a decode is in flight the next frames are dropped, not queued.
        assert decoder.busy
        assert not decoder.submit(frame)
        assert not decoder.submit(frame)
    assert first.args[0] in {record.token for record in records}
    qtbot.waitUntil(lambda: not decoder.busy, timeout=10_000)
    assert decoder.dropped == 2 and decoder.frames == 1
    pool.waitForDone(10_000)


def test_without_a_camera_the_dialog_says_so_and_the_window_carries_on(qtbot, window):
    dialog = CameraDialog(window, devices=[])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.has_camera
    assert "Aucune caméra détectée" in dialog.status.text()
    assert not dialog.camera_combo.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "camera-none.png"))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.isVisible()
    scan(qtbot, window.scan_field, badge_records(window.db)[0].token)
    assert window.last_result.outcome is Outcome.CHECKED_IN


def test_a_video_frame_reaches_the_check_in_like_a_scanner(qtbot, window, badges):
    """The frame path of a real camera (QVideoFrame → image → decoder) ends in the same
    slot as the scan field: same outcome, same banner."""
    page, records = badges
    scanner = CameraScanner(decoder=FrameDecoder(pool=InlinePool(), clock=Ticks()))
    dialog = CameraDialog(window, scanner=scanner, devices=[])
    qtbot.addWidget(dialog)
    dialog.scanned.connect(window.on_scanned)
    frame = QVideoFrame(to_qimage(first_badge(page)))
    for _ in range(5):
        scanner.on_frame(frame)
    assert window.last_result is not None
    assert window.last_result.outcome is Outcome.CHECKED_IN
    assert window.last_result.member.id == records[0].member_id
    assert "Badge lu" in dialog.status.text()
    events = window.db.execute(
        "SELECT COUNT(*) FROM events WHERE kind = 'checkin' AND member_id = ?",
        [records[0].member_id],
    ).fetchone()[0]
    assert events == 1  # five frames, one check-in
