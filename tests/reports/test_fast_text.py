"""The report text drawn by PlanDesk's own fast paths writes exactly what reportlab's slower ones write."""

from __future__ import annotations

import io
import random
from typing import Any

import pytest
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from desktop.reports import cjk_text
from desktop.reports.cjk_text import CANNOT_END, CANNOT_START, NUMBER_UNITS, Run, break_lines, draw_string
from desktop.reports.fonts import register_report_font

TEXTS = [
    "中文abc（）\\(",
    "",
    "进展：完成 70％，下步计划\xa0推进",
    "中文abc（）\\(",  # again: the same operators from the document's memo
    "𠀀罕见字与常用字混排 2026年",
    "全角　空格、标点。‘引号’“双引号”",
    "".join(chr(0x4E00 + i) for i in range(600)),  # more characters than one 256-glyph subset holds
    "".join(chr(0x4E00 + i) for i in range(0, 600, 37)) + "中文abc" + chr(0x4E00 + 599),  # across subsets
]


@pytest.fixture(scope="module")
def font() -> str:
    return register_report_font()


def _code(font: str, draw: object) -> list[str]:
    canv = Canvas(io.BytesIO(), invariant=1)
    canv.setFont(font, 9)
    start = len(canv._code)
    for i, text in enumerate(TEXTS * 3):
        canv.setFont(font, (9, 10.5, 11.5)[i % 3])
        draw(canv, 10.5 + i, 700.25 - 12 * i, text)  # type: ignore[operator]
    return canv._code[start:]


def test_draw_string_writes_what_reportlab_writes(font: str) -> None:
    ours = _code(font, draw_string)
    theirs = _code(font, lambda canv, x, y, text: canv.drawString(x, y, text))
    assert ours == theirs


def test_lines_break_where_they_broke_before(font: str) -> None:
    """Random text of every kind of character, in runs of several sizes, at many widths."""
    rng = random.Random(20250601)
    alphabet = "推进任务完成情况单位责任，。、；：？！（）《》“”…％0123456789abcXYZ-./% 天年项条\n　"
    red, grey = colors.red, colors.HexColor("#404040")
    for _ in range(1500):
        runs = [
            Run("".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 90))), rng.choice(SIZES), c)
            for c in rng.choices([colors.black, red, grey], k=rng.randrange(1, 4))
        ]
        first = rng.uniform(5, 300)
        rest = rng.choice([first, rng.uniform(5, 300)])
        assert break_lines(runs, font, first, rest) == reference_break_lines(runs, font, first, rest)


def test_text_that_fits_on_one_line_is_laid_out_as_before(font: str) -> None:
    red = colors.red
    cases = [
        [Run("按期推进率 97.5%", 9)],
        [Run("一二三", 9), Run("四五", 9), Run("", 9), Run("六", 11.5, red)],
        [Run("", 9)],
        [Run("很长的一段文字" * 8, 9.5)],
        [Run("第一行\n第二行", 9)],
    ]
    for runs in cases:
        for width in (20.0, 27.0, 60.0, 500.0):
            assert break_lines(runs, font, width, width) == reference_break_lines(runs, font, width, width)


SIZES = (9, 9.5, 11.5)

# -- break_lines as it was, character by character: the reference the faster one must agree with -----------


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_./%")


def _glued(a: str, b: str) -> bool:
    """Latin words and numbers stay whole, and a number keeps its unit; a break may follow a % sign."""
    return _is_word_char(a) and a not in "%" and (_is_word_char(b) or b in NUMBER_UNITS)


def _may_break(chars: list[tuple[str, float, Any]], at: int) -> bool:
    """Whether a line may end before ``chars[at]``."""
    if at >= len(chars) or chars[at][0] == "\n":
        return True
    before, after = chars[at - 1][0], chars[at][0]
    return after not in CANNOT_START and before not in CANNOT_END and not _glued(before, after)


def reference_break_lines(
    runs: list[Run], font: str, first: float, rest: float
) -> list[list[tuple[str, float, Any]]]:
    """Lines of (text, size, color) pieces: CJK breaks anywhere, Latin words and numbers stay whole."""
    chars: list[tuple[str, float, Any]] = [(ch, r.size, r.color) for r in runs for ch in r.text]
    lines: list[list[tuple[str, float, Any]]] = []
    start, n = 0, len(chars)
    while start < n:
        avail = first if not lines else rest
        used, i = 0.0, start
        while i < n:
            ch, size, _ = chars[i]
            if ch == "\n":
                break
            w = cjk_text._width(font, ch) * size
            if used + w > avail + 0.01 and i > start:
                break
            used += w
            i += 1
        end = i
        if end < n and chars[end][0] != "\n":
            hung, hang = end, 0
            while (
                hung < n and chars[hung][0] in CANNOT_START and hang < 2
            ):  # closing marks hang in the margin
                hung += 1
                hang += 1
            if hang and (hung >= n or _may_break(chars, hung)):
                end = hung
            else:  # carry an opening mark, a word or a number with its unit down to the next line
                back = end
                while back - 1 > start and not _may_break(chars, back):
                    back -= 1
                if _may_break(chars, back):
                    end = back
                else:  # nothing to break at on the line: let a short word overflow rather than split it
                    ahead = next(
                        (k for k in range(end + 1, min(n, end + 4) + 1) if _may_break(chars, k)), None
                    )
                    end = ahead if ahead is not None else end
        lines.append(_pieces(chars[start:end]))
        start = end + 1 if end < n and chars[end][0] == "\n" else end
    return lines or [[]]


def _pieces(chars: list[tuple[str, float, Any]]) -> list[tuple[str, float, Any]]:
    out: list[tuple[str, float, Any]] = []
    text: list[str] = []
    size, color = None, None
    for ch, s, c in chars:
        if s != size or c is not color:  # identity: Color.__eq__ is slow and runs share their colour objects
            if text:
                out.append(("".join(text), size, color))  # type: ignore[arg-type]
            text, size, color = [], s, c
        text.append(ch)
    if text:
        out.append(("".join(text), size, color))  # type: ignore[arg-type]
    return out
