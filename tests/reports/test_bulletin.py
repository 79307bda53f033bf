"""督查通报: every figure in the drafted text is the month's model, 第N期 runs per year, requirements stay."""

from __future__ import annotations

import re

from docx import Document
from pypdf import PdfReader
from report_fixtures import AS_OF, MONTH, seed_xian_month

from desktop.cli import main
from desktop.reports.bulletin import render_bulletin
from desktop.services.core.settings import set_setting
from desktop.services.reporting.bulletin import draft_bulletin, set_requirements
from desktop.services.reporting.report_data import gather_monthly

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def numbers(text: str) -> list[str]:
    """The figures of a sentence, leaving out dates and task numbering (二、（一）3.)."""
    text = re.sub(r"\d{4}年\d{1,2}月(\d{1,2}日)?", "", text)
    text = re.sub(r"^\d+．|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.(?=\D)", "", text)
    return NUMBER.findall(text)


def test_every_figure_of_the_drafted_text_comes_from_the_model(db, tmp_path):
    month = seed_xian_month(db)
    b = draft_bulletin(db, plan_id=month.plan_id, month=MONTH, as_of=AS_OF)
    data = gather_monthly(db, plan_id=month.plan_id, month=MONTH, as_of=AS_OF, live=True)
    before = gather_monthly(db, plan_id=month.plan_id, month="2026-02")  # February is closed: its frozen data
    assert before.frozen
    sm = data.summary
    done_before = {t.node_id for t in before.tasks if t.status == "done"}
    late_before = {a.id for _, a in before.overdue_lines()}
    expected = [
        sm.tasks,
        sm.assignments,
        sm.by_status.get("done", 0),
        sm.by_status.get("in_progress", 0),
        sm.overdue,
        sm.overdue_assignments,
        sm.unassigned,
        sm.share_on_track,
        sum(1 for t in data.tasks if t.status == "done" and t.node_id not in done_before),
        sum(1 for _, a in data.overdue_lines() if a.id not in late_before),
    ]
    assert [float(n) for n in numbers(b.overall)] == [float(v) for v in expected]
    assert sm.overdue_assignments == 10 and expected[-1] > 0  # February's closed month differs from March
    # 三: the longest overdue first, each with its unit and the days it is late.
    late = sorted(data.overdue_lines(), key=lambda ta: -ta[1].days_late(data.as_of))
    for line, (t, a) in zip(b.lagging, late, strict=False):
        assert a.unit in line and t.title in line and numbers(line)[-1] == str(a.days_late(data.as_of))
    # 四: the units most overdue, 未报送, 退回 and 延期, as the model counts them.
    lines = [a for t in data.tasks for a in t.assignments]
    assert numbers(b.problems[1]) == [str(sum(a.missing_report for a in lines))]
    assert numbers(b.problems[2]) == ["1", str(sum(a.extended for a in lines))]  # one report was returned
    top = max(u.overdue for u in data.units)
    assert f"{max(data.units, key=lambda u: (u.overdue, -data.units.index(u))).unit}{top}条" in b.problems[0]
    text = re.sub(
        r"\s+", "", "".join(p.extract_text() for p in PdfReader(render_bulletin(b, tmp_path / "b.pdf")).pages)
    )
    assert "督查通报" in text and "第1期" in text and re.sub(r"\s+", "", b.overall) in text
    assert "附件1、各单位推进情况" in text


def test_issues_are_numbered_per_year_and_requirements_are_remembered(db, db_url, tmp_path):
    month = seed_xian_month(db)
    assert draft_bulletin(db, plan_id=month.plan_id, month="2026-02").issue == 1  # a draft takes no number
    assert draft_bulletin(db, plan_id=month.plan_id, month="2026-02", issue=True).issue == 1
    assert draft_bulletin(db, plan_id=month.plan_id, month=MONTH, issue=True).issue == 2
    assert draft_bulletin(db, plan_id=month.plan_id, month="2026-02", issue=True).issue == 1  # a reprint
    set_requirements(db, plan_id=month.plan_id, text="请各单位于4月10日前完成整改。")
    set_setting(db, "bulletin", {"masthead": "工作进展通报", "issuer": "西安市督查办公室"})
    b = draft_bulletin(db, plan_id=month.plan_id, month=MONTH)
    assert b.requirements == "请各单位于4月10日前完成整改。" and b.masthead == "工作进展通报"
    out = tmp_path / "通报.pdf"
    argv = [
        "--db",
        db_url,
        "report",
        "bulletin",
        "--plan",
        str(month.plan_id),
        "--month",
        MONTH,
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(out).pages))
    assert (
        "工作进展通报" in text
        and "第2期" in text
        and "西安市督查办公室" in text
        and "4月10日前完成整改" in text
    )
    word = tmp_path / "通报.docx"
    assert main([*argv[:-1], str(word)]) == 0
    paragraphs = [(p.style.name, p.text) for p in Document(str(word)).paragraphs]
    assert ("正文", b.overall) in paragraphs
    assert ("一级标题", "五、下一步工作要求") in paragraphs and ("正文", b.requirements) in paragraphs
