"""`guichet --self-test` run as a person (or the bundle check) runs it: a real subprocess."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the self-test goes offscreen by itself
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # no desk settings from this machine
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["TMPDIR"] = str(tmp_path)
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,  # nothing may depend on the current folder
        timeout=120,
    )


def test_self_test_checks_a_member_in_and_reads_the_badge_back(tmp_path):
    done = _run(["-m", "desktop", "--self-test"], tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Guichet ") and lines[0].endswith("autotest")
    text = done.stdout
    assert "Ressources présentes" in text
    assert "Base de démonstration créée" in text
    assert "plateforme Qt : offscreen" in text
    assert "Traductions : anglais chargé ('Ready: scan a badge')" in text
    scan = next(line for line in lines if line.startswith("Scan du badge de "))
    assert "bandeau « Bienvenue, " in scan and "Présents : 1 / " in scan
    assert "Page de badge rendue : badge.pdf" in text
    assert "QR code relu" in text  # zxing-cpp is part of the test extra
    assert "Accélérateur PDF (rl_accel) : présent" in text  # a dependency of the package
    assert lines[-1].startswith("Autotest réussi en ")
    # The temporary folder is gone: the self-test leaves nothing behind.
    assert not list(tmp_path.glob("guichet-autotest-*"))


def test_self_test_fails_with_the_reason_in_french(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    script = (
        "import sys; from pathlib import Path; import desktop.paths as p;"
        f"p.resources_dir = lambda: Path({str(empty)!r});"
        "from desktop.cli import main; sys.exit(main(['--self-test']))"
    )
    done = _run(["-c", script], tmp_path)
    assert done.returncode == 1
    assert "guichet : autotest échoué : ressources absentes" in done.stderr
    assert "Autotest réussi" not in done.stdout


def test_self_test_is_in_the_help(tmp_path):
    done = _run(["-m", "desktop", "--help"], tmp_path)
    assert done.returncode == 0
    assert "--self-test" in done.stdout
