"""Reminder notices: one per late unit, official layout, numbered, and every reminder recorded."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader
from report_fixtures import AS_OF, MARKET, SCIENCE, seed_xian
from reportlab.pdfbase.pdfmetrics import stringWidth
from sqlalchemy import select

from desktop import clock
from desktop.errors import PlanDeskError
from desktop.models import Reminder
from desktop.reports.notices import BLOCK_W, LEFT, LINE, TOP, NoticeSettings, geometry, render_notices
from desktop.reports.official_fonts import official_fonts
from desktop.services.reporting.notices import issue_missing_report_notices, issue_notices
from desktop.services.reporting.report_data import gather_notices


@pytest.fixture(autouse=True)
def issued_the_day_after_the_cut_off():
    """Notices are issued on the program's today: here 1 April, the day after the cut-off (AS_OF)."""
    with clock.fixed_today(AS_OF + dt.timedelta(days=1)):
        yield


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_gather_lists_overdue_and_soon_due_work_per_unit(db):
    seed = seed_xian(db)
    notices = gather_notices(db, plan_id=seed.plan_id, as_of=AS_OF)
    assert [n.unit for n in notices] == [MARKET, SCIENCE]
    market = notices[0]
    assert [i.title for i in market.items] == seed.overdue_titles + seed.at_risk_titles
    assert market.overdue_count == 3 and market.items[0].days == 31 and market.items[3].days == 3
    assert market.report_by == AS_OF + dt.timedelta(days=7)
    assert seed.extended_title not in [i.title for i in market.items]  # its extension was approved
    only = gather_notices(db, plan_id=seed.plan_id, as_of=AS_OF, units=[SCIENCE], due_within_days=0)
    assert [n.unit for n in only] == [SCIENCE] and all(i.overdue for i in only[0].items)


def test_issue_notices_one_file_records_reminders(db, tmp_path):
    seed = seed_xian(db)
    out = tmp_path / "催办.pdf"
    rendered = issue_notices(db, plan_id=seed.plan_id, as_of=AS_OF, path=out, report_by=dt.date(2026, 4, 10))
    assert [r.doc_number for r in rendered] == ["督办〔2026〕1号", "督办〔2026〕2号"]
    reader = PdfReader(out)
    text = flat("".join(p.extract_text() for p in reader.pages))
    assert "督办〔2026〕1号" in text and "督办〔2026〕2号" in text
    assert f"{MARKET}：" in text and f"{SCIENCE}：" in text and "2026年4月10日前" in text
    for title in seed.overdue_titles:
        assert title in text
    assert "已逾期31天" in text
    with db.read() as s:
        reminders = [
            (r.doc_number, r.channel, r.file_name, r.sent_by)
            for r in s.scalars(select(Reminder).order_by(Reminder.id))
        ]
    assert len(reminders) == sum(len(r.assignment_ids) for r in rendered) == 7
    assert {r[0] for r in reminders} == {"督办〔2026〕1号", "督办〔2026〕2号"}
    assert all(r[1:] == ("notice", "催办.pdf", "测试员") for r in reminders)
    # Printing the same notices again the same day keeps their numbers and records no second 催办.
    again = issue_notices(db, plan_id=seed.plan_id, as_of=AS_OF, path=tmp_path / "per", one_file=False)
    assert [r.doc_number for r in again] == ["督办〔2026〕1号", "督办〔2026〕2号"]
    assert all(r.path.exists() and r.path.parent == tmp_path / "per" for r in again)
    assert SCIENCE in flat(PdfReader(again[1].path).pages[0].extract_text())
    with db.read() as s:
        assert len(s.scalars(select(Reminder)).all()) == 7
    # Other work (one unit, overdue only) is another notice: the year's numbering carries on.
    other = issue_notices(
        db, plan_id=seed.plan_id, as_of=AS_OF, path=tmp_path / "o.pdf", units=[MARKET], due_within_days=0
    )
    assert [r.doc_number for r in other] == ["督办〔2026〕3号"]


