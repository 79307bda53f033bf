"""Generated 实施方案 in the forms real plans use, each written together with its truth.

The oracle for the importer's reading of structure and owners: the generator first decides the plan — its
chapters, sections and tasks, each task's units and lead — and only then prints it, choosing for each task one
of the ways real plans name owners (a note in brackets in several grammars, role lines on their own
paragraphs, bare fields ending the paragraph, a sentence of the body) and for the whole document one layout
(one paragraph a line, blank lines between, everything run on one line as crawlers store pages, GB18030).
Nothing here imports PlanDesk: the truth comes from the decisions, never from a reading.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from division_plans import OBJECTS as DIVISION_OBJECTS
from division_plans import VERBS as DIVISION_VERBS
from hypothesis import strategies as st

LEVELS = ("市", "区", "县")
OFFICES = (
    "发展改革委",
    "财政局",
    "教育局",
    "科技局",
    "工业和信息化局",
    "公安局",
    "民政局",
    "司法局",
    "人力资源社会保障局",
    "自然资源和规划局",
    "生态环境局",
    "住房城乡建设局",
    "交通运输局",
    "水务局",
    "农业农村局",
    "商务局",
    "文化和旅游局",
    "卫生健康委",
    "应急管理局",
    "市场监管局",
    "统计局",
    "医疗保障局",
    "城市管理局",
    "大数据局",
    "政务服务中心",
    "税务局",
    "住房公积金管理中心",
    "融媒体中心",
)
# Task titles are a verb and an object, as in the division-table plans, with a few subjects more.
VERBS = DIVISION_VERBS
OBJECTS = (
    *DIVISION_OBJECTS,
    "城市更新改造",
    "河湖长制落实",
    "安全生产治理",
    "社会信用体系",
    "政务数据共享",
    "乡村振兴示范",
)
# Sentences of a task's body: plan wording that names no unit and uses no role word (负责, 牵头, 配合…).
BODY = (
    "坚持问题导向，补齐短板弱项。",
    "到2025年，覆盖率达到90%以上。",
    "建立健全长效机制，形成工作合力。",
    "加大政策支持力度，优化资源配置。",
    "开展试点示范，及时总结推广经验。",
    "强化标准引领，提升服务质量和效率。",
    "完善考核评价办法，定期通报进展情况。",
    "鼓励社会资本参与，拓宽投融资渠道。",
    "每年组织专项检查不少于2次。",
    "推动数据互联互通，实现一网通办。",
)
CHAPTERS = ("重点任务", "主要任务", "工作任务", "重点工作", "专项行动")
SECTION_TOPICS = (
    "夯实发展基础",
    "提升服务能力",
    "深化改革创新",
    "强化要素保障",
    "推动绿色发展",
    "优化空间布局",
    "增进民生福祉",
    "加强风险防控",
    "扩大开放合作",
)
DEADLINES = ("2025年底前", "2026年6月底前", "2024年12月31日前", "长期坚持")

# How a task names its owners. Each is a function of (lead units, co units) to the printed pieces; see
# _owners_text. "none" prints nothing (and the truth records no note).
IDIOMS = (
    "note_units",  # （责任单位：A、B、C）
    "note_lead_co",  # （A牵头，B、C配合）
    "note_labels",  # （牵头单位：A；配合单位：B、C）
    "note_single_fuze",  # （A负责）
    "role_lines",  # 牵头单位：A / 配合单位：B、C / 完成时限：… on paragraphs of their own
    "bare_fields",  # …。责任单位：A牵头，B、C配合  (no closing mark)
    "bare_labels",  # …。牵头单位：A 配合单位：B、C 完成时间：…  (no closing mark)
    "prose_by",  # 由A牵头，B、C配合，…。
    "prose_with",  # A负责…，会同B、C…。
    "prose_end",  # …。该项工作由A负责，B配合。
    "note_multi_lead",  # （A、B牵头，C配合）
    "note_generic_tail",  # （A牵头，B、C等有关部门配合）, 等省级有关部门, 等市直相关单位…
    "role_dept_lines",  # 牵头部门：A / 参与部门：B、C
    "role_catch_all",  # 责任单位：A / 参与单位：各有关部门
    "role_carry_lines",  # 牵头部门：A / 落实部门：B、C
    "two_notes",  # 句组一（A牵头，B配合）。句组二（C负责）。— two items of one task, each with its owners
    "none",
)
CATCH_ALL = ("各有关部门", "各区县人民政府", "各相关单位")
LAYOUTS = ("lines", "spaced", "flat", "flat_spaced", "gb18030")


@dataclass
class GenTask:
    label: str
    title: str
    lead: list[str]
    co: list[str]
    idiom: str
    body: list[str]
    deadline: str | None = None
    second: tuple[list[str], list[str]] | None = None  # (lead, co) of a second item's note ("two_notes")

    @property
    def units(self) -> list[str]:
        return [*self.lead, *self.co] if self.idiom != "none" else []

    def notes(self) -> list[tuple[list[str], set[str]]]:
        """Each note the task carries: its units as printed and its lead units."""
        if self.idiom == "none":
            return []
        out = [(self.units, set(self.lead))]
        if self.second is not None:
            lead, co = self.second
            out.append(([*lead, *co], set(lead)))
        return out


@dataclass
class GenSection:
    label: str
    title: str
    tasks: list[GenTask] = field(default_factory=list)


@dataclass
class GenChapter:
    label: str
    title: str
    sections: list[GenSection] = field(default_factory=list)


@dataclass
class GenPlan:
    title: str
    level: str
    chapters: list[GenChapter]
    task_style: str  # "1." / "1．" / "1、"
    layout: str

    def headings(self) -> list[tuple[str, str]]:
        """(label as printed, title) of every numbered heading, in document order."""
        out: list[tuple[str, str]] = []
        for chapter in self.chapters:
            out.append((chapter.label, chapter.title))
            for section in chapter.sections:
                out.append((section.label, section.title))
                out.extend((t.label, t.title) for t in section.tasks)
        return out

    def tasks(self) -> list[tuple[list[str], GenTask]]:
        """Each task with its label path (chapter, section, task)."""
        return [([c.label, s.label, t.label], t) for c in self.chapters for s in c.sections for t in s.tasks]

    def lines(self) -> list[str]:
        out = [self.title, "", "为深入推进各项工作，结合实际，制定本方案。"]
        for chapter in self.chapters:
            out.append(f"{chapter.label}{chapter.title}")
            for section in chapter.sections:
                out.append(f"{section.label}{section.title}")
                for task in section.tasks:
                    out.extend(_task_lines(task))
        out.append(f"{CN[len(self.chapters)]}、保障措施")
        out.append("（一）加强组织领导。各单位要高度重视，细化工作措施，确保各项任务落到实处。")
        return out

    def text(self) -> str:
        lines = self.lines()
        if self.layout == "spaced":
            return "\n\n".join(lines) + "\n"
        if self.layout == "flat":
            # A crawler's copy: the title line, then the whole body on one line without separators.
            return lines[0] + "\n" + "".join(lines[1:]) + "\n"
        if self.layout == "flat_spaced":
            # the same with a space where each paragraph ended (a page's text content)
            return " ".join(line.strip() for line in lines) + "\n"
        return "\n".join(lines) + "\n"

    def data(self) -> bytes:
        return self.text().encode("gb18030" if self.layout == "gb18030" else "utf-8")

    def pdf(self) -> bytes:
        """The same plan as a PDF laid out as offices print one: A4, paragraphs wrapped at the margin (so
        labels, notes and names may be cut at a line's end), each paragraph indented two characters."""
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.platypus import Paragraph, SimpleDocTemplate

        if "GenCJK" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("GenCJK", cjk_font_file(), subfontIndex=0))
        style = ParagraphStyle(
            "body", fontName="GenCJK", fontSize=14, leading=24, wordWrap="CJK", firstLineIndent=28
        )
        out = io.BytesIO()
        doc = SimpleDocTemplate(out, pagesize=A4)
        doc.build([Paragraph(line or "&nbsp;", style) for line in self.lines()])
        return out.getvalue()

    def docx(self) -> bytes:
        """The same plan as a Word file, one paragraph a line (the layout is the Word file's own)."""
        from docx import Document

        doc = Document()
        for line in self.lines():
            doc.add_paragraph(line)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


