"""A huge one-line text is imported with work that grows linearly with its length, or refused up front."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from desktop.errors import ImportRefused
from desktop.importers.load import MAX_TEXT_CHARS, load_plan

CORPUS = Path(__file__).resolve().parents[1] / "data" / "plans" / "corpus"
PLAN = CORPUS / "05_gov-guobanfa-2018-128-wufeichengshi.txt"


def _one_line(size: int) -> bytes:
    """Real plan text, its lines joined into one, repeated to about `size` bytes (whole characters)."""
    body = PLAN.read_text(encoding="utf-8").replace("\n", "")
    text = body * (size // len(body.encode("utf-8")) + 1)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore").encode("utf-8")


def _calls(data: bytes, tmp_path: Path) -> int:
    """Function calls (Python and built-in, regex matches included) made by one import: the work done."""
    count = 0

    def hook(_frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    path = tmp_path / "one-line.txt"
    path.write_bytes(data)
    sys.setprofile(hook)
    try:
        load_plan(path)
    finally:
        sys.setprofile(None)
    return count


def test_work_grows_linearly_with_a_one_line_text(tmp_path: Path) -> None:
    small = _calls(_one_line(100_000), tmp_path)
    large = _calls(_one_line(800_000), tmp_path)
    # Eight times the text: about eight times the work (a step quadratic in the length makes it far more).
    assert large < 10 * small, (small, large)


def test_a_two_megabyte_one_line_text_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "two-megabytes.txt"
    path.write_bytes(_one_line(2_000_000))
    plan = load_plan(path)
    assert plan.nodes
    assert any(node.units for root in plan.nodes for node in [root, *root.children])


def test_a_text_past_the_limit_is_refused_before_any_parsing(tmp_path: Path) -> None:
    path = tmp_path / "far-too-long.txt"
    path.write_bytes(("某" * (MAX_TEXT_CHARS + 1)).encode("utf-8"))
    with pytest.raises(ImportRefused) as refused:
        load_plan(path)
    message = str(refused.value)
    assert "far-too-long.txt" in message and "过长" in message and "200 万字" in message
