"""Responsibility lists such as （责任单位：…） or （税务总局、财政部负责）: who leads, who cooperates."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_LABELS = (
    r"(?:主要责任单位|责任单位|责任部门|牵头单位|牵头部门|责任主体|主责单位|主责部门|负责单位|承担单位|实施单位|落实单位"
    r"|落实部门|配合单位|协办单位|参与单位|配合部门|参与部门|协同单位|协同部门|协作单位|支持单位)"
)
_LABEL_PART = re.compile(rf"({_LABELS})\s*[:：]\s*")
_CO_LABELS = (
    "配合单位",
    "协办单位",
    "参与单位",
    "配合部门",
    "参与部门",
    "协同单位",
    "协同部门",
    "协作单位",
    "支持单位",
)
_LEAD_LABELS = ("牵头单位", "牵头部门")
# Labels inside a note that say when or which person, not which unit: their clauses name no unit, up to the
# next unit label (…；完成时限：2024年底前；责任领导：分管副市长).
_OTHER_LABEL = re.compile(
    r"^(?:完成时限|完成时间|完成期限|办结时限|时间节点|时限要求|时间要求|截止时间|时限|进度安排"
    r"|责任领导|分管领导|牵头领导|联系领导|包抓领导|分管市领导|分管区领导|分管县领导|责任人|具体责任人|联系人"
    r"|联系电话|电话)\s*[:：]"
)
# Clauses that state a convention, not units ("排在第一位的部门为牵头部门，下同", "以下均需…配合，不再列出").
_CONVENTION = re.compile(
    r"(第一位|第一个|首位|下同|以下均需|以下均由|列在首位|为牵头"
    r"|不再(?:做|作|进行|重复|一一|单独|另行)?(?:分工|列出|列明|单列|标注|注明))"
)

# The role lexicon: phrases that close a list of units, longest first. "joint" units are responsible
# together: the first leads unless the document reads them otherwise (see tree_finish).
ROLE_PHRASES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        [
            ("按职责分工牵头负责", "lead"),
            ("按职责牵头负责", "lead"),
            ("牵头负责", "lead"),
            ("牵头落实", "lead"),
            ("牵头", "lead"),
            ("负总责", "lead"),
            ("负主要责任", "lead"),
            ("主办", "lead"),
            ("按职责分工组织落实", "co"),
            ("按职责组织落实", "co"),
            ("按职责组织配合", "co"),
            ("按职责分工配合", "co"),
            ("按职责配合", "co"),
            ("组织落实", "co"),
            ("分头落实", "co"),
            ("具体实施", "co"),
            ("组织实施", "co"),
            ("推动落实", "co"),
            ("分头负责", "joint"),
            ("负责落实", "co"),
            ("配合落实", "co"),
            ("具体落实", "co"),
            ("抓好落实", "co"),
            ("抓落实", "co"),
            ("落实", "co"),
            ("积极配合", "co"),
            ("全力配合", "co"),
            ("协同配合", "co"),
            ("配合", "co"),
            ("参与", "co"),
            ("协助", "co"),
            ("协办", "co"),
            ("指导", "co"),
            ("按职责分工负责", "joint"),
            ("按职责负责", "joint"),
            ("分工负责", "joint"),
            ("按职责分工", "joint"),
            ("分别负责", "joint"),
            ("共同负责", "joint"),
            ("具体负责", "joint"),
            ("负责", "joint"),
        ],
        key=lambda p: -len(p[0]),
    )
)
_ROLE_END = re.compile("(?:" + "|".join(re.escape(p) for p, _ in ROLE_PHRASES) + ")$")
_ROLE_START = re.compile("(?:" + "|".join(re.escape(p) for p, _ in ROLE_PHRASES) + "|等|按职责)")
_ROLE_OF = dict(ROLE_PHRASES)
_CLAUSE_SEPARATORS = "，,；;。"
_LIST_SEPARATORS = "、"
# 和 / 与 / 及 join two units only between complete names (住房和城乡建设局 is one unit).
_UNIT_END = (
    r"(?:局|委|办|部|厅|署|会|院|政府|中心|公司|集团|单位|部门|机构|海关|银行|支行|办事处|乡镇|街道|镇|所|站|队|室|社|馆"
    r"|高校|学校)"
)
_CONJUNCTION = re.compile(
    r"(?<=[局委办部厅署会院府心司团位门关行处镇道所站队室社馆])(?:以及|和|与|及)(?!单位|部门|机构)(?=[\u4e00-\u9fff]{2})"
)
_GENERIC_TAIL = re.compile(
    r"等(?:省级|市级|县级|区级|省直|区直|市直|县直|中央|国家)?(?:有关|相关|其他)?(?:区直)?(?:责任)?"
    r"(?:部门|单位|机构)?(?:和单位)?$"
    r"|等(?:有关|相关|其他)[\u4e00-\u9fff]{1,6}?(?:部门|单位|机构)$"  # 等有关行业主管部门
)
# Admin levels printed after 各X、 that continue a collective unit (各区、县级市).
_LEVEL_WORDS = ("县级市", "县", "县区", "县（市、区）", "旗", "市", "区", "乡镇", "街道")
# A deadline or rhythm inside a note (2025年底前完成, 持续推进) says when, not who.
_TIME_CLAUSE = re.compile(
    r"^(?:\d{4}年|自\d{4}年|到\d{4}年|持续|长期|每年|每季度|每月|年底前|\d{1,2}月底前|\d{1,2}月(?:底|末)?前|"
    r"年内|年底|年末|全年|当年|上半年|下半年|第?[一二三四]季度|按期|限期|同步推进)"
)
# A note in round brackets (which may hold one level of round brackets: 各县（市、区）) or in 〔〕 【】 ［］,
# which some offices print notes in and which may hold round brackets freely. Each kind has one group.
_PAREN = re.compile(
    r"[（(]([^（）()]{2,400}(?:[（(][^（）()]{0,40}[）)][^（）()]{0,400})*)[）)]"
    r"|〔([^〔〕\n]{2,600})〕|【([^【】\n]{2,600})】|［([^［］\n]{2,600})］"
)
_OPENERS = "（(〔【［"
_CLOSERS = "）)〕】］"
_BARE_UNIT = re.compile(rf"^[\u4e00-\u9fff]{{2,24}}{_UNIT_END}$")


@dataclass
class RawUnit:
    raw: str  # as printed, role phrase and generic tail removed
    role: str  # "lead" or "co"; "joint" (responsible together) while parsing, resolved by position
    joint: bool = False  # named by 负责 without a lead: the document may read it as all leading
    listed: bool = False  # listed after 责任单位： with no role phrase: the first leads, whatever 负责 means
    inferred: bool = (
        False  # read from a sentence of the body (由A牵头，B配合…), not from a note: the review says so
    )


_ROLE_IN_BRACKETS = re.compile(
    r"[（(]((?:按职责)?(?:分工)?(?:牵头单位|牵头部门|牵头负责|牵头|主办|配合单位|配合|参与|协办|负责))[）)]$"
)
_BY_PREFIX = re.compile(r"^(?:由|请)")
_NOT_A_UNIT = re.compile(r"[。！？%]|\d{4}年|由|对|将|的|在|把|按照|根据|(?:完成|前)$")


def _clean_token(token: str) -> tuple[str, str]:
    """(unit name, role phrase's role or "") of one list item."""
    token = "".join(token.split()).strip("。.:： ")
    role = ""
    marked = _ROLE_IN_BRACKETS.search(token)
    if marked:
        # 市科委（牵头）、市财政局: the role printed in brackets after the name.
        word = marked.group(1)
        role = "lead" if "牵头" in word or word == "主办" else "" if word.endswith("负责") else "co"
        return token[: marked.start()], role
    m = _ROLE_END.search(token)
    if m and m.start() > 0:
        role = _ROLE_OF[m.group(0)]
        token = token[: m.start()]
    token = _GENERIC_TAIL.sub("", token)
    token = _BY_PREFIX.sub("", token)
    return token.strip("。.:： "), role


def _items(clause: str) -> list[str]:
    out: list[str] = []
    for part in split_outside_brackets(clause, _LIST_SEPARATORS):
        for item in _CONJUNCTION.split(part):
            if item in _LEVEL_WORDS and out and out[-1].startswith("各"):
                out[-1] = f"{out[-1]}、{item}"
            elif item:
                out.append(item)
    return out


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """``text`` split at any of ``separators`` that is not inside round brackets: 各县（市、区）人民政府 is one."""
    out: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(depth - 1, 0)
        elif ch in separators and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    if depth:  # an opening bracket never closed (a broken extraction): brackets cannot be trusted
        return re.split(f"[{re.escape(separators)}]", text)
    return out


def _looks_like_unit(token: str) -> bool:
    return 2 <= len(token) <= 30 and not _NOT_A_UNIT.search(token)


def parse_responsibility(content: str) -> list[RawUnit] | None:
    """Units named in a responsibility note (the inside of its brackets), or None when it is not one.

    The note is a sequence of clauses separated by ，；。; each clause is a list of units (、 和 与 及)
    followed by an optional role phrase; a label such as 牵头单位： sets the role of the units after it.
    """
    content = _spaces_read(content)
    if not content:
        return None
    content = _without_remarks(content)
    labelled = bool(_LABEL_PART.match(content))
    units: list[RawUnit] = []
    pending: list[str] = []  # units waiting for the role phrase that closes their list
    label_role = ""
    skipping = False  # inside the clauses of a time or person label
    timed = False  # a clause said when: （区商务局、区财政局，2024年6月底前） lists its units bare
    for clause in _clauses(content):
        label = _LABEL_PART.match(clause)
        if not label and _OTHER_LABEL.match(clause):
            units.extend(RawUnit(n, label_role) for n in pending)
            pending, skipping = [], True
            continue
        if skipping and not label and not _ROLE_END.search(clause):
            continue  # 市财政局配合 after 责任领导：… is a list again
        skipping = False
        if label:
            labelled = True
            units.extend(RawUnit(n, label_role) for n in pending)
            pending = []
            name = label.group(1)
            label_role = "lead" if name in _LEAD_LABELS else "co" if name in _CO_LABELS else "listed"
            clause = clause[label.end() :]
        if _TIME_CLAUSE.search(clause):
            # a deadline (2024年6月底前, 年内完成) makes bare names a note; 2020年 or 全年 cites a source
            timed = timed or bool(re.search(r"前|完成|底$|末$", clause))
            continue
        if _CONVENTION.search(clause):
            continue
        if "会同" in clause:
            # A会同B、C负责: A leads and brings B and C in.
            first, _, rest = clause.partition("会同")
            lead_names = [n for n, _role in map(_clean_token, _items(first)) if n]
            if not lead_names or not all(_looks_like_unit(n) for n in lead_names):
                return None
            units.extend(RawUnit(n, "lead") for n in [*pending, *lead_names])
            pending = []
            clause = rest
        if not _take_items(clause, pending, units):
            return None
    if pending:
        # A sentence-form note ends its lists with a role phrase; anything else is not a note, unless a
        # stray verb inside the list (A、X负责、B、C) already showed it is one and the rest are unit names.
        stray = (bool(units) or timed) and all(unit_like_end(n) for n in pending)
        if not labelled and not stray:
            return None
        units.extend(RawUnit(n, label_role) for n in pending)
    return _assign_roles(units) if units else None


def _take_items(clause: str, pending: list[str], units: list[RawUnit]) -> bool:
    """The clause's names join ``pending``; a role phrase closes the list into ``units``. False: not units."""
    for item in _items(clause):
        name, role = _clean_token(item)
        if not name:
            continue
        if not _looks_like_unit(name):
            return False
        pending.append(name)
        if role:
            units.extend(RawUnit(n, role) for n in pending)
            pending.clear()
    return True


_SPACE = re.compile(r"\s+")
# A name that stands alone opens with its level or place (市财政局, 各区政府, 国家税务总局, 北京市税务局); 办公室
# or 和市财政局 after a space continue the name or the list before it.
_STARTS_AS_UNIT = re.compile(
    r"(?!和|与|及|以及|或)(?:省|市|区|县|州|盟|旗|乡|镇|街道|各|国家|中央|中共|共青团|团|自治区|"
    r"[\u4e00-\u9fff]{2,4}(?:省|市|区|县|镇|乡))"
)
_ENDS_AS_UNIT = re.compile(rf"{_UNIT_END}$")


# A label glued to the name before it, as run-on text prints fields (牵头单位：县审批局配合单位：县发改局完成时间：…):
# the label starts a new clause. Only after a character a unit's name ends with, so 主要责任单位 stays whole.
_GLUED_LABEL = re.compile(
    rf"(?<=[局委办部厅署会院府心司团位门关行处镇道所站队室社馆）)合头责与实导助])(?=(?:{_LABELS}|完成时限|完成时间|完成期限"
    r"|时间节点|时限要求|责任领导|分管领导|牵头领导)\s*[:：])"
)


def _spaces_read(content: str) -> str:
    """Spaces dropped, except where they part two lists or two names: 市发改委 市财政局 (a PDF or a form
    that lists units without 、) is two units, 牵头单位：A 配合单位：B two clauses, but 市住房和城乡 建设局 (a
    name wrapped at the line's end) is one."""
    content = _GLUED_LABEL.sub("；", content)
    out: list[str] = []
    last = 0
    for m in _SPACE.finditer(content):
        left, right = content[last : m.start()], content[m.end() :]
        out.append(left)
        last = m.end()
        if not right:
            continue
        if (_LABEL_PART.match(right) or _OTHER_LABEL.match(right)) and "".join(out).strip():
            out.append("；")
        elif _ENDS_AS_UNIT.search(left) and _STARTS_AS_UNIT.match(right) and not _ROLE_START.match(right):
            out.append("、")
    out.append(content[last:])
    return "".join(out).strip("、；")


def _without_remarks(content: str) -> str:
    """A later sentence that states a convention is a remark about the lists, not one of them: (责任单位：A、B
    按职责分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。)"""
    sentences = [p for p in content.split("。") if p]
    if len(sentences) < 2:
        return content
    kept = sentences[:1] + [p for p in sentences[1:] if not _is_remark(p)]
    return "。".join(kept)


def _is_remark(sentence: str) -> bool:
    """A sentence stating a convention whose other clauses name no units (市财政局配合，下同 is a list)."""
    if not _CONVENTION.search(sentence) or _LABEL_PART.search(sentence):
        return False
    rest = "，".join(c for c in split_outside_brackets(sentence, "，,；;") if c and not _CONVENTION.search(c))
    return not rest or parse_responsibility(rest) is None


def _clauses(content: str) -> list[str]:
    """Clauses split at ，；。 but a label keeps the list after it: 牵头单位：A，B。配合单位：C."""
    out: list[str] = []
    for piece in split_outside_brackets(content, _CLAUSE_SEPARATORS):
        if piece:
            out.append(piece)
    return out


def _assign_roles(units: list[RawUnit]) -> list[RawUnit]:
    """Explicit roles stay; units without one are joint; repeated names are dropped."""
    seen: set[str] = set()
    out: list[RawUnit] = []
    for unit in units:
        if unit.raw in seen:
            continue
        seen.add(unit.raw)
        out.append(RawUnit(unit.raw, unit.role or "joint"))
    return resolve_joint(out, joint_lead=False)


def resolve_joint(units: list[RawUnit], *, joint_lead: bool) -> list[RawUnit]:
    """Joint units: all lead when the document reads 负责 so (joint_lead), else the first leads.

    When the note names a lead explicitly, joint units co-operate.
    """
    explicit = any(u.role == "lead" for u in units)
    out: list[RawUnit] = []
    first_joint = True
    for unit in units:
        role = unit.role
        joint = role in ("joint", "listed") or unit.joint
        if joint:
            role = "co" if explicit else ("lead" if joint_lead or first_joint else "co")
            first_joint = False
        listed = unit.listed or unit.role == "listed"
        out.append(RawUnit(unit.raw, role, joint=joint and not explicit, listed=listed))
    if out and not any(u.role == "lead" for u in out):
        # Only co-operating phrases (…指导): the first listed unit still answers for the task.
        out[0].role = "lead"
    return out


def is_bare_unit_note(content: str) -> bool:
    """（上海海关）: brackets holding only unit names."""
    items = _items(_spaces_read(content))
    return bool(items) and all(_BARE_UNIT.match(i) and not re.search(r"等|有关|相关|含|如", i) for i in items)


@dataclass
class FoundList:
    start: int  # offsets of the whole parenthetical within the searched string
    end: int
    units: list[RawUnit]


def _inside(m: re.Match[str]) -> str:
    """The text inside the brackets of a _PAREN match, whichever kind they are."""
    return m.group(m.lastindex or 1)


def find_responsibility(text: str) -> list[FoundList]:
    """All responsibility parentheticals in ``text`` (round brackets of either width, or 〔〕 【】 ［］)."""
    found = []
    for m in _PAREN.finditer(text):
        inside = _inside(m)
        units = parse_responsibility(inside)
        if not units and is_bare_unit_note(inside):
            # （上海海关） closing a paragraph: the brackets hold only unit names, listed by position.
            closes = text[m.start() - 1 : m.start()] in ("。", "；") and text[m.end() : m.end() + 1] in (
                "",
                "\n",
            )
            units = (
                resolve_joint([RawUnit(n, "joint") for n in _items(_spaces_read(inside))], joint_lead=False)
                if closes
                else None
            )
            if units:
                found.append(FoundList(m.start(), m.end(), units))
            continue
        if not units:
            continue
        labelled = bool(_LABEL_PART.match("".join(inside.split())))
        after = text[m.end() : m.end() + 1]
        before = text[m.start() - 1 : m.start()] if m.start() else ""
        # A sentence-form list closes a paragraph; one in mid-sentence is an aside about who does what,
        # unless it names a lead explicitly (…搬迁工程（X牵头，Y等参与）2018年底前，…).
        explicit = any(u.role == "lead" and not u.joint for u in units)
        if (
            labelled
            or explicit
            or after in ("", "\n", "。", "；", " ")
            or after in _OPENERS
            or before in ("", "\n", "。", "；")
            or before in _CLOSERS
        ):
            found.append(FoundList(m.start(), m.end(), units))
    return found


def parse_bare_line(line: str) -> list[RawUnit] | None:
    """A line such as 牵头单位：市发展改革委；配合单位：市财政局 without brackets."""
    stripped = line.strip()
    # 牵头领导：副区长；牵头单位：区文化旅游局: a person's label may come first
    starts = _LABEL_PART.match(stripped) or (_OTHER_LABEL.match(stripped) and _LABEL_PART.search(stripped))
    if starts and len(stripped) < 300:
        return parse_responsibility(stripped.rstrip("。"))
    return None


_NOTE_HINT = re.compile(rf"{_LABELS}\s*[:：]|(?:牵头|负责|配合|参与)[）)]?$")


def unread_notes(text: str) -> list[str]:
    """Parentheticals that look like responsibility notes but could not be read as one."""
    out: list[str] = []
    for m in _PAREN.finditer(text):
        if _ROLE_IN_BRACKETS.fullmatch(m.group(0)):
            continue  # 市住建局（牵头）: the role of the name before it, read with that name
        content = "".join(_inside(m).split())
        if _NOTE_HINT.search(content) and parse_responsibility(content) is None:
            out.append(m.group(0))
    return out


# Owners in prose: 责任分工：A负责开展规划编制工作，B组织实施，C配合，D业务检查指导。
_PROSE_NOTE = re.compile(r"(?:责任分工|职责分工|任务分工|分工)\s*[:：]([^。]{4,400})。")
_PROSE_VERB = re.compile(
    r"(?:具体负责|负责|牵头|组织实施|组织|全力配合|积极配合|协同配合|配合|协助|参与|业务|检查|指导|作为|各司其职|承担|实施)"
)


def find_prose_owners(text: str) -> list[FoundList]:
    """Sentences that name owners by verb; the actors of the first clause lead, the others co-operate."""
    found: list[FoundList] = []
    for m in _PROSE_NOTE.finditer(text):
        units: list[RawUnit] = []
        seen: set[str] = set()
        for clause in re.split(r"[，,；;]", m.group(1)):
            actors = _prose_actors("".join(clause.split()))
            role = "co" if units else "lead"
            for name in actors:
                if name not in seen:
                    seen.add(name)
                    units.append(RawUnit(name, role))
        if units:
            found.append(FoundList(m.start(), m.end(), units))
    return found


_LABEL_AFTER_SENTENCE = re.compile(rf"(?<=[。；;])\s*(?={_LABELS}\s*[:：])")


def find_trailing_labelled(text: str) -> list[FoundList]:
    """A labelled note without brackets at the end of a paragraph: …新改建农村户厕2000座。牵头单位：县农业农村局；
    配合单位：县卫健局；完成时间：2024年10月31日前。"""
    for m in _LABEL_AFTER_SENTENCE.finditer(text):
        rest = text[m.end() :].strip()
        # the note ends at its sentence, unless the next sentence is another label (…。配合单位：…)
        end = next(
            (
                k.start()
                for k in re.finditer("。", rest)
                if not (_LABEL_PART.match(rest[k.end() :]) or _OTHER_LABEL.match(rest[k.end() :]))
            ),
            len(rest),
        )
        note = rest[:end].rstrip("。")
        if len(note) > 300 or rest[end:].strip("。 "):
            continue  # prose goes on after it: no closing note
        units = parse_responsibility(note)
        if units and all(unit_like_end(u.raw) for u in units):
            return [FoundList(m.end(), len(text), units)]
    return []


_LEVEL_START = re.compile(r"(?:省|市|区|县|州|乡|镇|街道|各|国家|中央|中共|共青团|团)")
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[。；]))([^。；（）()]{4,120})。?\s*$")


