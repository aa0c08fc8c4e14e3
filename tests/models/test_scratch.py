"""Scratch folders: copies of a desk's log left by a killed merge or export are swept."""

import os
import tempfile
import time

import pytest

from desktop.models import scratch
from desktop.models.merge import merge_exports
from tests.models.sync_support import export, make_desk, make_office


@pytest.fixture
def tmp_root(tmp_path, monkeypatch):
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def _left_by_a_killed_merge(root, name: str, hours_ago: float):
    folder = root / name
    folder.mkdir()
    (folder / "incoming-0.sqlite").write_bytes(b"SQLite format 3\x00 a desk's members")
    then = time.time() - hours_ago * 3600
    os.utime(folder, (then, then))
    return folder


def test_only_old_folders_of_the_same_kind_are_swept(tmp_root):
    old = _left_by_a_killed_merge(tmp_root, "guichet-fusion-old", hours_ago=13)
    running = _left_by_a_killed_merge(tmp_root, "guichet-fusion-now", hours_ago=1)
    other = _left_by_a_killed_merge(tmp_root, "guichet-export-old", hours_ago=13)
    assert scratch.sweep_stale("guichet-fusion-") == [old]
    assert not old.exists() and running.exists() and other.exists()


def test_the_next_merge_removes_what_a_killed_merge_left(tmp_root, tmp_path, clock):
    left = _left_by_a_killed_merge(tmp_root, "guichet-fusion-k1ll3d", hours_ago=24)
    office = make_office(tmp_path, clock)
    desk = make_desk(office, tmp_path, "Guichet 2")
    receipt = export(desk, tmp_path / "out", clock)
    (report,) = merge_exports(office, [receipt.manifest_path])
    assert report.outcome.value == "importé"
    assert not left.exists()
    assert list(tmp_root.glob("guichet-fusion-*")) == []  # its own staging is gone too