def cjk_font_file() -> str:
    """A font file with Chinese glyphs on this machine (fontconfig), for the generated PDFs."""
    import subprocess

    listed = subprocess.run(
        ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False
    ).stdout.splitlines()
    found = sorted(line.split(":")[0].strip() for line in listed if line.strip())[0] if listed else ""
    if not found:
        raise RuntimeError("no font with Chinese glyphs: install fonts-wqy-microhei")
    return found


def _list(names: list[str]) -> str:
    return "、".join(names)


def _co(co: list[str], verb: str = "配合", sep: str = "，") -> str:
    return f"{sep}{_list(co)}{verb}" if co else ""


def _role_lines(head: str, task: GenTask, lead_label: str, co_label: str) -> list[str]:
    out = [head, f"{lead_label}：{_list(task.lead)}"]
    if task.co:
        out.append(f"{co_label}：{_list(task.co)}")
    if task.deadline and lead_label == "牵头单位":
        out.append(f"完成时限：{task.deadline}")
    return out


def _bare_labels(head: str, task: GenTask) -> list[str]:
    parts = [f"牵头单位：{_list(task.lead)}"]
    if task.co:
        parts.append(f"配合单位：{_list(task.co)}")
    if task.deadline:
        parts.append(f"完成时间：{task.deadline}")
    return [head + " ".join(parts)]


