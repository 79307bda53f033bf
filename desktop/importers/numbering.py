"""Heading recognition: Chinese numerals and the label forms 一、 （一） 1. （1） 专栏N."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_NUM = "零〇一二两三四五六七八九十百"

_CHAPTER = re.compile(rf"^([{CN_NUM}]{{1,4}})(?:、|[．.](?=[\u4e00-\u9fff“]))\s*(.*)$")
_CHAPTER_DI = re.compile(rf"^第([{CN_NUM}]{{1,4}})(?:章|部分)\s*(.*)$")
_SECTION = re.compile(rf"^[（(]([{CN_NUM}]{{1,4}})[）)]\s*(.*)$")
_SECTION_DI = re.compile(rf"^第([{CN_NUM}]{{1,4}})节\s*(.*)$")
_TASK = re.compile(r"^(\d{1,3})\s*[.．、](?!\d)\s*(.*)$")
_SUBTASK = re.compile(r"^[（(](\d{1,3})[）)]\s*(.*)$")
_COLUMN = re.compile(r"^专栏\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[:：]?\s*(.*)$")
# 专栏 县域商业体系建设重点项目: a box without a number, its title alone on the line (专栏中… is running text)
_COLUMN_UNNUMBERED = re.compile(
    r"^专栏[\s:：]*(?![中内里所报作一二三四五六七八九十])([^\s。，；,;：:的由所\d]{2,24})$"
)

# Words that start chapter/section titles of the "要求/措施" kind; used to split "一、指导思想坚持以…".
TITLE_WORDS = (
    "指导思想",
    "基本原则",
    "发展目标",
    "主要目标",
    "总体目标",
    "工作目标",
    "总体要求",
    "总体思路",
    "重点任务",
    "主要任务",
    "重点工作",
    "保障措施",
    "组织实施",
    "实施步骤",
    "工作要求",
    "组织保障",
    "试点目标",
    "试点范围",
    "重大意义",
    "工作原则",
    "基本思路",
    "任务分工",
    "职责分工",
)


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral up to 999 (一, 十二, 二十, 三十三, 一百零五); None if not one."""
    if not text or any(ch not in CN_DIGITS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + CN_DIGITS[ch] if current else CN_DIGITS[ch]
    total += current
    return total or None


def chinese_number(n: int) -> str:
    """一 … 十 十一 … 九十九 一百 一百零五 一百一十: as labels (and Word's chineseCounting) write 1–999;
    the inverse of cn_to_int."""
    d = "〇一二三四五六七八九"
    if n <= 0 or n >= 1000:
        return str(n)
    if n < 10:
        return d[n]
    if n < 20:
        return "十" + (d[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return d[tens] + "十" + (d[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return d[hundreds] + "百"
    if rest < 10:
        return d[hundreds] + "百零" + d[rest]
    tens, ones = divmod(rest, 10)
    return d[hundreds] + "百" + d[tens] + "十" + (d[ones] if ones else "")


@dataclass
class Heading:
    kind: str  # "chapter", "section", "task", "subtask", "column"
    number: int
    label: str  # as printed
    rest: str  # the text after the label on the same line
    form: str = ""  # the label's form: "第章" "第节" "一、" "（一）" "1." "（1）" "专栏"


def match_heading(line: str) -> Heading | None:
    """Recognise a heading at the start of ``line`` (already stripped)."""
    for kind, pattern, cn, form in (
        ("chapter", _CHAPTER, True, "一、"),
        ("chapter", _CHAPTER_DI, True, "第章"),
        ("section", _SECTION_DI, True, "第节"),
        ("section", _SECTION, True, "（一）"),
        ("column", _COLUMN, False, "专栏"),
        ("subtask", _SUBTASK, False, "（1）"),
        ("task", _TASK, False, "1."),
    ):
        m = pattern.match(line)
        if not m:
            continue
        number = cn_to_int(m.group(1)) if cn or not m.group(1).isdigit() else int(m.group(1))
        if not number:
            continue
        rest = m.group(2).strip()
        if kind == "task" and (number > 300 or _looks_like_quantity(rest)):
            continue
        if kind == "chapter" and (number > 40 or _looks_like_enumeration(rest)):
            continue
        label = line[: len(line) - len(m.group(2))].strip() if m.group(2) else line.strip()
        if kind == "column":
            label = label.rstrip(":：").strip()
        return Heading(kind, number, label, rest, form)
    m = _COLUMN_UNNUMBERED.match(line)
    if m:
        return Heading("column", 0, "专栏", m.group(1), "专栏")
    return None


# The forms below 第一章 in the order they nest, each with the level it has in a plan divided by 一、.
_NESTING = (
    ("第节", "section"),
    ("一、", "section"),
    ("（一）", "section"),
    ("1.", "task"),
    ("（1）", "subtask"),
)
_DEPTH = ("section", "task", "subtask")


@dataclass
class HeadingLevels:
    """Which level each label form stands for in one document.

    A plan divided into 第一章 puts the forms it uses below them one level under the other, in their usual order
    (第一节, 一、, （一）, 1., （1））: 第一章 › 一、 › （一） › 1., or 第一章 › 第一节 › 一、 › （一）. A form with no level
    left is running text, kept in the text of the node above it."""

    kinds: dict[str, str | None] = field(default_factory=dict)  # empty: every form keeps its own level

    @classmethod
    def of(cls, forms: list[str]) -> HeadingLevels:
        """From the forms of every heading the document has."""
        if forms.count("第章") < 2:
            return cls()
        kinds: dict[str, str | None] = {}
        depth = -1
        for form, usual in _NESTING:
            if form not in forms:
                continue
            depth = max(_DEPTH.index(usual), depth + 1)
            kinds[form] = _DEPTH[depth] if depth < len(_DEPTH) else None
        return cls(kinds)

    def apply(self, h: Heading | None) -> Heading | None:
        if h is None or h.form not in self.kinds:
            return h
        kind = self.kinds[h.form]
        return None if kind is None else Heading(kind, h.number, h.label, h.rest, h.form)


def _looks_like_quantity(rest: str) -> bool:
    # "1.2亿千瓦" at a line start is a number, not a task label.
    return bool(re.match(r"^\d", rest)) or rest.startswith(("%", "％"))


def _looks_like_enumeration(rest: str) -> bool:
    # "一、二、三产业" style enumerations are running text.
    return bool(re.match(rf"^[{CN_NUM}]{{1,3}}[、等]", rest))


def split_title(rest: str, limit: int = 60) -> tuple[str, str]:
    """Split heading text into (title, remainder): up to the first 。 when it comes early enough."""
    rest = rest.strip()
    m = re.search(r"[。！？]", rest)
    if m and m.start() <= limit:
        return rest[: m.start()].strip(), rest[m.end() :].strip()
    if not m and len(rest) <= limit:
        return rest, ""
    cut = re.search(r"[，；：]", rest)
    if cut and cut.start() <= limit:
        return rest[: cut.start()].strip(), rest[cut.start() + 1 :].strip()
    return rest[:limit].strip(), rest[limit:].strip()
