"""The Xi'an plan's mid-term evaluation report: PDF and .docx, every figure traced back to its rows."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from sqlalchemy import select
from xian_data import load_xian

from desktop.cli import main
from desktop.models import Assignment, Indicator, IndicatorValue, PlanNode, Unit
from desktop.reports.evaluation_docx import render_evaluation_docx
from desktop.reports.evaluation_model import exact
from desktop.reports.evaluation_pdf import render_evaluation_pdf
from desktop.services.evaluation.assessment import gather_evaluation
from desktop.services.evaluation.figures import t_quantile, year_of
from desktop.storage import Database

MIDTERM = dt.date(2025, 2, 28)  # half way from 2024-04-28 (issued) to the end of 2025


def flat(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture
def xian(db: Database) -> tuple[Database, int]:
    return db, load_xian(db)


def test_midterm_pdf_reads_in_chinese(xian: tuple[Database, int], tmp_path: Path) -> None:
    db, plan_id = xian
    data = gather_evaluation(db, plan_id=plan_id, kind="midterm")
    assert data.as_of == MIDTERM
    out = render_evaluation_pdf(data, tmp_path / "评估.pdf")
    reader = PdfReader(out)
    text = flat("".join(p.extract_text() for p in reader.pages))
    assert "实施方案中期评估报告" in text and "评估截止日期：2025年2月28日" in text
    positions = [
        text.index(h)
        for h in ("一、总体评价", "二、主要指标", "三、重点任务", "四、存在问题", "五、下一步建议")
    ]
    assert positions == sorted(positions)
    with db.read() as s:
        names = list(s.scalars(select(Indicator.name).where(Indicator.plan_id == plan_id)))
    assert len(names) == 15 and all(flat(n) in text for n in names)
    assert "指标走势图" in text and "附：指标数据明细" in text
    fonts = {
        str(f.get_object()["/BaseFont"])
        for page in reader.pages
        for f in (page["/Resources"].get("/Font") or {}).values()
    }
    assert fonts and not any("Helvetica" in f or "Times" in f for f in fonts)  # only the embedded CJK font
    # The same data gives the same bytes.
    again = render_evaluation_pdf(data, tmp_path / "again.pdf")
    assert again.read_bytes() == out.read_bytes()


def _fit(points: list[tuple[float, float]], x0: float) -> tuple[float, float | None]:
    """Least squares worked out again from the appendix rows: forecast and half width of the interval."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    b = sum((x - mx) * (y - my) for x, y in points) / sxx
    a = my - b * mx
    if n < 3:
        return a + b * x0, None
    s = (sum((y - a - b * x) ** 2 for x, y in points) / (n - 2)) ** 0.5
    return a + b * x0, t_quantile(n - 2) * s * (1 + 1 / n + (x0 - mx) ** 2 / sxx) ** 0.5