def find_closing_owners(text: str) -> list[FoundList]:
    """A paragraph's last sentence that is a note without brackets: 市发展改革委牵头，市能源局配合。

    Read only when every name ends as a unit's name does and one of them leads by 牵头 in so many words, so
    that prose (各区政府负责组织实施) is never taken for a list."""
    m = _LAST_SENTENCE.search(text)
    if m is None or m.start(1) == 0:
        return []
    units = parse_responsibility(m.group(1))
    if not units or not all(unit_like_end(u.raw) and _LEVEL_START.match(u.raw) for u in units):
        return []
    if not any(u.role == "lead" and not u.joint for u in units) or "牵头" not in m.group(1):
        return []
    if "由" in m.group(1):
        # 由A牵头，每年… is a sentence of the body that names an owner, not a list: the review says so
        units = [replace(u, inferred=True) for u in units]
    return [FoundList(m.start(1), m.end(), units)]


_UNIT_LIKE_END = re.compile(rf"(?:{_UNIT_END}|公司[）)]?)$")
_UNIT_END_ANYWHERE = re.compile(rf"(?:{_UNIT_END}|公司)")


def unit_like_end(name: str) -> bool:
    return bool(_UNIT_LIKE_END.search(name))


def _prose_actors(clause: str) -> list[str]:
    """The units before the first verb of a clause (after a leading 由 or …由)."""
    verb = _PROSE_VERB.search(clause)
    if verb is None or verb.start() == 0:
        return []
    subject = clause[: verb.start()]
    if "由" in subject:
        subject = subject[subject.rindex("由") + 1 :]
    names = []
    for item in _items(subject):
        name = _GENERIC_TAIL.sub("", item).strip()
        unit_like = unit_like_end(name) and len(name) <= 30
        if not name or not (
            unit_like or (_looks_like_unit(name) and not re.search(r"要求|规划|项目|工作", name))
        ):
            return []
        names.append(name)
    return names


