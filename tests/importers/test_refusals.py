"""Bad input is refused with a Chinese message that names the file, quickly, never with a traceback."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from desktop.errors import ImportRefused
from desktop.importers.load import load_plan

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "importers"


def _pdf_without_text() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.rect(100, 100, 300, 200, fill=1)
    c.showPage()
    c.save()
    return buffer.getvalue()


def _random_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("readme.txt", "hello")
    return buffer.getvalue()


def _odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    return buffer.getvalue()


CASES = {
    "empty.txt": (b"", "空文件"),
    "blank.txt": (b"   \n\n  ", "空文件"),
    "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(200), "图片"),
    "archive.zip": (_random_zip(), "不是 Word"),
    "plan.odt": (_odt(), "另存为 .docx"),
    "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "另存为 .docx"),
    "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "另存为 .xlsx"),
    "binary.txt": (bytes(range(256)) * 20 + b"\x00" * 500, "二进制"),
    "truncated.docx": ((FIXTURES / "xian_jiliang_2024.docx").read_bytes()[:4000], "损坏"),
    "truncated.pdf": ((FIXTURES / "xian_jiliang_2024.pdf").read_bytes()[:3000], "PDF"),
    "scan.pdf": (_pdf_without_text(), "扫描件"),
    "invalid.txt": (b"\xff\xfe\xfd\xfc\x80\x81" * 50 + b"\x00\x00\x00\xff" * 30, "无法导入"),
    "bomb.docx": (_zip_bomb(), "过大"),
    "nested.html": (
        b"<html><body>"
        + b"<div>" * 100_000
        + "一、总体要求".encode()
        + b"</div>" * 100_000
        + b"</body></html>",
        "",
    ),
    "big.txt": ("计".encode() * (7 * 1024 * 1024 + 10), "过大"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_with_file_name(name: str) -> None:
    data, words = CASES[name]
    started = time.perf_counter()
    if name == "nested.html":
        with pytest.raises(ImportRefused) as info:
            load_plan(name, data=data)
        assert name in info.value.message and "嵌套过深" in info.value.message
    else:
        with pytest.raises(ImportRefused) as info:
            load_plan(name, data=data)
        assert name in info.value.message and words in info.value.message
        assert info.value.location and name in info.value.location
    assert time.perf_counter() - started < 30


def test_invalid_bytes_without_nul(tmp_path: Path) -> None:
    # Bytes that are neither UTF-8 nor GB18030 nor plausible UTF-16.
    data = bytes([0x81, 0x20, 0xFF, 0x7F, 0x80, 0x30]) * 301
    with pytest.raises(ImportRefused) as info:
        load_plan("odd.txt", data=data)
    assert "odd.txt" in info.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as info:
        load_plan(tmp_path / "none.txt")
    assert "none.txt" in info.value.message
