"""Read the figures back from the files PlanDesk wrote: the monthly report's PDF text and the 报送台账 workbook."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

SECTIONS = (
    "总体情况",
    "逾期及临期任务",
    "各单位推进情况",
    "本月工作进展",
    "主要指标完成情况",
    "单位综合评分排名",
)
_HEADING = re.compile(r"^[一二三四五六七八九十]、(" + "|".join(SECTIONS) + ")$")
_FOOTER = re.compile(r"^第 ?\d+ ?页 ?共 ?\d+ ?页$")
UNIT_HEADERS = [
    "序号",
    "责任单位",
    "分工数",
    "牵头",
    "配合",
    "已完成",
    "进行中",
    "未开始",
    "已逾期",
    "暂缓",
    "未报送",
]
SCORE_HEADERS = ["名次", "单位", "分工数", "按时反馈率", "完成率", "逾期", "退回", "得分"]
_SUMMARY = re.compile(
    r"截至(\d{4})年(\d{1,2})月(\d{1,2})日，纳入督办的任务共(\d+)项（分工(\d+)条），"
    r"其中已完成(\d+)项、进行中(\d+)项、未开始(\d+)项、已逾期(\d+)项、暂缓(\d+)项(?:、未分工(\d+)项)?。"
    r"按期推进(\d+)项，逾期(\d+)项，按期推进率([\d.]+)%；逾期分工(\d+)条，涉及(\d+)个单位；"
    r"本月完成(\d+)项；(\d+)日内到期尚未完成的分工(\d+)条；本月应报未报送的分工(\d+)条。"
)
_TASK_HEAD = re.compile(
    r"[一二三四五六七八九十]、（[一二三四五六七八九十]）(\d+\.)[^［]*?"
    r"［牵头：([^；｜]*)(?:；配合：([^｜]*))?｜截止([^｜]*)｜([^｜]*)｜完成(\d+)%］"
)
_ATTENTION_ROW = re.compile(r"\n([^\n（]+)（(牵头|配合)）\n(\d{4}-\d{2}-\d{2}|—)\n(\S+)\n(\d+ 天|—)(?=\n|$)")


def pdf_lines(path: Path, title: str) -> list[str]:
    """The PDF's text lines, stripped, without the running footer (the plan's title and the page number)."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line and line != title and not _FOOTER.match(line)]


