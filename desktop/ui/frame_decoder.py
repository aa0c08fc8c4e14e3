"""Camera frames to badge codes: decode off the UI thread, one frame at a time, once per code.

`decode_frame` is the plain path (a QImage in, the QR texts out) that the tests feed with
rendered badges. `FrameDecoder` is what the camera uses: `submit(image)` starts a decode on a
thread pool unless one is already in flight (then the frame is dropped: a camera sends a new
one 30 ms later), and the codes go through `ScanDeduplicator` so a badge held in front of
the camera triggers `scanned(raw)` once, until it has left the view.
"""

import time
from collections.abc import Callable

import zxingcpp
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage

from desktop.models.scan_dedup import FORGET_AFTER_S, ScanDeduplicator
from desktop.ui.tasks import InlinePool

_FORMATS = zxingcpp.BarcodeFormat.QRCode


def decode_frame(image: QImage) -> list[str]:
    """The texts of the QR codes in `image`, in reading order. zxing-cpp reads a QImage but
    not every format (not premultiplied ARGB): grey levels are what it works on anyway."""
    if image.isNull():
        return []
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    found = zxingcpp.read_barcodes(grey, formats=_FORMATS)
    return [code.text for code in found if code.valid and code.text]


class _Relay(QObject):
    done = Signal(object)


class _DecodeJob(QRunnable):
    def __init__(self, image: QImage, relay: _Relay) -> None:
        super().__init__()
        self._image = image
        self._relay = relay

    def run(self) -> None:
        try:
            codes = decode_frame(self._image)
        except Exception:  # a damaged frame is a frame without a code, never a crash
            codes = []
        self._relay.done.emit(codes)


class FrameDecoder(QObject):
    """Frames in, `scanned(raw)` out (once per code while it stays in view).

    `decoded(codes)` reports every decoded frame (for a preview overlay or a test);
    `dropped` counts frames skipped because a decode was in flight."""

    scanned = Signal(str)
    decoded = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        pool: QThreadPool | InlinePool | None = None,
        clock: Callable[[], float] = time.monotonic,
        forget_after: float = FORGET_AFTER_S,
    ) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._clock = clock
        self._dedup = ScanDeduplicator(forget_after)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._job: _DecodeJob | None = None
        self.dropped = 0
        self.frames = 0

    @property
    def busy(self) -> bool:
        return self._job is not None

    def submit(self, image: QImage) -> bool:
        """Decode `image` unless a decode is already running; False when it was dropped."""
        if self._job is not None:
            self.dropped += 1
            return False
        self.frames += 1
        job = _DecodeJob(image.copy(), self._relay)
        job.setAutoDelete(False)  # Python keeps it until its result is delivered
        self._job = job
        self._pool.start(job)
        return True

    def reset(self) -> None:
        """Forget the codes in view (another camera was chosen)."""
        self._dedup.reset()

    def wait(self, msecs: int = 5_000) -> bool:
        return bool(self._pool.waitForDone(msecs))

    @Slot(object)
    def _finished(self, codes: list[str]) -> None:
        self._job = None
        self.decoded.emit(codes)
        for code in self._dedup.seen(codes, self._clock()):
            self.scanned.emit(code)