def test_a_preview_takes_no_number_and_records_nothing(db, tmp_path):
    seed = seed_xian(db)
    shown = issue_notices(db, plan_id=seed.plan_id, as_of=AS_OF, path=tmp_path / "预览.pdf", preview=True)
    # No number is shown as if it were reserved (test_notice_dates checks the printed page).
    assert [r.doc_number for r in shown] == ["督办〔2026〕X号（预览，未编号）"] * 2
    assert "预览稿" in flat(PdfReader(shown[0].path).pages[0].extract_text())
    with db.read() as s:
        assert s.scalars(select(Reminder)).all() == []
    issued = issue_notices(db, plan_id=seed.plan_id, as_of=AS_OF, path=tmp_path / "印发.pdf")
    assert [r.doc_number for r in issued] == ["督办〔2026〕1号", "督办〔2026〕2号"]
    assert "预览稿" not in flat(PdfReader(issued[0].path).pages[0].extract_text())


MM = 72 / 25.4


def layout(page):
    """Text pieces (text, x, y, size, fill colour, font) and drawn line segments (x0, y, x1, stroke colour)."""
    texts, lines = [], []
    state = {"fill": (0.0, 0.0, 0.0), "stroke": (0.0, 0.0, 0.0), "start": None}

    def where(x, y, cm):
        return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]

    def before(op, args, cm, tm):
        if op == b"rg":
            state["fill"] = tuple(round(float(v), 2) for v in args)
        elif op == b"RG":
            state["stroke"] = tuple(round(float(v), 2) for v in args)
        elif op == b"m":
            state["start"] = where(float(args[0]), float(args[1]), cm)
        elif op == b"l" and state["start"]:
            x1, y1 = where(float(args[0]), float(args[1]), cm)
            lines.append((state["start"][0], y1, x1, state["stroke"]))

    def visit(text, cm, tm, font, size):
        if text.strip():
            x, y = where(tm[4], tm[5], cm)
            texts.append(
                (
                    text.strip(),
                    x,
                    y,
                    size * tm[0] * cm[0],
                    state["fill"],
                    font.get("/BaseFont") if font else None,
                )
            )

    page.extract_text(visitor_text=visit, visitor_operand_before=before)
    return texts, lines


def many_items(notice, n):
    from dataclasses import replace

    return replace(notice, items=[replace(notice.items[0], assignment_id=i) for i in range(n)])


