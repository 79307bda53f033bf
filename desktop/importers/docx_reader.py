"""Word (.docx) plans: paragraphs and tables in document order, table rows as tab-separated lines."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from desktop.errors import ImportRefused
from desktop.fileio import ZipTooLarge, inflated_size

if TYPE_CHECKING:
    from docx.table import _Cell

MAX_UNCOMPRESSED = 50 * 1024 * 1024  # a zip bomb must not be unpacked


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportRefused(f"文件“{name}”已损坏或不完整，无法作为 Word 文档打开。", location=name) from exc
    if "word/document.xml" not in names:
        raise ImportRefused(f"文件“{name}”是压缩包，但不是 Word（.docx）文档，无法导入。", location=name)
    try:
        inflated_size(io.BytesIO(data), limit=MAX_UNCOMPRESSED)
    except ZipTooLarge:
        raise ImportRefused(
            f"文件“{name}”解压后过大（超过 50 MB），为安全起见拒绝导入。", location=name
        ) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
        raise ImportRefused(f"文件“{name}”已损坏或不完整，无法作为 Word 文档打开。", location=name) from exc


def _cell_text(cell: _Cell) -> str:
    return " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


def read_docx(data: bytes, name: str) -> str:
    """Text of a .docx; refuses broken files with a clear message instead of a traceback."""
    _check_zip(data, name)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        body = document.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                table = Table(child, document)
                for row in table.rows:
                    cells: list[str] = []
                    previous = None
                    for cell in row.cells:
                        # Merged cells repeat the same cell object; print it once.
                        if previous is not None and cell._tc is previous:
                            continue
                        previous = cell._tc
                        cells.append(_cell_text(cell))
                    lines.append("\t".join(cells))
        return "\n".join(lines)
    except ImportRefused:
        raise
    except RecursionError as exc:
        raise ImportRefused(f"文件“{name}”结构嵌套过深，无法导入。", location=name) from exc
    except Exception as exc:  # python-docx and lxml raise many types for damaged files
        raise ImportRefused(f"文件“{name}”已损坏或不完整，无法读取 Word 文档内容。", location=name) from exc
