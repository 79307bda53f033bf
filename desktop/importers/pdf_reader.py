"""PDF plans with a text layer via pypdf; scanned, encrypted or broken PDFs are refused clearly."""

from __future__ import annotations

import io
import logging
import re

from desktop.errors import ImportRefused
from desktop.importers.pdf_tables import TableState, finish, page_text

MAX_PAGES = 2000


def read_pdf(data: bytes, name: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a declared dependency
        raise ImportRefused("缺少 PDF 读取组件 pypdf，无法导入 PDF。", location=name) from exc
    # pypdf logs warnings for every small defect; the user sees our message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ImportRefused(f"PDF 文件“{name}”已加密，请先解除密码保护再导入。", location=name)
            except ImportRefused:
                raise
            except Exception as exc:
                raise ImportRefused(
                    f"PDF 文件“{name}”已加密，请先解除密码保护再导入。", location=name
                ) from exc
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise ImportRefused(f"PDF 文件“{name}”页数过多（{len(pages)} 页），无法导入。", location=name)
        texts = []
        tables = TableState()
        for page in pages:
            # A page with a task table is read by position, one cell per paragraph; others as pypdf reads them.
            with_table = page_text(page, tables)
            texts.append(with_table if with_table is not None else page.extract_text() or "")
        texts.append(finish(tables))
    except ImportRefused:
        raise
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        OSError,
        EOFError,
        IndexError,
    ) as exc:
        raise ImportRefused(f"PDF 文件“{name}”已损坏或不完整，无法读取。", location=name) from exc
    except RecursionError as exc:
        raise ImportRefused(f"PDF 文件“{name}”结构异常，无法读取。", location=name) from exc
    except Exception as exc:  # pypdf raises assorted errors on damaged files
        raise ImportRefused(f"PDF 文件“{name}”已损坏或不完整，无法读取。", location=name) from exc
    text = "\n".join(texts)
    meaningful = len(re.findall(r"[\u4e00-\u9fffA-Za-z0-9]", text))
    if meaningful < max(20, 5 * len(texts)):
        raise ImportRefused(
            f"PDF 文件“{name}”没有可提取的文字层，可能是扫描件。请先进行文字识别（OCR）后再导入。",
            location=name,
        )
    return text
