"""Agents' accounts on a real file: hashing, the CNIL rule, lock-out as facts, PIN, overrides."""

import base64
import json
import re
from dataclasses import dataclass

import pytest

from desktop.cli import main
from desktop.models import accounts
from desktop.models.accounts import AccountError, AuthOutcome, Role

GOOD = "Convention-2023!"
OTHER = "Responsable#2024"


def _facts(db, kind):
    rows = db.execute(
        "SELECT agent, target_id, payload FROM events WHERE kind = ? ORDER BY seq", [kind]
    ).fetchall()
    return [(agent, target, json.loads(payload)) for agent, target, payload in rows]


def test_a_fresh_demo_has_no_accounts(demo_db):
    assert not accounts.has_accounts(demo_db)


def test_password_is_stored_only_as_a_salted_scrypt_hash(demo_db, clock):
    account = accounts.create_account(demo_db, "  Martin  ", Role.ACCUEIL, GOOD, clock, pin="4831")
    assert account.name == "Martin" and account.role is Role.ACCUEIL and account.has_pin
    assert accounts.has_accounts(demo_db)
    stored, pin = demo_db.execute("SELECT password_hash, pin_hash FROM accounts").fetchone()
    assert pin.startswith("scrypt$") and pin != stored
    scheme, n, r, p, salt, digest = stored.split("$")
    assert len(base64.b64decode(digest)) == 64
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt)) == 16
    dump = "\n".join(demo_db.iterdump())
    assert GOOD not in dump and "4831" not in dump
    # The same password twice gives two different hashes (random salt).
    assert accounts.hash_secret(GOOD) != accounts.hash_secret(GOOD)
    # The fact records the creation without any hash.
    [(agent, target, payload)] = _facts(demo_db, "account.create")
    assert (agent, target) == ("Martin", "Martin")
    assert payload == {"account": "Martin", "role": "accueil", "pin": True}
    assert "scrypt" not in json.dumps(payload)


@pytest.mark.parametrize(
    ("password", "words"),
    [
        ("Court-1!", "au moins 12 caractères (il en a 8)"),
        ("toutenminuscule1!", "une majuscule"),
        ("TOUTENMAJUSCULE1!", "une minuscule"),
        ("SansChiffre!!!!", "un chiffre"),
        ("SansSpecial12345", "un caractère spécial"),
        ("abcdefghijklmnop", "une majuscule, un chiffre et un caractère spécial"),
    ],
)
def test_weak_passwords_are_refused_with_the_precise_reason(demo_db, clock, password, words):
    with pytest.raises(AccountError, match=re.escape(words)):
        accounts.create_account(demo_db, "Martin", Role.ACCUEIL, password, clock)
    assert not accounts.has_accounts(demo_db)
    assert _facts(demo_db, "account.create") == []


def test_names_are_unique_whatever_the_case_and_pins_are_4_to_6_digits(demo_db, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, GOOD, clock)
    with pytest.raises(AccountError, match="déjà « martin »"):
        accounts.create_account(demo_db, "martin", Role.ACCUEIL, GOOD, clock)
    for pin in ("123", "1234567", "12a4", "١٢٣٤"):
        with pytest.raises(AccountError, match="4 à 6 chiffres"):
            accounts.set_pin(demo_db, "Martin", pin, clock, by="Martin")
    with pytest.raises(AccountError, match="trop facile"):
        accounts.set_pin(demo_db, "Martin", "0000", clock, by="Martin")
    with pytest.raises(AccountError, match="invisibles"):
        accounts.create_account(demo_db, "Ma\x00rtin", Role.ACCUEIL, GOOD, clock)


def test_authenticate_ok_and_wrong_then_lock_after_five_failures(demo_db, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, GOOD, clock)
    assert accounts.authenticate(demo_db, "martin", GOOD, clock).outcome is AuthOutcome.OK
    for left in (4, 3, 2, 1):
        result = accounts.authenticate(demo_db, "Martin", "mauvais", clock)
        assert result.outcome is AuthOutcome.WRONG_PASSWORD and result.remaining == left
    assert "Encore 1 essai avant" in accounts.message(result)
    locked = accounts.authenticate(demo_db, "Martin", "mauvais", clock)
    assert locked.outcome is AuthOutcome.LOCKED
    assert locked.locked_until == "2023-11-11T08:27:00.000+00:00"
    assert accounts.message(locked) == (
        "Compte verrouillé après 5 échecs jusqu'à 09:27 (un responsable peut le déverrouiller)."
    )
    # Even the right password is refused while locked, and that is not a new failure.
    assert accounts.authenticate(demo_db, "Martin", GOOD, clock).outcome is AuthOutcome.LOCKED
    assert len(_facts(demo_db, "account.failure")) == 5
    [(_, _, payload)] = _facts(demo_db, "account.locked")
    assert payload == {"account": "Martin", "failures": 5}
    clock.advance(minutes=15)
    assert accounts.authenticate(demo_db, "Martin", GOOD, clock).ok


