"""The 督查通报 as an A4 PDF: red masthead with 第N期, the drafted sections, the model's tables as 附件."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable, HRFlowable

from ..fileio import atomic_path
from .bulletin_model import Bulletin
from .cjk_text import CJKText
from .fonts import register_report_font
from .monthly import _attention, _units
from .pdf_common import RED, binary_streams, cn_date, numbered_canvas, styles, text

BODY = 12


def _para(value: str, font: str, *, size: float = BODY, indent: bool = True) -> CJKText:
    return CJKText(value, font, size=size, leading=size * 1.75, first_indent=2 * size if indent else 0)


def story(b: Bulletin) -> list[Flowable]:
    font = register_report_font()
    st = styles(font)
    mast = CJKText(b.masthead, font, size=40, leading=52, color=RED, align="center")
    out: list[Flowable] = [
        Spacer(1, 8 * mm),
        mast,
        CJKText(f"第{b.issue}期", font, size=14, leading=24, align="center"),
        CJKText(
            f"{b.issuer}　　　　　　　　　　{cn_date(b.issued_on)}", font, size=12, leading=20, align="center"
        ),
        HRFlowable(width="100%", thickness=1.5, color=RED, spaceBefore=2, spaceAfter=6 * mm),
        Paragraph(text(b.title), st["title"]),
        Spacer(1, 2 * mm),
    ]

    def section(heading: str, paragraphs: list[str], empty: str) -> None:
        out.append(_para(heading, font, indent=True))
        for p in paragraphs or [empty]:
            out.append(_para(p, font))

    section("一、总体情况", [b.overall], "")
    section("二、主要指标", b.indicators, "主要指标均达到序时进度或目标要求。")
    section("三、重点任务推进滞后情况", b.lagging, "本期无逾期任务。")
    section("四、存在问题", b.problems, "暂无。")
    section("五、下一步工作要求", [b.requirements], "")
    out.append(_para("附件：1．各单位推进情况　2．逾期及临期任务清单", font))
    out.append(PageBreak())
    out += _units(b.data, st, "附件1")
    out.append(Spacer(1, 4 * mm))
    out += _attention(b.data, st, "附件2")
    return out


def render_bulletin(b: Bulletin, path: str | os.PathLike[str]) -> Path:
    """Write the bulletin; the same bulletin always gives the same bytes."""
    font = register_report_font()
    target = Path(path)
    with atomic_path(target) as tmp:
        doc: Any = SimpleDocTemplate(
            str(tmp),
            pagesize=A4,
            leftMargin=25 * mm,
            rightMargin=25 * mm,
            topMargin=22 * mm,
            bottomMargin=20 * mm,
            title=f"{b.masthead} {b.year}年第{b.issue}期",
            author=b.issuer or "PlanDesk",
            creator="PlanDesk 规划督办台",
            invariant=1,
            lang="zh-CN",
            initialFontName=font,
        )
        with binary_streams():
            doc.build(story(b), canvasmaker=numbered_canvas(f"{b.masthead} 第{b.issue}期", b.issued_on, font))
    return target
