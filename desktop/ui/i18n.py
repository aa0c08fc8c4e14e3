"""The interface language: French (the source of every string) or English.

`install_language(app)` reads the desk's choice from QSettings ("ui/language", default "fr")
and installs two translators: Qt's own strings (qtbase_fr / qtbase_en, so standard buttons read
"Annuler" or "Cancel") and, for English, Guichet's resources/i18n/guichet_en.qm. Call it before
any window is built: widgets take their texts once, at construction. Switching language in the
settings therefore takes effect at the next start.

The .ts/.qm pair is refreshed by resources/i18n/update_translations.py.
"""

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop.paths import resource

SETTINGS_KEY = "ui/language"
DEFAULT_LANGUAGE = "fr"
# Code -> name of the language in that language, as a settings page would list it.
LANGUAGES = {"fr": "Français", "en": "English"}
_LOCALES = {
    "fr": (QLocale.Language.French, QLocale.Country.France),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
_APP_CATALOGUE = {"en": "guichet_en"}  # French is the source text: no catalogue needed


def saved_language(settings: QSettings | None = None) -> str:
    """The language chosen on this desk, or French when unset or unknown."""
    value = str((settings or QSettings()).value(SETTINGS_KEY, DEFAULT_LANGUAGE) or "")
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(code: str, settings: QSettings | None = None) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"langue inconnue : {code}")
    (settings or QSettings()).setValue(SETTINGS_KEY, code)


def install_language(app: QCoreApplication, code: str | None = None) -> str:
    """Install the translators for `code` (default: the saved choice) in place of any installed
    before; returns the language now in use. A missing catalogue leaves French text, never an
    error: the desk keeps working."""
    code = code if code in LANGUAGES else saved_language()
    assert code is not None
    for translator in app.findChildren(QTranslator, "guichetTranslator"):
        app.removeTranslator(translator)
        translator.setObjectName("")
        translator.deleteLater()
    language, country = _LOCALES[code]
    QLocale.setDefault(QLocale(language, country))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _install(app, f"qtbase_{code}", qt_dir)
    catalogue = _APP_CATALOGUE.get(code)
    if catalogue:
        _install(app, catalogue, str(resource("i18n")))
    return code


def _install(app: QCoreApplication, name: str, folder: str) -> bool:
    translator = QTranslator(app)
    translator.setObjectName("guichetTranslator")
    if translator.load(name, folder):
        app.installTranslator(translator)
        return True
    translator.setObjectName("")
    translator.deleteLater()
    return False


def installed_catalogues(app: QCoreApplication) -> list[str]:
    """File paths of the catalogues installed by install_language (for the self-test)."""
    return [t.filePath() for t in app.findChildren(QTranslator, "guichetTranslator")]
