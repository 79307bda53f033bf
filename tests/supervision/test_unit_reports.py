"""A unit's own 进展情况报告 becomes proposals the office confirms: for the Xi'an plan, reports written the way
units write them (tests/supervision/unit_report_writer.py, which keeps what it wrote) are read back, every passage
proposed — for the right task in at least nine cases of ten — and nothing is written before confirmation."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from sqlalchemy import func, select
from unit_report_writer import write_report

from desktop.clock import fixed_today
from desktop.models import Assignment, Evidence, PlanNode, ProgressEntry, Unit
from desktop.services.plans.adopt import adopt_responsibilities
from desktop.services.plans.plan_import import import_file
from desktop.services.supervision.unit_reports import Accepted, apply_unit_report, read_unit_report
from desktop.storage import Database

XIAN = Path(__file__).resolve().parents[2] / "resources" / "plans" / "xian_jiliang_2024.txt"
UNITS = ("西安市市场监督管理局", "西安市工业和信息化局", "西安市科学技术局")


@pytest.fixture
def xian(db: Database) -> int:
    with fixed_today(dt.date(2024, 9, 1)):
        plan_id = import_file(db, path=XIAN, backup=False).plan_id
        adopt_responsibilities(db, plan_id=plan_id)
    return plan_id


def _tasks(db: Database, unit: str) -> list[tuple[int, str, str]]:
    with db.read() as s:
        return list(
            s.execute(
                select(Assignment.id, PlanNode.title, PlanNode.text)
                .join(PlanNode, PlanNode.id == Assignment.node_id)
                .join(Unit, Unit.id == Assignment.unit_id)
                .where(Unit.name == unit)
            ).tuples()
        )


def test_written_reports_are_proposed_for_the_tasks_they_name(
    db: Database, xian: int, tmp_path: Path
) -> None:
    right = total = 0
    for seed in range(120):
        rng = random.Random(seed)
        unit = UNITS[seed % len(UNITS)]
        report = write_report(rng, unit, _tasks(db, unit), "2024-10")
        path = tmp_path / f"r{seed}.txt"
        path.write_text(report.text, encoding="utf-8")
        preview = read_unit_report(db, path=path, plan_id=xian, unit=unit, period="2024-10")
        # every passage it wrote is proposed, in its order; none dropped, none made up
        assert len(preview.proposals) == len(report.truth), (seed, report.text)
        for got, want in zip(preview.proposals, report.truth, strict=True):
            total += 1
            right += got.choice is not None and got.choice.assignment_id == want.assignment_id
            assert got.percent == want.percent, (seed, got.passage.text)
            assert (want.problems in got.problems) if want.problems else got.problems == ""
            assert (want.steps in got.next_steps) if want.steps else got.next_steps == ""
            if want.problems:
                assert want.problems not in got.text
    assert right / total >= 0.9, f"{right}/{total}"


def test_nothing_is_written_until_the_office_confirms_then_all_at_once(
    db: Database, xian: int, tmp_path: Path
) -> None:
    unit = UNITS[0]
    report = write_report(random.Random(7), unit, _tasks(db, unit), "2024-10")
    path = tmp_path / "report.txt"
    path.write_text(report.text, encoding="utf-8")
    with fixed_today(dt.date(2024, 10, 28)):
        preview = read_unit_report(db, path=path, plan_id=xian, unit=unit, period="2024-10")
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(ProgressEntry)) == 0
        accepted = [
            Accepted(p.choice.assignment_id, p.text, p.percent, p.problems, p.next_steps)
            for p in preview.proposals
            if p.choice is not None
        ]
        change = apply_unit_report(db, path=path, period="2024-10", accepted=accepted)
    with db.read() as s:
        entries = s.scalars(select(ProgressEntry)).all()
        assert len(entries) == len(accepted) and {e.source for e in entries} == {"unit_report"}
        assert {e.assignment_id for e in entries} == change.assignment_ids
        # the report itself kept as 佐证 of each entry
        assert {e.file_name for e in s.scalars(select(Evidence))} == {"report.txt"}
        assert s.scalar(select(func.count()).select_from(Evidence)) == len(entries)


def test_a_bad_proposal_writes_nothing(db: Database, xian: int, tmp_path: Path) -> None:
    unit = UNITS[0]
    [(aid, _title, _text), *_] = _tasks(db, unit)
    path = tmp_path / "report.txt"
    path.write_text("一、关于计量工作\n已完成调研。\n", encoding="utf-8")
    with pytest.raises(Exception, match="百分比|完成"):
        apply_unit_report(
            db, path=path, period="2024-10", accepted=[Accepted(aid, "已完成调研"), Accepted(aid, "x", 180)]
        )
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ProgressEntry)) == 0


def test_a_passage_about_no_task_is_listed_not_dropped(db: Database, xian: int, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "一、关于服务汽车制造工作\n我局组织开展汽车制造企业计量需求调研，目前已完成60%。\n"
        "二、关于机关食堂改造工作\n食堂改造方案已报送机关事务局审批，预计年底前完工。\n",
        encoding="utf-8",
    )
    preview = read_unit_report(db, path=path, plan_id=xian, unit=UNITS[0], period="2024-10")
    assert [p.choice.title if p.choice else None for p in preview.proposals] == ["服务汽车制造", None]
    assert [p.passage.heading for p in preview.unmatched] == ["二、关于机关食堂改造工作"]