def _sections(lines: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        m = _HEADING.match(line)
        if m:
            current = m.group(1)
            out[current] = []
        elif line == "统计口径说明":
            current = None
        elif current is not None:
            out[current].append(line)
    return out


def _squeeze(lines: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(lines))


def _rows(tokens: list[str], headers: list[str], stop: str) -> tuple[list[list[str]], list[str]]:
    """The rows of ``len(headers)`` cells after the header row, up to the token starting with ``stop``; and the
    tokens from there on."""
    n = len(headers)
    i = next(i for i in range(len(tokens)) if tokens[i : i + n] == headers) + n
    rows: list[list[str]] = []
    while i < len(tokens) and not tokens[i].startswith(stop):
        rows.append(tokens[i : i + n])
        i += n
    return rows, tokens[i:]


def monthly_figures(path: Path, title: str, units: list[str]) -> dict[str, object]:
    """Every figure the monthly report printed, in the oracle's shape (see oracle_rules.monthly_figures)."""
    parts = _sections(pdf_lines(path, title))
    squeezed = _squeeze(parts["总体情况"])
    m = _SUMMARY.search(squeezed)
    assert m, f"总体情况 not understood: {squeezed}"
    g = [int(x) if x is not None and x.isdigit() else x for x in m.groups()]
    summary = {
        "as_of": dt.date(g[0], g[1], g[2]),
        "tasks": g[3],
        "assignments": g[4],
        "done": g[5],
        "in_progress": g[6],
        "not_started": g[7],
        "overdue": g[8],
        "suspended": g[9],
        "unassigned": g[10] or 0,
        "on_track": g[11],
        "overdue_tasks": g[12],
        "share": g[13],
        "overdue_lines": g[14],
        "overdue_units": g[15],
        "done_in_month": g[16],
        "due_days": g[17],
        "due_soon_lines": g[18],
        "not_reported": g[19],
    }

    tokens = parts["各单位推进情况"]
    unit_rows: list[tuple[str, tuple[int, ...]]] = []
    total: tuple[int, ...] | None = None
    if "暂无分工。" not in tokens:
        rows, tail = _rows(tokens, UNIT_HEADERS, "合计")
        unit_rows = [(r[1], tuple(int(v) for v in r[2:])) for r in rows]
        total = tuple(int(v) for v in tail[1:10])

    attention_text = _squeeze(parts["逾期及临期任务"])
    attention: list[tuple[str, str, str, str, str]] = []
    counts = (0, 0)
    if not attention_text.startswith("本期无逾期任务"):
        c = re.search(r"已逾期分工(\d+)条（红色），\d+日内到期(\d+)条", attention_text)
        assert c, f"逾期及临期任务 not understood: {attention_text}"
        counts = (int(c.group(1)), int(c.group(2)))
        joined = "\n" + "\n".join(parts["逾期及临期任务"])
        attention = sorted(
            (unit, "lead" if role == "牵头" else "co", deadline, status, days)
            for unit, role, deadline, status, days in _ATTENTION_ROW.findall(joined)
        )

    progress, listed = _progress(parts["本月工作进展"], units)

    scores: dict[str, tuple[int, str, int]] = {}
    if "单位综合评分排名" in parts:  # printed when some unit has work to score
        score_rows, _ = _rows(parts["单位综合评分排名"], SCORE_HEADERS, "计分办法")
        scores = {r[1]: (int(r[2]), r[4], int(r[5])) for r in score_rows}
    return {
        "summary": summary,
        "units": unit_rows,
        "unit_total": total,
        "attention": attention,
        "attention_counts": counts,
        "progress": progress,
        "unassigned_listed": listed,
        "scores": scores,
    }


def _progress(lines: list[str], units: list[str]) -> tuple[dict[str, dict[str, object]], int]:
    """本月工作进展: each task's heading figures and 未报送 units; and how many tasks it lists as 未分工."""
    progress_text = _squeeze(lines)
    heads = list(_TASK_HEAD.finditer(progress_text))
    progress: dict[str, dict[str, object]] = {}
    for i, h in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(progress_text)
        block = progress_text[h.end() : end]
        cut = block.find("以下")  # the 未分工 list follows the last task
        block = block if cut < 0 else block[:cut]
        missing = block[block.index("未报送：") :] if "未报送：" in block else ""
        progress[h.group(1)] = {
            "leads": sorted(h.group(2).split("、")),
            "cos": sorted(h.group(3).split("、")) if h.group(3) else [],
            "deadline": h.group(4),
            "status": h.group(5),
            "percent": int(h.group(6)),
            "missing": sorted(u for u in units if u in missing),
        }
    listed = re.search(r"以下(\d+)项任务尚未分工", progress_text)
    return progress, int(listed.group(1)) if listed else 0


def ledger_figures(path: Path) -> tuple[list[str], dict[str, dict[str, object]]]:
    """The 报送台账 sheet: its unit rows, and unit → {period: cell, "counts": (按时, 迟报, 未报)} for every row
    with a cell that is not —."""
    wb = load_workbook(path, read_only=True)
    rows = [list(r) for r in wb["报送台账"].iter_rows(values_only=True)]
    wb.close()
    header = rows[1]
    periods = [str(v) for v in header[1:-3]]
    assert list(header[-3:]) == ["按时", "迟报", "未报"], header
    units: list[str] = []
    out: dict[str, dict[str, object]] = {}
    for r in rows[2:]:
        unit = str(r[0])
        units.append(unit)
        cells = {p: str(v) for p, v in zip(periods, r[1:-3], strict=True)}
        if all(c == "—" for c in cells.values()):
            continue
        out[unit] = {**cells, "counts": tuple(int(v) for v in r[-3:])}
    return units, out


# -- the monthly report, any of its forms (PDF or Word; whole, a unit's, the leaders' brief) -------------------------

SUMMARY_TABLE = [
    "任务总数",
    "已完成",
    "进行中",
    "未开始",
    "已逾期",
    "暂缓",
    "未分工",
    "按期推进率",
    "本月完成",
]
_COUNTS = re.compile(r"已逾期分工(\d+)条(?:（红色）)?，\d+日内到期(\d+)条")
_DOCX_TASK = re.compile(
    r"^[一二三四五六七八九十]、（[一二三四五六七八九十]）(\d+\.)\s*[^（]*（([^；]*)；截止\s*([^；]*)；([^；]*)；完成\s*(\d+)%）$"
)
_ROLE = {"牵头": "lead", "配合": "co"}


def _summary(text: str) -> dict[str, object]:
    m = _SUMMARY.search(text)
    assert m, f"总体情况 not understood: {text}"
    g = [int(x) if x is not None and x.isdigit() else x for x in m.groups()]
    return {
        "as_of": dt.date(g[0], g[1], g[2]),
        "tasks": g[3],
        "assignments": g[4],
        "done": g[5],
        "in_progress": g[6],
        "not_started": g[7],
        "overdue": g[8],
        "suspended": g[9],
        "unassigned": g[10] or 0,
        "on_track": g[11],
        "overdue_tasks": g[12],
        "share": g[13],
        "overdue_lines": g[14],
        "overdue_units": g[15],
        "done_in_month": g[16],
        "due_days": g[17],
        "due_soon_lines": g[18],
        "not_reported": g[19],
    }


def _ranking(rows: list[list[str]]) -> tuple[dict[str, tuple[int, str, int]], dict[str, tuple[object, ...]]]:
    """The 单位综合评分排名 rows: (分工数, 完成率, 逾期) per unit, and the whole row (名次 … 得分)."""
    scores = {r[1]: (int(r[2]), r[4], int(r[5])) for r in rows}
    ranking = {r[1]: (int(r[0]), int(r[2]), r[3], r[4], int(r[5]), int(r[6]), r[7]) for r in rows}
    return scores, ranking


def monthly_pdf_figures(path: Path, title: str, units: list[str]) -> dict[str, object]:
    """The figures of whichever sections the report printed (the brief prints 总体情况 and 逾期及临期任务 only), in
    the shape of ``monthly_figures``, and "ranking": the whole 单位综合评分排名 row per unit."""
    parts = _sections(pdf_lines(path, title))
    out: dict[str, object] = {"summary": _summary(_squeeze(parts["总体情况"]))}
    if "逾期及临期任务" in parts:
        attention_text = _squeeze(parts["逾期及临期任务"])
        c = _COUNTS.search(attention_text)
        assert c or attention_text.startswith("本期无逾期任务"), attention_text
        joined = "\n" + "\n".join(parts["逾期及临期任务"])
        out["attention_counts"] = (int(c.group(1)), int(c.group(2))) if c else (0, 0)
        out["attention"] = sorted(
            (unit, _ROLE[role], deadline, status, days)
            for unit, role, deadline, status, days in _ATTENTION_ROW.findall(joined)
        )
    if "各单位推进情况" in parts:
        tokens = parts["各单位推进情况"]
        out["units"], out["unit_total"] = [], None
        if "暂无分工。" not in tokens:
            rows, tail = _rows(tokens, UNIT_HEADERS, "合计")
            out["units"] = [(r[1], tuple(int(v) for v in r[2:])) for r in rows]
            out["unit_total"] = tuple(int(v) for v in tail[1:10])
    if "本月工作进展" in parts:
        out["progress"], out["unassigned_listed"] = _progress(parts["本月工作进展"], units)
    if "单位综合评分排名" in parts:
        rows, _ = _rows(parts["单位综合评分排名"], SCORE_HEADERS, "计分办法")
        out["scores"], out["ranking"] = _ranking(rows)
    return out


def docx_sections(path: Path) -> dict[str, list[tuple[str, object]]]:
    """The Word report's body by 一级标题: each section's blocks, ("p", (style, text)) or ("t", rows of cell texts)."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    out: dict[str, list[tuple[str, object]]] = {}
    current: str | None = None
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            p = Paragraph(child, doc)
            text = p.text.strip()
            m = _HEADING.match(text)
            if m and p.style is not None and p.style.name == "一级标题":
                current = m.group(1)
                out[current] = []
            elif text == "统计口径说明":
                current = None
            elif current is not None and text:
                out[current].append(("p", (p.style.name if p.style is not None else "", text)))
        elif child.tag == qn("w:tbl") and current is not None:
            rows = [[c.text.strip() for c in r.cells] for r in Table(child, doc).rows]
            out[current].append(("t", rows))
    return out


def _table(blocks: list[tuple[str, object]], headers: list[str]) -> list[list[str]]:
    """The body rows of the section's table whose first row is ``headers``."""
    for kind, value in blocks:
        if kind == "t" and isinstance(value, list) and value and value[0] == headers:
            return value[1:]
    raise AssertionError(f"no table {headers}")


def _paragraphs(blocks: list[tuple[str, object]]) -> list[tuple[str, str]]:
    return [value for kind, value in blocks if kind == "p"]  # type: ignore[misc]


def monthly_docx_figures(path: Path, units: list[str]) -> dict[str, object]:
    """The Word report's figures, in the shape of ``monthly_pdf_figures``; "summary_table" is 总体情况's table, and
    a task's heading names its lead units only (no "cos")."""
    parts = docx_sections(path)
    first = _paragraphs(parts["总体情况"])
    out: dict[str, object] = {"summary": _summary(_squeeze([t for _, t in first]))}
    out["summary_table"] = dict(zip(SUMMARY_TABLE, _table(parts["总体情况"], SUMMARY_TABLE)[0], strict=True))
    if "逾期及临期任务" in parts:
        blocks = parts["逾期及临期任务"]
        text = _squeeze([t for _, t in _paragraphs(blocks)])
        c = _COUNTS.search(text)
        assert c or text.startswith("本期无逾期任务"), text
        out["attention_counts"] = (int(c.group(1)), int(c.group(2))) if c else (0, 0)
        attention = []
        if c:
            for r in _table(blocks, ["序号", "编号", "任务", "责任单位", "截止日期", "状态", "逾期天数"]):
                m = re.fullmatch(r"(.+)（(牵头|配合)）", r[3])
                assert m, r
                attention.append((m.group(1), _ROLE[m.group(2)], r[4], r[5], r[6]))
        out["attention"] = sorted(attention)
    if "各单位推进情况" in parts:
        blocks = parts["各单位推进情况"]
        out["units"], out["unit_total"] = [], None
        if any(kind == "t" for kind, _ in blocks):
            rows = _table(blocks, UNIT_HEADERS)
            assert rows[-1][1] == "合计", rows[-1]
            out["units"] = [(r[1], tuple(int(v) for v in r[2:])) for r in rows[:-1]]
            out["unit_total"] = tuple(int(v) for v in rows[-1][2:])
    if "本月工作进展" in parts:
        progress: dict[str, dict[str, object]] = {}
        listed = 0
        current: dict[str, object] | None = None
        for style, text in _paragraphs(parts["本月工作进展"]):
            m = _DOCX_TASK.match(text)
            if m:
                current = progress[m.group(1)] = {
                    "leads": sorted(m.group(2).split("、")),
                    "deadline": m.group(3).strip(),
                    "status": m.group(4),
                    "percent": int(m.group(5)),
                    "missing": [],
                }
                continue
            n = re.match(r"以下\s*(\d+)\s*项任务尚未分工", text)
            if n:
                listed, current = int(n.group(1)), None
            elif current is not None and text.startswith("未报送："):
                current["missing"] = sorted(u for u in units if u in text)
            else:
                assert style != "二级标题", f"task heading not understood: {text}"
        out["progress"], out["unassigned_listed"] = progress, listed
    if "单位综合评分排名" in parts:
        out["scores"], out["ranking"] = _ranking(_table(parts["单位综合评分排名"], SCORE_HEADERS))
    return out


# -- the 工作台账, the 考核 export, the 督查通报 ----------------------------------------------------------------------


def _task_label(number: str) -> str:
    m = re.search(r"(\d+\.)$", number)
    assert m, number
    return m.group(1)


def work_ledger(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[str, int]]]:
    """The 工作台账's rows (task, unit, 角色, 截止日期, 延期, 办理状态 (已办结/已销号, or "open"; "" on a 未分工 row),
    状态, 完成%, 逾期天数), sorted as ``oracle_rules.work_ledger``; and (task, 0 lead/未分工, 1 co) in sheet order."""
    wb = load_workbook(path, read_only=True)
    rows = [list(r) for r in wb["工作台账"].iter_rows(values_only=True)]
    wb.close()
    head = next(i for i, r in enumerate(rows) if r[0] == "序号")
    header = rows[head]
    col = {name: header.index(name) for name in header if name}
    out: list[tuple[object, ...]] = []
    order: list[tuple[str, int]] = []
    for r in rows[head + 1 :]:
        if not r or r[0] is None:
            continue
        r = r + [None] * (len(header) - len(r))  # a read-only sheet leaves trailing empty cells out
        task = _task_label(str(r[col["编号"]]))
        deadline = r[col["截止日期"]]
        state = r[col["办理状态"]]
        out.append(
            (
                task,
                str(r[col["责任单位"]]),
                r[col["角色"]] or "",
                deadline.date() if isinstance(deadline, dt.datetime) else deadline,
                r[col["延期"]] or "",
                "" if state is None else (state if state in ("已办结", "已销号") else "open"),
                r[col["状态"]],
                r[col["完成%"]],
                r[col["逾期天数"]],
            )
        )
        order.append((task, 1 if r[col["角色"]] == "配合" else 0))
    return sorted(out, key=repr), order


