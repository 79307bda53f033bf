"""Reminder notices: one per late unit, official layout, numbered, and every reminder recorded."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader
from report_fixtures import AS_OF, MARKET, SCIENCE, seed_xian
from sqlalchemy import select

from desktop.errors import PlanDeskError
from desktop.models import Reminder
from desktop.reports.notices import BLOCK_W, LEFT, TOP, render_notices
from desktop.services.notices import issue_notices
from desktop.services.report_data import gather_notices


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
    # The next notices carry on the year's numbering.
    again = issue_notices(db, plan_id=seed.plan_id, as_of=AS_OF, path=tmp_path / "per", one_file=False)
    assert [r.doc_number for r in again] == ["督办〔2026〕3号", "督办〔2026〕4号"]
    assert all(r.path.exists() and r.path.parent == tmp_path / "per" for r in again)
    assert SCIENCE in flat(PdfReader(again[1].path).pages[0].extract_text())


def test_notice_page_follows_gbt_9704(db, tmp_path):
    seed = seed_xian(db)
    notices = gather_notices(db, plan_id=seed.plan_id, as_of=AS_OF)
    [r] = render_notices(notices[1:], tmp_path / "n.pdf", doc_number_start=7, office="西安市督查办公室")
    page = PdfReader(r.path).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4
    xs: list[float] = []
    ys: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():  # text origin on the page: the text matrix moved by the current transformation
            xs.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])
            ys.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    text = flat(page.extract_text(visitor_text=visit))
    assert text.startswith("西安市督查办公室") and "督办〔2026〕7号" in text and "—1—" in text
    mm = 72 / 25.4
    assert min(xs) == pytest.approx(LEFT, abs=1.0 * mm)  # body text starts at the 28 mm margin
    assert (
        max(ys) <= 842 - TOP + 1 and max(ys) >= 842 - TOP - 20 * mm
    )  # the header sits at the top of the block
    assert pytest.approx(156 * mm) == BLOCK_W


def test_no_late_units_is_a_clear_error_and_records_nothing(db, tmp_path):
    seed = seed_xian(db)
    with pytest.raises(PlanDeskError, match="没有需要催办的单位"):
        issue_notices(db, plan_id=seed.plan_id, as_of=dt.date(2025, 1, 1), path=tmp_path / "n.pdf")
    with db.read() as s:
        assert s.scalars(select(Reminder)).all() == []
    assert not (tmp_path / "n.pdf").exists()
