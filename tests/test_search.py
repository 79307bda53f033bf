"""Chinese substring search over titles, texts and progress entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text as sql_text

from desktop.models import PlanNode
from desktop.services.plans import search as search_module
from desktop.services.plans.plan_import import import_file
from desktop.services.plans.search import SearchResult, make_snippet, search
from desktop.services.supervision.assignments import (
    add_progress,
    create_assignment,
    delete_progress,
    update_assignment,
)
from desktop.storage import Database, open_database

from conftest import XIAN


@pytest.fixture
def xian(db: Database) -> int:
    return import_file(db, path=XIAN, backup=False).plan_id


def _node_titled(db: Database, text: str) -> int:
    hits = search(db, query=text).hits
    return next(h.node_id for h in hits if h.source == "title")


def test_three_characters_find_the_carbon_metering_task(db: Database, xian: int) -> None:
    result = search(db, query="碳计量")
    titles = [h for h in result.hits if h.source == "title"]
    assert any(h.snippet == "加强绿色低碳计量测试研究" and h.spans == [(5, 8)] for h in titles)
    assert result.total == len(result.hits) >= 2
    for hit in result.hits:
        assert hit.plan_id == xian
        assert hit.spans and all(hit.snippet[a:b] == "碳计量" for a, b in hit.spans)


def test_two_and_one_character_queries_report_totals(db: Database, xian: int) -> None:
    two, one = search(db, query="计量"), search(db, query="碳")
    three = search(db, query="碳计量")
    assert two.total > 40  # 计量 is the plan's subject: most nodes mention it
    assert one.total >= three.total >= 2
    assert {h.node_id for h in three.hits} <= {h.node_id for h in one.hits}
    assert all(h.snippet[a:b] == "碳" for h in one.hits for a, b in h.spans)
    limited = search(db, query="计量", limit=5)
    assert len(limited.hits) == 5 and limited.total == two.total


def test_query_is_normalised_and_empty_query_finds_nothing(db: Database, xian: int) -> None:
    assert search(db, query="  ").total == 0 and search(db, query="").hits == []
    assert search(db, query=" 碳计量\n").total == search(db, query="碳计量").total
    # Full-width digits typed by an input method find the plain digits of the document.
    assert search(db, query="２０２５").total == search(db, query="2025").total > 0


def test_progress_entries_are_found_and_point_at_their_node(db: Database, xian: int) -> None:
    node_id = _node_titled(db, "加强绿色低碳计量测试研究")
    a = create_assignment(db, node_id=node_id, unit="西安市市场监督管理局", deadline="2025-06-30")
    entry = add_progress(
        db, assignment_id=a.id, period="2025-03", text="已完成钢铁企业碳排放核查试点，建成示范线一条"
    )
    result = search(db, query="核查试点")
    assert result.total == 1
    hit = result.hits[0]
    assert (hit.source, hit.node_id, hit.plan_id, hit.entry_id) == ("progress", node_id, xian, entry.id)
    assert hit.snippet[hit.spans[0][0] : hit.spans[0][1]] == "核查试点"
    # One character and two characters find the entry too.
    assert any(h.entry_id == entry.id for h in search(db, query="钢").hits)
    assert any(h.entry_id == entry.id for h in search(db, query="示范").hits)
    update_assignment(db, assignment_id=a.id, remarks="改了备注")  # unrelated edits keep the entry findable
    assert search(db, query="示范线").total == 1
    delete_progress(db, entry_id=entry.id)
    assert search(db, query="核查试点").total == 0


def test_plan_filter_and_rare_or_missing_words(db: Database, xian: int) -> None:
    assert search(db, query="碳计量", plan_id=xian + 1).total == 0
    assert search(db, query="量子增强激光雷达", plan_id=xian).total == 1
    assert search(db, query="不存在的词语").total == 0
    # Wildcard characters are searched for literally.
    percent = search(db, query="%")
    assert percent.total >= 1 and all("%" in h.snippet for h in percent.hits)
    assert search(db, query="_").total == 0


def test_snippet_is_short_and_centred_on_the_first_match() -> None:
    text = "甲" * 200 + "碳计量" + "乙" * 200 + "碳计量"
    snippet, spans = make_snippet(text, "碳计量")
    assert len(snippet) <= 80 and spans and snippet[spans[0][0] : spans[0][1]] == "碳计量"
    assert make_snippet("ＰＭ2.5浓度", "pm2.5") == ("ＰＭ2.5浓度", [(0, 5)])


def test_existing_database_gets_its_index_when_upgraded(tmp_path: Path) -> None:
    from desktop.storage.database import Database as Db
    from desktop.storage.engine import make_engine
    from desktop.storage.migrate import upgrade_to

    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    old = Db(url, make_engine(url))
    upgrade_to(old, "0003")  # as a database from before the search index
    with old.write() as s:
        # The plan row as schema 0003 has it (today's model has columns that schema lacks).
        s.execute(
            sql_text(
                "INSERT INTO plan (id, title, issuer, doc_number, level, source_name, source_sha256, "
                "source_format, imported_at, revision, extra, uid, version, created_at, updated_at) VALUES "
                "(1, '旧方案', '', '', 'city', '', '', '', :now, 1, '{}', 'old0003plan', 1, :now, :now)"
            ),
            {"now": dt.datetime(2024, 1, 1)},
        )
        root = PlanNode(plan_id=1, kind="root", title="旧方案")
        s.add(root)
        s.flush()
        s.add(
            PlanNode(
                plan_id=1,
                parent_id=root.id,
                kind="task",
                title="推进碳计量能力建设",
                text="建设标准装置",
            )
        )
    old.close()
    with open_database(path) as db:
        assert search(db, query="碳计量").total == 1
        assert search(db, query="装").hits[0].source == "text"


def test_edited_titles_are_found_by_their_new_words(db: Database, xian: int) -> None:
    node_id = _node_titled(db, "加强绿色低碳计量测试研究")
    with db.write() as s:
        s.get(PlanNode, node_id).title = "加强绿色低碳计量测试与氢能研究"  # type: ignore[union-attr]
    assert [h.node_id for h in search(db, query="氢能").hits] == [node_id]
    assert search(db, query="测试研究").total == search(db, query="测试研究", plan_id=xian).total
    # The old wording is still in the node's text, no longer in its title.
    assert [h.source for h in search(db, query="测试研究").hits if h.node_id == node_id] == ["text"]


def test_longer_queries_with_punctuation_and_full_width_forms(db: Database, xian: int) -> None:
    result = search(db, query="（责任部门：市市场监管局")
    assert result.total >= 3
    assert all(
        h.spans and h.snippet[h.spans[0][0] : h.spans[0][1]] == "（责任部门：市市场监管局"
        for h in result.hits
    )
    # The same words typed with half-width punctuation match the document's full-width ones.
    assert search(db, query="(责任部门:市市场监管局").total == result.total


def test_totals_above_the_exact_limit_are_estimates(
    db: Database, xian: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = search(db, query="计量")
    assert exact.exact and exact.total == len(exact.hits) > 40
    monkeypatch.setattr(search_module, "EXACT_UP_TO", 10)
    # A page that holds every hit still counts them exactly.
    assert search(db, query="计量").total == exact.total and search(db, query="计量").exact
    rough = search(db, query="计量", limit=5)
    assert not rough.exact and exact.total / 2 <= rough.total <= exact.total * 2
    assert [h.node_id for h in rough.hits] == [h.node_id for h in exact.hits[:5]]
    # Within one plan the count stays exact.
    in_plan = search(db, query="计量", plan_id=xian, limit=5)
    assert in_plan.exact and in_plan.total == exact.total


def test_common_words_give_the_same_page_however_the_rows_are_reached(
    db: Database, xian: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    if db.engine.dialect.name == "postgresql":  # statistics tell PostgreSQL which words are common
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    full = {q: search(db, query=q) for q in ("计量", "碳")}
    monkeypatch.setattr(search_module, "WALK_COST", 0)  # walk rows in order wherever statistics allow
    monkeypatch.setattr(search_module, "COUNT_WALK_COST", 0)
    monkeypatch.setattr(search_module, "EXACT_UP_TO", 10)
    for q, every in full.items():
        page = search(db, query=q, limit=7)
        assert exact_total_or_near(page, every.total)
        assert [(h.node_id, h.entry_id, h.source, h.snippet) for h in page.hits] == [
            (h.node_id, h.entry_id, h.source, h.snippet) for h in every.hits[:7]
        ]


def exact_total_or_near(result: SearchResult, total: int) -> bool:
    return result.total == total if result.exact else total / 2 <= result.total <= total * 2


def test_a_word_the_server_calls_common_is_estimated_from_its_statistics_not_counted() -> None:
    from desktop.services.plans.search import EXACT_UP_TO, stats_total

    assert stats_total((0.07, 110_000)) == 7_700, "far above the exact count: the statistics' estimate"
    assert stats_total((0.02, 110_000)) is None, "within five times the exact count: counted"
    assert stats_total((0.0, 1_000_000)) is None, "a word the statistics do not list: counted"
    assert stats_total((1.0, 5 * EXACT_UP_TO)) == 5 * EXACT_UP_TO
