"""Every path Guichet uses, resolved in one place (source tree or PyInstaller bundle)."""

import sys
from pathlib import Path

import platformdirs

APP_NAME = "Guichet"


def resources_dir() -> Path:
    """`resources/` beside the package, or inside the frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_database() -> Path:
    return user_data_dir() / "demo.guichet.sqlite"


def backup_folder() -> Path:
    """Where the desk's automatic backups go: the user data folder, never beside the live file
    (a second location; the office may point it at another disk)."""
    path = user_data_dir() / "sauvegardes"
    path.mkdir(parents=True, exist_ok=True)
    return path
