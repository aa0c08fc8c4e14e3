"""Desk settings: declared once, typed, with defaults; a corrupt settings file never crashes."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from desktop.ui import i18n
from desktop.ui import settings as s


def make(tmp_path: Path, name: str = "desk.ini") -> s.Settings:
    return s.Settings(QSettings(str(tmp_path / name), QSettings.Format.IniFormat))


def test_every_setting_is_declared_once_with_a_valid_default():
    keys = [setting.key for setting in s.SETTINGS]
    assert len(keys) == len(set(keys))
    for setting in s.SETTINGS:
        assert setting.coerce(setting.default) == setting.default
        assert setting.label and setting.description


def test_defaults_when_nothing_is_stored(tmp_path):
    desk = make(tmp_path)
    assert desk.desk_label == ""
    assert desk.language == "fr"
    assert desk.theme == s.STANDARD
    assert desk.text_scale == 100
    assert desk.sounds is True
    assert desk.first_start_done is False
    assert desk.backup_interval_minutes == 30
    assert desk.idle_lock_minutes == 0


def test_values_survive_a_restart_with_their_types(tmp_path):
    desk = make(tmp_path)
    desk.set(s.DESK_LABEL, "  Accueil 1 ")
    desk.set(s.TEXT_SCALE, 200)
    desk.set(s.THEME, s.HIGH_CONTRAST)
    desk.set(s.SOUNDS, False)
    desk.set(s.FIRST_START_DONE, True)
    desk.set(s.LANGUAGE, "en")
    desk.sync()
    again = make(tmp_path)  # an INI file stores text: the types come back from the table
    assert again.desk_label == "Accueil 1"
    assert again.text_scale == 200
    assert again.theme == s.HIGH_CONTRAST
    assert again.sounds is False
    assert again.first_start_done is True
    assert i18n.saved_language(again.store) == "en"  # the same key as the translations


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        (s.TEXT_SCALE, 120),
        (s.THEME, "sombre"),
        (s.LANGUAGE, "de"),
        (s.IDLE_LOCK_MINUTES, -1),
        (s.BACKUP_INTERVAL_MINUTES, 1),
        (s.SOUNDS, "peut-être"),
        (s.DESK_LABEL, 12),
    ],
)
def test_set_refuses_what_the_table_refuses(tmp_path, setting, value):
    desk = make(tmp_path)
    with pytest.raises(ValueError):
        desk.set(setting, value)
    assert desk.get(setting) == setting.default


def test_a_hand_edited_file_with_garbage_reads_as_defaults(tmp_path):
    path = tmp_path / "desk.ini"
    path.write_text(
        "[ui]\ntext_scale=énorme\ntheme=@Variant(\\0\\0\\0\\x7f\\0\\0)\nsounds=2\n"
        "language=klingon\n[desk]\nidle_lock_minutes=99999999999999999999\n"
        "first_start_done=yes please\nlabel=Accueil 2\n\x00\xff garbage line\n",
        encoding="utf-8",
        errors="surrogateescape",
    )
    desk = make(tmp_path)
    assert desk.text_scale == 100
    assert desk.theme == s.STANDARD
    assert desk.sounds is True
    assert desk.language == "fr"
    assert desk.idle_lock_minutes == 0
    assert desk.first_start_done is False
    assert desk.desk_label == "Accueil 2"


ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),  # what QSettings can hold
    st.floats(allow_nan=True),
    st.text(max_size=50),
    st.binary(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
    st.sampled_from(["100", "150", "200", "true", "0", "contraste", "en", " 30 ", "１５０"]),
)


@hsettings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=st.sampled_from([setting.key for setting in s.SETTINGS]), value=ANY_VALUE)
def test_any_stored_value_reads_as_a_valid_one(tmp_path, key, value):
    desk = make(tmp_path, "fuzz.ini")
    desk.store.setValue(key, value)
    desk.sync()
    for store in (desk, make(tmp_path, "fuzz.ini")):  # in memory, then read back from the file
        for setting in s.SETTINGS:
            got = store.get(setting)
            assert type(got) is setting.kind
            assert setting.coerce(got) == got  # valid by the table's own rules
    desk.store.clear()
    desk.sync()
