"""Scanning with a camera (a laptop's webcam) when the desk has no USB scanner.

`CameraScanner` owns the Qt multimedia objects: a camera, a capture session and a preview
whose video sink hands each frame to a `FrameDecoder` (decoding runs on a worker; frames
arriving meanwhile are dropped before they are even converted). `CameraDialog` lets the
agent choose a camera and see what it sees; each badge read is emitted as `scanned(raw)`,
which the window connects to the same slot as the scan field, so the outcome, banner and
sound are the same as with a keyboard-wedge scanner. No camera: the dialog says so in words
and the rest of the application carries on.
"""

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.frame_decoder import FrameDecoder


def cameras() -> list[QCameraDevice]:
    """The cameras Qt can see now (empty on a machine without one)."""
    return list(QMediaDevices.videoInputs())


class CameraScanner(QObject):
    """One camera at a time; `scanned(raw)` for each badge that comes into view."""

    scanned = Signal(str)
    failed = Signal(str)  # French message: the camera stopped or could not start

    def __init__(self, parent: QObject | None = None, decoder: FrameDecoder | None = None):
        super().__init__(parent)
        self.decoder = decoder or FrameDecoder(self)
        self.decoder.scanned.connect(self.scanned)
        self._session = QMediaCaptureSession(self)
        self._camera: QCamera | None = None
        self._sink: QVideoSink | None = None

    @property
    def active(self) -> bool:
        return self._camera is not None and self._camera.isActive()

    def start(self, device: QCameraDevice, preview: QVideoWidget) -> None:
        """Show `device` in `preview` and decode what it sees."""
        self.stop()
        camera = QCamera(device, self)
        camera.errorOccurred.connect(self._camera_error)
        self._session.setCamera(camera)
        self._session.setVideoOutput(preview)
        self._sink = preview.videoSink()
        self._sink.videoFrameChanged.connect(self.on_frame)
        self._camera = camera
        self.decoder.reset()
        camera.start()

    def stop(self) -> None:
        if self._sink is not None:
            self._sink.videoFrameChanged.disconnect(self.on_frame)
            self._sink = None
        if self._camera is not None:
            self._camera.stop()
            self._session.setCamera(None)
            self._camera.deleteLater()
            self._camera = None

    @Slot(QVideoFrame)
    def on_frame(self, frame: QVideoFrame) -> None:
        """A new frame: converted and decoded only when no decode is in flight."""
        if self.decoder.busy or not frame.isValid():
            self.decoder.dropped += 1
            return
        image = frame.toImage()
        if not image.isNull():
            self.decoder.submit(image)

    def _camera_error(self, _error: QCamera.Error, text: str) -> None:
        self.failed.emit(self.tr("La caméra s'est arrêtée : {text}").format(text=text))


class CameraDialog(QDialog):
    """Choose a camera, see its picture, scan badges with it. Stays open beside the window
    (non-modal); Échap closes it (QDialog's own key) and the camera stops."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        scanner: CameraScanner | None = None,
        devices: list[QCameraDevice] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraDialog")
        self.setWindowTitle(self.tr("Scanner avec la caméra"))
        self.setAccessibleName(self.tr("Scanner avec la caméra"))
        self.scanner = scanner or CameraScanner(self)
        self.scanner.scanned.connect(self._scanned)
        self.scanner.failed.connect(self._show_status)
        self._devices = cameras() if devices is None else devices
        self._build()
        self._fill_devices()
        if devices is None:  # a webcam plugged in (or out) while the dialog is open
            self._media = QMediaDevices(self)
            self._media.videoInputsChanged.connect(self.rescan)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Caméra :"))
        self.camera_combo = QComboBox()
        self.camera_combo.setObjectName("cameraCombo")
        self.camera_combo.setAccessibleName(self.tr("Caméra utilisée pour scanner"))
        self.camera_combo.activated.connect(self._camera_chosen)
        label.setBuddy(self.camera_combo)
        row.addWidget(label)
        row.addWidget(self.camera_combo, 1)
        layout.addLayout(row)
        self.preview = QVideoWidget()
        self.preview.setObjectName("cameraPreview")
        self.preview.setAccessibleName(self.tr("Image de la caméra"))
        self.preview.setAccessibleDescription(
            self.tr(
                "Présentez le QR code du badge devant la caméra, à une vingtaine de centimètres."
            )
        )
        self.preview.setMinimumSize(480, 320)
        layout.addWidget(self.preview, 1)
        self.status = QLabel()
        self.status.setObjectName("cameraStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État de la caméra"))
        self.status.setStyleSheet("font-size: 13pt;")
        layout.addWidget(self.status)
        self.close_button = QPushButton(self.tr("Fermer (Échap)"))
        self.close_button.setObjectName("cameraClose")
        self.close_button.setAccessibleName(self.tr("Fermer la caméra"))
        self.close_button.clicked.connect(self.close)
        self.rescan_button = QPushButton(self.tr("&Rechercher les caméras (F5)"))
        self.rescan_button.setObjectName("cameraRescan")
        self.rescan_button.setAccessibleName(self.tr("Rechercher les caméras"))
        self.rescan_button.clicked.connect(lambda: self.rescan())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.rescan_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("F5"), self, lambda: self.rescan())
        self.resize(640, 520)

    def rescan(self, devices: list[QCameraDevice] | None = None) -> None:
        """Read the list of cameras again (F5, or Qt saw one plugged in or out)."""
        self.scanner.stop()
        self._devices = cameras() if devices is None else devices
        self._fill_devices()
        if self.isVisible() and self.has_camera:
            self._camera_chosen(self.camera_combo.currentIndex())

    def _fill_devices(self) -> None:
        self.camera_combo.clear()
        self.camera_combo.setEnabled(bool(self._devices))
        self.preview.setVisible(bool(self._devices))
        if not self._devices:
            self.camera_combo.addItem(self.tr("Aucune caméra"), None)
            self._show_status(
                self.tr(
                    "⚠ Aucune caméra détectée. Branchez une webcam (elle sera trouvée "
                    "d'elle-même, ou appuyez sur F5), ou scannez les badges avec le scanner "
                    "USB : le reste de Guichet fonctionne normalement."
                )
            )
            self.resize(560, 200)
            return
        self.resize(max(self.width(), 640), max(self.height(), 520))
        default = QMediaDevices.defaultVideoInput()
        for device in self._devices:
            self.camera_combo.addItem(device.description(), device)
        chosen = next((i for i, d in enumerate(self._devices) if d == default), 0)
        self.camera_combo.setCurrentIndex(chosen)

    @property
    def has_camera(self) -> bool:
        return bool(self._devices)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self.has_camera and not self.scanner.active:
            self._camera_chosen(self.camera_combo.currentIndex())
        if self.has_camera:
            self.camera_combo.setFocus()
        else:
            self.close_button.setFocus()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Échap (QDialog's own reject), the button or the window manager: the camera stops.
        self.scanner.stop()
        super().hideEvent(event)

    def _camera_chosen(self, position: int) -> None:
        device = self.camera_combo.itemData(position)
        if device is None:
            return
        self.scanner.start(device, self.preview)
        self._show_status(
            self.tr("Caméra « {name} » : présentez le QR code d'un badge.").format(
                name=device.description()
            )
        )

    def _scanned(self, raw: str) -> None:
        self._show_status(self.tr("Badge lu. Présentez le suivant."))
        self.scanned.emit(raw)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
