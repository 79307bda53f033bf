"""Public copies of plans wrap them in markup: YAML or crawler front matter, markdown titles, bold, links.

The wrapping is removed before repair so a plan saved as markdown reads like the plan itself; what the
front matter says (发布日期, 发布机构, 文件编号 …) is kept as metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FIELD = re.compile(r"^[-*+]?\s*\**\s*([\u4e00-\u9fff]{2,8})\s*\**\s*[:：]\s*\**\s*(.*?)\s*$")
_CRAWLER_NAMES = "标题|发布时间|文号|发布机构|栏目|原文链接|本地目录|来源|分类"
_CRAWLER_FIELD = re.compile(rf"^({_CRAWLER_NAMES})\s*[:：]\s*(.*)$")
_BODY_MARK = re.compile(r"\s*=+\s*正文\s*=+\s*")
_CRAWLER_BODY = re.compile(r"^=+\s*正文\s*=+$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_ATX = re.compile(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]*)\)")
_BOLD = re.compile(r"(\*\*|__)(.+?)\1")
_DOWNLOAD = re.compile(r"^\s*[【\[]?\s*(原文下载|附件下载|相关下载|下载附件|打印本页|关闭窗口)\s*[】\]]?\s*$")
# Site chrome a crawler keeps around the article: breadcrumbs and share buttons before, the source after.
_CHROME_HEAD = re.compile(r"^当前位置\s*[:：].{0,300}?(?:QQ空间|分享到\S{0,10}|打印本页|【打印】)\s*")
_CHROME_WRAPPED = re.compile(
    r"^当前位置\s*[:：][\s\S]{0,300}?(?:QQ\s*空间|分享到\S{0,10}|打印本页|【打印】)[ \t]*", re.M
)
_CHROME_TAIL = re.compile(r"\s*(?:来源|信息来源)\s*[:：]\s*\S{2,20}(?:\s*附件下载)?\s*$")
_SECTION_TITLES = ("政策全文", "基本信息", "正文", "全文")
# Names of front-matter fields, kept as metadata; unknown field names are still removed from the head.
_NAMES = {
    "发布日期": "发布日期",
    "发布时间": "发布日期",
    "成文日期": "成文日期",
    "发布机构": "发布机构",
    "发文机关": "发布机构",
    "原文链接": "来源",
    "来源": "来源",
    "文件编号": "文号",
    "文号": "文号",
    "文件名称": "文件名称",
    "标题": "文件名称",
    "更新时间": "更新时间",
}
_NO_VALUE = ("无", "暂无", "", "-", "—")


@dataclass
class Unwrapped:
    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    title_hint: str = ""  # the first markdown title or the 标题/文件名称 field
    removed: list[str] = field(default_factory=list)  # lines dropped as markup


def _is_field_block_line(line: str) -> re.Match[str] | None:
    m = _FIELD.match(line)
    if m and (line.lstrip().startswith(("*", "-", "+")) or "**" in line):
        return m
    return None


def unwrap(text: str) -> Unwrapped:
    """Remove front matter and markdown from ``text``; the plan's own wording is kept."""
    result = Unwrapped(text="")
    text = _unflatten_crawler_header(text)
    chrome = _CHROME_WRAPPED.search(text)
    if chrome:
        # Breadcrumbs and share buttons, also when a PDF wrapped them over lines.
        result.removed.append(re.sub(r"\s+", " ", chrome.group(0)).strip())
        text = text[: chrome.start()] + "\n" + text[chrome.end() :]
    lines = text.split("\n")
    if not chrome and not _looks_wrapped(lines):
        result.text = text
        return result
    state = _State(in_yaml=bool(lines) and lines[0].strip() == "---", crawled=bool(chrome))
    out: list[str] = []
    for i, raw in enumerate(lines):
        if state.in_yaml:
            _yaml_line(state, result, raw.strip(), first=i == 0)
            continue
        line = _without_chrome(state, result, raw.rstrip(), last=i >= len(lines) - 3)
        kept = _body_line(state, result, line)
        if kept is not None:
            out.append(kept)
    result.text = "\n".join(out)
    if not result.title_hint:
        result.title_hint = result.metadata.get("文件名称", "")
    return result


