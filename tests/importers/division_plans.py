"""Generated 实施方案 with a body of numbered tasks and an attached 任务分工表 that repeats them, and their truth.

The oracle for the division-table matching: the generator decides every task, its units, its lead and its
deadline first, then prints them twice — once in the body (with or without a responsibility note) and once
as a row of the 任务分工表 (as tab-separated text, as a table flattened one cell per paragraph, or as a Word
table) — so the truth never comes from the importer. Rows that repeat no body task, body tasks the table
leaves out and body notes that name other units than the table are generated on purpose, each with what the
import review must say about it.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from hypothesis import strategies as st

# Task titles are a verb and an object; the objects are unique within a plan, as real tasks' subjects are.
VERBS = ("推进", "加快", "完善", "健全", "强化", "优化", "提升", "深化", "推动", "加强", "创新", "规范")
OBJECTS = (
    "数字政府建设",
    "营商环境改革",
    "公共就业服务",
    "社区养老服务",
    "基层医疗卫生服务",
    "城乡交通网络",
    "生态环境保护",
    "高层次人才引进",
    "科技创新平台建设",
    "农村电子商务",
    "文化旅游融合",
    "食品安全监管",
    "职业技能培训",
    "保障性住房建设",
    "智慧城市运行管理",
    "中小企业融资服务",
    "污水收集处理",
    "绿色建筑推广",
    "跨境贸易便利化",
    "知识产权保护",
    "家庭医生签约服务",
    "学前教育普及",
    "历史文化街区保护",
    "农产品冷链物流",
)
# Titles of rows that repeat no body task: subjects the body never names.
EXTRA_OBJECTS = (
    "港口集疏运体系",
    "航空货运枢纽",
    "海洋牧场建设",
    "氢能产业示范",
    "低空经济试点",
    "数据要素市场",
)
# A task's sentence: two clauses drawn from common plan wording, shared between tasks as in real plans, and
# the task's subject.
CLAUSES_A = (
    "坚持问题导向",
    "聚焦群众关切",
    "加强统筹协调",
    "完善配套政策",
    "加大资金投入",
    "坚持试点先行",
    "强化数据支撑",
    "深化部门协同",
)
CLAUSES_B = (
    "细化工作举措",
    "形成工作合力",
    "健全长效机制",
    "及时总结推广经验做法",
    "提升服务质量和水平",
    "推动各项措施见到实效",
    "扩大覆盖范围",
    "持续优化办事流程",
)
# The prose of a body that lists no tasks (the table is then the plan's only list of tasks).
PROSE = (
    "各地各部门要把各项工作摆在突出位置，抓紧制定具体办法。",
    "要坚持稳中求进，统筹发展和安全，确保工作有序开展。",
    "要加强宣传引导，营造全社会共同参与的良好氛围。",
)
SECTION_TITLES = ("提升城市治理水平", "增强产业发展动能", "改善民生服务质量", "推进绿色低碳发展")
UNITS = (
    "市发展改革委",
    "市教育局",
    "市科技局",
    "市工业和信息化局",
    "市公安局",
    "市民政局",
    "市财政局",
    "市人力资源社会保障局",
    "市自然资源局",
    "市生态环境局",
    "市住房城乡建设局",
    "市交通运输局",
    "市农业农村局",
    "市商务局",
    "市文化广电旅游局",
    "市卫生健康委",
    "市应急管理局",
    "市市场监管局",
    "各区政府",
)
NAME_HEADERS = ("工作任务", "重点任务", "任务名称", "工作事项")
CONTENT_HEADERS = ("主要内容", "具体措施", "工作内容")
LEAD_HEADERS = ("牵头单位", "牵头部门")
CO_HEADERS = ("配合单位", "配合部门")
DEADLINE_HEADERS = ("完成时限", "完成时间")


@dataclass
class GenTask:
    title: str
    sentence: str
    lead: list[str]
    co: list[str]
    deadline: tuple[int, int] | None = None  # (year, month): 2025年6月底前
    note: str = ""  # "" (no note in the body), "labelled", "listed", "prose"
    conflict: str = ""  # a unit the body's note names instead of the table's last unit
    in_table: bool = True  # False: the table leaves the task out
    in_body: bool = True  # False: a table row repeating no body task

    @property
    def units(self) -> list[str]:
        return self.lead + self.co

    def deadline_date(self) -> dt.date | None:
        if self.deadline is None:
            return None
        year, month = self.deadline
        return dt.date(year, 12, 31) if month == 12 else dt.date(year, month + 1, 1) - dt.timedelta(days=1)

    def body_note(self) -> str:
        """The responsibility note printed after the task in the body, if it has one."""
        units = self.units
        if self.conflict:
            units = [*units[:-1], self.conflict] if len(units) > 1 else [*units, self.conflict]
        lead = [u for u in units if u in self.lead] or units[:1]
        co = [u for u in units if u not in lead]
        if self.note == "labelled":
            return f"（牵头单位：{'、'.join(lead)}" + (f"；配合单位：{'、'.join(co)}）" if co else "）")
        if self.note == "listed":
            return f"（责任单位：{'、'.join(units)}）"
        if self.note == "prose":
            return f"（{'、'.join(lead)}牵头" + (f"，{'、'.join(co)}配合）" if co else "）")
        return ""

    def truth(self) -> list[tuple[str, str]]:
        """(unit as printed, role) as the import must give them for this task."""
        if self.in_table:
            return [(u, "lead") for u in self.lead] + [(u, "co") for u in self.co]
        if not self.note:
            return []
        units = self.units
        if self.note == "listed":  # 责任单位：A、B — the first listed leads
            return [(u, "lead" if i == 0 else "co") for i, u in enumerate(units)]
        return [(u, "lead" if u in self.lead else "co") for u in units]


@dataclass
class GenPlan:
    tasks: list[GenTask]  # body tasks in body order, and (in_body=False) the extra rows
    order: list[int]  # the table's rows: indexes into tasks
    sections: list[int]  # how many body tasks each section has
    body: str = "tasks"  # "tasks" or "prose" (the body lists no task: the table is the list)
    numbering: str = "section"  # body tasks numbered 1. per section, or "straight" through the chapter
    serial: str = (
        "plain"  # the table's 序号: plain 1 2 3, label (the body's 1.), path （一）1, dotted 1.1, grouped
    )
    name: str = (
        "title"  # the task cell: "title", "sentence" (the body's whole sentence), "none" (content only)
    )
    fmt: str = "tabs"  # "tabs", "cells" (one cell per paragraph) or "docx"
    deadlines: bool = True
    empty: str = "/"  # how an empty 配合单位 cell is printed
    headers: tuple[str, str, str, str, str] = ("工作任务", "主要内容", "牵头单位", "配合单位", "完成时限")

    # -- the truth -----------------------------------------------------------------------------------
    def body_tasks(self) -> list[GenTask]:
        return [t for t in self.tasks if t.in_body]

    def expected_tasks(self) -> int:
        if self.body == "prose":
            return len(self.order)
        return len(self.body_tasks()) + len(self.extras())

    def extras(self) -> list[GenTask]:
        return [self.tasks[i] for i in self.order if not self.tasks[i].in_body]

    def omitted(self) -> list[GenTask]:
        """Body tasks the table leaves out and the body gives no owners: flagged as having none."""
        return [t for t in self.body_tasks() if not t.in_table and not t.note]

    def conflicts(self) -> list[GenTask]:
        return [t for t in self.body_tasks() if t.in_table and t.conflict and t.note]

    # -- the body --------------------------------------------------------------------------------
    def _numbers(self) -> list[tuple[int, int]]:
        """(section, number) of each body task in body order."""
        out: list[tuple[int, int]] = []
        n = 0
        for s, count in enumerate(self.sections, start=1):
            for k in range(1, count + 1):
                n += 1
                out.append((s, k if self.numbering == "section" else n))
        return out

    def paragraphs(self) -> list[str]:
        lines = [
            "某市推进高质量发展实施方案",
            "为深入推进高质量发展，结合本市实际，制定本方案。",
            "一、总体要求",
            "坚持以人民为中心，统筹推进各项工作，确保取得实效。",
            "二、主要任务",
        ]
        body = self.body_tasks()
        numbers = self._numbers()
        i = 0
        for s, count in enumerate(self.sections, start=1):
            lines.append(f"（{_CN[s]}）{SECTION_TITLES[s - 1]}")
            if self.body == "prose":
                lines.append(PROSE[(s - 1) % len(PROSE)])
                i += count
                continue
            for _ in range(count):
                task, (_s, k) = body[i], numbers[i]
                lines.append(f"{k}.{task.title}。{task.sentence}{task.body_note()}")
                i += 1
        lines += ["三、保障措施", "加强组织协调，强化督促检查，确保各项任务落到实处。"]
        return lines

    # -- the table -------------------------------------------------------------------------------
    def header(self) -> list[str]:
        name, content, lead, co, deadline = self.headers
        cells = ["序号"]
        if self.name != "none":
            cells.append(name)
        if self.name == "title":
            cells.append(content)
        if self.name == "none":
            cells.append("具体任务")
        cells += [lead, co]
        if self.deadlines:
            cells.append(deadline)
        return cells

    def rows(self) -> list[list[str] | str]:
        """The table's rows after its header: a list of cells, or a str for a group row spanning the table."""
        numbers = self._numbers()
        body_index = {id(t): n for n, t in enumerate(self.body_tasks())}
        out: list[list[str] | str] = []
        group = 0
        serial = 0
        for i in self.order:
            task = self.tasks[i]
            serial += 1
            if task.in_body:
                s, k = numbers[body_index[id(task)]]
            else:
                # a row of its own, numbered apart from the body's tasks (a repeated 序号 means a sub-row)
                s, k = (group or 1), 90 + serial
            if self.serial == "grouped" and s != group and task.in_body:
                group, serial = s, 1
                out.append(f"（{_CN[s]}）{SECTION_TITLES[s - 1]}")
            cells = [self._serial(serial, s, k)]
            if self.name == "title":
                cells += [task.title, f"{task.title}。{task.sentence}"]
            elif self.name == "sentence":
                cells.append(f"{task.title}，{task.sentence}")
            else:
                cells.append(f"{task.title}。{task.sentence}")
            cells += ["、".join(task.lead), "、".join(task.co) or self.empty]
            if self.deadlines:
                cells.append(f"{task.deadline[0]}年{task.deadline[1]}月底前" if task.deadline else "长期坚持")
            out.append(cells)
        return out

    def _serial(self, serial: int, section: int, number: int) -> str:
        if self.serial == "label":
            return f"{number}."
        if self.serial == "path":
            return f"（{_CN[section]}）{number}"
        if self.serial == "dotted":
            return f"{section}.{number}"
        return str(serial)

    def appendix(self) -> list[str]:
        return ["附件", "某市推进高质量发展任务分工表"]

    # -- the documents ---------------------------------------------------------------------------
    def text(self) -> str:
        lines = self.paragraphs() + self.appendix()
        if self.fmt == "cells":
            lines += self.header()
            for row in self.rows():
                assert isinstance(row, list), "a flattened table has no group rows"
                lines += row
        else:
            lines.append("\t".join(self.header()))
            for row in self.rows():
                lines.append("\t" + row if isinstance(row, str) else "\t".join(row))
        return "\n".join(lines) + "\n"

    def docx(self) -> bytes:
        import docx

        document = docx.Document()
        for line in self.paragraphs() + self.appendix():
            document.add_paragraph(line)
        header = self.header()
        rows = self.rows()
        table = document.add_table(rows=len(rows) + 1, cols=len(header))
        for c, text in enumerate(header):
            table.cell(0, c).text = text
        for r, row in enumerate(rows, start=1):
            if isinstance(row, str):
                merged = table.cell(r, 0).merge(table.cell(r, len(header) - 1))
                merged.text = row
                continue
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    def describe(self) -> str:
        return self.text() if self.fmt != "docx" else "(docx) " + self.text()


