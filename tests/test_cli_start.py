"""The command line: the desk's start does not load what only the office's commands need."""

import subprocess
import sys

import pytest

from desktop.cli import names_a_command


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], False),
        (["--demo"], False),
        (["--db", "status", "--agent", "Martin"], False),  # a file called "status"
        (["--db=desk.sqlite", "--password-file", "pw.txt"], False),
        (["--office", "bureau.sqlite"], False),
        (["status", "--db", "f.sqlite"], True),
        (["--db", "f.sqlite", "export"], True),
        (["stauts"], True),  # a typo still gets argparse's list of commands
        (["--help"], True),
    ],
)
def test_which_command_lines_name_a_command(argv, expected):
    assert names_a_command(argv) is expected


def _modules_after(argv: list[str]) -> set[str]:
    script = (
        "import sys; from desktop.cli import build_parser, names_a_command;"
        f"argv = {argv!r}; build_parser(names_a_command(argv));"
        "print(' '.join(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_the_desk_start_does_not_import_the_pdf_and_spreadsheet_libraries():
    loaded = _modules_after(["--db", "desk.sqlite", "--agent", "Martin"])
    assert not {"reportlab", "openpyxl", "pyzipper", "desktop.commands.report"} & loaded
    assert "desktop.commands.report" in _modules_after(["report", "--db", "bureau.sqlite"])


def test_version_and_unknown_commands_still_answer():
    version = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.startswith("Guichet 0.")
    typo = subprocess.run(
        [sys.executable, "-m", "desktop", "stauts"], capture_output=True, text=True
    )
    assert typo.returncode == 2 and "invalid choice: 'stauts'" in typo.stderr