# Owners stated in a sentence of the body rather than in a note. Each form names who leads and who joins:
#   由A牵头(负责)，B、C配合…   由A负责…   …，由A牵头。   A牵头，B配合…   A负责…，会同B…   A会同B…   A配合B做好…
# A and B must be lists of names that open with a level or place and end as a unit's name does, so that
# ordinary prose (各地要加强领导, 企业负责…) is never read as owners; the review lists every such reading.
_SENTENCE = re.compile(r"[^。；;！？!?]+")
_LEAD_VERB = re.compile(r"(?:牵头负责|牵头抓总|牵头|负总责|负责|主办)")
_CO_VERB = re.compile(r"(?:积极配合|协同配合|共同配合|配合|参与|协助|协办)")
_BY = re.compile(r"由")


_PLAIN_NAME = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}$")
_VERB_INSIDE = re.compile(
    r"[的对将把在由向]|要求|工作|任务|负责|牵头|配合|参与|会同|协助|推进|开展|组织实施|落实|加强|建立|完善|制定"
)


def _unit_list(text: str) -> list[str] | None:
    """``text`` read as a list of units (A、B和C, a generic tail allowed), or None."""
    text = "".join(text.split()).strip("，,")
    if not text:
        return None
    names: list[str] = []
    for item in _items(text):
        name = _GENERIC_TAIL.sub("", item).strip()
        if not name or len(name) > 30 or not unit_like_end(name) or not _LEVEL_START.match(name):
            return None
        if not _PLAIN_NAME.match(name) or _VERB_INSIDE.search(name):
            return None
        names.append(name)
    return names or None


