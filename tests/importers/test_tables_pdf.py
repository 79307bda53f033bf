"""A task table in a PDF (a Word table printed to PDF) is read by the position of its text."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from test_tables_docx import _task_table_docx
from test_tables_text import owners, tasks_of

from desktop.importers.load import load_plan


def _to_pdf(src: Path, tmp_path: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is required to print the table to PDF"
    outdir = tmp_path / "pdf"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = outdir / (src.stem + ".pdf")
    assert out.exists()
    return out


@pytest.mark.slow
def test_a_task_table_printed_to_pdf_gives_the_same_tasks(tmp_path: Path) -> None:
    source = tmp_path / "分工表.docx"
    _task_table_docx(source)
    plan = load_plan(_to_pdf(source, tmp_path))
    assert plan.source_format == "pdf"
    tasks = tasks_of(plan)
    assert [(t.label, t.title) for t in tasks] == [("1", "提升政务服务效能"), ("2", "优化纳税服务")]
    assert owners(tasks[0]) == [
        ("各区政府", "lead"),
        ("市政务服务数据管理局", "lead"),
        ("市委编办", "co"),
    ]
    # two units one per paragraph in one cell are two units, not one long name
    assert owners(tasks[1]) == [("市税务局", "lead"), ("市财政局", "lead")]
    assert [t.deadline for t in tasks] == [dt.date(2024, 12, 31), dt.date(2025, 12, 31)]


@pytest.mark.slow
def test_an_indicator_table_printed_to_pdf_gives_its_indicators(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in ("某市应急体系规划（2021—2025年）", "一、发展目标", "到2025年，应急体系更加完善。"):
        document.add_paragraph(line)
    document.add_paragraph("专栏1 主要指标")
    rows = [
        ["序号", "指标", "预期值", "属性"],
        ["1", "生产安全事故死亡人数", "下降15%", "约束性"],
        ["2", "年均因自然灾害直接经济损失占国内生产总值比例", "<1%", "预期性"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    source = tmp_path / "指标.docx"
    document.save(str(source))
    plan = load_plan(_to_pdf(source, tmp_path))
    assert [(i.name, i.target, i.year, i.attribute) for i in plan.indicators] == [
        ("生产安全事故死亡人数", "下降15%", 2025, "binding"),
        ("年均因自然灾害直接经济损失占国内生产总值比例", "<1%", 2025, "expected"),
    ]
