"""Agents' accounts: name, role, a password kept only as a slow salted hash, an optional PIN.

Password policy (CNIL, délibération 2022-100, first case): at least 12 characters mixing the
four kinds (lower case, upper case, digit, other). On top of it, five failures in a row lock the
account for LOCK_MINUTES (or until a responsable unlocks it): a desk laptop on a public counter
can be tried by anyone passing by. Hash: scrypt (n=2**14, r=8, p=1, 16 random bytes of salt),
compared in constant time; never the password, nor its hash, in a fact's payload.

The accounts table travels with the file (desk-init copies the office's accounts to a new
desk); what happens to an account (created, role or password changed, login, failure, lock,
unlock, override approved) is a fact in the log, with agent, desk and time.
"""

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

import sqlite_utils

from desktop.models import journal
from desktop.models.clock import Clock, from_utc_text, paris_hhmm, to_utc_text
from desktop.models.storage import write_transaction

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
MIN_LENGTH = 12
MAX_LENGTH = 128
MAX_FAILURES = 5
LOCK_MINUTES = 15
PIN_LENGTHS = range(4, 7)
# Facts about access only (who opened a session, failed, approved): they change no data, so a
# desk purge may follow them after the export the office acknowledged (purge.py).
ACCESS_KINDS = (
    "account.login",
    "account.failure",
    "account.locked",
    "account.unlock",
    "account.approve",
)


class Role(Enum):
    ACCUEIL = "accueil"
    RESPONSABLE = "responsable"
    BUREAU = "bureau"

    @property
    def rank(self) -> int:
        return (Role.ACCUEIL, Role.RESPONSABLE, Role.BUREAU).index(self)

    def at_least(self, other: "Role") -> bool:
        return self.rank >= other.rank


@dataclass(frozen=True)
class Account:
    name: str
    role: Role
    has_pin: bool
    active: bool
    created_at: str
    changed_at: str


class AuthOutcome(Enum):
    OK = "ok"
    WRONG_PASSWORD = "wrong_password"  # see `remaining` tries before the lock
    LOCKED = "locked"  # too many failures: see `locked_until`
    UNKNOWN_AGENT = "unknown_agent"
    INACTIVE = "inactive"
    NO_PIN = "no_pin"  # the agent has no quick PIN: the password is needed
    INSUFFICIENT_ROLE = "insufficient_role"  # require_role: right password, role too low


@dataclass(frozen=True)
class AuthResult:
    outcome: AuthOutcome
    account: Account | None = None
    remaining: int = MAX_FAILURES  # tries left before the lock
    locked_until: str | None = None  # UTC ISO-8601

    @property
    def ok(self) -> bool:
        return self.outcome is AuthOutcome.OK


class AccountError(ValueError):
    """A refused account change, with a precise French message."""


# --- hashing ------------------------------------------------------------------------------


def hash_secret(secret: str) -> str:
    """scrypt$n$r$p$salt$hash (base64): all that is needed to check, nothing to read back."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_secret(secret: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest, validate=True)
        found = _scrypt(secret, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found, expected)


def _scrypt(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024**2)


# --- rules --------------------------------------------------------------------------------


def password_problems(password: str) -> list[str]:
    """What is wrong with a new password, in French (empty: acceptable)."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(
            f"Le mot de passe doit compter au moins {MIN_LENGTH} caractères "
            f"(il en a {len(password)})."
        )
    if len(password) > MAX_LENGTH:
        problems.append(f"Le mot de passe ne doit pas dépasser {MAX_LENGTH} caractères.")
    missing = [
        label
        for label, present in (
            ("une minuscule", any(c.islower() for c in password)),
            ("une majuscule", any(c.isupper() for c in password)),
            ("un chiffre", any(c.isdigit() for c in password)),
            ("un caractère spécial (ex. ! ? - _ @)", any(not c.isalnum() for c in password)),
        )
        if not present
    ]
    if missing:
        problems.append("Il manque " + _french_list(missing) + ".")
    return problems


