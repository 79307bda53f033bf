"""Word (.docx) plans: paragraphs and tables in document order, table rows as tab-separated lines."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from desktop.errors import ImportRefused
from desktop.importers.docx_numbering import Numbering
from desktop.importers.text_tables import header_roles, is_unit_list
from desktop.importers.zip_guard import check_unpacked_size

_CJK_END = re.compile(r"[\u3400-\u9fff，。；：、）]$")


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportRefused(f"文件“{name}”已损坏或不完整，无法作为 Word 文档打开。", location=name) from exc
    if "word/document.xml" not in names:
        if "content.xml" in names and "mimetype" in names:
            raise ImportRefused(
                f"文件“{name}”是 OpenDocument 文档（.odt 等），请用 WPS、Word 或 LibreOffice 另存为 .docx 后再导入。",
                location=name,
            )
        raise ImportRefused(f"文件“{name}”是压缩包，但不是 Word（.docx）文档，无法导入。", location=name)
    check_unpacked_size(data, name, f"文件“{name}”已损坏或不完整，无法作为 Word 文档打开。")


def _cell_text(tc: Any, document: Any, numbering: Numbering) -> str:
    """A cell's paragraphs on one line: units one per paragraph joined with 、, other text run together.
    A numbered paragraph keeps its label, even alone (a 序号 column numbered by Word)."""
    from docx.text.paragraph import Paragraph

    texts = [(_label(numbering, p), Paragraph(p, document).text.strip()) for p in tc.p_lst]
    parts = [
        t for t in (_with_label(label, text) if text else label.rstrip(".．、") for label, text in texts) if t
    ]
    if len(parts) > 1 and all(is_unit_list(p) for p in parts):
        return "、".join(parts)
    return "".join(parts) if any(_CJK_END.search(p) for p in parts) else " ".join(parts)


def _table_lines(tbl: Any, document: Any, numbering: Numbering) -> list[str]:
    """One tab-separated line per row, each cell at its grid column: a horizontally merged cell is printed
    once followed by empty cells, a vertically merged cell repeats its text on every row it spans."""
    lines: list[str] = []
    above: dict[int, str] = {}
    header_seen = False
    for tr in tbl.tr_lst:
        cells: list[str] = [""] * tr.grid_before
        for tc in tr.tc_lst:
            col = len(cells)
            merge = tc.vMerge
            text = above.get(col, "") if merge == "continue" else _cell_text(tc, document, numbering)
            above[col] = text
            cells.append(text)
            cells.extend([""] * (tc.grid_span - 1))
        filled = [c for c in cells if c]
        if header_seen and len(cells) > 1 and len(filled) == 1 and cells[0] == filled[0]:
            # A row spanning the table below its header names a group of rows: it stays in the table.
            lines.append("\t" + filled[0])
            continue
        header_seen = header_seen or header_roles(cells) is not None
        lines.append("\t".join(cells))
    return lines


def _label(numbering: Numbering, p: Any) -> str:
    """The paragraph's label; a list definition PlanDesk cannot read costs the label, never the document."""
    try:
        return numbering.label(p)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return ""


def _with_label(label: str, text: str) -> str:
    """A paragraph's text after the label Word numbers it with (一、 （一） 1.): joined directly after a
    label that ends in punctuation, as the label would be typed, else after a space."""
    if not label or not text.strip():
        return text
    text = text.lstrip()
    if text.startswith(label.strip()):  # the label typed as well
        return text
    return label + text if label[-1] in "、.．）)：:" else f"{label} {text}"


def read_docx(data: bytes, name: str) -> str:
    """Text of a .docx; refuses broken files with a clear message instead of a traceback."""
    _check_zip(data, name)
    try:
        import docx
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        numbering = Numbering(document)
        lines: list[str] = []
        body = document.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(_with_label(_label(numbering, child), Paragraph(child, document).text))
            elif tag == "tbl":
                lines.extend(_table_lines(child, document, numbering))
        return "\n".join(lines)
    except ImportRefused:
        raise
    except RecursionError as exc:
        raise ImportRefused(f"文件“{name}”结构嵌套过深，无法导入。", location=name) from exc
    except Exception as exc:  # python-docx and lxml raise many types for damaged files
        raise ImportRefused(f"文件“{name}”已损坏或不完整，无法读取 Word 文档内容。", location=name) from exc
