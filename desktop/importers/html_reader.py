"""Web-page plans (.html/.htm): the article text without navigation, scripts or styles."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from desktop.errors import ImportRefused
from desktop.importers.plan_metadata import DOC_NUMBER

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

_DROP = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "head",
    "template",
)
_BLOCKS = (
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "center",
    "hr",
    "title",
)
# Where government sites put the article body, most specific first.
_ARTICLE_SELECTORS = (
    "#UCAP-CONTENT",
    ".TRS_Editor",
    "#zoom",
    ".pages_content",
    "article",
    ".article",
    "#article",
    ".article-content",
    ".content",
    "#content",
    "main",
)
_NAV_CLASS = re.compile(
    r"(^|[\s_-])(nav|menu|breadcrumb|crumb|footer|header|sidebar|share|toolbar)([\s_-]|$)", re.I
)


MAX_DEPTH = 1000
_VOID = {
    "br",
    "img",
    "meta",
    "link",
    "input",
    "hr",
    "wbr",
    "source",
    "area",
    "base",
    "col",
    "embed",
    "param",
    "track",
}
MAX_TAGS = 500_000  # far above any published plan page; bounds the time the parse below may take


class _TooDeep(Exception):
    pass


class _DepthProbe(HTMLParser):
    """Nesting depth as the parser that builds the page will see it (a "<" inside a quoted attribute
    does not hide a tag), stopped as soon as the page is too deep or has too many tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = self.deepest = self.tags = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags += 1
        if tag in _VOID:
            return
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        if self.depth > MAX_DEPTH or self.tags > MAX_TAGS:
            raise _TooDeep

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags += 1
        if self.tags > MAX_TAGS:
            raise _TooDeep

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.depth = max(0, self.depth - 1)


def _nesting_depth(data: str) -> int:
    """Nesting depth from the tags alone (MAX_DEPTH + 1 once past the limits): cheap, and stops early."""
    probe = _DepthProbe()
    try:
        for start in range(0, len(data), 1 << 16):
            probe.feed(data[start : start + (1 << 16)])
        probe.close()
    except _TooDeep:
        return MAX_DEPTH + 1
    return probe.deepest


def read_html(data: str, name: str) -> str:
    if _nesting_depth(data) > MAX_DEPTH:
        raise ImportRefused(
            f"网页“{name}”的标签嵌套过深（超过 {MAX_DEPTH} 层）或标签过多（超过 {MAX_TAGS} 个），无法解析。",
            location=name,
        )
    try:
        from bs4 import BeautifulSoup
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise ImportRefused("缺少网页读取组件 beautifulsoup4，无法导入网页。", location=name) from exc
    try:
        soup = BeautifulSoup(data, "html.parser")
        for tag in soup.find_all(_DROP):
            tag.decompose()
        for tag in soup.find_all(class_=_NAV_CLASS):
            if tag.decomposed:
                continue
            tag.decompose()
        root = _article(soup)
        text = _text_of(root)
    except RecursionError as exc:
        raise ImportRefused(f"网页“{name}”的标签嵌套过深，无法解析。", location=name) from exc
    text = _with_site_number(data, text)
    lines = []
    for raw in text.split("\n"):
        # A table row starts with the marker and one tab too many (every cell is preceded by a tab).
        raw = raw[2:] if raw.startswith(_ROW + "\t") else raw.replace(_ROW, "")
        line = re.sub(r"[ \u00a0\u3000\r\f\v]+", " ", raw).strip(" ")
        line = re.sub(r"\s*\t\s*", "\t", line).rstrip("\t")
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_ROW = "\x01"
_SITE_NUMBER = re.compile(r"(?:发文字号|文\s*号)\s*[:：]?\s*(?:<[^>]*>\s*)*([^<>]{2,40}?号)")


def _with_site_number(page: str, text: str) -> str:
    """The 文号 a government site prints in its table of the document's data, outside the article: put before the
    text as 文号：… when the text does not carry one itself."""
    head = "\n".join(text.split("\n")[:40])
    if DOC_NUMBER.search(head):
        return text
    m = _SITE_NUMBER.search(page)
    number = DOC_NUMBER.search(m.group(1)) if m else None
    return f"文号：{number.group(0)}\n{text}" if number else text


def _text_of(root: Tag) -> str:
    """Text with line breaks at block elements and tabs between table cells, without touching the tree.

    Walking ``descendants`` is iterative, so 100 000 nested elements cost time, not stack.
    """
    from bs4 import Tag
    from bs4.element import NavigableString, PreformattedString

    parts: list[str] = []
    for node in root.descendants:
        if isinstance(node, Tag):
            if node.name == "tr":
                parts.append("\n" + _ROW)
            elif node.name in ("td", "th"):
                parts.append("\t")
            elif node.name in _BLOCKS:
                parts.append("\n")
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            parts.append(str(node).replace("\n", " "))
    return "".join(parts)


def _article(soup: BeautifulSoup) -> Tag:
    for selector in _ARTICLE_SELECTORS:
        found = soup.select_one(selector)
        if found is not None and len(found.get_text(strip=True)) >= 200:
            return found
    return soup.body or soup