def pin_problems(pin: str) -> list[str]:
    if not pin.isascii() or not pin.isdigit() or len(pin) not in PIN_LENGTHS:
        return ["Le code PIN doit compter de 4 à 6 chiffres."]
    if len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        return ["Ce code PIN est trop facile à deviner (chiffres répétés ou qui se suivent)."]
    return []


def name_problems(name: str) -> list[str]:
    clean = " ".join(name.split())
    if not clean:
        return ["Le nom de l'agent est obligatoire."]
    if len(clean) > 60:
        return ["Le nom de l'agent ne doit pas dépasser 60 caractères."]
    if any(not c.isprintable() for c in name):
        return ["Le nom de l'agent contient des caractères invisibles."]
    return []


def _french_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


# --- reading ------------------------------------------------------------------------------

_COLUMNS = "name, role, pin_hash IS NOT NULL, active, created_at, changed_at"


def _account(row: tuple[object, ...]) -> Account:
    return Account(
        name=str(row[0]),
        role=Role(str(row[1])),
        has_pin=bool(row[2]),
        active=bool(row[3]),
        created_at=str(row[4]),
        changed_at=str(row[5]),
    )


def has_accounts(db: sqlite_utils.Database) -> bool:
    """Whether this file has any agent account (none: the file opens as before, no password)."""
    return db.execute("SELECT 1 FROM accounts LIMIT 1").fetchone() is not None


def get_account(db: sqlite_utils.Database, name: str) -> Account | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM accounts WHERE lower(name) = lower(?)", [" ".join(name.split())]
    ).fetchone()
    return None if row is None else _account(row)


def list_accounts(db: sqlite_utils.Database) -> list[Account]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY lower(name)").fetchall()
    return [_account(row) for row in rows]


# --- changes (each one a fact) ------------------------------------------------------------


def create_account(
    db: sqlite_utils.Database,
    name: str,
    role: Role,
    password: str,
    clock: Clock,
    *,
    by: str | None = None,
    pin: str | None = None,
) -> Account:
    """A new agent. Raises AccountError (French) for a taken name or a weak password/PIN.
    `by`: the agent creating it (default: the new agent, for the first account)."""
    clean = " ".join(name.split())
    problems = name_problems(name) + password_problems(password)
    if pin is not None:
        problems += pin_problems(pin)
    if problems:
        raise AccountError(" ".join(problems))
    now = to_utc_text(clock())
    password_hash, pin_hash = hash_secret(password), hash_secret(pin) if pin else None
    with write_transaction(db):
        if get_account(db, clean) is not None:
            raise AccountError(f"Un agent s'appelle déjà « {clean} ».")
        db.execute(
            "INSERT INTO accounts (name, role, password_hash, pin_hash, active, created_at, "
            "changed_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
            [clean, role.value, password_hash, pin_hash, now, now],
        )
        _fact(db, by or clean, clock, "account.create", clean, role=role.value, pin=bool(pin))
    account = get_account(db, clean)
    assert account is not None
    return account


def change_password(
    db: sqlite_utils.Database, name: str, new_password: str, clock: Clock, *, by: str
) -> None:
    problems = password_problems(new_password)
    if problems:
        raise AccountError(" ".join(problems))
    _update(db, name, clock, by, "account.password", password_hash=hash_secret(new_password))


def set_pin(
    db: sqlite_utils.Database, name: str, pin: str | None, clock: Clock, *, by: str
) -> None:
    """Set (or with None, remove) the agent's quick PIN."""
    if pin is not None and (problems := pin_problems(pin)):
        raise AccountError(" ".join(problems))
    _update(db, name, clock, by, "account.pin", pin_hash=hash_secret(pin) if pin else None)


def set_role(db: sqlite_utils.Database, name: str, role: Role, clock: Clock, *, by: str) -> None:
    _update(db, name, clock, by, "account.role", role=role.value)


def set_active(
    db: sqlite_utils.Database, name: str, active: bool, clock: Clock, *, by: str
) -> None:
    _update(db, name, clock, by, "account.active", active=int(active))


