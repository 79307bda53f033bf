"""Word beside PDF: the monthly report, the brief and the notices as editable .docx with real styles."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from docx import Document
from pypdf import PdfReader
from report_fixtures import AS_OF, MONTH, SCIENCE, seed_xian

from desktop.cli import main
from desktop.reports.monthly import summary_text
from desktop.services.reporting.notices import issue_notices
from desktop.services.reporting.report_data import gather_monthly


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_monthly_report_as_word_from_the_command_line(db, db_url, tmp_path):
    seed = seed_xian(db)
    out = tmp_path / "月报.docx"
    argv = [
        "--db",
        db_url,
        "report",
        "monthly",
        "--plan",
        str(seed.plan_id),
        "--month",
        MONTH,
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    doc = Document(str(out))
    paragraphs = [(p.style.name, p.text) for p in doc.paragraphs]
    data = gather_monthly(db, plan_id=seed.plan_id, month=MONTH)
    assert ("标题", "月度进展报告") in paragraphs and ("正文", summary_text(data)) in paragraphs
    assert ("一级标题", "一、总体情况") in paragraphs and ("一级标题", "三、各单位推进情况") in paragraphs
    body = doc.styles["正文"]
    assert body.font.size.pt == 16 and body.font.name == "仿宋_GB2312"
    rfonts = body.element.rPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
    assert (
        rfonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋_GB2312"
    )
    # Editable tables: the overdue rows name the unit that is late, the unit table sums to the assignments.
    late = doc.tables[1]
    assert [c.text for c in late.rows[0].cells][:4] == ["序号", "编号", "任务", "责任单位"]
    assert f"{SCIENCE}（配合）" in [c.text for r in late.rows for c in r.cells]
    units = doc.tables[2]
    assert units.rows[-1].cells[1].text == "合计" and units.rows[-1].cells[2].text == str(
        data.summary.assignments
    )
    assert "本月工作进展" in "".join(t for _, t in paragraphs)


def test_brief_and_notices_as_word(db, tmp_path):
    seed = seed_xian(db)
    from desktop.reports.word import write_monthly_docx

    brief = write_monthly_docx(
        gather_monthly(db, plan_id=seed.plan_id, month=MONTH, brief=True), tmp_path / "b.docx"
    )
    texts = [p.text for p in Document(str(brief)).paragraphs]
    assert "月度进展报告（领导简报）" in texts and not any("本月工作进展" in t for t in texts)
    [first, second] = issue_notices(db, plan_id=seed.plan_id, as_of=AS_OF, path=tmp_path / "催办.docx")
    doc = Document(str(first.path))
    texts = [p.text for p in doc.paragraphs]
    assert first.doc_number in texts and second.doc_number in texts
    assert "关于督促办理逾期及临期工作任务的通知" in texts and "特此通知。" in texts
    assert any(t.endswith("印发") for t in texts)


@pytest.mark.slow
def test_word_report_converts_with_libreoffice(db, tmp_path):
    assert shutil.which("soffice"), "LibreOffice (soffice) is required: apt install libreoffice-writer-nogui"
    seed = seed_xian(db)
    from desktop.reports.word import write_monthly_docx

    data = gather_monthly(db, plan_id=seed.plan_id, month=MONTH)
    out = write_monthly_docx(data, tmp_path / "m.docx")
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = flat("".join(p.extract_text() for p in PdfReader(tmp_path / "pdf" / "m.pdf").pages))
    assert f"纳入督办的任务共{data.summary.tasks}项" in text and seed.overdue_titles[0] in text