def test_failures_after_an_expired_lock_lock_again(demo_db, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, GOOD, clock)
    for _ in range(5):
        accounts.authenticate(demo_db, "Martin", "x", clock)
    clock.advance(minutes=16)
    for _ in range(4):
        assert accounts.authenticate(demo_db, "Martin", "x", clock).outcome is (
            AuthOutcome.WRONG_PASSWORD
        )
    assert accounts.authenticate(demo_db, "Martin", "x", clock).outcome is AuthOutcome.LOCKED


def test_a_responsable_unlocks_at_once(demo_db, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, GOOD, clock)
    for _ in range(5):
        accounts.authenticate(demo_db, "Martin", "x", clock)
    accounts.unlock_account(demo_db, "Martin", clock, by="Claire")
    assert accounts.authenticate(demo_db, "Martin", GOOD, clock).ok
    [(agent, target, _)] = _facts(demo_db, "account.unlock")
    assert (agent, target) == ("Claire", "Martin")


def test_pin_unlocks_for_the_same_agent_and_counts_failures(demo_db, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, GOOD, clock, pin="4831")
    accounts.create_account(demo_db, "Léa", Role.ACCUEIL, GOOD, clock)
    assert accounts.check_pin(demo_db, "Martin", "4831", clock).ok
    assert accounts.check_pin(demo_db, "Léa", "4831", clock).outcome is AuthOutcome.NO_PIN
    for _ in range(4):
        accounts.check_pin(demo_db, "Martin", "0001", clock)
    assert accounts.check_pin(demo_db, "Martin", "0002", clock).outcome is AuthOutcome.LOCKED
    assert accounts.check_pin(demo_db, "Martin", "4831", clock).outcome is AuthOutcome.LOCKED


def test_unknown_and_inactive_agents(demo_db, clock):
    assert accounts.authenticate(demo_db, "Personne", GOOD, clock).outcome is (
        AuthOutcome.UNKNOWN_AGENT
    )
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, GOOD, clock)
    accounts.set_active(demo_db, "Martin", False, clock, by="Claire")
    assert accounts.authenticate(demo_db, "Martin", GOOD, clock).outcome is AuthOutcome.INACTIVE


def test_password_change_records_a_fact_without_the_hash(demo_db, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, GOOD, clock)
    accounts.change_password(demo_db, "Martin", OTHER, clock, by="Martin")
    assert not accounts.authenticate(demo_db, "Martin", GOOD, clock).ok
    assert accounts.authenticate(demo_db, "Martin", OTHER, clock).ok
    [(_, _, payload)] = _facts(demo_db, "account.password")
    assert payload == {"account": "Martin"}
    with pytest.raises(AccountError, match="au moins 12"):
        accounts.change_password(demo_db, "Martin", "court", clock, by="Martin")


def test_override_needs_a_responsable_and_records_both_names(demo_db, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, GOOD, clock)
    accounts.create_account(demo_db, "Claire", Role.RESPONSABLE, OTHER, clock)
    low = accounts.require_role(demo_db, "Martin", GOOD, clock, agent="Martin")
    assert low.outcome is AuthOutcome.INSUFFICIENT_ROLE and not low.ok
    wrong = accounts.require_role(demo_db, "Claire", GOOD, clock, agent="Martin")
    assert wrong.outcome is AuthOutcome.WRONG_PASSWORD
    with pytest.raises(ValueError):
        wrong.payload()
    approval = accounts.require_role(
        demo_db, "Claire", OTHER, clock, agent="Martin", action="second pass repas"
    )
    assert approval.ok
    assert approval.payload() == {
        "approved_by": "Claire",
        "approver_role": "responsable",
        "agent": "Martin",
    }
    [(agent, _, payload)] = _facts(demo_db, "account.approve")
    assert agent == "Claire" and payload["for_agent"] == "Martin"
    assert payload["action"] == "second pass repas"
    assert Role.BUREAU.at_least(Role.RESPONSABLE) and not Role.ACCUEIL.at_least(Role.RESPONSABLE)


def test_role_change_is_a_fact(demo_db, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, GOOD, clock)
    accounts.set_role(demo_db, "Martin", Role.RESPONSABLE, clock, by="Claire")
    assert accounts.get_account(demo_db, "Martin").role is Role.RESPONSABLE
    [(agent, _, payload)] = _facts(demo_db, "account.role")
    assert agent == "Claire" and payload == {"account": "Martin", "role": "responsable"}
    assert [a.name for a in accounts.list_accounts(demo_db)] == ["Martin"]
    with pytest.raises(AccountError, match="Aucun agent « Paul »"):
        accounts.set_role(demo_db, "Paul", Role.BUREAU, clock, by="Claire")