def test_notice_page_follows_gbt_9704(db, tmp_path):
    seed = seed_xian(db)
    notices = gather_notices(db, plan_id=seed.plan_id, as_of=AS_OF)
    office = "西安市督查办公室"
    settings = NoticeSettings(cc="市人民政府办公厅", contact_person="王敏", contact_phone="029-86781234")
    [r] = render_notices(
        [many_items(notices[1], 16)], tmp_path / "n.pdf", doc_number_start=7, office=office, settings=settings
    )
    reader = PdfReader(r.path)
    assert len(reader.pages) >= 2
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4
    texts, lines = layout(page)
    top = 842 - TOP  # upper edge of the text block
    g = geometry(office, official_fonts().title)
    # 发文机关标志: red, centred, its upper edge 35 mm below the text block's.
    mark = next(t for t in texts if t[0] == office)
    assert mark[4] == (0.75, 0.0, 0.0)
    assert top - (mark[2] + 0.88 * mark[3]) == pytest.approx(35 * MM, abs=0.5 * MM)
    assert mark[1] + stringWidth(office, official_fonts().title, mark[3]) / 2 == pytest.approx(
        LEFT + BLOCK_W / 2, abs=MM
    )
    # 发文字号 two lines under the mark; the red rule 4 mm under the number, as wide as the text block.
    number = next(t for t in texts if t[0] == "督办〔2026〕7号")
    gap = (mark[2] - 0.12 * mark[3]) - (number[2] + 0.88 * number[3])
    assert gap == pytest.approx(2 * LINE, abs=0.5 * MM)
    [rule] = [ln for ln in lines if ln[3] == (0.75, 0.0, 0.0)]
    assert (number[2] - 0.12 * number[3]) - rule[1] == pytest.approx(4 * MM, abs=0.5 * MM)
    assert (rule[0], rule[2]) == (pytest.approx(LEFT, abs=0.5), pytest.approx(LEFT + BLOCK_W, abs=0.5))
    # The title two lines under the rule, in 2号; then the body in 3号 black, from the 28 mm margin.
    title = next(t for t in texts if t[0].startswith("关于督促办理"))
    assert title[3] == pytest.approx(22) and rule[1] - (title[2] + 0.88 * title[3]) == pytest.approx(
        2 * LINE, abs=2 * MM
    )
    assert g.rule_y == pytest.approx(rule[1], abs=0.5)
    body = [t for t in texts if t[2] < title[2] - 1 and t[3] < 17]
    assert body and all(t[4] == (0.0, 0.0, 0.0) for t in body)  # body text is black
    assert min(t[1] for t in body) == pytest.approx(LEFT, abs=0.5 * MM)
    # Page numbers in 4号, 7 mm under the text block: odd pages on the right, even on the left, one character in.
    bottom = top - 225 * MM
    for i, pg in enumerate(reader.pages[:2], start=1):
        label = next(t for t in layout(pg)[0] if t[0].strip() == f"— {i} —")
        assert label[3] == pytest.approx(14)
        assert bottom - (label[2] + 0.72 * 14) == pytest.approx(7 * MM, abs=0.5 * MM)
        width = stringWidth(label[0], official_fonts().body, 14)
        if i % 2:
            assert label[1] + width == pytest.approx(LEFT + BLOCK_W - 14, abs=0.5)
        else:
            assert label[1] == pytest.approx(LEFT + 14, abs=0.5)
    # 版记 at the foot of the last page: 抄送, 印发机关 and 印发日期; contact person and telephone.
    last_texts, _ = layout(reader.pages[-1])
    printed = next(t for t in last_texts if t[0].endswith("印发"))
    cc = next(t for t in last_texts if t[0].startswith("抄送："))
    assert bottom < printed[2] < bottom + LINE and printed[2] < cc[2] < bottom + 2 * LINE
    assert any(t[0] == office and abs(t[2] - printed[2]) < 1 for t in last_texts)
    text = flat("".join(p.extract_text() for p in reader.pages))
    assert "联系人：王敏，联系电话：029-86781234" in text


def test_missing_report_notice_names_the_month(db, tmp_path):
    seed = seed_xian(db)
    [first, *_] = issue_missing_report_notices(
        db, plan_id=seed.plan_id, period="2026-03", path=tmp_path / "催报.pdf", as_of=AS_OF
    )
    text = flat("".join(p.extract_text() for p in PdfReader(first.path).pages))
    assert "关于报送2026年3月工作进展的催报通知" in text and "尚未报送2026年3月" in text
    assert "督促办理逾期" not in text


def test_no_late_units_is_a_clear_error_and_records_nothing(db, tmp_path):
    seed = seed_xian(db)
    with pytest.raises(PlanDeskError, match="没有需要催办的单位"):
        issue_notices(db, plan_id=seed.plan_id, as_of=dt.date(2025, 1, 1), path=tmp_path / "n.pdf")
    with db.read() as s:
        assert s.scalars(select(Reminder)).all() == []
    assert not (tmp_path / "n.pdf").exists()


def test_notices_go_out_under_the_offices_own_name_and_code(db, tmp_path):
    """A district 督查室 sends notices in its own name: masthead, 署名, 文号 and where to reply."""
    from desktop.services.reporting.notices import set_notice_settings

    seed = seed_xian(db)
    with pytest.raises(PlanDeskError, match="机关代字不能为空") as refused:
        set_notice_settings(db, prefix=" ")
    assert refused.value.field == "prefix"
    with pytest.raises(PlanDeskError, match="不能含空格或括号"):
        set_notice_settings(db, prefix="督〔查")
    set_notice_settings(db, office="西安市人民政府督查室", prefix="市督查", cc="市委办公厅、市政府办公厅")
    rendered = issue_notices(db, plan_id=seed.plan_id, as_of=AS_OF, path=tmp_path / "n.pdf")
    assert [r.doc_number for r in rendered] == ["市督查〔2026〕1号", "市督查〔2026〕2号"]
    first = flat(PdfReader(tmp_path / "n.pdf").pages[0].extract_text())
    assert first.startswith("西安市人民政府督查室")  # the masthead
    text = flat("".join(p.extract_text() for p in PdfReader(tmp_path / "n.pdf").pages))
    assert "报送西安市人民政府督查室" in text
    assert "西安市人民政府办公厅" not in text  # not the plan's issuer
    assert "抄送：市委办公厅、市政府办公厅" in text