# Generic tails closing a list of units: "and the other departments concerned", never part of a name.
TAILS = ("等有关部门", "等省级有关部门", "等市直相关单位", "等部门", "等相关单位", "等")


def _tail(task: GenTask) -> str:
    return TAILS[len(task.title) % len(TAILS)]


def _two_notes(task: GenTask) -> list[str]:
    assert task.second is not None
    lead2, co2 = task.second
    first, *rest = task.body
    more = "".join(rest) or "做好统筹衔接，确保按期完成。"
    return [
        f"{task.label}{task.title}。{first.rstrip('。')}（{_list(task.lead)}牵头{_co(task.co)}）。"
        f"{more.rstrip('。')}（{_list(lead2)}牵头{_co(co2)}）。"
    ]


# The paragraphs that print one task in each idiom: its heading paragraph, then any paragraphs of its own.
_PRINTERS: dict[str, Callable[[str, GenTask], list[str]]] = {
    "none": lambda head, t: [head],
    "note_units": lambda head, t: [f"{head}（责任单位：{_list(t.lead + t.co)}）"],
    "note_lead_co": lambda head, t: [f"{head}（{_list(t.lead)}牵头{_co(t.co)}）"],
    "note_labels": lambda head, t: [f"{head}（牵头单位：{_list(t.lead)}{_co(t.co, '', '；配合单位：')}）"],
    "note_single_fuze": lambda head, t: [f"{head}（{_list(t.lead)}负责）"],
    "role_lines": lambda head, t: _role_lines(head, t, "牵头单位", "配合单位"),
    "bare_fields": lambda head, t: [f"{head}责任单位：{_list(t.lead)}牵头{_co(t.co)}"],
    "bare_labels": _bare_labels,
    "prose_by": lambda head, t: [f"{t.label}{t.title}。由{_list(t.lead)}牵头{_co(t.co)}，{''.join(t.body)}"],
    "prose_with": lambda head, t: [
        f"{t.label}{t.title}。{_list(t.lead)}负责制定具体措施{_co(t.co, '抓好落地见效', '，会同')}。{''.join(t.body)}"
    ],
    "prose_end": lambda head, t: [f"{head}该项工作由{_list(t.lead)}负责{_co(t.co)}。"],
    "note_multi_lead": lambda head, t: [f"{head}（{_list(t.lead)}牵头{_co(t.co)}）"],
    "note_generic_tail": lambda head, t: [f"{head}（{_list(t.lead)}牵头{_co(t.co, _tail(t) + '配合')}）"],
    "role_dept_lines": lambda head, t: _role_lines(head, t, "牵头部门", "参与部门"),
    "role_catch_all": lambda head, t: [head, f"责任单位：{_list(t.lead)}", f"参与单位：{_list(t.co)}"],
    "role_carry_lines": lambda head, t: _role_lines(head, t, "牵头部门", "落实部门"),
    "two_notes": lambda head, t: _two_notes(t),
}


