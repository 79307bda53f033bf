"""The same plan as offices pass it on: re-wrapped like a PDF extraction, full-width digits, spaced-out
characters, Windows line ends, a Word file with heading styles. Every variant imports to the same headings and
the same owner notes (right node, right lead) as the original text."""

from __future__ import annotations

import importlib.util
import io
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "plans" / "corpus"
CJK = r"[\u4e00-\u9fff]"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score_corpus = _load("score_corpus_variants", ROOT / "scripts" / "score_corpus.py")


def rewrapped(text: str, width: int = 40) -> str:
    """Hard line breaks every `width` characters, as text copied out of a PDF."""
    out: list[str] = []
    for line in text.splitlines():
        out.extend(line[i : i + width] for i in range(0, max(len(line), 1), width))
    return "\n".join(out)


def full_width(text: str) -> str:
    """Digits and the dot after them in full width: （１）、１．"""
    text = re.sub(r"(\d)\.", r"\1．", text)
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})


def spaced_out(text: str) -> str:
    """A space between every two Chinese characters, as justified text exported from a word processor."""
    return re.sub(rf"(?<={CJK})(?={CJK})", " ", text)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def styled_docx(text: str) -> bytes:
    """A Word file: headings in Word's heading styles, each owner note in a paragraph of its own."""
    import docx

    document = docx.Document()
    levels = [
        (1, re.compile(r"^[一二三四五六七八九十]+、")),
        (2, re.compile(r"^（[一二三四五六七八九十]+）")),
        (3, re.compile(r"^\d+[.．]")),
    ]
    note = re.compile(r"([（(][^（）()]*(?:责任单位|牵头|负责|指导|参与|配合)[^（）()]*[）)])$")
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        level = next((lv for lv, rx in levels if rx.match(line)), None)
        if level is not None:
            document.add_heading(line, level)
            continue
        m = note.search(line)
        if m and m.start() > 0:
            document.add_paragraph(line[: m.start()])
            document.add_paragraph(m.group(1))
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


TEXT_VARIANTS: dict[str, Callable[[str], str]] = {
    "rewrapped": rewrapped,
    "full-width": full_width,
    "spaced-out": spaced_out,
    "crlf": crlf,
}
STEMS = [
    "02_gov-guofa-2019-3-zonghebaoshuiqu",
    "03_gov-guofa-2018-39-jiuye",
    "05_gov-guobanfa-2018-128-wufeichengshi",
    "06_gov-guofa-2019-4-zhijiao-shishifangan",
    "24_shanghai-2025-kejifuwuye-ruogan-yijian",
    "28_pingtan-2015-shehui-xinyong-renwufengong-shishifangan",
    "29_pingtan-2015-shuiwuran-fangzhi-gongzuofangan",
]


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return score_corpus._score_module()


def _score(scorer: ModuleType, stem: str, name: str, data: bytes) -> dict[str, Any]:
    plan = score_corpus.load_plan(Path(name), data=data)
    result: dict[str, Any] = score_corpus.score_plan(scorer, CORPUS / "truth" / f"{stem}.json", plan)
    return result


def _original(stem: str) -> str:
    return (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")


# The published scorer (kept exactly as published) opens its inputs without closing them.
pytestmark = pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)


@pytest.mark.parametrize("variant", sorted(TEXT_VARIANTS))
@pytest.mark.parametrize("stem", STEMS)
def test_text_variant_imports_like_the_original(scorer: ModuleType, stem: str, variant: str) -> None:
    text = _original(stem)
    original = _score(scorer, stem, f"{stem}.txt", text.encode("utf-8"))
    got = _score(scorer, stem, f"{stem}.txt", TEXT_VARIANTS[variant](text).encode("utf-8"))
    assert (got["headings"], got["notes"]) == (original["headings"], original["notes"]), got["misses"]
    assert (got["headings"], got["notes"]) == (got["total"]["headings"], got["total"]["notes"])


@pytest.mark.parametrize("stem", [s for s in STEMS if not s.startswith(("28_", "29_"))])
def test_all_text_variants_at_once_import_like_the_original(scorer: ModuleType, stem: str) -> None:
    """Re-wrapped, then spaced out, full-width and with CRLF: a PDF of a justified Word file, saved on Windows."""
    text = _original(stem)
    original = _score(scorer, stem, f"{stem}.txt", text.encode("utf-8"))
    variant = crlf(full_width(spaced_out(rewrapped(text))))
    got = _score(scorer, stem, f"{stem}.txt", variant.encode("utf-8"))
    assert (got["headings"], got["notes"]) == (original["headings"], original["notes"]), got["misses"]


@pytest.mark.parametrize("stem", STEMS)
def test_word_file_with_heading_styles_imports_like_the_text(scorer: ModuleType, stem: str) -> None:
    text = _original(stem)
    original = _score(scorer, stem, f"{stem}.txt", text.encode("utf-8"))
    got = _score(scorer, stem, f"{stem}.docx", styled_docx(text))
    assert (got["headings"], got["notes"]) == (original["headings"], original["notes"]), got["misses"]
    assert (got["headings"], got["notes"]) == (got["total"]["headings"], got["total"]["notes"])


def test_generators_change_what_they_claim() -> None:
    text = "一、总体要求\n（１）见下。1.推进工作（市科委负责）\n"
    assert all(len(line) <= 40 for line in rewrapped("字" * 100).splitlines())
    assert "１．推进" in full_width(text)
    assert "总 体 要 求" in spaced_out(text)
    assert crlf(text).count("\r\n") == 2
