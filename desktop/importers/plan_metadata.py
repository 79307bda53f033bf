"""Plan metadata from the document head: title, covering notice, issuer, document number, date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from desktop.importers.dates import is_date_line, parse_date
from desktop.importers.numbering import match_heading

DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_PLAN_SUFFIX = re.compile(
    r"(实施方案|工作方案|行动方案|行动计划|指导意见|若干意见|实施意见|若干措施|实施办法|规划|方案|意见|计划|办法|纲要|通知|决定)"
    r"(?:[（(][^（）()]{2,20}[）)])?$"
)
# "关于印发《X》的通知" or a repository's "…印发《X》": the plan's name is X.
_NOTICE = re.compile(r"印发\s*[《〈“\"]?(.+?)[》〉”\"]?(?:的通知)?$")
_SUBTITLE = re.compile(r"^[（(][^（）()]{0,12}\d{4}[^（）()]{0,12}[）)]$")
_ATTACHMENT = re.compile(r"^附件\s*\d{0,2}\s*[:：]?$")
_ISSUER = re.compile(r"^[\u4e00-\u9fff]{0,30}(人民政府|办公厅|办公室|国务院|委员会|领导小组|局|委|厅)$")


@dataclass
class HeadInfo:
    title: str = ""
    issuer: str = ""
    doc_number: str = ""
    issued_on: dt.date | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    skip_lines: set[int] = field(default_factory=set)  # header lines that belong to no node


def _normalise_doc_number(raw: str) -> str:
    raw = "".join(raw.split())
    # Share buttons of a web page (微信 微博 QQ空间) that an extraction ran into the number.
    raw = re.sub(r"^(?:微信|微博|空间|分享|打印|关闭)+", "", raw)
    return re.sub(r"[\[［【(（](\d{4})[\]］】)）]", r"〔\1〕", raw)


def _plain_title(title: str) -> str:
    title = "".join(title.split()).strip("《》")
    return title.replace("〈", "《").replace("〉", "》")


def read_head(lines: list[str], first_heading: int) -> HeadInfo:
    """Look at the lines before the first heading (and the signature block) for metadata."""
    info = HeadInfo()
    head_end = first_heading if first_heading >= 0 else min(len(lines), 30)
    notice = ""
    title_lines: list[int] = []
    top, top_lines = _top_title(lines, head_end)
    if _is_notice(top):
        notice = top
        info.skip_lines.update(top_lines)
    for i, line in enumerate(lines[: max(head_end, 0)]):
        if not line or "\t" in line:
            continue
        number = DOC_NUMBER.search(line)
        if number and not info.doc_number and len(line) <= 40:
            info.doc_number = _normalise_doc_number(number.group(0))
            info.skip_lines.add(i)
            continue
        if line.startswith("发布日期"):
            info.metadata["发布日期"] = line.split(":", 1)[-1].split("：", 1)[-1].strip()
            info.skip_lines.add(i)
            continue
        if _is_notice(line) and not notice:
            notice = line
        if _PLAN_SUFFIX.search(line) and len(line) <= 80 and "。" not in line:
            title_lines.append(i)
    if not info.doc_number:
        info.doc_number = _doc_number_in_prose(lines[: max(head_end, 0)])
    _signature(lines, info)
    _choose_title(lines, info, notice, title_lines, head_end)
    return info


def _doc_number_in_prose(head: list[str]) -> str:
    """The issuing number glued into a long head line; numbers cited in brackets or after 《》 are other documents."""
    for line in head:
        for m in DOC_NUMBER.finditer(line):
            before = line[: m.start()]
            if before.endswith(("（", "(", "》", "、", "和")) or before.count("（") > before.count("）"):
                continue
            return _normalise_doc_number(m.group(0))
    return ""


# 东湖区人民政府办公室 under a complete title is the issuer, not the title's second line
_ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff]{2,24}(?:人民政府|办公室|办公厅|委员会|领导小组)$")


def _top_title(lines: list[str], head_end: int) -> tuple[str, list[int]]:
    """The first lines up to the document number or salutation: a title printed over several lines."""
    parts: list[str] = []
    used: list[int] = []
    for i, line in enumerate(lines[: max(head_end, 1)]):
        if not line:
            nxt = next((x for x in lines[i + 1 : i + 3] if x), "")
            if parts and _PLAN_SUFFIX.search(parts[-1]) and not _SUBTITLE.match(nxt):
                break
            continue
        if _ATTACHMENT.match(line) and not parts:
            used.append(i)
            continue
        if parts and _SUBTITLE.match(line):
            parts.append(line)
            used.append(i)
            break
        if (
            DOC_NUMBER.search(line)
            or line.endswith(("：", ":"))
            or "。" in line
            or len(line) > 60
            or line.startswith("发布日期")
            or len(parts) >= 4
            or match_heading(line)
            or is_date_line(line)
            or (parts and _ISSUER_LINE.search(line))
        ):
            break
        parts.append(line)
        used.append(i)
        if _is_notice(line):
            break
        if _PLAN_SUFFIX.search(line):
            nxt = next((x for x in lines[i + 1 : i + 3] if x), "")
            if not _SUBTITLE.match(nxt):
                break
    return "".join(parts), used


def _is_notice(line: str) -> bool:
    return (
        "印发" in line
        and (line.endswith("通知") or line.endswith("》"))
        and len(line) <= 120
        and not re.search(r"[。，；]", line)
    )


def _named_in_notice(notice: str) -> str:
    m = re.search(r"关于印发(.+?)的通知$", notice) or _NOTICE.search(notice)
    return _plain_title(m.group(1)) if m else ""


# A place a body's name starts with (广州市, 浙江省, 浦东新区): names signed side by side share it.
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,6}?[省市区县州盟旗]")
_MAX_SIGNATURE_LINES = 4  # a jointly issued document signs two names a line, up to eight bodies


def _signed_names(line: str) -> list[str] | None:
    """The issuing bodies one signature line names — two printed side by side arrive run together
    (广州市卫生健康委员会广州市财政局) and are parted where the shared place name starts again — or None."""
    if not _ISSUER.match(line) or match_heading(line):
        return None
    place = _PLACE.match(line)
    if place is not None:
        parts = [place.group(0) + rest for rest in line.split(place.group(0))[1:] if rest]
        if len(parts) > 1 and all(_ISSUER.match(p) for p in parts):
            return parts
    return [line]


def _signature(lines: list[str], info: HeadInfo) -> None:
    """Issuer and date: a date line with the issuing bodies on the line(s) above it, every name of a jointly
    issued document kept whole."""
    for i, line in enumerate(lines[:400]):
        if not is_date_line(line):
            continue
        j = i - 1
        while j > 0 and not lines[j].strip():
            j -= 1
        names: list[str] = []
        signed: list[int] = []
        while j >= 0 and len(signed) < _MAX_SIGNATURE_LINES:
            found = _signed_names(lines[j])
            if found is None:
                break
            names[:0] = found
            signed.append(j)
            j -= 1
        if names:
            if not info.issuer:
                info.issuer = "、".join(dict.fromkeys(names))
                info.issued_on = parse_date(line)
            info.skip_lines.update({*signed, i})
            return
    if "发布日期" in info.metadata and info.issued_on is None:
        info.issued_on = parse_date(info.metadata["发布日期"])


def _choose_title(
    lines: list[str], info: HeadInfo, notice: str, candidates: list[int], head_end: int
) -> None:
    if notice:
        info.metadata["通知标题"] = notice
        named = _named_in_notice(notice)
        if not info.issuer:
            issuer = re.match(r"^(.+?)(?:关于)?印发", notice)
            info.issuer = issuer.group(1) if issuer else ""
        info.skip_lines.update(i for i, line in enumerate(lines[:head_end]) if line == notice)
        # The plan's own title line, when present, is better than the notice's wording.
        for i in candidates:
            candidate = _plain_title(lines[i])
            if lines[i] != notice and (not named or _similar(candidate, named)):
                info.title = candidate
                info.skip_lines.add(i)
                return
        for i, line in enumerate(lines[:400]):
            if named and _same_title(_plain_title(line), named):
                info.title = _plain_title(line)
                info.skip_lines.add(i)
                nxt = i + 1 if i + 1 < len(lines) and lines[i + 1] else i + 2
                if nxt < len(lines) and _SUBTITLE.match(lines[nxt]):
                    info.title += lines[nxt]
                    info.skip_lines.add(nxt)
                return
        info.title = named or notice
        return
    # No covering notice: the title is the first lines, possibly printed over two lines.
    top, used = _top_title(lines, head_end)
    if not top and candidates:
        # The head starts with a document number or addressees: the plan's title is the last title-like
        # line before the first heading.
        used = [candidates[-1]]
        top = lines[candidates[-1]]
    info.skip_lines.update(used)
    parts = [top] if top else []
    info.title = _plain_title("".join(parts)) if parts else ""
    if not info.issuer:
        m = re.match(r"^(.+?)关于", info.title)
        info.issuer = m.group(1) if m else ""


def _same_title(a: str, b: str) -> bool:
    dash = re.compile(r"[-－—–~～至]+")
    return bool(a) and dash.sub("-", a) == dash.sub("-", b)


def _similar(a: str, b: str) -> bool:
    strip = re.compile(r"[《》〈〉“”\"'\s的]")
    a, b = strip.sub("", a), strip.sub("", b)
    return a in b or b in a
