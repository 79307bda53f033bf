"""Generates the hostile-file corpus: damaged, oversized, bomb-like and booby-trapped documents and workbooks."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from conftest import DATA

FIXTURES = DATA / "importers"
CANARY = "plandesk-hostile-canary"  # a file a booby-trapped formula would create if anything ran it
BOMB_BYTES = 1 << 30  # 1 GiB of XML behind a few MB on disk


def _docx_with(member_bytes: Callable[[zipfile.ZipFile], None]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        member_bytes(z)
    return buffer.getvalue()


def _bomb_member(z: zipfile.ZipFile, name: str, head: bytes, body: bytes, tail: bytes) -> None:
    with z.open(name, "w") as f:
        f.write(head)
        for _ in range(BOMB_BYTES // len(body)):
            f.write(body)
        f.write(tail)


def docx_bomb() -> bytes:
    """Honest sizes: a reader that checks the declared sizes refuses it at once."""
    head = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
        b'2006/main"><w:body>'
    )
    para = ("<w:p><w:r><w:t>" + "一、加强计量工作" * 8 + "</w:t></w:r></w:p>").encode() * 64
    return _docx_with(lambda z: _bomb_member(z, "word/document.xml", head, para, b"</w:body></w:document>"))


def lying_sizes(data: bytes, real: int, claimed: int = 4096) -> bytes:
    """The same zip with the member's uncompressed size understated in both headers."""
    out = bytearray(data)
    old, new = struct.pack("<I", real), struct.pack("<I", claimed)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            if info.file_size == real:
                start = info.header_offset
                assert out[start + 22 : start + 26] == old
                out[start + 22 : start + 26] = new
    central = out.rfind(b"PK\x01\x02")
    while central != -1:
        if out[central + 24 : central + 28] == old:
            out[central + 24 : central + 28] = new
        central = out.rfind(b"PK\x01\x02", 0, central)
    return bytes(out)


def xlsx_bomb() -> bytes:
    head = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>"
    )
    row = b'<row><c t="inlineStr"><is><t>' + "进展".encode() * 20 + b"</t></is></c></row>"
    buffer = io.BytesIO()
    Workbook().save(buffer)
    src = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                _bomb_member(z, info.filename, head, row * 64, b"</sheetData></worksheet>")
            else:
                z.writestr(info.filename, src.read(info.filename))
    return out.getvalue()


def xlsx_with_formulas(canary_dir: Path) -> bytes:
    """Formulas, a DDE command and an external link: must be read (if at all) as text, never evaluated."""
    wb = Workbook()
    ws = wb.active
    ws.title = "进展反馈"
    ws.append(["行键（勿改）", "进展情况", "完成百分比", "状态"])
    touch = f"touch {canary_dir / CANARY}"
    ws.append(["k1", f"=cmd|' /C {touch}'!A0", "=1+1", '=WEBSERVICE("http://127.0.0.1:9/")'])
    ws.append(["k2", "='[evil.xlsx]Sheet1'!A1", f'=HYPERLINK("file://{canary_dir / CANARY}")', "=EXEC()"])
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    # An externalLink part as Excel writes it, pointing at another file.
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info.filename))
        z.writestr(
            "xl/externalLinks/externalLink1.xml",
            '<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            '2006/main"><externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"/></externalLink>',
        )
        z.writestr(
            "xl/externalLinks/_rels/externalLink1.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/externalLinkPath" Target="file:///etc/passwd" '
            'TargetMode="External"/></Relationships>',
        )
    return out.getvalue()


def nested_html(depth: int = 200_000) -> bytes:
    return (
        b"<html><body>"
        + b"<div><span>" * depth
        + "没有任何章节的文字".encode()
        + b"</span></div>" * depth
        + b"</body></html>"
    )


def plan_documents(folder: Path) -> dict[str, Path]:
    """Plan documents an import must refuse; returned by name."""
    docx = (FIXTURES / "xian_jiliang_2024.docx").read_bytes()
    pdf = (FIXTURES / "xian_jiliang_2024.pdf").read_bytes()
    cases: dict[str, bytes] = {
        "截断.docx": docx[: len(docx) // 2],
        "截断.pdf": pdf[: len(pdf) // 2],
        "截断.xlsx": xlsx_with_formulas(folder)[:1500],
        "公式.xlsx": xlsx_with_formulas(folder),
        "invalid-utf8.txt": bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 2000,
        "nul.txt": "一、总体要求\n".encode() + b"\x00" * 50_000 + "（一）任务".encode(),
        "nested.html": nested_html(),
        "bomb.docx": docx_bomb(),
        "script.html": "<html><body><script>document.write('一、总体要求')</script><p>说明</p></body></html>".encode(),
    }
    cases["bomb-lying.docx"] = lying_sizes(cases["bomb.docx"], _member_size(cases["bomb.docx"]))
    paths = {}
    for name, data in cases.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    big = folder / "50MB.txt"
    with big.open("wb") as fh:
        line = "一、加强计量工作（责任单位：区市场监管局）\n".encode()
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    paths["50MB.txt"] = big
    return paths


def _member_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return max(i.file_size for i in z.infolist())


def workbooks(folder: Path) -> dict[str, Path]:
    bomb = xlsx_bomb()
    cases = {
        "公式.xlsx": xlsx_with_formulas(folder),
        "bomb.xlsx": bomb,
        "bomb-lying.xlsx": lying_sizes(bomb, _member_size(bomb)),
        "截断.xlsx": xlsx_with_formulas(folder)[:2000],
        "不是表格.xlsx": b"\x00\x01garbage" * 1000,
    }
    paths = {}
    for name, data in cases.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths
