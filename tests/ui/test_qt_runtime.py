"""Guards on the Qt runtime itself, and the background-task helper on a real thread."""

import sys
import threading

import PySide6
from PySide6.QtWidgets import QApplication

from desktop.ui.tasks import TaskRunner


def test_pyside_is_below_6_12():
    # 6.12.0 drops a reference to None on every void call under Python 3.11 (ENVIRONMENT.md).
    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12)


def test_none_refcount_canary(qapp):
    before = sys.getrefcount(None)
    for _ in range(3000):
        QApplication.processEvents()
    assert before - sys.getrefcount(None) < 50


def test_task_runs_off_the_gui_thread_and_reports_back(qtbot):
    runner = TaskRunner()
    seen: dict[str, object] = {}
    gui_thread = threading.get_ident()

    def work(progress):
        seen["worker"] = threading.get_ident()
        progress(1, 2)
        return 42

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(
            "essai", work, lambda r: seen.update(result=r, on=threading.get_ident()), seen.update
        )
    assert seen["result"] == 42
    assert seen["worker"] != gui_thread and seen["on"] == gui_thread


def test_task_failure_is_delivered(qtbot):
    runner = TaskRunner()
    errors: list[Exception] = []

    def work(progress):
        raise OSError("disque plein")

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start("essai", work, lambda r: None, errors.append)
    assert [str(e) for e in errors] == ["disque plein"]
