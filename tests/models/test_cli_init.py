"""`guichet init`, then the real roster: the office's file holds exactly the people drawn."""

import subprocess
import sys

ROSTER = (
    "Nom;Prénom;Commune;Code postal;Pass;Menu\n"
    "LEFÈVRE;Jérôme;Saint-Jean-de-Védas;34430;aucun;végétarien\n"
    "ŒUVRARD;Béatrice;Pignan;34570;week-end;standard\n"
    "N'DIAYE;Ousmane;Pérols;34470;;sans porc\n"
    "BARTHÉLÉMY;Solène;Montpellier;34070;7j-7;\n"
)


def _guichet(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_init_then_the_roster_gives_exactly_the_members_drawn(tmp_path):
    office = tmp_path / "office.sqlite"
    done = _guichet("init", "--db", office, "--title", "Convention citoyenne sur l'IA")
    assert done.returncode == 0, done.stderr
    assert "Convention créée" in done.stdout and "aucun membre" in done.stdout

    empty = _guichet("status", "--db", office, "--date", "2023-11-11", "--csv")
    assert empty.returncode == 0, empty.stderr
    assert len(empty.stdout.splitlines()) == 1  # the header only: no fictitious people

    roster = tmp_path / "tirage.csv"
    roster.write_text(ROSTER, encoding="utf-8-sig")
    imported = _guichet("import-roster", "--db", office, roster)
    assert imported.returncode == 0, imported.stderr
    assert "Nouveaux : 4" in imported.stdout

    status = _guichet("status", "--db", office, "--date", "2023-11-11", "--csv")
    assert status.returncode == 0, status.stderr
    header, *rows = [line.split(";") for line in status.stdout.lstrip("\ufeff").splitlines()]
    assert header[:5] == ["Séance", "Nom", "Prénom", "Commune", "Présent"]
    assert sorted((row[1], row[2], row[3], row[4]) for row in rows) == [
        ("BARTHÉLÉMY", "Solène", "Montpellier", "non"),
        ("LEFÈVRE", "Jérôme", "Saint-Jean-de-Védas", "non"),
        ("N'DIAYE", "Ousmane", "Pérols", "non"),
        ("ŒUVRARD", "Béatrice", "Pignan", "non"),
    ]
    assert {row[0] for row in rows} == {"Week-end 1 — 11/11/2023 (journée)"}

    badges = _guichet("badges", "--db", office, "--out", tmp_path / "badges.pdf")
    assert badges.returncode == 0, badges.stderr
    assert "4 badge(s)" in badges.stdout
    assert (tmp_path / "badges.pdf").read_bytes().startswith(b"%PDF")


def test_init_on_an_existing_file_refuses_in_french_and_changes_nothing(tmp_path):
    office = tmp_path / "office.sqlite"
    assert _guichet("init", "--db", office).returncode == 0
    before = office.read_bytes()
    again = _guichet("init", "--db", office, "--title", "Autre convention")
    assert again.returncode != 0
    assert again.stderr.startswith("guichet : ") and "existe déjà" in again.stderr
    assert "ne sera pas écrasé" in again.stderr
    assert office.read_bytes() == before

    no_title = _guichet("init", "--db", tmp_path / "sans-titre.sqlite", "--title", "  ")
    assert no_title.returncode != 0 and "titre de la convention est vide" in no_title.stderr
    assert not (tmp_path / "sans-titre.sqlite").exists()


def test_init_is_listed_with_its_french_help():
    listed = _guichet("--help")
    assert listed.returncode == 0
    text = " ".join(listed.stdout.split())  # argparse wraps the help at the terminal's width
    assert "init créer le fichier de la convention (calendrier réel, sans membres)" in text