def unlock_account(db: sqlite_utils.Database, name: str, clock: Clock, *, by: str) -> None:
    """Lift a lock-out before its time (a responsable at the desk)."""
    account = _require(db, name)
    with write_transaction(db):
        _fact(db, by, clock, "account.unlock", account.name)


def _update(
    db: sqlite_utils.Database, name: str, clock: Clock, by: str, kind: str, **columns: object
) -> None:
    account = _require(db, name)
    assignments = ", ".join(f"{column} = ?" for column in columns)
    now = to_utc_text(clock())
    with write_transaction(db):
        db.execute(
            f"UPDATE accounts SET {assignments}, changed_at = ? WHERE name = ?",
            [*columns.values(), now, account.name],
        )
        visible = {k: v for k, v in columns.items() if not k.endswith("_hash")}
        if kind == "account.pin":
            visible["pin"] = columns["pin_hash"] is not None
        _fact(db, by, clock, kind, account.name, **visible)


def _require(db: sqlite_utils.Database, name: str) -> Account:
    account = get_account(db, name)
    if account is None:
        raise AccountError(f"Aucun agent « {' '.join(name.split())} » dans ce fichier.")
    return account


def _fact(
    db: sqlite_utils.Database, agent: str, clock: Clock, kind: str, account: str, **extra: object
) -> journal.Event:
    desk = journal.local_desk(db, agent)
    return journal.append(
        db, desk, clock, kind, target_id=account, payload={"account": account, **extra}
    )


# --- checking -----------------------------------------------------------------------------


def lock_state(db: sqlite_utils.Database, name: str, clock: Clock) -> tuple[int, str | None]:
    """(failures in a row since the last success or unlock, locked-until or None)."""
    rows = db.execute(
        "SELECT kind, at FROM events WHERE target_id = ? AND kind IN "
        "('account.login', 'account.failure', 'account.unlock', 'account.password', "
        "'account.locked') ORDER BY at DESC, seq DESC LIMIT 50",
        [name],
    ).fetchall()
    failures = 0
    for kind, at in rows:
        if kind == "account.failure":
            failures += 1
            continue
        if kind == "account.locked":
            until = from_utc_text(str(at)) + timedelta(minutes=LOCK_MINUTES)
            if clock() < until:
                return failures, to_utc_text(until)
        break  # a success, an unlock, a new password or an expired lock: count from there
    return failures, None


def authenticate(db: sqlite_utils.Database, name: str, password: str, clock: Clock) -> AuthResult:
    """Check an agent's password. A failure is a fact; the fifth in a row locks the account."""
    return _check(db, name, password, clock, pin=False)


def check_pin(db: sqlite_utils.Database, name: str, pin: str, clock: Clock) -> AuthResult:
    """Unlock a locked screen for the same agent with the quick PIN (same failure counting)."""
    return _check(db, name, pin, clock, pin=True)


def _check(
    db: sqlite_utils.Database, name: str, secret: str, clock: Clock, *, pin: bool
) -> AuthResult:
    account = get_account(db, name)
    if account is None:
        # Spend the same time as a real check: the delay does not tell which names exist.
        check_secret(secret, _DUMMY_HASH)
        return AuthResult(AuthOutcome.UNKNOWN_AGENT)
    if not account.active:
        return AuthResult(AuthOutcome.INACTIVE, account)
    column = "pin_hash" if pin else "password_hash"
    (stored,) = db.execute(
        f"SELECT {column} FROM accounts WHERE name = ?", [account.name]
    ).fetchone()
    if stored is None:
        return AuthResult(AuthOutcome.NO_PIN, account)
    # The slow hash first, outside the write lock: the desk's other writers never wait on it.
    matches = check_secret(secret, str(stored))
    with write_transaction(db):
        failures, until = lock_state(db, account.name, clock)
        if until is not None:  # locked: even the right secret is refused, and not counted
            return AuthResult(AuthOutcome.LOCKED, account, 0, until)
        how = "pin" if pin else "password"
        if matches:
            _fact(db, account.name, clock, "account.login", account.name, method=how)
            return AuthResult(AuthOutcome.OK, account)
        _fact(db, account.name, clock, "account.failure", account.name, method=how)
        failures += 1
        if failures >= MAX_FAILURES:
            event = _fact(
                db, account.name, clock, "account.locked", account.name, failures=failures
            )
            until = to_utc_text(from_utc_text(event.at) + timedelta(minutes=LOCK_MINUTES))
            return AuthResult(AuthOutcome.LOCKED, account, 0, until)
    return AuthResult(AuthOutcome.WRONG_PASSWORD, account, MAX_FAILURES - failures)


