"""雷同: a report that repeats the unit's previous report, or another unit's report of the month, is marked in the
workbook import's review and in the ledger — never refused. The generated texts carry their own truth: a copy with
a few characters changed is a copy, a text written apart is not."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.clock import fixed_today
from desktop.rulebook import echo_text, echoes
from desktop.services.exchange.workbooks import apply_workbooks, export_workbooks, read_workbooks
from desktop.services.reporting.ledger import ledger_rows
from desktop.services.supervision.assignments import add_progress
from desktop.storage import Database

# Two vocabularies with no character in common: texts drawn from different ones share nothing.
WORDS_A = ["计量", "检测", "平台", "建设", "完成", "选址", "方案", "编制", "资金", "落实", "召开", "会议"]
WORDS_B = ["标准", "体系", "印发", "培训", "人员", "开展", "督查", "整改", "验收", "通过", "申报", "项目"]
FILLERS = "组织推动加快深化"


def _text(rng: random.Random, words: list[str], n: int) -> str:
    return "，".join("".join(rng.choice(words) for _ in range(3)) for _ in range(n)) + "。"


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 10**9), clauses=st.integers(3, 30))
def test_copies_are_found_and_texts_written_apart_are_not(seed: int, clauses: int) -> None:
    rng = random.Random(seed)
    base = _text(rng, WORDS_A, clauses)
    # the same words, punctuation and spacing changed: a copy
    respaced = " ".join(base.replace("，", "、").replace("。", "；"))
    assert echoes(echo_text(base), echo_text(respaced))
    # at most one character in 40 replaced: still a copy (≥ 97 % alike)
    chars = list(base)
    positions = [i for i, c in enumerate(chars) if c not in "，。"]
    for i in rng.sample(positions, len(positions) // 40):
        chars[i] = rng.choice(FILLERS)
    assert echoes(echo_text(base), echo_text("".join(chars)))
    # a report written apart (other words): not a copy, however long
    assert not echoes(echo_text(base), echo_text(_text(rng, WORDS_B, clauses)))
    # a third of the characters replaced: not a copy
    chars = list(base)
    for i in rng.sample(positions, len(positions) // 3):
        chars[i] = rng.choice(FILLERS)
    assert not echoes(echo_text(base), echo_text("".join(chars)))


def test_short_reports_are_never_called_copies() -> None:
    assert not echoes(echo_text("按计划推进。"), echo_text("按计划推进。"))


# -- in the office's outputs -------------------------------------------------------------------------------

SAME = "已完成碳计量中心选址论证，正在编制建设方案，计划年底前报审。"


@pytest.fixture
def plan(db: Database) -> dict[str, int]:
    from desktop.services.core.tree import children, get_plan
    from desktop.services.plans.plan_import import import_plan
    from desktop.services.supervision.assignments import create_assignment

    from factories import small_plan

    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    root = get_plan(db, plan_id=plan_id).root_id
    chapter = children(db, node_id=root)[0]  # type: ignore[arg-type]
    t1, t2 = children(db, node_id=children(db, node_id=chapter.id)[0].id)
    with fixed_today(dt.date(2024, 5, 1)):
        return {
            "plan": plan_id,
            "a1": create_assignment(db, node_id=t1.id, unit="区市场监管局").id,
            "a2": create_assignment(db, node_id=t2.id, unit="区市场监管局").id,
            "b1": create_assignment(db, node_id=t1.id, unit="区科委", role="co").id,
        }


def _fill(path: Path, texts: dict[int, str]) -> None:
    from openpyxl import load_workbook

    from desktop.exchange.workbook_format import DATA_SHEET

    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    cols = {c.value: c.column for c in ws[3] if c.value}
    for index, text in texts.items():
        ws.cell(row=3 + index, column=cols["本月进展"], value=text)
    wb.save(path)


def test_a_workbook_repeating_last_month_is_marked_not_refused(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    with fixed_today(dt.date(2024, 6, 20)):
        add_progress(db, assignment_id=plan["a1"], period="2024-06", text=SAME)
    with fixed_today(dt.date(2024, 7, 20)):
        [path] = export_workbooks(
            db, plan_id=plan["plan"], unit="区市场监管局", out=tmp_path / "a.xlsx", period="2024-07"
        )
        _fill(path, {1: SAME.replace("，", "；"), 2: "标准体系征求意见稿已印发各单位，收到反馈意见十二条。"})
        [f] = read_workbooks(db, paths=[path]).files
        assert not f.blocked
        hints = [p.message for p in f.problems if not p.blocking]
        assert len(hints) == 1 and "与上月雷同" in hints[0]
        assert apply_workbooks(db, paths=[path]).files[0].applied
        rows = list(ledger_rows(db, plan_id=plan["plan"]))
    progress = [row[12] for row in rows if row[12]]
    assert any(p.endswith("（与上月雷同）") for p in progress)
    assert sum("雷同" in p for p in progress) == 1  # the other report is its own


def test_two_units_sending_the_same_text_for_one_task_are_both_marked(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    with fixed_today(dt.date(2024, 6, 20)):
        [a] = export_workbooks(
            db, plan_id=plan["plan"], unit="区市场监管局", out=tmp_path / "a.xlsx", period="2024-06"
        )
        [b] = export_workbooks(
            db, plan_id=plan["plan"], unit="区科委", out=tmp_path / "b.xlsx", period="2024-06"
        )
        _fill(a, {1: SAME})
        _fill(b, {1: SAME})
        files = read_workbooks(db, paths=[a, b]).files
        assert not any(f.blocked for f in files)
        assert [[p.message for p in f.problems if not p.blocking] for f in files] == [
            ["本月进展与区科委雷同，请核实是否照抄了以往或其他单位的材料"],
            ["本月进展与区市场监管局雷同，请核实是否照抄了以往或其他单位的材料"],
        ]
