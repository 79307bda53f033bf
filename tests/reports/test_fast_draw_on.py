"""A report text placed by its own drawOn writes what reportlab's Flowable.drawOn writes, and leaves the same state."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from desktop.reports.cjk_text import CJKText, Run
from desktop.reports.fonts import register_report_font

STATE = ("_fontname", "_fontsize", "_leading", "_fillColorObj", "_currentMatrix")


def _texts(font: str) -> list[CJKText]:
    red, grey = colors.HexColor("#C00000"), colors.HexColor("#404040")
    see_through = colors.Color(0.2, 0.4, 0.6, alpha=0.5)
    out = [
        CJKText("进展：完成 70％，下步计划推进" * 5, font, size=9.5, leading=14, left_indent=12),
        CJKText("逾期 3 天", font, color=red, align="center"),
        CJKText(
            [Run("1.1 任务", 11.5, red), Run("　［牵头：某单位｜", 9, grey), Run("进行中", 9, red)], font
        ),
        CJKText("半透明的字", font, color=see_through, align="right"),
        CJKText("CMYK 的字", font, color=colors.CMYKColor(0.1, 0.2, 0.3, 0.4)),
        CJKText("", font),
    ]
    for t in out:
        t.wrap(200, 1000)
    return out


def _code(font: str, place: Any) -> tuple[list[str], list[tuple[Any, ...]], float]:
    canv = Canvas(io.BytesIO(), invariant=1)
    canv.setFont(font, 12)
    start = len(canv._code)
    states = []
    for i, t in enumerate(_texts(font) * 2):
        place(t, canv, 20.5 + i, 700.25 - 40 * i, 10 * (i % 2))
        states.append(tuple(getattr(canv, name) for name in STATE))
        states.append(tuple(sorted(canv._extgstate._d.items())))
    return canv._code[start:], states, canv._doc._pdfVersion


def test_draw_on_writes_what_flowable_draw_on_writes() -> None:
    font = register_report_font()
    ours = _code(font, lambda t, canv, x, y, sw: t.drawOn(canv, x, y, sw))
    theirs = _code(font, lambda t, canv, x, y, sw: Flowable.drawOn(t, canv, x, y, sw))
    assert ours == theirs