def score_sheet(path: Path) -> tuple[dict[str, tuple[object, ...]], list[int]]:
    """The 考核 export: unit → (名次, 分工任务数, 按时反馈率, 办结率, 逾期数, 退回次数, 得分); and the 名次 in sheet order."""
    wb = load_workbook(path, read_only=True)
    rows = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    wb.close()
    assert rows[1][:8] == [
        "名次",
        "单位",
        "分工任务数",
        "按时反馈率",
        "办结率",
        "逾期数",
        "退回次数",
        "得分",
    ], rows[1]
    body = []
    for r in rows[2:]:
        if r[0] is None or r[1] is None:
            break
        body.append(r)
    return {str(r[1]): (r[0], r[2], r[3], r[4], r[5], r[6], r[7]) for r in body}, [r[0] for r in body]


_BULLETIN_FOOTER = re.compile(r"^(督查通报|工作进展通报) ?第\d+期$")
_OVERALL = re.compile(
    r"截至(\d{4})年(\d{1,2})月(\d{1,2})日，纳入督办的任务共(\d+)项（分工(\d+)条），已完成(\d+)项，正在推进(\d+)项，"
    r"已逾期(\d+)项（逾期分工(\d+)条），尚未分工(\d+)项，按期推进率([\d.]+)%。与上月相比，新增办结(\d+)项，新增逾期(\d+)条。"
)
_LAGGING = re.compile(
    r"\d+．.*?\d+\.[^（]*（([^）]+)），截止日期(\d{4})年(\d{1,2})月(\d{1,2})日，已逾期(\d+)天。"
)
_BULLETIN_PARTS = (
    "一、总体情况",
    "二、主要指标",
    "三、重点任务推进滞后情况",
    "四、存在问题",
    "五、下一步工作要求",
    "附件：",
    "附件1、各单位推进情况",
    "附件2、逾期及临期任务",
)


