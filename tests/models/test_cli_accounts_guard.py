"""Once a file has accounts, the commands that change data want a responsable's password."""

import subprocess
import sys

from desktop.models import accounts, members
from desktop.models.accounts import Role


def _guichet(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=60
    )


def test_reprint_and_conflict_resolution_need_a_password(demo_db, db_path, clock, tmp_path):
    accounts.create_account(demo_db, "Claire", Role.RESPONSABLE, "Resp0nsable-Sûre!", clock)
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, "Acc3uil-Guichet!", clock)
    member = members.all_members(demo_db)[0]
    old = members.current_badge(demo_db, member.id)
    out = tmp_path / "badge.pdf"
    reprint = ["badges", "--db", str(db_path), "--member", member.id, "--reprint"]
    reprint += ["--reason", "perdu", "--out", str(out)]

    refused = _guichet(*reprint)
    assert refused.returncode != 0 and "--password-file" in refused.stderr
    martin = tmp_path / "martin.txt"
    martin.write_text("Acc3uil-Guichet!\n", encoding="utf-8")
    too_low = _guichet(*reprint, "--agent", "Martin", "--password-file", str(martin))
    assert too_low.returncode != 0 and "responsable" in too_low.stderr
    assert members.current_badge(demo_db, member.id) == old  # nothing revoked
    claire = tmp_path / "claire.txt"
    claire.write_text("Resp0nsable-Sûre!\n", encoding="utf-8")
    done = _guichet(*reprint, "--agent", "Claire", "--password-file", str(claire))
    assert done.returncode == 0, done.stderr
    assert members.current_badge(demo_db, member.id) != old

    resolve = ["conflicts", "--office", str(db_path), "--resolve", "x", "--keep", "y"]
    resolve += ["--reason", "r", "--agent", "Claire"]
    no_password = _guichet(*resolve)
    assert no_password.returncode != 0 and "--password-file" in no_password.stderr