_DUMMY_HASH = (
    "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
)


@dataclass(frozen=True)
class Approval:
    """A responsable's password typed on the spot for an override: who approved whom."""

    outcome: AuthOutcome
    approver: str | None = None
    approver_role: Role | None = None
    agent: str | None = None
    remaining: int = MAX_FAILURES  # after a wrong password, as in AuthResult
    locked_until: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is AuthOutcome.OK

    def payload(self) -> dict[str, str]:
        """What the overriding fact records beside its own agent: both names."""
        if not self.ok or self.approver is None or self.approver_role is None:
            raise ValueError("approbation refusée : rien à enregistrer")
        return {
            "approved_by": self.approver,
            "approver_role": self.approver_role.value,
            "agent": self.agent or "",
        }


def require_role(
    db: sqlite_utils.Database,
    name: str,
    password: str,
    clock: Clock,
    *,
    agent: str,
    minimum: Role = Role.RESPONSABLE,
    action: str = "",
) -> Approval:
    """Check the password of `name` and that their role is at least `minimum` (an override,
    a correction of another agent's entry, a roster or session edit). The approval itself is
    a fact naming both agents; the caller adds `approval.payload()` to the overriding fact."""
    result = authenticate(db, name, password, clock)
    if not result.ok or result.account is None:
        return Approval(
            result.outcome,
            agent=agent,
            remaining=result.remaining,
            locked_until=result.locked_until,
        )
    account = result.account
    if not account.role.at_least(minimum):
        return Approval(AuthOutcome.INSUFFICIENT_ROLE, account.name, account.role, agent)
    approval = Approval(AuthOutcome.OK, account.name, account.role, agent)
    with write_transaction(db):
        _fact(
            db,
            account.name,
            clock,
            "account.approve",
            account.name,
            action=action,
            for_agent=agent,
            role=account.role.value,
        )
    return approval


def message(result: AuthResult | Approval) -> str:
    """French words for a refusal (empty for success)."""
    outcome = result.outcome
    if outcome is AuthOutcome.OK:
        return ""
    if outcome is AuthOutcome.WRONG_PASSWORD:
        tries = result.remaining
        plural = "s" if tries > 1 else ""
        return (
            f"Mot de passe incorrect. Encore {tries} essai{plural} avant le verrouillage "
            f"du compte pour {LOCK_MINUTES} minutes."
        )
    if outcome is AuthOutcome.LOCKED and result.locked_until:
        return (
            f"Compte verrouillé après {MAX_FAILURES} échecs jusqu'à "
            f"{paris_hhmm(result.locked_until)} (un responsable peut le déverrouiller)."
        )
    return {
        AuthOutcome.WRONG_PASSWORD: "Mot de passe incorrect.",
        AuthOutcome.LOCKED: "Compte verrouillé : demandez à un responsable.",
        AuthOutcome.UNKNOWN_AGENT: "Agent inconnu dans ce fichier.",
        AuthOutcome.INACTIVE: "Ce compte est désactivé.",
        AuthOutcome.NO_PIN: "Pas de code PIN pour cet agent : saisissez le mot de passe.",
        AuthOutcome.INSUFFICIENT_ROLE: "Il faut le mot de passe d'un responsable.",
    }[outcome]