_CN = "〇一二三四五六七八九十"


@st.composite
def gen_tasks(draw: st.DrawFn, count: int, objects: tuple[str, ...], in_body: bool) -> list[GenTask]:
    picked = draw(st.lists(st.sampled_from(objects), min_size=count, max_size=count, unique=True))
    tasks: list[GenTask] = []
    for obj in picked:
        units = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=4, unique=True))
        leads = draw(st.integers(1, min(2, len(units))))
        deadline = draw(st.one_of(st.none(), st.tuples(st.integers(2024, 2027), st.integers(1, 12))))
        note = draw(st.sampled_from(["", "", "labelled", "listed", "prose"])) if in_body else ""
        others = [u for u in UNITS if u not in units]
        conflict = draw(st.sampled_from(["", "", "", *others[:3]])) if note else ""
        tasks.append(
            GenTask(
                title=draw(st.sampled_from(VERBS)) + obj,
                # never the same sentence twice: a repeated sentence is an extraction artefact to the importer
                sentence=f"{draw(st.sampled_from(CLAUSES_A))}，{draw(st.sampled_from(CLAUSES_B))}，推动{obj}取得新进展。",
                lead=units[:leads],
                co=units[leads:],
                deadline=deadline,
                note=note,
                conflict=conflict,
                in_body=in_body,
            )
        )
    return tasks


