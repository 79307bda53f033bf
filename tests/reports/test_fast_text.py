"""The report text drawn by PlanDesk's own fast paths writes exactly what reportlab's slower ones write."""

from __future__ import annotations

import io

import pytest
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.cjk_text import Run, break_lines, draw_string
from desktop.reports.fonts import register_report_font

TEXTS = [
    "中文abc（）\\(",
    "",
    "进展：完成 70％，下步计划\xa0推进",
    "中文abc（）\\(",  # again: the same operators from the document's memo
    "𠀀罕见字与常用字混排 2026年",
    "全角　空格、标点。‘引号’“双引号”",
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
            full = _slow_break_lines(runs, font, width, width)
            assert break_lines(runs, font, width, width) == full


def _slow_break_lines(runs: list[Run], font: str, first: float, rest: float) -> object:
    """break_lines without its one-line shortcut."""
    from desktop.reports import cjk_text

    saved = cjk_text._one_line
    cjk_text._one_line = lambda *args: None  # type: ignore[assignment]
    try:
        return cjk_text.break_lines(runs, font, first, rest)
    finally:
        cjk_text._one_line = saved  # type: ignore[assignment]
