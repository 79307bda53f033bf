"""Text repair before parsing: normalise characters, rejoin split lines, drop page furniture and repeats."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from desktop.importers.front_matter import unwrap
from desktop.importers.numbering import CN_NUM, TITLE_WORDS, cn_to_int, match_heading
from desktop.importers.parsed import Finding
from desktop.importers.responsibility import find_responsibility, names_owners, parse_bare_line, unit_like_end
from desktop.importers.table_repair import rebuild_tables

# CJK radicals supplement characters NFKC leaves alone, mapped to the ordinary character they stand for.
_RADICAL_SUPPLEMENT = {
    "⺁": "厂",
    "⺇": "几",
    "⺈": "刀",
    "⺊": "卜",
    "⺋": "卩",
    "⺌": "小",
    "⺍": "小",
    "⺎": "兀",
    "⺏": "尢",
    "⺐": "尢",
    "⺑": "尢",
    "⺒": "巳",
    "⺓": "幺",
    "⺔": "彐",
    "⺖": "心",
    "⺗": "心",
    "⺘": "手",
    "⺙": "攵",
    "⺛": "旡",
    "⺜": "日",
    "⺝": "月",
    "⺞": "歺",
    "⺟": "母",
    "⺠": "民",
    "⺡": "水",
    "⺢": "水",
    "⺣": "火",
    "⺤": "爪",
    "⺥": "爪",
    "⺦": "丬",
    "⺧": "牛",
    "⺨": "犬",
    "⺩": "王",
    "⺪": "疋",
    "⺫": "目",
    "⺬": "示",
    "⺭": "示",
    "⺮": "竹",
    "⺯": "糸",
    "⺰": "纟",
    "⺱": "网",
    "⺲": "网",
    "⺳": "网",
    "⺴": "网",
    "⺵": "网",
    "⺶": "羊",
    "⺷": "羊",
    "⺸": "羊",
    "⺹": "老",
    "⺺": "聿",
    "⺻": "聿",
    "⺼": "肉",
    "⺽": "臼",
    "⺾": "艸",
    "⺿": "艸",
    "⻀": "艸",
    "⻁": "虎",
    "⻂": "衣",
    "⻃": "襾",
    "⻄": "西",
    "⻅": "见",
    "⻆": "角",
    "⻇": "角",
    "⻈": "讠",
    "⻉": "贝",
    "⻊": "足",
    "⻋": "车",
    "⻌": "辶",
    "⻍": "辶",
    "⻎": "辶",
    "⻏": "阝",
    "⻐": "钅",
    "⻑": "長",
    "⻒": "長",
    "⻓": "长",
    "⻔": "门",
    "⻕": "阜",
    "⻖": "阝",
    "⻗": "雨",
    "⻘": "青",
    "⻙": "韦",
    "⻚": "页",
    "⻛": "风",
    "⻜": "飞",
    "⻝": "食",
    "⻞": "食",
    "⻟": "食",
    "⻠": "饣",
    "⻡": "首",
    "⻢": "马",
    "⻣": "骨",
    "⻤": "鬼",
    "⻥": "鱼",
    "⻦": "鸟",
    "⻧": "卤",
    "⻨": "麦",
    "⻩": "黄",
    "⻪": "黾",
    "⻫": "齐",
    "⻬": "齐",
    "⻭": "齿",
    "⻮": "齿",
    "⻯": "龙",
    "⻰": "龙",
    "⻱": "龜",
    "⻲": "龟",
    "⻳": "龟",
}
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕—…"
_TERMINAL = tuple("。！？；：:）)」』”》…!?")
_TITLE_ENDINGS = ("通知", "方案", "意见", "规划", "计划", "办法", "决定", "纲要", "措施", "细则", "要点")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－―~～\s]*\d{1,4}[-—–－―~～\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$"
)


@dataclass
class RepairResult:
    text: str
    findings: list[Finding] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    duplicates_removed: int = 0
    title_hint: str = ""  # a title the front matter of a public copy gave


# Small form variants (U+FE50…) some editors print labels and notes with (1﹒推进…, ﹙责任单位：…﹚): the
# full-width punctuation they stand for, which the rest of the reading knows.
_SMALL_FORMS = {
    "﹐": "，",
    "﹑": "、",
    "﹒": "．",
    "﹔": "；",
    "﹕": "：",
    "﹖": "？",
    "﹗": "！",
    "﹙": "（",
    "﹚": "）",
    "﹛": "｛",
    "﹜": "｝",
    "﹝": "〔",
    "﹞": "〕",
}


def _normalised_char(ch: str) -> str:
    """What normalise_chars makes of one character ("" drops it)."""
    code = ord(ch)
    if (
        0x2F00 <= code <= 0x2FDF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF10 <= code <= 0xFF19
        or 0xFF21 <= code <= 0xFF3A
        or 0xFF41 <= code <= 0xFF5A
    ):
        return unicodedata.normalize("NFKC", ch)
    if 0x2E80 <= code <= 0x2EFF:
        return _RADICAL_SUPPLEMENT.get(ch, unicodedata.normalize("NFKC", ch))
    if ch in _SMALL_FORMS:
        return _SMALL_FORMS[ch]
    if ch in "\u00a0\u2002\u2003\u2009\u3000":
        return " "
    if ch == "\r":
        return "\n"
    if (code < 32 and ch not in "\n\t") or 0x7F <= code < 0xA0:
        return ""
    return ch


class _CharTable(dict[int, str]):
    """str.translate table filled on first sight of each character (a document uses a few thousand)."""

    def __missing__(self, code: int) -> str:
        out = _normalised_char(chr(code))
        if len(self) < 65536:  # a hostile text of every code point does not grow it without bound
            self[code] = out
        return out


_NORMALISED = _CharTable()


def normalise_chars(text: str) -> str:
    """Kangxi radicals and compatibility forms to ordinary characters; Chinese punctuation stays full-width."""
    return text.translate(_ZERO_WIDTH).translate(_NORMALISED)


def _tidy_line(line: str) -> str:
    line = line.strip(" \u3000")
    if "\t" in line:
        # Table rows keep their tabs; only the cells are tidied.
        return "\t".join(_tidy_spaces(c) for c in line.split("\t")).rstrip("\t ") if line.strip("\t ") else ""
    return _tidy_spaces(line)


def _tidy_spaces(text: str) -> str:
    text = re.sub(r" {2,}", " ", text.strip())
    # Spaces between Chinese characters (or a Chinese character and a digit) are layout, not content.
    cjk = f"[{_CJK}{_CJK_PUNCT}]"
    text = re.sub(rf"(?<={cjk}) +(?=[{_CJK}{_CJK_PUNCT}\d])", "", text)
    return re.sub(rf"(?<=[\d]) +(?={cjk})", "", text)


def _is_title_only(line: str) -> bool:
    heading = match_heading(line)
    return heading is not None and "。" not in heading.rest and len(line) <= 40


def _split_glued(line: str) -> list[str]:
    """Put headings and signature/date blocks that extraction ran together onto their own lines."""
    s = line
    s = re.sub(rf"(?<=[。！？；）])(?=[{CN_NUM}]{{1,3}}、(?![{CN_NUM}]{{1,3}}[、等]))", "\n", s)
    s = re.sub(rf"(?<=[：:])(?=一、(?![{CN_NUM}]{{1,3}}[、等])[\u4e00-\u9fff]{{2,}})", "\n", s)
    s = re.sub(rf"(?<=[。！？；）])(?=[（(][{CN_NUM}]{{1,4}}[）)])", "\n", s)
    s = re.sub(r"(?<=[。！？])(?=\d{1,2}(?:[.．](?!\d)|、[\u4e00-\u9fff“]))", "\n", s)
    s = re.sub(r"(?<=[。！？）])(?=专栏\s*\d)", "\n", s)
    s = re.sub(r"(?<=[^\n])(?=发布日期[:：])", "\n", s)
    # An appendix heading glued to the plan's last sentence, and its title glued to the appendix itself.
    s = re.sub(r"(?<=[。！？])(?=附件\s*\d{0,2}\s*[：:])", "\n", s)
    s = re.sub(r"^(附件\s*\d{0,2}\s*[：:][^。\n]{2,60}?)(?=附件)", r"\1\n", s, flags=re.M)
    s = re.sub(r"(?<=\d{4}-\d{2}-\d{2})(?=\S)", "\n", s)
    s = re.sub(
        r"(?<=通知|意见|方案|规划|计划|办法|决定|纲要|措施|细则|要点)(?!的|通知)(?=[\u4e00-\u9fff]{1,8}〔\d{4}〕\d{1,4}号)",
        "\n",
        s,
    )
    s = re.sub(rf"^([\u4e00-\u9fff]{{1,8}}〔\d{{4}}〕\d{{1,4}}号)(?=[{_CJK}])", r"\1\n", s, flags=re.M)
    s = re.sub(r"^(各[^：:\n]{2,80}[：:])(?=\S)", r"\1\n", s, flags=re.M)
    # A covering notice's title glued to its addressees (…的通知区直各单位，…：).
    s = re.sub(
        r"^([^。，：\n]{4,100}?关于印发[^。，：\n]{2,80}?的通知)(?=[\u4e00-\u9fff])", r"\1\n", s, flags=re.M
    )
    signature = (
        rf"([{_CJK}]{{2,24}}(?:人民政府|办公厅|办公室|国务院|委员会|管委会|管理委员会))"
        rf"(\d{{4}}年\d{{1,2}}月\d{{1,2}}日)(?!印发)"
    )
    s = re.sub(rf"(?<=[。！？》])(?={signature})", "\n", s)
    s = re.sub(rf"^{signature}", r"\1\n\2", s, flags=re.M)
    s = re.sub(r"^(\d{4}年\d{1,2}月\d{1,2}日)(?=[^\n印])", r"\1\n", s, flags=re.M)
    s = re.sub(r"^([（(]联系人[^）)\n]{0,80}[）)])(?=\S)", r"\1\n", s, flags=re.M)
    s = _split_after_responsibility(s)
    s = _split_glued_labels(s)
    out: list[str] = []
    for part in s.split("\n"):
        out.extend(_split_heading_title(part))
    return out


_GLUED_LABEL = re.compile(
    rf"(?P<chapter>(?<![{CN_NUM}])[{CN_NUM}]{{1,3}}、)|(?P<section>[（(][{CN_NUM}]{{1,3}}[）)])|(?P<task>(?<![\d.．、])\d{{1,2}}[.．、](?!\d))"
    r"|(?P<subtask>[（(]\d{1,2}[）)])"
)


_CHAPTER_TITLE_THEN_LABEL = re.compile(rf"[\u4e00-\u9fff]{{2,16}}(?:[（(][{CN_NUM}]{{1,3}}[）)]|1[.．、]|$)")


def _split_glued_labels(s: str) -> str:
    """Labels glued to the text before them (…排放1．狠抓…, 主要任务（一）…) when their number continues
    the numbering seen so far; a number out of sequence is running text, not a heading."""
    out: list[str] = []
    last_chapter = last_section = last_task = last_subtask = seen_subtask = 0
    carried = 0  # the last task number before the current section
    for line in s.split("\n"):
        cuts: list[int] = []
        for m in _GLUED_LABEL.finditer(line):
            label = m.group(0)
            at_start = m.start() == 0 or line[m.start() - 1] in "。！？；）\n"
            if m.group("chapter"):
                number = cn_to_int(label[:-1]) or 0
                # …牵头单位：市发展改革委二、保障措施（一）…: the next chapter's number, then a short title and
                # a section's label, run on after a field that ends without a mark.
                glued = (
                    not at_start
                    and number == last_chapter + 1 >= 2
                    and _CHAPTER_TITLE_THEN_LABEL.match(line, m.end()) is not None
                )
                if glued:
                    cuts.append(m.start())
                if at_start or glued:
                    last_chapter = number or last_chapter
                    carried = last_task or carried  # tasks may number straight through the chapters
                    last_task = last_subtask = 0
                continue
            if m.group("subtask"):
                number = int(label[1:-1])
                # （1）… numbered per task, or straight through the tasks: （5） under 2. after （4） under 1.
                fits = number in (last_subtask + 1, seen_subtask + 1) and (number > 1 or last_task > 0)
                sentence_end = m.start() == 0 or line[m.start() - 1] == "。"
                if fits and (sentence_end or _glued_before(line, m.start())):
                    if m.start() > 0:
                        cuts.append(m.start())
                    last_subtask = number
                    seen_subtask = max(seen_subtask, number)
                continue
            if m.group("section"):
                number = cn_to_int(label[1:-1]) or 0
                fits = number in (1, last_section + 1)
                if at_start or (fits and _glued_before(line, m.start())):
                    if not at_start:
                        cuts.append(m.start())
                    carried = last_task or carried
                    last_section, last_task, last_subtask = number, 0, 0
                continue
            number = int(label[:-1])
            # Tasks number per section (1. again) or straight through the sections (4. after 3.).
            fits = number in (1, last_task + 1, last_task + 2) if last_task else number in (1, carried + 1)
            if at_start or (fits and _glued_before(line, m.start())):
                if not at_start and fits:
                    cuts.append(m.start())
                if fits or at_start:
                    last_task, last_subtask = number, 0
        pieces = [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
        out.append("\n".join(pieces))
    return "\n".join(out)


def _glued_before(line: str, start: int) -> bool:
    """The label follows a word (not a digit, not a list comma) and is followed by a Chinese word."""
    before = line[start - 1] if start else ""
    after = re.match(r"^(?:[（(][^）)]{1,4}[）)]|\d{1,2}[.．、])([\u4e00-\u9fff“])", line[start:])
    if before == "）" and re.match(r"[（(]", line[start:]):
        return False
    # a space stands where a paragraph ended when a page's text was run onto one line
    return bool(after) and bool(re.match(r"[\u4e00-\u9fff”）) ]", before))


def _split_after_responsibility(s: str) -> str:
    """A note followed by more text ends a passage: (X牵头）2018年底前… puts the rest on a line of its own, and so
    does （X牵头）。 when another note closes a later sentence of the same paragraph — each sentence group with
    its own owners is an item of its own, not one task with the union of their lists."""
    pieces = []
    last = 0
    found_all = find_responsibility(s)
    for k, found in enumerate(found_all):
        tail = s[found.end : found.end + 1]
        end = found.end
        if tail in ("。", "；") and k + 1 < len(found_all):
            between = s[found.end + 1 : found_all[k + 1].start]
            if "\n" not in between and re.search(r"[\u4e00-\u9fff]", between):
                end = found.end + 1
                tail = s[end : end + 1]
        if tail and tail not in "\n。；，":
            pieces.append(s[last:end] + "\n")
            last = end
    pieces.append(s[last:])
    return "".join(pieces)


def _split_heading_title(line: str) -> list[str]:
    heading = match_heading(line)
    if heading is not None and heading.kind == "section":
        # "（一）标题。正文…" → the title sentence on its own line, as most documents print it.
        m = re.search(r"[。！？]", heading.rest)
        if (
            m
            and m.start() <= 60
            and heading.rest[m.end() :].strip()
            and not heading.rest[m.end() :].startswith(("”", "）"))
        ):
            return [heading.label + heading.rest[: m.end()], heading.rest[m.end() :].strip()]
        return [line]
    if heading is None or heading.kind != "chapter":
        return [line]
    rest = heading.rest
    m = re.search(rf"[（(][{CN_NUM}]{{1,4}}[）)]", rest)
    if m and m.start() > 0 and "。" not in rest[: m.start()]:
        return [heading.label + rest[: m.start()], *_split_heading_title(rest[m.start() :])]
    for word in TITLE_WORDS:
        if rest.startswith(word) and len(rest) > len(word) + 4 and rest[len(word)] not in "，。、；：":
            return [heading.label + word, rest[len(word) :]]
    return [line]


_NARROW = re.compile("[\x00-\u2e7f]+")


def _width(line: str) -> int:
    """Columns of a line: CJK and everything above counts two, the rest one."""
    return 2 * len(line) - sum(map(len, _NARROW.findall(line)))


def _wrap_width(lines: list[str]) -> int | None:
    """The width of a wrapped layout (PDF): many lines end at the same right margin."""
    widths = [w for w in (_width(line) for line in lines if line and "\t" not in line) if w >= 40]
    if len(widths) < 10:
        return None
    top = sorted(widths)[int(len(widths) * 0.9)]
    near = sum(1 for w in widths if top - 4 <= w <= top + 2)
    return top - 4 if near >= len(widths) * 0.3 else None


_CUT_LABEL_HEAD = re.compile(r"(?<=[\s。；）)])(\d{1,2})$")
_CUT_LABEL_TAIL = re.compile(r"^\d{1,2}[.．](?!\d)")


def _join_broken(lines: list[str]) -> list[str]:
    """Rejoin lines a page break or a PDF line wrap cut, also across blank lines."""
    out: list[str] = []
    pending_blank = False
    full = _wrap_width(lines)
    last_physical = ""
    for line in lines:
        if not line:
            pending_blank = True
            continue
        cut = _CUT_LABEL_HEAD.search(out[-1]) if out and not pending_blank and "\t" not in out[-1] else None
        if cut and _CUT_LABEL_TAIL.match(line):
            # A line wrap inside a task label: '…信用建设。 2' / '4.创新金融信用产品' is task 24.
            line = cut.group(1) + line
            out[-1] = out[-1][: cut.start(1)].rstrip()
        wrapped = (
            full is not None
            and out
            and _width(last_physical) >= full
            and "\t" not in out[-1]
            and not match_heading(line)
            and not _is_title_only(out[-1])
            and not pending_blank
            and not (out[-1].endswith(_TERMINAL) and re.match(r"(展望)?(到|至)\s*\d{4}\s*年|[（(]", line))
            and not _closed_by_note(out[-1])
        )
        if out and (wrapped or _continues(out[-1], line)):
            out[-1] = out[-1] + line
            last_physical = line
        else:
            if pending_blank and out:
                out.append("")
            out.append(line)
            last_physical = line
        pending_blank = False
    return out


def _closed_by_note(line: str) -> bool:
    """…完成河道清淤（区水务局牵头）。 — a sentence group closed by its owners ends there, whatever the width."""
    if not re.search(r"[）)〕】][。；]?$", line):
        return False
    found = find_responsibility(line[-200:])
    return bool(found) and found[-1].end >= len(line[-200:]) - 1


def _continues(prev: str, line: str) -> bool:
    if not prev or "\t" in prev or "\t" in line:
        return False
    if re.search(r"[（(〔【［][^（）()〔〕【】［］]{0,12}[:：]$", prev) and not match_heading(line):
        return True  # a line wrap right after '（责任单位：': the names follow on the next line
    # …（牵头单位：A；配合单位： — a second label of a note still open, its names on the next line
    second_label = re.search(r"[（(][^（）()]{0,200}[；;，,]\s*[^（）()；;，,]{2,8}[:：]$", prev)
    if second_label and not match_heading(line):
        return True
    if re.search(r"(?:单位|部门)\s*[:：]$", prev) and not match_heading(line) and not parse_bare_line(line):
        return True  # …牵头单位：A 配合单位： / 市司法局 — a field's label at the line's end, its names below
    unclosed = prev.count("（") + prev.count("(") > prev.count("）") + prev.count(")")
    # …（牵头单位：A； / 配合单位：B） — a note wrapped after a clause, closed on the next line
    if unclosed and prev.endswith(("；", ";")) and not match_heading(line) and _closes_earlier_bracket(line):
        return True
    if prev.endswith(_TERMINAL):
        return False
    if re.match(r"^[〔\[［【]\d{4}[〕\]］】]\s*\d{1,4}\s*号", line) and re.search(r"[\u4e00-\u9fff]$", prev):
        return True  # a document number a line wrap cut after its issuer's abbreviation
    if parse_bare_line(prev) and not match_heading(line) and not parse_bare_line(line):
        # 配合单位：A、市文化和旅游 / 局 — a role line wrapped inside its last name: joined when only the two
        # pieces together end as a unit's name does
        first = re.sub(r"(?:牵头|配合|参与|负责|协助|等)+$", "", re.split(r"[，、；;,]", line, maxsplit=1)[0])
        last = re.split(r"[，、；;,:：\s]", prev)[-1]
        role_cut = len(line) <= 3 and re.search(r"[配牵参负协]$", prev) is not None  # …市商务局配 / 合
        return role_cut or (not unit_like_end(prev) and unit_like_end(last + first) and len(first) <= 12)
    if match_heading(line) or _is_title_only(prev):
        return False
    open_bracket = prev.count("（") + prev.count("(") > prev.count("）") + prev.count(")")
    if prev.endswith(("、", "，", ",", "（", "(", "“")) or open_bracket:
        return True
    if "。" in prev:
        # Prose that stops mid-sentence was cut by a page break, however short the piece.
        return True
    return len(prev) >= 30 and not prev.endswith(_TITLE_ENDINGS)


_PLAN_NAME = (
    r"(?:实施方案|工作方案|行动方案|行动计划|指导意见|若干意见|实施意见|若干措施|实施办法|规划|方案|意见)"
)


_CONTACT = re.compile(r"^[（(]?联系人[:：]")


def _split_title_from_preamble(lines: list[str]) -> list[str]:
    """Separate a plan title glued to its preamble, and the preamble from the first body sentence."""
    out: list[str] = []
    last = ""  # the last line kept that is neither empty nor a contact line: one pass, whatever the length

    def keep(piece: str) -> None:
        nonlocal last
        out.append(piece)
        if piece and not _CONTACT.match(piece):
            last = piece

    for line in lines:
        after_date = bool(re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", last))
        m = (
            re.match(rf"^(.{{4,80}}?{_PLAN_NAME})(?=为|根据|按照|现|近年来|当前)", line)
            if after_date
            else None
        )
        if m and "。" not in m.group(1):
            keep(m.group(1))
            line = line[m.end() :]
        m = re.match(
            r"^(.{10,400}?(?:现制定以下[^。]{0,10}|制定本[^。]{0,10}|现提出以下意见|提出以下意见)[。：:])(?=\S)",
            line,
        )
        if m:
            keep(m.group(1))
            line = line[m.end() :]
        keep(line)
    return out


def _extract_metadata(lines: list[str], metadata: dict[str, str]) -> list[str]:
    out: list[str] = []
    in_cc = False
    for line in lines:
        plain = line.strip()
        m = re.match(r"^(抄送|抄报|印发|主送)[:：]\s*(.*)$", plain)
        if m:
            metadata[m.group(1)] = (metadata.get(m.group(1), "") + m.group(2)).strip()
            in_cc = m.group(1) in ("抄送", "抄报")
            continue
        if re.search(r"\d{4}年\d{1,2}月\d{1,2}日\s*印发$", plain) and len(plain) < 60:
            metadata["印发"] = plain
            in_cc = False
            continue
        if re.fullmatch(r"[（(](此件[^）)]{0,20}|[^）)]{0,10}公开[^）)]{0,10})[）)]", plain):
            metadata["公开方式"] = plain.strip("（）()")
            continue
        if in_cc and plain and len(plain) < 120 and not match_heading(plain):
            metadata["抄送"] = metadata.get("抄送", "") + plain
            continue
        in_cc = in_cc and not plain
        out.append(line)
    return out


_BARE_NUMBER = re.compile(r"^\d{1,2}$")
_SHORT_LABEL = re.compile(r"^\d{1,2}[.．][^。\t]{0,15}$")


def _next_filled(lines: list[str], i: int) -> int:
    j = i + 1
    while j < len(lines) and not lines[j]:
        j += 1
    return j


def _rejoin_split_labels(lines: list[str]) -> list[str]:
    """A task label broken over lines by a web page's inline spans ('2' / '.不断优化' / '签约' / '服务团队。')."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _BARE_NUMBER.match(line):
            j = _next_filled(lines, i)
            if j < len(lines) and re.match(r"^[.．]", lines[j]):
                line = line + lines[j]
                i = j
        if _SHORT_LABEL.match(line) and not line.endswith("。"):
            # Join the fragments only when they reach the title's full stop within a few short lines.
            filled = [k for k in range(i + 1, min(len(lines), i + 10)) if lines[k]][:4]
            j = len(lines)
            for k in filled:
                nxt = lines[k]
                if nxt.startswith("。") or (nxt.endswith("。") and len(nxt) <= 15):
                    j = k
                    break
                if len(nxt) > 15 or "\t" in nxt or match_heading(nxt) or nxt.startswith("附件"):
                    break
            if j < len(lines):
                nxt = lines[j]
                if nxt.startswith("。"):
                    line = line + "".join(lines[i + 1 : j]) + "。"
                    lines[j] = nxt[1:].strip()
                    i = j - 1 if lines[j] else j
                else:
                    line = line + "".join(lines[i + 1 : j + 1])
                    i = j
        out.append(line)
        i += 1
    return out


def _closes_earlier_bracket(line: str) -> bool:
    """'）' or '负责）' on a line of its own: the wrapped end of a note, however often it recurs, not a page header."""
    return line.count("）") + line.count(")") > line.count("（") + line.count("(")


def _drop_page_furniture(lines: list[str]) -> list[str]:
    counts = Counter(line for line in lines if line and len(line) <= 40)
    repeated = {
        line
        for line, n in counts.items()
        if n >= 3
        and not match_heading(line)
        and not names_owners(line)  # 参与单位：各有关部门 after every task is a role line, not a page header
        and "\t" not in line
        and not _closes_earlier_bracket(line)
    }
    return [line for line in lines if line not in repeated and not (line and _PAGE_NUMBER.match(line))]


_SENTENCE = re.compile(r"[^。！？]*[。！？][”’」』）)]?|[^。！？]+$")


def _whole_passages(repeat: list[bool], protected: list[bool], sizes: list[int]) -> list[bool]:
    """Which repeated sentences of one paragraph to drop: a whole repeated paragraph (its notes and heading
    kept), a run of two or more repeated sentences that starts or ends it (a passage an extraction glued
    to the paragraph), or one long sentence repeated word for word. A short sentence repeated inside new
    text is the author's wording (具体办法另行制定。) and stays."""
    n = len(repeat)
    if n and all(r or p for r, p in zip(repeat, protected, strict=True)) and any(repeat):
        return list(repeat)
    drop = [False] * n
    start = 0
    while start < n and repeat[start]:
        start += 1
    if start >= 2:
        drop[:start] = [True] * start
    end = n
    while end > 0 and repeat[end - 1]:
        end -= 1
    if n - end >= 2:
        drop[end:] = [True] * (n - end)
    for i in range(n):
        drop[i] = drop[i] or (repeat[i] and sizes[i] >= _LONG_SENTENCE)
    return drop


_LONG_SENTENCE = 50
_APPENDIX_LINE = re.compile(r"^附件\s*\d{0,2}\s*[:：]?\s*[^。；]{0,60}$")
_SCRAMBLED_PASSAGES = 3


def _dedupe(lines: list[str], findings: list[Finding], loose: bool = False) -> tuple[list[str], int]:
    """Drop repeated passages (keep the first occurrence); each dropped passage is reported with its text."""
    seen: set[str] = set()
    out: list[str] = []
    removed_total = 0
    run: list[str] = []
    run_line = 0

    def flush() -> None:
        nonlocal run
        if run:
            excerpt = "".join(run)
            findings.append(
                Finding(
                    "duplicate_removed",
                    f"删除了重复出现的段落（{len(run)}句），保留第一次出现的位置：{excerpt[:30]}…",
                    line=run_line,
                    excerpt=excerpt,  # the whole removed passage, so the review can show it
                )
            )
            run = []

    in_plan = in_appendix = False
    for line in lines:
        heading = match_heading(line) if line else None
        in_plan = in_plan or (heading is not None and heading.kind == "chapter")
        # An appendix (附件2 任务分工表) restates the plan's text in its cells: that is content, not a repeat.
        in_appendix = in_appendix or (in_plan and bool(_APPENDIX_LINE.match(line)))
        if not line or "\t" in line or in_appendix:
            out.append(line)
            continue
        segments = [seg for seg in _SENTENCE.findall(line) if seg]
        keys = ["".join(seg.split()) for seg in segments]
        protected = [
            (i == 0 and match_heading(line) is not None) or names_owners(seg)
            for i, seg in enumerate(segments)
        ]
        # Short labels (an issuer, a date) legitimately repeat; sentences and long lines do not.
        long_enough = [len(k) >= (10 if re.search(r"[，。；！？]", k) else 20) for k in keys]
        repeat = [not p and n and k in seen for k, p, n in zip(keys, protected, long_enough, strict=True)]
        drop = list(repeat) if loose else _whole_passages(repeat, protected, [len(k) for k in keys])
        kept: list[str] = []
        for i, seg in enumerate(segments):
            if drop[i]:
                if not run:
                    run_line = len(out) + 1
                run.append(seg)
                removed_total += 1
                continue
            flush()
            if long_enough[i] and not protected[i]:
                seen.add(keys[i])
            kept.append(seg)
        if kept:
            out.append("".join(kept))
    flush()
    return out, removed_total


def repair_text(text: str) -> RepairResult:
    """Repair extracted text for parsing; idempotent, so repaired text can be repaired again."""
    result = RepairResult(text="")
    text = normalise_chars(text)
    unwrapped = unwrap(text)
    text = unwrapped.text
    result.metadata.update(unwrapped.metadata)
    result.title_hint = unwrapped.title_hint
    for page_text in unwrapped.removed:
        result.findings.append(
            Finding(
                "page_text_removed",
                f"删除了网页附带的文字（不属于方案正文）：{page_text[:40]}",
                excerpt=page_text,
            )
        )
    lines = [_tidy_line(line) for line in rebuild_tables(text.split("\n"))]
    lines = _rejoin_split_labels(lines)
    lines = _drop_page_furniture(lines)
    # Join first so glued headings split across a PDF line wrap are found, then join what splitting left.
    lines = _join_broken(lines)
    split: list[str] = []
    for line in lines:
        # Table rows stay whole: a cell's "。2." is not a heading glued to the text before it.
        split.extend(_split_glued(line) if line and "\t" not in line else [line])
    lines = _join_broken([line.strip() if "\t" not in line else line for line in split])
    lines = _split_title_from_preamble(lines)
    lines = _extract_metadata(lines, result.metadata)
    strict: list[Finding] = []
    deduped, dropped = _dedupe(lines, strict)
    if len(strict) >= _SCRAMBLED_PASSAGES:
        # The extraction repeats whole passages: a repeated sentence anywhere is an extraction artefact too.
        strict = []
        deduped, dropped = _dedupe(lines, strict, loose=True)
    lines, result.duplicates_removed = deduped, dropped
    result.findings.extend(strict)
    cleaned: list[str] = []
    for line in lines:
        if line or (cleaned and cleaned[-1]):
            cleaned.append(line)
    result.text = "\n".join(cleaned).strip("\n") + "\n" if cleaned else ""
    return result