@st.composite
def gen_plans(draw: st.DrawFn, formats: tuple[str, ...] = ("tabs", "cells", "docx")) -> GenPlan:
    fmt = draw(st.sampled_from(formats))
    sections = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
    n = sum(sections)
    body = draw(st.sampled_from(["tasks", "tasks", "tasks", "prose"]))
    tasks = draw(gen_tasks(n, OBJECTS, True))
    if body == "prose":
        for t in tasks:
            t.note, t.conflict = "", ""
    else:
        # the table may leave a body task out, but repeats at least one
        for t in tasks:
            t.in_table = draw(st.integers(0, 9)) > 0
        if not any(t.in_table for t in tasks):
            tasks[0].in_table = True
        for t in tasks:
            if not t.in_table:
                t.conflict = ""  # a task the table leaves out has only its note: nothing to disagree with
    # rows of their own: fewer than the rows that repeat the body (else the table is a list of its own)
    repeated = sum(t.in_table for t in tasks) if body == "tasks" else 0
    extras = draw(gen_tasks(draw(st.integers(0, min(2, repeated))), EXTRA_OBJECTS, False)) if repeated else []
    all_tasks = tasks + extras
    order = [i for i, t in enumerate(tasks) if t.in_table]
    for j in range(len(extras)):
        order.insert(draw(st.integers(0, len(order))), len(tasks) + j)
    serials = ["plain", "label"] if fmt == "cells" else ["plain", "label", "path", "dotted", "grouped"]
    serial = draw(st.sampled_from(serials))
    if serial == "grouped" and extras:
        serial = "plain"  # an extra row would have no group of its own
    numbering = draw(st.sampled_from(["section", "straight"]))
    if serial == "label":
        numbering = "straight"  # 1. 1. on two rows in a row would be one task over two rows
        if fmt == "cells" and (extras or len(order) < len(tasks)):
            # A flattened table is read by its 序号 counting up one by one: the body's numbers with a task
            # left out (1. 2. 4.) or a row numbered apart end it there (a limit of text_tables, not tested here).
            serial = "plain"
    deadlines = draw(st.booleans())
    name = draw(st.sampled_from(["title", "sentence", "none"]))
    headers = (
        draw(st.sampled_from(NAME_HEADERS)),
        draw(st.sampled_from(CONTENT_HEADERS)),
        draw(st.sampled_from(LEAD_HEADERS)),
        draw(st.sampled_from(CO_HEADERS)),
        draw(st.sampled_from(DEADLINE_HEADERS)),
    )
    empty = "/" if fmt == "cells" else draw(st.sampled_from(["/", "无", ""]))
    return GenPlan(
        tasks=all_tasks,
        order=order,
        sections=sections,
        body=body,
        numbering=numbering,
        serial=serial,
        name=name,
        fmt=fmt,
        deadlines=deadlines,
        empty=empty,
        headers=headers,
    )