def test_docx_figures_trace_back_to_the_rows(xian: tuple[Database, int], tmp_path: Path) -> None:
    db, plan_id = xian
    data = gather_evaluation(
        db, plan_id=plan_id, kind="midterm", suggestions=["加快市级产业计量测试中心建设。"]
    )
    doc = Document(str(render_evaluation_docx(data, tmp_path / "评估.docx")))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == data.title and "五、下一步建议" in paragraphs
    assert paragraphs[paragraphs.index("五、下一步建议") + 1] == "1. 加快市级产业计量测试中心建设。"
    indicators, _details, chapters, units, *_rest, appendix = doc.tables
    with db.read() as s:
        inds = s.execute(
            select(Indicator.id, Indicator.name, Indicator.unit_of_measure, Indicator.target_text)
            .add_columns(Indicator.base_year, Indicator.base_value)
            .where(Indicator.plan_id == plan_id)
            .order_by(Indicator.position)
        ).all()
        values = {
            i.id: s.execute(
                select(IndicatorValue.id, IndicatorValue.measured_on, IndicatorValue.value)
                .where(IndicatorValue.indicator_id == i.id, IndicatorValue.measured_on <= MIDTERM)
                .order_by(IndicatorValue.measured_on)
            ).all()
            for i in inds
        }
        tasks = s.execute(
            select(Assignment.node_id, Unit.name, Assignment.role)
            .join(Unit, Unit.id == Assignment.unit_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.plan_id == plan_id)
        ).all()
    rows = [[c.text for c in r.cells] for r in indicators.rows[1:]]
    assert [r[1] for r in rows] == [i.name for i in inds]
    listed = [[c.text for c in r.cells] for r in appendix.rows[1:]]
    for row, ind in zip(rows, inds, strict=True):
        _n, _name, unit, _attr, base, target, latest, forecast, _verdict = row
        vals = values[ind.id]
        assert unit == ind.unit_of_measure and target.startswith(ind.target_text)
        assert base == (f"{ind.base_year}年 {exact(ind.base_value)}" if ind.base_value is not None else "—")
        assert latest == (
            f"{exact(vals[-1].value)}\n（{vals[-1].measured_on.isoformat()}）" if vals else "未录入"
        )
        # The appendix lists exactly this indicator's rows (and its base), each with its record number.
        mine = [r for r in listed if r[0] == ind.name]
        recorded = [r for r in mine if r[4] != "—"]
        assert [(r[1], r[2], r[4]) for r in recorded] == [
            (v.measured_on.isoformat(), exact(v.value), f"#{v.id}") for v in vals
        ]
        if forecast == "—":
            continue
        pts = [(year_of(dt.date.fromisoformat(r[1])), float(r[2])) for r in recorded]
        pts += [(float(r[1][:4]), float(r[2])) for r in mine if r[4] == "—"]
        y, half = _fit(pts, 2025.0)
        printed = re.findall(r"-?\d+(?:\.\d+)?", forecast.replace("2025年", ""))
        assert float(printed[0]) == pytest.approx(y, abs=0.01)
        if half is not None:
            assert float(printed[1]) == pytest.approx(y - half, abs=0.01)
            assert float(printed[2]) == pytest.approx(y + half, abs=0.01)
    # Task shares: chapters add up to the total, which counts the tasks with assignments; units their assignments.
    chapter_rows = [[c.text for c in r.cells] for r in chapters.rows[1:]]
    total = chapter_rows[-1]
    assert total[0] == "合计" and int(total[1]) == len({n for n, _u, _r in tasks})
    assert sum(int(r[1]) for r in chapter_rows[:-1]) == int(total[1])
    for col in (2, 3, 4):
        assert sum(int(r[col].split("（")[0]) for r in chapter_rows[:-1]) == int(total[col].split("（")[0])
    per_unit = Counter(u for _n, u, _r in tasks)
    assert {r.cells[0].text: int(r.cells[1].text) for r in units.rows[1:]} == dict(per_unit)


def test_evaluate_command(xian: tuple[Database, int], db_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _db, plan_id = xian
    notes = tmp_path / "建议.txt"
    notes.write_text("建议一\n\n建议二\n", encoding="utf-8")
    out = tmp_path / "annual.docx"
    args = ["--db", db_url, "evaluate", "--plan", str(plan_id), "--as-of", "2024-12-31", "--kind", "annual"]
    assert main([*args, "-o", str(out), "--suggestions", str(notes)]) == 0
    paragraphs = [p.text for p in Document(str(out)).paragraphs]
    assert paragraphs[0].endswith("2024年度评估报告")
    at = paragraphs.index("五、下一步建议")
    assert paragraphs[at + 1 : at + 3] == ["1. 建议一", "2. 建议二"]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("计量大数据应用中心（个）" in line and "提前实现" in line for line in lines)
    assert main([*args, "--json"]) == 0
    dumped = json.loads(capsys.readouterr().out)
    assert dumped["as_of"] == "2024-12-31" and len(dumped["indicators"]) == 15
    assert dumped["tasks"]["overall"]["total"] == 24
    assert main([*args, "-o", str(tmp_path / "x.xlsx")]) == 1
    assert "只能保存为 .pdf 或 .docx" in capsys.readouterr().err
    with _db.read() as s:
        ind = s.scalar(select(Indicator.id).where(Indicator.name == "标准物质数量（项）"))
    base = ["--db", db_url, "baseline", str(ind), "--year", "2020", "--value", "40"]
    assert main([*base, "--stages", "2030:150"]) == 0
    assert main(args) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "标准物质数量（项）" in x)
    assert "基期 2020年 40" in line
    assert main([*base, "--stages", "2030"]) == 1
    assert "应写成 年份:目标值" in capsys.readouterr().err