def test_notices_as_of_a_past_day_list_the_work_as_it_stood_then(db):
    """Printed later, a notice as of a day lists the work as it stood on that day: work assigned after it is
    not listed, and work closed or moved after it is listed with the deadline and percent it had then."""
    from desktop.services.core.tree import children, get_plan
    from desktop.services.plans.plan_import import import_plan
    from desktop.services.supervision.assignments import add_progress, change_deadline, create_assignment
    from desktop.services.supervision.workflow import close, review

    from factories import small_plan

    day = dt.date(2026, 3, 10)
    with clock.fixed_today(dt.date(2026, 3, 1)):
        plan_id = import_plan(db, parsed=small_plan()).plan_id
        root = get_plan(db, plan_id=plan_id).root_id
        tasks, stack = {}, [root]
        while stack:
            for row in children(db, node_id=stack.pop()):
                tasks[row.label] = row.id
                stack.append(row.id)
        late = create_assignment(
            db, node_id=tasks["1."], unit="区市场监管局", deadline=dt.date(2026, 3, 5)
        ).id
        moved = create_assignment(db, node_id=tasks["2."], unit="区科委", deadline=dt.date(2026, 3, 12)).id
    with clock.fixed_today(dt.date(2026, 3, 15)):
        create_assignment(db, node_id=tasks["3."], unit="区发展改革委", deadline=dt.date(2026, 3, 2))
        add_progress(db, assignment_id=late, period="2026-03", text="已完成全部工作", percent=100)
        review(db, assignment_id=late, accept=True)
        close(db, assignment_id=late)
        change_deadline(
            db, assignment_id=moved, deadline=dt.date(2026, 6, 30), kind="extension", reason="批准"
        )
    notices = gather_notices(db, plan_id=plan_id, as_of=day)
    listed = {n.unit: [(i.deadline, i.overdue, i.days, i.percent) for i in n.items] for n in notices}
    assert listed == {
        "区市场监管局": [(dt.date(2026, 3, 5), True, 5, 0)],
        "区科委": [(dt.date(2026, 3, 12), False, 2, 0)],
    }


def test_every_notice_of_a_batch_starts_on_an_odd_page(tmp_path):
    """Printed duplex, two notices never share a sheet: after a notice of an odd page count comes a blank page,
    with no page number, before the next."""
    from desktop.reports.report_model import NoticeItem, UnitNotice

    def notice(unit: str, items: int) -> UnitNotice:
        listed = [
            NoticeItem(
                k,
                f"二、（一）{k + 1}.",
                f"加强计量基础理论研究第{k + 1}项",
                "lead",
                dt.date(2026, 2, 28),
                True,
                31,
                40,
            )
            for k in range(items)
        ]
        return UnitNotice(
            unit, 1, "某市计量发展规划实施方案", "某市人民政府办公厅", AS_OF, dt.date(2026, 4, 10), listed
        )

    out = tmp_path / "n.pdf"
    batch = [notice("甲单位", 12), notice("乙单位", 1), notice("丙单位", 25), notice("丁单位", 1)]
    render_notices(batch, out, issued_on=AS_OF + dt.timedelta(days=1), year=2026)
    pages = [flat(p.extract_text()) for p in PdfReader(out).pages]
    starts = [i for i, text in enumerate(pages) if "关于督促办理" in text]
    assert len(starts) == len(batch)
    assert all(i % 2 == 0 for i in starts), starts  # 0-based: pages 1, 3, 5 …
    blanks = [i for i, text in enumerate(pages) if not text]  # not even a page number
    assert blanks and all(i + 1 in starts for i in blanks)  # each right before a notice's first page
    # each notice is numbered from its own first page, the blank back of its last sheet not counted
    assert pages[starts[1] - 2].endswith("—3—") and pages[starts[1]].endswith("—1—")
