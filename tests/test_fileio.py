"""Files PlanDesk writes appear whole, with ordinary permissions, or not at all."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from desktop.fileio import FILE_MODE, atomic_path, write_text_atomically


def test_written_file_has_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "报告.txt"
    write_text_atomically(target, "月度进展")
    assert target.read_text(encoding="utf-8") == "月度进展"
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(target).st_mode) == FILE_MODE
        assert FILE_MODE & stat.S_IRGRP, "colleagues can read a report left in a shared folder"


def test_failed_write_leaves_neither_file_nor_temporary(tmp_path: Path) -> None:
    target = tmp_path / "ledger.xlsx"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["ledger.xlsx"]
