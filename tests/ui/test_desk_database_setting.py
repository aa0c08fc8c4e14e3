"""The desk file a laptop remembers (desk/database): a full path or nothing."""

import pytest
from PySide6.QtCore import QSettings

from desktop.ui import settings as s


def make(tmp_path) -> s.Settings:
    return s.Settings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))


def test_nothing_remembered_by_default(tmp_path):
    assert make(tmp_path).desk_database == ""


def test_a_full_path_survives_a_restart(tmp_path):
    desk = make(tmp_path)
    path = str(tmp_path / "Guichet été" / "guichet1.sqlite")
    desk.set(s.DESK_DATABASE, path)
    desk.sync()
    assert make(tmp_path).desk_database == path


def test_a_relative_path_is_refused_and_reads_as_nothing(tmp_path):
    desk = make(tmp_path)
    with pytest.raises(ValueError, match="chemin complet"):
        desk.set(s.DESK_DATABASE, "guichet1.sqlite")
    # Hand-edited: it would depend on the folder Guichet starts from, so it is not used.
    desk.store.setValue(s.DESK_DATABASE.key, "guichet1.sqlite")
    assert desk.desk_database == ""
    desk.set(s.DESK_DATABASE, "")  # forgetting the file is allowed (the demo again)
    assert desk.desk_database == ""
