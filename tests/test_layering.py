"""The domain runs without a GUI: no desktop.models module may load PySide6."""

import pkgutil
import subprocess
import sys

import desktop.models


def test_models_never_import_qt():
    names = [
        f"desktop.models.{m.name}"
        for m in pkgutil.walk_packages(desktop.models.__path__)
        if not m.name.startswith("_")
    ]
    assert "desktop.models.checkin" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "", f"Qt loaded by the domain: {done.stdout}"
