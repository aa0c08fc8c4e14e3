"""Run every benchmark script and print their tables, then `N/M budgets met` over all.

    .venv/bin/python benchmarks/run.py [--quick]

Each script under benchmarks/ prints its own table against a floor measured in the same run
and ends with a line "N/M budgets met".
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("desk.py", "roster_import.py", "badges_pdf.py", "merge.py", "export_reports.py")
TALLY = re.compile(r"^(\d+)/(\d+) budgets met\s*$", re.MULTILINE)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="reduced scale, under a minute")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}
    met = total = 0
    for name in SCRIPTS:
        script = HERE / name
        if not script.exists():
            print(f"== {name}: absent\n")
            continue
        command = [sys.executable, str(script)] + (["--quick"] if args.quick else [])
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        print(f"== {name}")
        print(done.stdout.rstrip())
        if done.returncode != 0:
            print(f"(failed, exit {done.returncode})\n{done.stderr[-2000:]}")
            total += 1
            continue
        tallies = TALLY.findall(done.stdout)
        if tallies:
            met += int(tallies[-1][0])
            total += int(tallies[-1][1])
        print()
    print(f"{met}/{total} budgets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