def _task_lines(task: GenTask) -> list[str]:
    return _PRINTERS[task.idiom](f"{task.label}{task.title}。{''.join(task.body)}", task)


CN = "一二三四五六七八九十"


@st.composite
def gen_plans(
    draw: st.DrawFn, idioms: tuple[str, ...] = IDIOMS, layouts: tuple[str, ...] = LAYOUTS
) -> GenPlan:
    level = draw(st.sampled_from(LEVELS))
    place = draw(st.sampled_from(("东城", "临江", "青山", "南湖", "北岭", "西山")))
    offices = draw(st.permutations(OFFICES))
    units = [f"{level}{o}" for o in offices]
    objects = iter(draw(st.permutations(OBJECTS)))
    task_style = draw(st.sampled_from(("1.", "1．", "1、", "１．")))
    sep = task_style[1]
    wide = task_style[0] == "１"  # full-width digits, as some offices type them
    straight = draw(st.booleans())  # tasks numbered straight through the sections and chapters
    running = 0
    chapters: list[GenChapter] = []
    n_chapters = draw(st.integers(1, 3))
    picked = 0
    # headings are unique within a plan, as a real plan's are
    chapter_titles = draw(st.permutations(CHAPTERS))
    topics = iter(draw(st.permutations(SECTION_TOPICS)))
    for c in range(n_chapters):
        chapter = GenChapter(f"{CN[c]}、", chapter_titles[c])
        for s in range(draw(st.integers(1, 3))):
            section = GenSection(f"（{CN[s]}）", next(topics))
            for t in range(draw(st.integers(1, 4))):
                try:
                    obj = next(objects)
                except StopIteration:
                    break
                idiom = draw(st.sampled_from(idioms))
                n_lead = 2 if idiom == "note_multi_lead" else 1
                n_co = draw(st.integers(0, 3)) if idiom != "note_single_fuze" else 0
                if idiom == "role_catch_all":
                    n_co = 0
                chosen = [units[(picked + k) % len(units)] for k in range(n_lead + n_co)]
                picked += n_lead + n_co + draw(st.integers(0, 2))
                if idiom == "role_catch_all":
                    chosen.append(draw(st.sampled_from(CATCH_ALL)))
                second = None
                if idiom == "two_notes":
                    n2 = draw(st.integers(1, 2))
                    other = [units[(picked + k) % len(units)] for k in range(n2)]
                    picked += n2
                    second = (other[:1], other[1:])
                deadline = draw(st.sampled_from((None, *DEADLINES)))
                body = draw(st.lists(st.sampled_from(BODY), min_size=1, max_size=2, unique=True))
                running += 1
                number = str(running if straight else t + 1)
                if wide:
                    number = number.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
                section.tasks.append(
                    GenTask(
                        label=f"{number}{sep}",
                        title=f"{draw(st.sampled_from(VERBS))}{obj}",
                        lead=chosen[:n_lead],
                        co=chosen[n_lead:],
                        idiom=idiom,
                        body=body,
                        deadline=deadline,
                        second=second,
                    )
                )
            chapter.sections.append(section)
        chapters.append(chapter)
    layout = draw(st.sampled_from(layouts))
    title = f"{place}{level}推进高质量发展实施方案"
    return GenPlan(title, level, chapters, task_style, layout)