def _bulletin_parts(path: Path) -> dict[str, list[str]]:
    """The 督查通报's text lines by part (一、总体情况 … 附件2), without the running footers."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not _FOOTER.match(ln) and not _BULLETIN_FOOTER.match(ln)]
    parts: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        head = next((p for p in _BULLETIN_PARTS if line.startswith(p)), None)
        if head is not None:
            current = head
            parts[current] = [line[len(head) :]] if head == "附件：" else []
        elif current is not None:
            parts[current].append(line)
    return parts


def bulletin_figures(path: Path) -> dict[str, object]:
    """The 督查通报's figures, in the shape of ``oracle_rules.bulletin_figures``, with its 附件 read as the monthly
    report's unit table and overdue list ("units", "unit_total", "attention", "attention_counts"); "most_order" is
    the overdue counts of 较多的单位 in the order they are named."""
    parts = _bulletin_parts(path)
    overall = _squeeze(parts["一、总体情况"])
    m = _OVERALL.fullmatch(overall)
    assert m, f"总体情况 not understood: {overall}"
    g = [int(x) if x.isdigit() else x for x in m.groups()]
    lagging_text = _squeeze(parts["三、重点任务推进滞后情况"])
    lagging = [
        (u, dt.date(int(y), int(mo), int(d)), int(n)) for u, y, mo, d, n in _LAGGING.findall(lagging_text)
    ]
    assert len(lagging) == lagging_text.count("已逾期") or lagging_text == "本期无逾期任务。", lagging_text
    problems = _squeeze(parts["四、存在问题"])
    most_text = re.search(r"逾期任务较多的单位：(.*?)。", problems)
    named = re.findall(r"([^、\d]+)(\d+)条", most_text.group(1)) if most_text else []
    missing = re.search(r"本月应报未报送的分工(\d+)条(?:，涉及(.*?))?。", problems)
    assert missing, problems
    returns = re.search(r"本月审核退回(\d+)次，经批准延期的分工(\d+)条。", problems)
    assert returns, problems
    units_tokens = parts["附件1、各单位推进情况"]
    unit_rows: list[tuple[str, tuple[int, ...]]] = []
    total: tuple[int, ...] | None = None
    if "暂无分工。" not in units_tokens:
        rows, tail = _rows(units_tokens, UNIT_HEADERS, "合计")
        unit_rows = [(r[1], tuple(int(v) for v in r[2:])) for r in rows]
        total = tuple(int(v) for v in tail[1:10])
    attention_text = _squeeze(parts["附件2、逾期及临期任务"])
    c = _COUNTS.search(attention_text)
    assert c or attention_text.startswith("本期无逾期任务"), attention_text
    joined = "\n" + "\n".join(parts["附件2、逾期及临期任务"])
    return {
        "overall": {
            "as_of": dt.date(g[0], g[1], g[2]),
            "tasks": g[3],
            "assignments": g[4],
            "done": g[5],
            "in_progress": g[6],
            "overdue": g[7],
            "overdue_assignments": g[8],
            "unassigned": g[9],
            "share": g[10],
            "newly_done": g[11],
            "newly_late": g[12],
        },
        "lagging": sorted(lagging),
        "most_overdue": sorted(((u, int(n)) for u, n in named), key=lambda uc: (-uc[1], uc[0])),
        "most_order": [int(n) for _, n in named],
        "not_reported": int(missing.group(1)),
        "not_reported_units": sorted(missing.group(2).split("、")) if missing.group(2) else [],
        "returned": int(returns.group(1)),
        "extended": int(returns.group(2)),
        "units": unit_rows,
        "unit_total": total,
        "attention_counts": (int(c.group(1)), int(c.group(2))) if c else (0, 0),
        "attention": sorted(
            (unit, _ROLE[role], deadline, status, days)
            for unit, role, deadline, status, days in _ATTENTION_ROW.findall(joined)
        ),
    }


_BEHIND = re.compile(r"\d+．(.+?)：目标[^，]*，最新值[\d.]+，完成目标的[\d.]+%，低于序时进度\d+%。")
_UNREPORTED = re.compile(
    r"(\d+)项主要指标中，(\d+)项截至(\d{4})年(\d{1,2})月(\d{1,2})日尚未填报数值（.*?），无法判断进度；"
    r"(?:已填报的(\d+)项中(\d+)项低于序时进度。|请各责任单位尽快报送指标数据。)"
)


def bulletin_indicators(path: Path) -> dict[str, object]:
    """The 督查通报's 二、主要指标, in the shape of ``oracle_rules.indicator_figures``; "as_of": the day the 未填报
    sentence is stated for (None without one), and "rest": whatever text none of the sentences read."""
    text = _squeeze(_bulletin_parts(path)["二、主要指标"])
    behind = _BEHIND.findall(text)
    rest = _BEHIND.sub("", text)
    m = _UNREPORTED.search(rest)
    rest = _UNREPORTED.sub("", rest)
    all_on_track = "均达到序时进度" in rest
    rest = rest.replace("主要指标均达到序时进度或目标要求。", "")
    return {
        "unreported": int(m.group(2)) if m else 0,
        "of": int(m.group(1)) if m else None,
        "behind": sorted(behind),
        "behind_of_reported": int(m.group(7)) if m and m.group(7) else None,
        "all_on_track": all_on_track,
        "as_of": dt.date(int(m.group(3)), int(m.group(4)), int(m.group(5))) if m else None,
        "rest": rest,
    }


# -- the 催办 notices and the 计分办法 ranking ----------------------------------------------------------------------

_NOTICE_HEAD = "关于督促办理逾期及临期工作任务的通知"
_NOTICE_ITEM = re.compile(
    r"(\d+)．[一二三四五六七八九十、（）]*(\d+\.)[^。]*。你单位(牵头|配合)，截止日期(\d{4})年(\d{1,2})月(\d{1,2})日，"
    r"(?:已逾期(\d+)天|距截止还有(\d+)天|(于统计截止日到期)|(今日到期))，当前完成(\d+)%。"
)
_NOTICE_LEAD = re.compile(
    r"^(.+?)：根据.+?工作分工，统计截至(\d{4})年(\d{1,2})月(\d{1,2})日，你单位承担的任务中有"
    r"(?:(\d+)项已逾期)?、?(?:(\d+)项即将到期)?。"
)
_ISSUED = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日印发")


def notices(path: Path) -> dict[str, dict[str, object]]:
    """The 催办 notices in one PDF: unit → {"items": [(task, 角色, deadline, 已逾期|临期, N, 完成%)] as
    ``oracle_rules.notice_lists`` sorts them, "as_of": the 统计截至 day, "issued": the day printed as 印发,
    "counts": (已逾期, 即将到期) as the opening sentence states them, "today": items said to be 今日到期}."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not re.fullmatch(r"— ?\d+ ?—", ln) and not ln.startswith("预览稿")]
    flat = _squeeze(lines)
    out: dict[str, dict[str, object]] = {}
    for body in flat.split(_NOTICE_HEAD)[1:]:
        lead = _NOTICE_LEAD.match(body)
        assert lead, f"notice not understood: {body}"
        items = []
        today = 0
        for m in _NOTICE_ITEM.finditer(body):
            deadline = dt.date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
            role = m.group(3)
            if m.group(7):
                items.append((m.group(2), role, deadline, "已逾期", int(m.group(7)), int(m.group(11))))
            else:
                days = int(m.group(8)) if m.group(8) else 0
                items.append((m.group(2), role, deadline, "临期", days, int(m.group(11))))
                today += bool(m.group(10))
        assert len(items) == body.count("你单位牵头") + body.count("你单位配合"), (
            f"notice items not understood: {body}"
        )
        issued = _ISSUED.search(body)
        unit = lead.group(1)
        assert unit not in out, f"two notices for {unit}"
        out[unit] = {
            "items": sorted(items, key=repr),
            "as_of": dt.date(int(lead.group(2)), int(lead.group(3)), int(lead.group(4))),
            "issued": dt.date(*(int(g) for g in issued.groups())) if issued else None,
            "counts": (int(lead.group(5) or 0), int(lead.group(6) or 0)),
            "today": today,
        }
    return out