_OWNER_VERB = re.compile(r"会同|牵头|负责|负总责|主办|积极配合|协同配合|配合|参与|协助")


def _longest_list(text: str, follow: re.Pattern[str] | None = None) -> tuple[list[str], int] | None:
    """The longest opening of ``text`` that is a list of units (followed by ``follow``), with its length:
    区商务局推进… gives 区商务局."""
    head = text[:90]
    if follow is not None:
        # only where the verb that must follow stands: far fewer places to try than every character
        ends = sorted({m.start() for k in range(len(head)) if (m := follow.match(head, k))}, reverse=True)
    else:
        ends = [m.end() for m in _UNIT_END_ANYWHERE.finditer(head)][::-1]
    for end in ends:
        if end < 2 or not unit_like_end(text[:end]) or text[end - 1 : end + 1] == "会同":
            continue
        names = _unit_list(text[:end])
        if names:
            return names, end
    return None


def _owners_by(s: str) -> list[RawUnit] | None:
    """由A牵头(负责)，B配合… / …，由A负责 — A is the list between 由 and the verb."""
    for by in _BY.finditer(s):
        rest = s[by.end() :]
        verb = _LEAD_VERB.search(rest)
        if verb is None or verb.start() < 2:
            continue
        leads = _unit_list(rest[: verb.start()])
        if not leads:
            continue
        units = [RawUnit(n, "lead", inferred=True) for n in leads]
        after = rest[verb.end() :].lstrip("，,")
        co = _CO_VERB.search(after)
        names = _unit_list(after[: co.start()]) if co and co.start() >= 2 else None
        return units + [RawUnit(n, "co", inferred=True) for n in names or []]
    return None