# --- the command line: `guichet accounts`, and a data-changing command once accounts exist ----


def _secret(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


@dataclass
class _Done:
    returncode: int
    stdout: str
    stderr: str


def _cli(capsys):
    """`guichet ...` in this process (the subprocess path is covered by test_desk_init)."""

    def run(*args):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return _Done(code, out, err)

    return run


def test_cli_accounts_and_import_roster_need_the_password_once_accounts_exist(
    demo_db, db_path, tmp_path, capsys
):
    run_cli = _cli(capsys)
    demo_db.close()
    good = _secret(tmp_path, "claire.txt", OTHER)
    new = _secret(tmp_path, "martin.txt", GOOD)
    roster = tmp_path / "liste.csv"
    roster.write_text("Nom;Prénom;Commune\nDUBOIS;Émilie;Montpellier\n", encoding="utf-8")

    listed = run_cli("accounts", "--db", db_path, "list")
    assert listed.returncode == 0 and "Aucun compte" in listed.stdout
    first = run_cli(
        "accounts",
        "--db",
        db_path,
        "add",
        "Martin",
        "--role",
        "accueil",
        "--new-password-file",
        new,
    )
    assert first.returncode == 1 and "le premier compte doit être « responsable »" in first.stderr
    weak = _secret(tmp_path, "faible.txt", "faible")
    refused = run_cli(
        "accounts",
        "--db",
        db_path,
        "add",
        "Claire",
        "--role",
        "responsable",
        "--new-password-file",
        weak,
    )
    assert refused.returncode == 1 and "au moins 12 caractères" in refused.stderr
    made = run_cli(
        "accounts",
        "--db",
        db_path,
        "add",
        "Claire",
        "--role",
        "responsable",
        "--new-password-file",
        good,
    )
    assert made.returncode == 0, made.stderr
    assert "Compte « Claire » créé (responsable)." in made.stdout
    # Now a second account needs a responsable's password.
    anonymous = run_cli(
        "accounts",
        "--db",
        db_path,
        "add",
        "Martin",
        "--role",
        "accueil",
        "--new-password-file",
        new,
    )
    assert anonymous.returncode == 1 and "--agent NOM et --password-file" in anonymous.stderr
    added = run_cli(
        "accounts",
        "--db",
        db_path,
        "--agent",
        "Claire",
        "--password-file",
        good,
        "add",
        "Martin",
        "--role",
        "accueil",
        "--new-password-file",
        new,
    )
    assert added.returncode == 0, added.stderr
    listed = run_cli("accounts", "--db", db_path, "list")
    assert listed.stdout.splitlines() == [
        "Claire\tresponsable\tactif\t-",
        "Martin\taccueil\tactif\t-",
    ]

    # import-roster: refused without the password, with an accueil's, with a wrong one.
    bare = run_cli("import-roster", "--db", db_path, roster)
    assert bare.returncode == 1 and "comptes d'agents" in bare.stderr
    low = run_cli(
        "import-roster", "--db", db_path, roster, "--agent", "Martin", "--password-file", new
    )
    assert low.returncode == 1 and "le rôle « responsable » au moins" in low.stderr
    wrong = run_cli(
        "import-roster", "--db", db_path, roster, "--agent", "Claire", "--password-file", new
    )
    assert wrong.returncode == 1 and "Mot de passe incorrect. Encore 4 essais" in wrong.stderr
    missing = run_cli(
        "import-roster",
        "--db",
        db_path,
        roster,
        "--agent",
        "Claire",
        "--password-file",
        tmp_path / "absent.txt",
    )
    assert missing.returncode == 1 and "fichier de mot de passe introuvable" in missing.stderr
    ok = run_cli(
        "import-roster", "--db", db_path, roster, "--agent", "Claire", "--password-file", good
    )
    assert "comptes d'agents" not in ok.stderr and "rôle" not in ok.stderr
    assert "Mot de passe" not in ok.stderr

    # passwd: one's own with one's password; unlock: a responsable.
    newer = _secret(tmp_path, "nouveau.txt", "Nouveau-Mot2Passe")
    changed = run_cli(
        "accounts",
        "--db",
        db_path,
        "--agent",
        "Martin",
        "--password-file",
        new,
        "passwd",
        "Martin",
        "--new-password-file",
        newer,
    )
    assert changed.returncode == 0, changed.stderr
    unlocked = run_cli(
        "accounts",
        "--db",
        db_path,
        "--agent",
        "Claire",
        "--password-file",
        good,
        "unlock",
        "Martin",
    )
    assert unlocked.returncode == 0 and "déverrouillé" in unlocked.stdout
