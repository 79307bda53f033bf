"""Web-page plans (.html/.htm): the article text without navigation, scripts or styles."""

from __future__ import annotations

import re

from desktop.errors import ImportRefused

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "select", "head", "template")
_BLOCKS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
    "blockquote", "pre", "dd", "dt", "dl", "center", "hr", "title",
)
# Where government sites put the article body, most specific first.
_ARTICLE_SELECTORS = (
    "#UCAP-CONTENT", ".TRS_Editor", "#zoom", ".pages_content", "article", ".article", "#article",
    ".article-content", ".content", "#content", "main",
)
_NAV_CLASS = re.compile(r"(^|[\s_-])(nav|menu|breadcrumb|crumb|footer|header|sidebar|share|toolbar)([\s_-]|$)", re.I)


def read_html(data: str, name: str) -> str:
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
        for cell in root.find_all(("td", "th")):
            cell.append("\t")
        for tag in root.find_all(("tr", *_BLOCKS)):
            tag.insert_before("\n")
            tag.append("\n")
        text = root.get_text()
    except RecursionError as exc:
        raise ImportRefused(f"网页“{name}”的标签嵌套过深，无法解析。", location=name) from exc
    lines = []
    for raw in text.split("\n"):
        line = re.sub(r"[ \u00a0\u3000\r\f\v]+", " ", raw).strip(" ")
        line = re.sub(r"\s*\t\s*", "\t", line).rstrip("\t")
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _article(soup):
    for selector in _ARTICLE_SELECTORS:
        found = soup.select_one(selector)
        if found is not None and len(found.get_text(strip=True)) >= 200:
            return found
    return soup.body or soup
