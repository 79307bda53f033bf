"""A UTF-8 plan once opened with the wrong encoding and saved again (乱码) is restored when it can be — exactly
the original text, and the review says so — and refused with the reason when bytes were lost. The oracle is the
original file: every plan of the corpus is garbled here by the wrong reading an office PC makes, and must come
back unchanged; the plans as published must never be "repaired"."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import ImportRefused
from desktop.importers.readers import read_document

CORPUS = Path(__file__).resolve().parents[1] / "data" / "plans" / "corpus"
PLANS = sorted(CORPUS.glob("*.txt"))


def _original(path: Path) -> str:
    return read_document(path).text


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name[:2])
def test_plans_as_published_are_left_alone(path: Path) -> None:
    assert read_document(path).notes == []
    assert read_document(path.name, data=_original(path).encode("gb18030")).notes == []


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name[:2])
@pytest.mark.parametrize("reading", ["latin-1", "cp1252-kept"])
def test_a_plan_saved_through_a_western_reading_comes_back_exactly(path: Path, reading: str) -> None:
    text = _original(path)
    raw = text.encode("utf-8")
    if reading == "latin-1":
        garbled = raw.decode("latin-1")
    else:  # Windows-1252, its five undefined bytes passed through as C1 characters (as Notepad++ does)
        garbled = "".join(
            bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in raw
        )
    got = read_document(path.name, data=garbled.encode("utf-8"))
    assert got.text == text
    [note] = got.notes
    assert "乱码" in note and "已还原" in note and path.name in note


@pytest.mark.parametrize("path", PLANS[:5], ids=lambda p: p.name[:2])
@pytest.mark.parametrize("reading", ["gbk", "cp1252"])
def test_a_plan_whose_bytes_were_lost_is_refused_with_the_reason(path: Path, reading: str) -> None:
    garbled = _original(path).encode("utf-8").decode(reading, errors="replace")
    for saved in ("utf-8", "gb18030"):
        with pytest.raises(ImportRefused) as caught:
            read_document(path.name, data=garbled.encode(saved))
        assert "乱码" in str(caught.value) and "原始文件" in str(caught.value)
