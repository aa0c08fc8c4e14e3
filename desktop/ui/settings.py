"""The desk's own settings, declared once: key, type, default, French label and description.

Desk-local settings live in QSettings (this laptop's choices: its label, printer, folders,
language, theme...). Convention-wide ones live in the SQLite file so they travel with the data
(desktop/models/convention_settings.py). A settings file is outside input: a value of the wrong
type, a garbage string or a number out of range reads as the default, never as a crash.

    settings = Settings()              # the application's QSettings
    settings.text_scale                # 100, 150 or 200
    settings.set(THEME, HIGH_CONTRAST) # validated: ValueError on a value the table refuses

FIRST_START_DONE is set by the first-start wizard, and not a field of the settings dialog.
DESK_DATABASE (this laptop's desk file) is chosen in the wizard and can be changed later in
the settings dialog; both check the file (desk_file_page.DeskFileChooser) before remembering it.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings

from desktop.ui import i18n

STANDARD = "standard"
HIGH_CONTRAST = "contraste"
THEMES = {
    STANDARD: QT_TRANSLATE_NOOP("settings", "Standard"),
    HIGH_CONTRAST: QT_TRANSLATE_NOOP("settings", "Contraste élevé"),
}
TEXT_SCALES = (100, 150, 200)
_MAX_TEXT = 1000  # a label or a path longer than this is garbage, not a setting


@dataclass(frozen=True)
class Setting:
    """One declared setting. `choices` restricts str/int values; `minimum`/`maximum` bound ints."""

    key: str
    kind: type
    default: Any
    label: str  # French source text, shown through tr("settings", ...)
    description: str
    choices: tuple[Any, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    absolute_path: bool = False  # a str that is empty or an absolute path on this system

    def coerce(self, raw: Any) -> Any:
        """The value `raw` stands for, or raise ValueError: what the table refuses."""
        value = _PARSERS[self.kind](raw)
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.key} : valeur non prévue {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{self.key} : au moins {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"{self.key} : au plus {self.maximum}")
        if self.absolute_path and value and not os.path.isabs(value):
            # A relative path would depend on the folder Guichet happens to start from.
            raise ValueError(f"{self.key} : chemin complet attendu")
        return value


def _parse_str(raw: Any) -> str:
    if not isinstance(raw, str) or len(raw) > _MAX_TEXT:
        raise ValueError("texte attendu")
    if any(ord(ch) < 32 for ch in raw):
        raise ValueError("caractère de contrôle")
    return raw.strip()


def _parse_int(raw: Any) -> int:
    if isinstance(raw, bool):
        raise ValueError("nombre attendu")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().isascii() and raw.strip().isdigit():
        if len(raw.strip()) > 9:
            raise ValueError("nombre trop grand")
        return int(raw.strip())
    raise ValueError("nombre attendu")


def _parse_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in ("true", "1", "false", "0"):
        return raw.strip().lower() in ("true", "1")
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    raise ValueError("oui/non attendu")


_PARSERS: dict[type, Callable[[Any], Any]] = {str: _parse_str, int: _parse_int, bool: _parse_bool}

DESK_LABEL = Setting(
    "desk/label",
    str,
    "",
    QT_TRANSLATE_NOOP("settings", "Nom du poste"),
    QT_TRANSLATE_NOOP(
        "settings", "Le nom de ce guichet sur les exports et les rapports (par ex. « Accueil 1 »)."
    ),
)
EXPORT_FOLDER = Setting(
    "desk/export_folder",
    str,
    "",
    QT_TRANSLATE_NOOP("settings", "Dossier d'export"),
    QT_TRANSLATE_NOOP(
        "settings",
        "Où les exports de fin de journée sont enregistrés (clé USB, partage) : le choix de dossier "
        "de Ctrl+E s'y ouvre. Les documents du jour ont leur propre dossier (Ctrl+D).",
    ),
)
PRINTER = Setting(
    "desk/printer",
    str,
    "",
    QT_TRANSLATE_NOOP("settings", "Imprimante par défaut"),
    QT_TRANSLATE_NOOP(
        "settings", "L'imprimante des badges et des documents ; vide : celle du système."
    ),
)
LANGUAGE = Setting(
    i18n.SETTINGS_KEY,
    str,
    i18n.DEFAULT_LANGUAGE,
    QT_TRANSLATE_NOOP("settings", "Langue"),
    QT_TRANSLATE_NOOP(
        "settings", "La langue de l'interface (prise en compte au prochain démarrage)."
    ),
    choices=tuple(i18n.LANGUAGES),
)
THEME = Setting(
    "ui/theme",
    str,
    STANDARD,
    QT_TRANSLATE_NOOP("settings", "Thème"),
    QT_TRANSLATE_NOOP(
        "settings",
        "Standard, ou contraste élevé (noir, blanc et jaune) pour une salle lumineuse ou une vue "
        "basse.",
    ),
    choices=tuple(THEMES),
)
TEXT_SCALE = Setting(
    "ui/text_scale",
    int,
    100,
    QT_TRANSLATE_NOOP("settings", "Taille du texte"),
    QT_TRANSLATE_NOOP("settings", "Agrandit tout le texte de l'application."),
    choices=TEXT_SCALES,
)
IDLE_LOCK_MINUTES = Setting(
    "desk/idle_lock_minutes",
    int,
    0,
    QT_TRANSLATE_NOOP("settings", "Verrouillage après inactivité (minutes)"),
    QT_TRANSLATE_NOOP(
        "settings", "Le guichet se verrouille après ce temps sans activité ; 0 : jamais."
    ),
    minimum=0,
    maximum=240,
)
BACKUP_FOLDER = Setting(
    "backup/folder",
    str,
    "",
    QT_TRANSLATE_NOOP("settings", "Dossier de sauvegarde"),
    QT_TRANSLATE_NOOP(
        "settings",
        "Une copie du fichier de la convention y est faite régulièrement (clé USB, autre disque).",
    ),
)
BACKUP_INTERVAL_MINUTES = Setting(
    "backup/interval_minutes",
    int,
    30,
    QT_TRANSLATE_NOOP("settings", "Intervalle de sauvegarde (minutes)"),
    QT_TRANSLATE_NOOP("settings", "Le temps entre deux copies de sauvegarde."),
    minimum=5,
    maximum=480,
)
SOUNDS = Setting(
    "ui/sounds",
    bool,
    True,
    QT_TRANSLATE_NOOP("settings", "Sons"),
    QT_TRANSLATE_NOOP("settings", "Un son différent pour une arrivée, un doublon et un refus."),
)
FIRST_START_DONE = Setting(
    "desk/first_start_done",
    bool,
    False,
    QT_TRANSLATE_NOOP("settings", "Premier démarrage fait"),
    QT_TRANSLATE_NOOP("settings", "L'assistant de premier démarrage a été suivi sur ce poste."),
)
DESK_DATABASE = Setting(
    "desk/database",
    str,
    "",
    QT_TRANSLATE_NOOP("settings", "Fichier de ce guichet"),
    QT_TRANSLATE_NOOP(
        "settings",
        "Le fichier préparé par le bureau pour ce poste, ouvert quand Guichet démarre sans "
        "option ; vide : la démonstration. Choisi au premier démarrage, modifiable dans les "
        "réglages ; pris en compte au prochain démarrage.",
    ),
    absolute_path=True,
)

SETTINGS: tuple[Setting, ...] = (
    DESK_LABEL,
    EXPORT_FOLDER,
    PRINTER,
    LANGUAGE,
    THEME,
    TEXT_SCALE,
    IDLE_LOCK_MINUTES,
    BACKUP_FOLDER,
    BACKUP_INTERVAL_MINUTES,
    SOUNDS,
    FIRST_START_DONE,
    DESK_DATABASE,
)
BY_KEY = {setting.key: setting for setting in SETTINGS}


def label(setting: Setting) -> str:
    return QCoreApplication.translate("settings", setting.label)


def description(setting: Setting) -> str:
    return QCoreApplication.translate("settings", setting.description)


class Settings:
    """Typed access to the desk's QSettings (the application's default store, or one given)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    def get(self, setting: Setting) -> Any:
        try:
            raw = self.store.value(setting.key, setting.default)
        except Exception:  # an unreadable value (a stray QVariant type) is the default too
            return setting.default
        if raw is None:
            return setting.default
        try:
            return setting.coerce(raw)
        except (ValueError, TypeError):
            return setting.default

    def set(self, setting: Setting, value: Any) -> None:
        """Store `value` after the table's checks; ValueError when it refuses it."""
        self.store.setValue(setting.key, setting.coerce(value))

    def reset(self, setting: Setting) -> None:
        self.store.remove(setting.key)

    def sync(self) -> None:
        self.store.sync()

    desk_label = property(lambda self: self.get(DESK_LABEL))
    export_folder = property(lambda self: self.get(EXPORT_FOLDER))
    printer = property(lambda self: self.get(PRINTER))
    language = property(lambda self: self.get(LANGUAGE))
    theme = property(lambda self: self.get(THEME))
    text_scale = property(lambda self: self.get(TEXT_SCALE))
    idle_lock_minutes = property(lambda self: self.get(IDLE_LOCK_MINUTES))
    backup_folder = property(lambda self: self.get(BACKUP_FOLDER))
    backup_interval_minutes = property(lambda self: self.get(BACKUP_INTERVAL_MINUTES))
    sounds = property(lambda self: self.get(SOUNDS))
    first_start_done = property(lambda self: self.get(FIRST_START_DONE))
    desk_database = property(lambda self: self.get(DESK_DATABASE))
