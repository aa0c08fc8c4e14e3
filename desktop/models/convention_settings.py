"""Convention-wide settings kept in the file, so they travel with the data to every desk."""

import sqlite_utils

MEAL_PASS_SECRET = "meal_pass_secret"
PARKING_CEILING_CENTS = "parking_ceiling_cents"
DEFAULT_PARKING_CEILING_CENTS = 3000  # 30,00 €


def get_setting(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM convention_settings WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_setting(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO convention_settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def meal_pass_secret(db: sqlite_utils.Database) -> bytes:
    value = get_setting(db, MEAL_PASS_SECRET)
    if not value:
        raise LookupError("ce fichier n'a pas de clé de signature des passes repas")
    return bytes.fromhex(value)


def parking_ceiling(db: sqlite_utils.Database) -> int:
    """The most a single parking receipt may claim, in cents (default 30,00 €)."""
    value = get_setting(db, PARKING_CEILING_CENTS)
    return int(value) if value and value.isdigit() else DEFAULT_PARKING_CEILING_CENTS


def set_parking_ceiling(db: sqlite_utils.Database, cents: int) -> None:
    if cents <= 0:
        raise ValueError("le plafond de remboursement doit être positif")
    set_setting(db, PARKING_CEILING_CENTS, str(cents))
