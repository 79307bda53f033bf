"""The monthly report use case: one call gathers and renders, the file's extension chooses PDF or Word."""

from __future__ import annotations

import re

from docx import Document
from pypdf import PdfReader
from report_fixtures import MONTH, seed_xian

from desktop.reports.monthly import summary_text
from desktop.services.reporting.monthly import write_monthly_report
from desktop.services.reporting.report_data import gather_monthly


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_one_call_writes_the_pdf_or_the_word_report_with_the_gathered_figures(db, tmp_path):
    seed = seed_xian(db)
    data = gather_monthly(db, plan_id=seed.plan_id, month=MONTH)
    pdf = write_monthly_report(db, plan_id=seed.plan_id, month=MONTH, path=tmp_path / "月报.pdf")
    assert pdf.path == tmp_path / "月报.pdf"
    text = flat("".join(page.extract_text() for page in PdfReader(str(pdf.path)).pages))
    assert flat(summary_text(data)) in text
    assert pdf.summary_text == (
        f"任务 {data.summary.tasks} 项，逾期 {data.summary.overdue} 项，"
        f"本月完成 {data.summary.completed_this_month} 项"
    )
    word = write_monthly_report(db, plan_id=seed.plan_id, month=MONTH, path=tmp_path / "月报.docx")
    assert summary_text(data) in [p.text for p in Document(str(word.path)).paragraphs]