@dataclass
class _State:
    in_yaml: bool
    head: bool = True  # still before the body: field lines are front matter
    crawled: bool = False


def _yaml_line(state: _State, result: Unwrapped, stripped: str, first: bool) -> None:
    if not first and stripped == "---":
        state.in_yaml = False
        return
    m = re.match(r"^([^:：]{1,20})[:：]\s*(.*)$", stripped)
    if m:
        _keep(result, m.group(1).strip(), m.group(2).strip().strip("\"'"))


def _without_chrome(state: _State, result: Unwrapped, line: str, last: bool) -> str:
    stripped = line.strip()
    chrome = _CHROME_HEAD.match(stripped)
    if chrome:
        result.removed.append(chrome.group(0).strip())
        line = stripped = stripped[chrome.end() :]
        state.crawled = True
    if state.crawled:
        tail = _CHROME_TAIL.search(stripped)
        if tail and (last or len(stripped) > 2000):
            result.removed.append(tail.group(0).strip())
            line = stripped[: tail.start()]
    return line


def _body_line(state: _State, result: Unwrapped, line: str) -> str | None:
    """The line without markup, or None when the whole line is markup."""
    stripped = line.strip()
    if _CRAWLER_BODY.match(stripped):
        state.head = False
        state.crawled = True
        return None
    crawler = _CRAWLER_FIELD.match(stripped) if state.head else None
    if crawler:
        _keep(result, crawler.group(1), crawler.group(2))
        return None
    if (state.head and stripped.startswith("页面链接与图片详见")) or _RULE.match(stripped):
        return None
    field_line = _is_field_block_line(stripped)
    if field_line and (state.head or field_line.group(1) in _NAMES) and len(stripped) < 400:
        _keep(result, field_line.group(1), _LINK.sub(r"\1", field_line.group(2)).strip("* "))
        return None
    if _DOWNLOAD.match(stripped):
        return None
    atx = _ATX.match(line)
    if atx and len(atx.group(1)) > 120:
        # Not a title: a whole page flattened onto one line that starts with one.
        line = _BOLD.sub(r"\2", re.sub(r"(^|\s)#{1,6}\s+", r"\1", line))
        state.head = False
        return line
    if atx:
        title = _BOLD.sub(r"\2", atx.group(1)).strip()
        if title in _SECTION_TITLES or re.match(r"^文档\s*[:：]", title):
            return None
        result.title_hint = result.title_hint or title
        return title
    if re.match(r"^\s*[-*+]\s*\[[^\]]*\]\([^)]*\)\s*$", line):
        # A list of download links (…的通知.pdf).
        result.removed.append(stripped)
        return None
    line = _LINK.sub(lambda m: m.group(1) if not re.match(r"https?://", m.group(1)) else "", line)
    line = _BOLD.sub(r"\2", line)
    if stripped and not _FIELD.match(stripped):
        state.head = False
    return line


def _unflatten_crawler_header(text: str) -> str:
    """A crawler's header (flattened onto one line, or wrapped by a PDF): one field a line, then the body."""
    marker = _BODY_MARK.search(text)
    if marker is None or text[: marker.start()].count("\n") > 40:
        return text
    # Everything before the marker is the crawler's header: one field a line, wrapped lines rejoined.
    head = re.sub(r"\s*\n\s*", "", text[: marker.start()].strip())
    head = re.sub(rf"\s*(?=(?:{_CRAWLER_NAMES}|页面链接与图片详见)\s*[:：])", "\n", head).strip()
    return head + "\n" + marker.group(0).strip() + "\n" + text[marker.end() :].lstrip()


def _looks_wrapped(lines: list[str]) -> bool:
    """Markdown or crawler front matter in the first lines, or markdown bold headings anywhere."""
    top = [line.strip() for line in lines[:30]]
    if any(
        _ATX.match(line)
        or _CRAWLER_BODY.match(line)
        or _CHROME_HEAD.match(line)
        or _is_field_block_line(line)
        for line in top
    ):
        return True
    if top and top[0] == "---":
        return True
    return sum(1 for line in lines if _BOLD.search(line)) >= 3


def _keep(result: Unwrapped, name: str, value: str) -> None:
    key = _NAMES.get(name)
    value = value.strip()
    if key is None or value in _NO_VALUE:
        return
    result.metadata.setdefault(key, value)