POINT_EVENTS = ["按时反馈", "迟报", "未报", "逾期", "被退回", "按期办结", "逾期办结"]


def point_sheet(path: Path) -> tuple[dict[str, tuple[object, ...]], list[int]]:
    """The 计分办法 export's 考核排名 sheet: unit → (名次, 得分, (count per event in POINT_EVENTS' order)); and
    the 名次 in sheet order."""
    wb = load_workbook(path, read_only=True)
    rows = [list(r) for r in wb["考核排名"].iter_rows(values_only=True)]
    wb.close()
    assert rows[2][:10] == ["名次", "单位", "得分", *POINT_EVENTS], rows[2]
    body = [r for r in rows[3:] if r and r[0] is not None]
    return {str(r[1]): (r[0], r[2], tuple(r[3:10])) for r in body}, [r[0] for r in body]


# -- the evaluation report ---------------------------------------------------------------------------------------


def evaluation_verdict(path: Path) -> str:
    """The judgement the evaluation report's 三、重点任务 opens with (the text up to its first full stop after the
    closing bracket, or its one sentence)."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not _FOOTER.match(ln)]
    start = next(i for i, ln in enumerate(lines) if ln.replace(" ", "") == "三、重点任务")
    flat = _squeeze(lines[start + 1 :])
    m = re.match(r"(.*?(?:）。|无法判断任务进度。))", flat)
    assert m, f"evaluation judgement not understood: {flat[:200]}"
    return m.group(1)
