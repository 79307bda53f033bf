"""Notices as an office issues them days after the statistics cut-off: one 文号 series shared by 催办 and
催报, dated the day they are issued, a reply-by day some working days later, and previews that reserve nothing."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx import Document
from pypdf import PdfReader
from report_fixtures import MARKET, SCIENCE, seed_xian
from sqlalchemy import func, select

from desktop import clock
from desktop.errors import PlanDeskError
from desktop.models import Reminder
from desktop.services.reporting.notices import (
    gather_missing_report_notices,
    issue_missing_report_notices,
    issue_notices,
)
from desktop.services.reporting.report_data import gather_notices

CUT_OFF = dt.date(2026, 11, 30)  # 统计截止日期
ISSUED = dt.date(2026, 12, 7)  # a Monday, a week later: the day the notices go out
REPLY_BY = "2026年12月14日"  # five working days after it
NUMBER = re.compile(r"督办〔\d{4}〕\d+号")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path) -> str:
    return flat("".join(p.extract_text() for p in PdfReader(path).pages))


def reminder_count(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Reminder)) or 0


# -- 1. one number series -----------------------------------------------------------------------------------


def test_missing_report_notices_take_new_numbers_after_that_days_reminders(db, tmp_path):
    seed = seed_xian(db)
    with clock.fixed_today(ISSUED):
        issue_notices(db, plan_id=seed.plan_id, as_of=CUT_OFF, path=tmp_path / "催办.pdf")
        # The 科技局's unreported work is exactly its overdue work: the 催报 is still another document.
        issue_missing_report_notices(
            db, plan_id=seed.plan_id, period="2026-11", path=tmp_path / "催报.pdf", as_of=CUT_OFF
        )
    reminders = NUMBER.findall(pdf_text(tmp_path / "催办.pdf"))
    missing = NUMBER.findall(pdf_text(tmp_path / "催报.pdf"))
    assert reminders == ["督办〔2026〕1号", "督办〔2026〕2号"]
    assert missing == ["督办〔2026〕3号", "督办〔2026〕4号"]
    with db.read() as s:
        rows = s.execute(select(Reminder.doc_number, Reminder.file_name)).all()
    # Each 文号 was given to one document only, and the 催报 was recorded as sent.
    files = {}
    for number, file_name in rows:
        files.setdefault(number, set()).add(file_name)
    assert files == {
        "督办〔2026〕1号": {"催办.pdf"},
        "督办〔2026〕2号": {"催办.pdf"},
        "督办〔2026〕3号": {"催报.pdf"},
        "督办〔2026〕4号": {"催报.pdf"},
    }


def test_printing_the_same_missing_report_notice_again_that_day_keeps_its_number(db, tmp_path):
    seed = seed_xian(db)
    with clock.fixed_today(ISSUED):
        first = issue_missing_report_notices(
            db, plan_id=seed.plan_id, period="2026-11", path=tmp_path / "催报.pdf", as_of=CUT_OFF
        )
        recorded = reminder_count(db)
        again = issue_missing_report_notices(
            db, plan_id=seed.plan_id, period="2026-11", path=tmp_path / "再印.pdf", as_of=CUT_OFF
        )
    assert (
        [r.doc_number for r in again]
        == [r.doc_number for r in first]
        == ["督办〔2026〕1号", "督办〔2026〕2号"]
    )
    assert reminder_count(db) == recorded


def test_a_first_number_already_given_is_refused(db, tmp_path):
    seed = seed_xian(db)
    with clock.fixed_today(ISSUED):
        issue_notices(db, plan_id=seed.plan_id, as_of=CUT_OFF, path=tmp_path / "催办.pdf")
        recorded = reminder_count(db)
        with pytest.raises(PlanDeskError, match="督办〔2026〕2号") as refused:
            issue_notices(
                db,
                plan_id=seed.plan_id,
                as_of=CUT_OFF,
                path=tmp_path / "重号.pdf",
                units=[MARKET],
                due_within_days=0,
                doc_number_start=2,
            )
    assert refused.value.field == "doc_number_start" and "起始文号" in refused.value.message
    assert reminder_count(db) == recorded and not (tmp_path / "重号.pdf").exists()


# -- 2. dated the day they are issued -----------------------------------------------------------------------


def test_a_notice_is_dated_the_day_it_is_issued_and_names_the_cut_off(db, tmp_path):
    seed = seed_xian(db)
    office = gather_notices(db, plan_id=seed.plan_id, as_of=CUT_OFF)[0].office
    with clock.fixed_today(ISSUED):
        issue_notices(db, plan_id=seed.plan_id, as_of=CUT_OFF, path=tmp_path / "催办.pdf")
        issue_missing_report_notices(
            db, plan_id=seed.plan_id, period="2026-11", path=tmp_path / "催报.pdf", as_of=CUT_OFF
        )
    for name in ("催办.pdf", "催报.pdf"):
        text = pdf_text(tmp_path / name)
        # 落款 (成文日期) of each notice, and its 版记 (印发机关 and 印发日期)
        assert len(re.findall(f"{office}2026年12月7日(?!印发)", text)) == 2
        assert text.count(f"{office}2026年12月7日印发") == 2
        assert text.count("统计截至2026年11月30日") == 2  # the cut-off, in the body
        assert text.count("2026年11月30日") == 2  # and nowhere else


def test_a_word_notice_is_dated_the_day_it_is_issued(db, tmp_path):
    seed = seed_xian(db)
    with clock.fixed_today(ISSUED):
        issue_notices(db, plan_id=seed.plan_id, as_of=CUT_OFF, path=tmp_path / "催办.docx")
    texts = [p.text.strip("　 ") for p in Document(str(tmp_path / "催办.docx")).paragraphs]
    assert texts.count("2026年12月7日") == 2
    assert sum(t.endswith("2026年12月7日印发") for t in texts) == 2
    assert sum("统计截至2026年11月30日" in t for t in texts) == 2
    assert not any(t.endswith("2026年11月30日") for t in texts)


def test_the_number_carries_the_year_of_issue(db, tmp_path):
    seed = seed_xian(db)
    with clock.fixed_today(dt.date(2027, 1, 5)):
        [first, *_] = issue_notices(
            db, plan_id=seed.plan_id, as_of=dt.date(2026, 12, 31), path=tmp_path / "催办.pdf"
        )
    text = pdf_text(tmp_path / "催办.pdf")
    assert first.doc_number == "督办〔2027〕1号" and "督办〔2027〕1号" in text and "2027年1月5日印发" in text


# -- 3. a reply-by day after the day of issue ---------------------------------------------------------------


def test_the_reply_is_due_five_working_days_after_issue(db, tmp_path):
    seed = seed_xian(db)
    with clock.fixed_today(ISSUED):
        issue_notices(db, plan_id=seed.plan_id, as_of=CUT_OFF, path=tmp_path / "催办.pdf")
        issue_missing_report_notices(
            db, plan_id=seed.plan_id, period="2026-11", path=tmp_path / "催报.pdf", as_of=CUT_OFF
        )
    for name in ("催办.pdf", "催报.pdf"):
        text = pdf_text(tmp_path / name)
        assert text.count(f"{REPLY_BY}前") == 2
        assert "2026年12月7日前" not in text and "2026年12月3日前" not in text


def test_the_reply_by_day_skips_the_national_day_holiday(db, tmp_path):
    seed = seed_xian(db)
    with clock.fixed_today(dt.date(2026, 9, 30)):  # the eve of 1–7 October; Saturday the 10th is worked
        issue_notices(db, plan_id=seed.plan_id, as_of=dt.date(2026, 9, 30), path=tmp_path / "催办.pdf")
        [missing, *_] = gather_missing_report_notices(db, plan_id=seed.plan_id, period="2026-09")
    assert "2026年10月13日前" in pdf_text(tmp_path / "催办.pdf")
    assert missing.report_by == dt.date(2026, 10, 13)


@pytest.mark.parametrize("report_by", [ISSUED, dt.date(2026, 12, 1)])
def test_a_reply_by_day_on_or_before_the_issue_day_is_refused(db, tmp_path, report_by):
    seed = seed_xian(db)
    with clock.fixed_today(ISSUED):
        with pytest.raises(PlanDeskError, match="报送日期") as refused:
            issue_notices(
                db, plan_id=seed.plan_id, as_of=CUT_OFF, path=tmp_path / "催办.pdf", report_by=report_by
            )
        assert refused.value.field == "report_by" and "2026年12月7日" in refused.value.message
        with pytest.raises(PlanDeskError, match="报送日期"):
            issue_notices(
                db,
                plan_id=seed.plan_id,
                as_of=CUT_OFF,
                path=tmp_path / "预览.pdf",
                report_by=report_by,
                preview=True,
            )
        with pytest.raises(PlanDeskError, match="报送日期") as refused:
            gather_missing_report_notices(
                db, plan_id=seed.plan_id, period="2026-11", as_of=CUT_OFF, report_by=report_by
            )
        assert refused.value.field == "report_by"
    assert reminder_count(db) == 0
    assert not (tmp_path / "催办.pdf").exists() and not (tmp_path / "预览.pdf").exists()


# -- 4. previews --------------------------------------------------------------------------------------------


def test_a_pdf_preview_is_marked_and_shows_no_number(db, tmp_path):
    seed = seed_xian(db)
    with clock.fixed_today(ISSUED):
        shown = issue_notices(
            db, plan_id=seed.plan_id, as_of=CUT_OFF, path=tmp_path / "预览.pdf", preview=True
        )
        per_unit = issue_notices(
            db, plan_id=seed.plan_id, as_of=CUT_OFF, path=tmp_path / "逐个", one_file=False, preview=True
        )
    reader = PdfReader(tmp_path / "预览.pdf")
    for page in reader.pages:
        assert "预览稿" in flat(page.extract_text())
    text = pdf_text(tmp_path / "预览.pdf")
    assert not NUMBER.search(text) and text.count("督办〔2026〕X号（预览，未编号）") == 2
    assert all(not NUMBER.search(r.doc_number) for r in [*shown, *per_unit])
    assert sorted(p.name for p in (tmp_path / "逐个").iterdir()) == sorted(
        f"催办通知_预览稿_{unit}.pdf" for unit in (MARKET, SCIENCE)
    )
    assert reminder_count(db) == 0


def test_a_word_preview_is_marked_and_shows_no_number(db, tmp_path):
    seed = seed_xian(db)
    with clock.fixed_today(ISSUED):
        issue_notices(db, plan_id=seed.plan_id, as_of=CUT_OFF, path=tmp_path / "预览.docx", preview=True)
    doc = Document(str(tmp_path / "预览.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert not any(NUMBER.search(t) for t in texts)
    assert texts.count("督办〔2026〕X号（预览，未编号）") == 2
    assert len(doc.sections) == 2
    for section in doc.sections:  # every page carries the mark, as the PDF preview's do
        assert "预览稿" in "".join(p.text for p in section.header.paragraphs)
    assert reminder_count(db) == 0
    # Issued, the same notices carry their numbers and no mark.
    with clock.fixed_today(ISSUED):
        issue_notices(db, plan_id=seed.plan_id, as_of=CUT_OFF, path=tmp_path / "印发.docx")
    doc = Document(str(tmp_path / "印发.docx"))
    assert [t for p in doc.paragraphs if (t := p.text) and NUMBER.fullmatch(t)] == [
        "督办〔2026〕1号",
        "督办〔2026〕2号",
    ]
    assert not any("预览" in p.text for s in doc.sections for p in s.header.paragraphs)
