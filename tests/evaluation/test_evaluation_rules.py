"""The evaluation report follows the rulebook: what an office found wrong in the 中期评估, read back from the report.

1. "时间过半、任务过半" is said only when both are past half (rulebook.progress_verdict), both shares stated;
2. a task is as rulebook.task_status says (the lead decides; the worst of several leads; every unit when none
   leads), its 完成% as rulebook.task_percent says;
3. the base of year Y is a value measured in year Y: a value of another date is never taken silently;
4. "任务滞后较多的单位" are the units with the most lagging assignments, ties all named (rulebook.most);
5. on a past day only the progress reported by that day counts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rule_plans import docx_paragraphs, docx_tables, flat, import_tasks, pdf_text, table_after, task_plan
from sqlalchemy import select, update

from desktop import clock, rulebook
from desktop.importers.parsed import ParsedIndicator
from desktop.models import Assignment, Indicator, PlanNode, ProgressEntry
from desktop.services.evaluation.assessment import gather_evaluation, render_report, set_indicator_base
from desktop.services.plans.indicators import set_indicator_value
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import Database

MARKET = "区市场监管局"
REFORM = "区发展改革委"
SCIENCE = "区科委"


def _write(db: Database, plan_id: int, as_of: dt.date, tmp_path: Path, name: str) -> Path:
    data = gather_evaluation(db, plan_id=plan_id, as_of=as_of, kind="midterm")
    return render_report(data, tmp_path / name)


def _total_row(path: Path) -> list[str]:
    """The 合计 row of 按章节: 章节, 任务数, 已完成, 序时推进, 滞后, 暂缓, 平均完成."""
    rows = table_after(path, "按章节")
    assert rows[-1][0] == "合计"
    return rows[-1]


# -- 1. 时间过半、任务过半 ------------------------------------------------------------------------------------


def test_half_time_half_work_is_said_only_when_true(db: Database, tmp_path: Path) -> None:
    units = [[(MARKET, "lead")], [(REFORM, "lead")], [(SCIENCE, "lead")]]
    with clock.fixed_today(dt.date(2024, 1, 2)):
        plan_id, nodes = import_tasks(db, task_plan(units, issued_on=dt.date(2024, 1, 1)))
        ids = [
            create_assignment(
                db, node_id=nodes[f"{i}."], unit=u[0][0], start_date="2024-01-01", deadline="2025-12-31"
            ).id
            for i, u in enumerate(units, start=1)
        ]
    for a, pct in zip(ids, (100, 40, 22), strict=True):
        add_progress(
            db, assignment_id=a, period="2024-12", text="推进。", percent=pct, reported_on="2024-12-20"
        )
    # The plan runs 2024-01-01 to the last deadline, 2025-12-31; the work stays at (100 + 40 + 22) / 3 = 54 %.
    end = dt.date(2025, 12, 31)
    with clock.fixed_today(dt.date(2026, 1, 15)):
        docx = _write(db, plan_id, end, tmp_path, "评估.docx")
        pdf = _write(db, plan_id, end, tmp_path, "评估.pdf")
        on = {
            day: gather_evaluation(db, plan_id=plan_id, as_of=day).tasks
            for day in ("2024-12-31", "2025-01-31")
        }
    # All of the time with 54 % of the work: nothing is "过半" together, and both shares are stated.
    verdict = rulebook.progress_verdict(100.0, 54.0)
    assert verdict.startswith("时间进度100.0%，任务完成54.0%") and "落后于时间进度46.0个百分点" in verdict
    paragraphs = docx_paragraphs(docx)
    assert "过半" not in "\n".join(paragraphs) and "过半" not in pdf_text(pdf)
    judgement = paragraphs[paragraphs.index("三、重点任务") + 1]
    assert judgement.startswith(verdict) and "已完成 1/3 项" in judgement
    assert flat(verdict) in pdf_text(pdf)
    assert any(p.startswith("重点任务 3 项") and verdict in p for p in paragraphs)  # 一、总体评价 too

    # Half of the time (365 of 730 days) with 54 % of the work: now it is true, and said.
    half = on["2024-12-31"]
    assert half.time_share == 50.0
    assert (
        half.judgement.startswith(rulebook.progress_verdict(50.0, 54.0))
        and "时间过半、任务过半" in half.judgement
    )
    # A month on, 54.2 % of the time against 54 % of the work: behind the time, not "过半" with it.
    month_on = on["2025-01-31"]
    assert month_on.time_share == 54.2
    assert "过半" not in month_on.judgement and "落后于时间进度0.2个百分点" in month_on.judgement


# -- 2. the lead decides ------------------------------------------------------------------------------------


def test_tasks_are_counted_by_the_rulebook(db: Database, tmp_path: Path) -> None:
    units = [
        [(MARKET, "lead"), (SCIENCE, "co")],  # 1. the lead done, the cooperating unit overdue: done
        [(MARKET, "lead"), (REFORM, "lead")],  # 2. one lead done, the other suspended: the worst, 暂缓
        [(SCIENCE, "lead")],  # 3. reported 100 % but kept in progress by the office: not done
        [(MARKET, "co"), (REFORM, "co")],  # 4. no lead: every unit decides, one still at 50 %
        [(REFORM, "lead")],  # 5. done
    ]
    day = dt.date(2025, 6, 30)
    with clock.fixed_today(day):
        plan_id, nodes = import_tasks(db, task_plan(units, issued_on=dt.date(2025, 1, 1)))

        def assign(task: str, unit: str, role: str, **kw: object) -> None:
            create_assignment(
                db,
                node_id=nodes[task],
                unit=unit,
                role=role,
                start_date="2025-01-01",
                deadline=kw.pop("deadline", "2025-12-31"),
                **kw,  # type: ignore[arg-type]
            )

        assign("1.", MARKET, "lead", status="done")
        assign("1.", SCIENCE, "co", deadline="2025-03-31", status="in_progress", percent=20)
        assign("2.", MARKET, "lead", status="done")
        assign("2.", REFORM, "lead", status="suspended", percent=30)
        assign("3.", SCIENCE, "lead", status="in_progress", percent=100)
        assign("4.", MARKET, "co", status="done")
        assign("4.", REFORM, "co", status="in_progress", percent=50)
        assign("5.", REFORM, "lead", status="done")
        docx = _write(db, plan_id, day, tmp_path, "评估.docx")
    # What the rulebook says of each task, from the assignments as the monthly report reads them.
    with db.read() as s:
        rows = s.execute(
            select(Assignment.node_id, Assignment.role, Assignment.status, Assignment.workflow_state)
            .add_columns(Assignment.deadline, Assignment.percent)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.plan_id == plan_id)
            .order_by(Assignment.id)
        ).all()
    by_task: dict[int, list[tuple[str, str, int]]] = {}
    for node_id, role, status, workflow, deadline, percent in rows:
        eff = rulebook.supervised_status(status, workflow, deadline, day)
        by_task.setdefault(node_id, []).append((role, eff, 100 if eff == "done" else percent))
    statuses = {
        n: rulebook.task_status([r for r, _s, _p in v], [st for _r, st, _p in v]) for n, v in by_task.items()
    }
    percents = {
        n: rulebook.task_percent([r for r, _s, _p in v], [p for _r, _s, p in v])
        for n, v in by_task.items()
        if statuses[n] != "suspended"
    }
    done = sum(1 for st in statuses.values() if st == "done")
    suspended = sum(1 for st in statuses.values() if st == "suspended")
    assert (done, suspended) == (2, 1)  # tasks 1. and 5.; task 2.
    mean = sum(percents.values()) / len(percents)  # (100 + 100 + 50 + 100) / 4
    assert mean == 87.5

    total = _total_row(docx)
    assert total[1:3] == ["5", "2（40%）"] and total[5] == "1" and total[6] == "87.5%"
    paragraphs = docx_paragraphs(docx)
    assert any(p.startswith("重点任务 5 项，已完成 2 项（40%）") for p in paragraphs)
    assert "已完成 2/5 项" in paragraphs[paragraphs.index("三、重点任务") + 1]
    # By unit every assignment counts on its own: 区科委's overdue cooperation on task 1. is its own.
    units_table = {r[0]: r for r in table_after(docx, "按责任单位")[1:]}
    assert units_table[SCIENCE][4] == "1（50%）"


# -- 3. the base of year Y --------------------------------------------------------------------------------


def test_a_base_is_a_value_of_its_own_year(db: Database, tmp_path: Path) -> None:
    indicators = [
        ParsedIndicator("计量服务覆盖率", "≥90%", unit="%", operator="≥", target_value=90, year=2030),
        ParsedIndicator("社会公用计量标准（项）", "100", unit="项", target_value=100, year=2030),
        ParsedIndicator("计量技术机构（家）", "200", unit="家", target_value=200, year=2030),
    ]
    parsed = task_plan([[(MARKET, "lead")]], issued_on=dt.date(2026, 3, 1), indicators=indicators)
    plan_id, _nodes = import_tasks(db, parsed)  # 2026–2030: the base year is 2025
    with db.read() as s:
        ids = {i.name: i.id for i in s.scalars(select(Indicator).where(Indicator.plan_id == plan_id))}
    series = {
        # Nothing measured in 2025: the first value is of 2026-06-30 and must not pass for the 2025 base.
        "计量服务覆盖率": [("2026-06-30", 60), ("2026-12-31", 66), ("2027-12-31", 72)],
        # The 2025 base recorded as such; the 2026-06-30 value is a value of its own, not the base.
        "社会公用计量标准（项）": [("2026-06-30", 55), ("2026-12-31", 60), ("2027-12-31", 70)],
        # No base recorded, but a value of 2025: it is taken, and the report says which and of when.
        "计量技术机构（家）": [("2025-12-31", 100), ("2026-12-31", 120), ("2027-12-31", 130)],
    }
    for name, values in series.items():
        for day, value in values:
            set_indicator_value(db, indicator_id=ids[name], value=value, measured_on=day, source="统计")
    set_indicator_base(db, indicator_id=ids["社会公用计量标准（项）"], base_year=2025, base_value=50)
    with clock.fixed_today(dt.date(2028, 9, 1)):
        docx = _write(db, plan_id, dt.date(2028, 6, 30), tmp_path, "评估.docx")
    indicators_table, details, *_rest = docx_tables(docx)
    base = {r[1]: r[4] for r in indicators_table[1:]}
    notes = {r[1]: r[6] for r in details[1:]}
    assert not base["计量服务覆盖率"].startswith("2025年 60")
    assert base["计量服务覆盖率"] == "缺2025年基期值"
    assert "2025年" in notes["计量服务覆盖率"] and "2026-06-30" in notes["计量服务覆盖率"]
    assert base["社会公用计量标准（项）"] == "2025年 50"
    assert base["计量技术机构（家）"] == "2025年 100*（2025-12-31）"
    assert "2025-12-31" in notes["计量技术机构（家）"]
    appendix = table_after(docx, "附：指标数据明细")
    standards = [r[1:] for r in appendix if r[0] == "社会公用计量标准（项）"]
    assert standards[0] == ["2025年（基期）", "50", "基期", "—"]
    assert [r[0] for r in standards[1:]] == ["2026-06-30", "2026-12-31", "2027-12-31"]


# -- 4. the units lagging most ----------------------------------------------------------------------------

LAGGING = {  # unit: (lagging assignments, assignments on schedule)
    MARKET: (13, 27),  # 13 of 40: the most, though the smallest share
    REFORM: (2, 0),
    SCIENCE: (2, 1),
    "区财政局": (2, 0),
    "区教委": (1, 0),
    "区民政局": (1, 0),
    "区商务委": (1, 1),
}


def test_units_lagging_most_go_by_count_with_ties(db: Database, tmp_path: Path) -> None:
    plan_units = [[(unit, "lead")] for unit, (late, fine) in LAGGING.items() for _ in range(late + fine)]
    day = dt.date(2025, 6, 30)
    with clock.fixed_today(day):
        plan_id, nodes = import_tasks(db, task_plan(plan_units, issued_on=dt.date(2025, 1, 1)))
        task = 0
        for unit, (late, fine) in LAGGING.items():
            for k in range(late + fine):
                task += 1
                create_assignment(
                    db,
                    node_id=nodes[f"{task}."],
                    unit=unit,
                    start_date="2025-01-01",
                    deadline="2025-03-31" if k < late else "2025-12-31",
                    status="in_progress",
                    percent=60,
                )
        docx = _write(db, plan_id, day, tmp_path, "评估.docx")
        pdf = _write(db, plan_id, day, tmp_path, "评估.pdf")
    counts = [(r[0], int(r[4].split("（")[0])) for r in table_after(docx, "按责任单位")[1:]]
    assert dict(counts) == {unit: late for unit, (late, _fine) in LAGGING.items()}
    most = rulebook.most(counts)
    assert most[0] == (MARKET, 13)
    assert {u for u, _n in most[1:]} == {REFORM, SCIENCE, "区财政局"}  # the third's ties all named
    line = "任务滞后较多的单位：" + "、".join(f"{u}（{n} 项）" for u, n in most) + "。"
    paragraphs = docx_paragraphs(docx)
    at = paragraphs.index("四、存在问题")
    problems = paragraphs[at + 1 : paragraphs.index("五、下一步建议")]
    assert any(p.endswith(line) for p in problems), problems
    assert f"{MARKET}（13 项）" in "".join(problems)
    assert flat(line) in pdf_text(pdf)


# -- 5. as reported at the time ---------------------------------------------------------------------------


def test_a_past_day_counts_only_what_was_reported_by_then(db: Database, tmp_path: Path) -> None:
    units = [[(MARKET, "lead")], [(REFORM, "lead")]]
    with clock.fixed_today(dt.date(2024, 6, 1)):
        plan_id, nodes = import_tasks(db, task_plan(units, issued_on=dt.date(2024, 6, 1)))
        a1, a2 = (
            create_assignment(
                db, node_id=nodes[label], unit=unit, start_date="2024-06-01", deadline="2025-12-31"
            ).id
            for label, unit in (("1.", MARKET), ("2.", REFORM))
        )

    def report(a: int, period: str, pct: int, on: str, *, dated: bool) -> None:
        """A report entered on ``on``; ``dated``: with its 报送日期, else without one (entered_at alone)."""
        with clock.fixed_today(dt.date.fromisoformat(on)):
            entry = add_progress(
                db,
                assignment_id=a,
                period=period,
                text="推进。",
                percent=pct,
                reported_on=on if dated else None,
            ).id
        if not dated:
            with db.write() as s:
                s.execute(update(ProgressEntry).where(ProgressEntry.id == entry).values(reported_on=None))

    report(a1, "2024-11", 60, "2024-11-25", dated=True)
    report(a1, "2024-12", 100, "2025-01-06", dated=True)  # December's report, sent in January
    report(a2, "2024-11", 30, "2024-11-28", dated=False)
    report(a2, "2024-12", 90, "2025-01-03", dated=False)  # entered in January
    with clock.fixed_today(dt.date(2025, 2, 1)):
        docx = _write(db, plan_id, dt.date(2024, 12, 31), tmp_path, "年末.docx")
        later = _write(db, plan_id, dt.date(2025, 1, 31), tmp_path, "一月.docx")
    # On 2024-12-31 only November's reports were in: 60 % and 30 %, nothing done.
    total = _total_row(docx)
    assert total[2] == "0（0%）" and total[6] == "45%"
    # By the end of January both December reports were in.
    total = _total_row(later)
    assert total[2] == "1（50%）" and total[6] == "95%"
