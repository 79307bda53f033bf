"""Reading a plan file: detect its real format from the bytes and extract plain text."""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from desktop.errors import ImportRefused
from desktop.importers.docx_reader import read_docx
from desktop.importers.html_reader import read_html
from desktop.importers.mojibake import Garbled, undo_mojibake
from desktop.importers.ofd_reader import read_ofd
from desktop.importers.pdf_reader import read_pdf
from desktop.importers.text_decoding import decode_text
from desktop.importers.xlsx_plan_reader import read_xlsx_plan

MAX_BYTES = 20 * 1024 * 1024  # bounded time and memory on hostile input
SourceFormat = Literal["txt", "docx", "pdf", "html", "xlsx", "ofd"]

_IMAGE_MAGIC = (
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"BM", "BMP 图片"),
    (b"II*\x00", "TIFF 图片"),
    (b"MM\x00*", "TIFF 图片"),
    (b"RIFF", "图片或音视频"),
)
_OTHER_MAGIC = (
    (
        b"\xd0\xcf\x11\xe0",
        "旧版 Office 文档（.doc/.xls），请把 Word 文档另存为 .docx、Excel 表格另存为 .xlsx 后再导入",
    ),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩文件"),
    (b"%!PS", "PostScript 文件"),
    (b"\x7fELF", "程序文件"),
    (b"MZ", "程序文件"),
    (b"{\\rtf", "RTF 文档，请另存为 .docx 后再导入"),
)


@dataclass
class ExtractedText:
    text: str
    source_format: SourceFormat
    encoding: str
    source_name: str
    source_sha256: str
    notes: list[str] = field(default_factory=list)  # what reading it repaired, for the import review


def _looks_like_html(text: str, suffix: str) -> bool:
    head = text[:4096].lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return True
    return bool(re.search(r"<!doctype html|<html[\s>]|<body[\s>]", head)) or (
        head.lstrip().startswith("<") and len(re.findall(r"</?(p|div|span|td|tr|table|br)[\s>/]", head)) >= 3
    )


def read_document(path: str | os.PathLike[str], data: bytes | None = None) -> ExtractedText:
    """Read a plan from ``path`` (or from ``data`` named by ``path``) into plain text."""
    p = Path(path)
    name = p.name or str(path)
    if data is None:
        try:
            size = p.stat().st_size
            if size > MAX_BYTES:
                raise ImportRefused(f"文件“{name}”过大（超过 20 MB），无法导入。", location=name)
            data = p.read_bytes()
        except FileNotFoundError as exc:
            raise ImportRefused(f"找不到文件“{name}”。", location=str(path)) from exc
        except IsADirectoryError as exc:
            raise ImportRefused(f"“{name}”是文件夹，不是文件。", location=str(path)) from exc
        except OSError as exc:
            raise ImportRefused(f"无法读取文件“{name}”：{exc.strerror or exc}", location=str(path)) from exc
    if len(data) > MAX_BYTES:
        raise ImportRefused(f"文件“{name}”过大（超过 20 MB），无法导入。", location=name)
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ImportRefused(f"文件“{name}”是空文件，没有可导入的内容。", location=name)
    fmt, text, encoding = _extract(data, name, p.suffix.lower())
    if not text.strip():
        raise ImportRefused(f"文件“{name}”中没有找到文字内容。", location=name)
    notes: list[str] = []
    try:
        repair = undo_mojibake(text, name)
    except Garbled as exc:
        raise ImportRefused(str(exc), location=name) from None
    if repair is not None:
        text, notes = repair.text, [repair.note]
    return ExtractedText(
        text=text, source_format=fmt, encoding=encoding, source_name=name, source_sha256=sha, notes=notes
    )


def _extract(data: bytes, name: str, suffix: str) -> tuple[SourceFormat, str, str]:
    if data.startswith(b"%PDF-") or data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf", read_pdf(data, name), ""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _extract_zip(data, name, suffix)
    for magic, what in _IMAGE_MAGIC:
        if data.startswith(magic):
            raise ImportRefused(
                f"文件“{name}”是{what}，不是规划文本。图片请先进行文字识别（OCR）。", location=name
            )
    for magic, what in _OTHER_MAGIC:
        if data.startswith(magic):
            raise ImportRefused(f"文件“{name}”是{what}，不能直接导入。", location=name)
    text, encoding = decode_text(data, name)
    if _looks_like_html(text, suffix):
        return "html", read_html(text, name), encoding
    return "txt", text, encoding


# The part that tells each zip-based format apart, and the extension to go by when the zip cannot be listed.
_ZIP_FORMATS: tuple[tuple[str, SourceFormat, str], ...] = (
    ("word/document.xml", "docx", ".docx"),
    ("xl/workbook.xml", "xlsx", ".xlsx"),
    ("ofd.xml", "ofd", ".ofd"),
)


def _zip_members(data: bytes) -> set[str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {info.filename.replace("\\", "/").lstrip("/").lower() for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def _extract_zip(data: bytes, name: str, suffix: str) -> tuple[SourceFormat, str, str]:
    """Word, Excel and OFD files are all zips: the parts inside say which one this is; a zip too damaged to
    list is refused by the reader its extension names (a Word document's message by default)."""
    members = _zip_members(data)
    fmt: SourceFormat = "docx"
    for part, candidate, extension in _ZIP_FORMATS:
        if (members is not None and part in members) or (members is None and suffix == extension):
            fmt = candidate
            break
    if fmt == "xlsx":
        return "xlsx", read_xlsx_plan(data, name), ""
    if fmt == "ofd":
        return "ofd", read_ofd(data, name), ""
    return "docx", read_docx(data, name), ""
