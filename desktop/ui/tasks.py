"""Background work: run a callable on a QThreadPool, deliver the result on the GUI thread.

Never touch a widget from the worker. The pool is injectable: tests may run tasks inline.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]


class _Relay(QObject):
    """Lives on the GUI thread: the worker emits its signals, and because the receiving slots
    belong to this object, Qt delivers them as queued calls on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(
        self,
        runner: "TaskRunner",
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._on_success = on_success
        self._on_failure = on_failure
        self.job: QRunnable | None = None
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)
        self.progressed.connect(self._deliver_progress)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        self._runner._done(self)
        self._on_success(result)

    @Slot(object)
    def _deliver_failure(self, exc: Exception) -> None:
        self._runner._done(self)
        self._on_failure(exc)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        self._runner.progressed.emit(done, total)


class _Job(QRunnable):
    def __init__(self, work: Work, relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._relay.progressed.emit)
        except Exception as exc:  # delivered to on_failure, never lost in the thread
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class TaskRunner(QObject):
    """Starts jobs and tracks how many are running (for the progress indicator)."""

    started = Signal(str)
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(
        self, parent: QObject | None = None, pool: "QThreadPool | InlinePool | None" = None
    ) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    @property
    def running(self) -> int:
        return len(self._relays)

    def start(
        self,
        label: str,
        work: Work,
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        relay = _Relay(self, on_success, on_failure)
        self._relays.add(relay)
        self.started.emit(label)
        job = _Job(work, relay)
        # Python keeps the job alive until its result is delivered; Qt must not delete it.
        job.setAutoDelete(False)
        relay.job = job
        self._pool.start(job)

    def _done(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        if not self._relays:
            self.finished.emit()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)


class InlinePool:
    """A stand-in for QThreadPool that runs each job at once on the calling thread: for
    tests and for scripts that want the result before going on."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:
        return True


class TaskProgress(QWidget):
    """A label and a progress bar that follow a TaskRunner: shown while work runs (busy
    until the first progress report), hidden when all is done."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Progression"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        self.hide()
        runner.started.connect(self._started)
        runner.progressed.connect(self._progressed)
        runner.finished.connect(self._finished)

    def _started(self, label: str) -> None:
        self.label.setText(label)
        self.bar.setRange(0, 0)
        self.show()

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _finished(self) -> None:
        self.hide()
        self.label.clear()