def _owners_opening(s: str) -> list[RawUnit] | None:
    """A牵头，B配合 / A负责…，会同B… / A会同B… / A配合B…: the list A opens the sentence."""
    opening = _longest_list(s, _OWNER_VERB)
    if opening is None:
        return None
    first, end = opening
    rest = s[end:]
    lead: list[str] = first
    co: list[str] = []
    if rest.startswith("会同"):
        joined = _longest_list(rest[2:])
        if not joined:
            return None
        co = joined[0]
    elif (verb := _CO_VERB.match(rest)) is not None:
        helped = _longest_list(rest[verb.end() :])
        if not helped or helped[1] >= len(rest) - verb.end():
            return None
        lead, co = helped[0], first
    elif (verb := _LEAD_VERB.match(rest)) is not None:
        after = rest[verb.end() :]
        together = re.search(r"[，,](?:并)?会同", after)
        co_verb = _CO_VERB.search(after)
        if together:
            co = (_longest_list(after[together.end() :]) or ([], 0))[0]
        elif after.startswith(("，", ",")) and co_verb and co_verb.start() >= 3:
            co = _unit_list(after[1 : co_verb.start()]) or []
    else:
        return None
    return [RawUnit(n, "lead", inferred=True) for n in lead] + [RawUnit(n, "co", inferred=True) for n in co]


def _sentence_owners(sentence: str) -> list[RawUnit] | None:
    s = "".join(sentence.split())
    return _owners_by(s) if "由" in s else _owners_opening(s)


def find_prose_assignments(text: str) -> list[FoundList]:
    """The first sentence of ``text`` that names owners in prose (see above), as one list.

    Only collectives (各区政府负责组织实施) name no one in particular: that is how a plan closes, not an owner."""
    for m in _SENTENCE.finditer(text):
        units = _sentence_owners(m.group(0))
        if units and all(u.raw.startswith("各") for u in units if u.role == "lead"):
            continue
        if units:
            kept: dict[str, RawUnit] = {}
            for unit in units:
                kept.setdefault(unit.raw, unit)  # a name given twice keeps its first role
            return [FoundList(m.start(), m.end(), list(kept.values()))]
    return []


def names_owners(text: str) -> bool:
    """Does ``text`` name owners in any form read above (a note, a labelled field, a sentence)? Such a passage
    is never dropped as a repeat: two tasks may well be given to the same units in the same words."""
    return bool(
        _LABEL_PART.search(text)
        or find_responsibility(text)
        or find_prose_owners(text)
        or find_prose_assignments(text)
        or find_closing_owners(text)
    )
