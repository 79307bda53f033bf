"""Finding the cell of an Excel file that holds a character XML cannot (so the refusal can name it).

openpyxl stops on such a character with a bare parse error ("reference to invalid character number: line 1,
column 3482"), which tells an office nothing. The file is a zip of XML parts: the character is found in the
worksheet part (or in the shared-string table, then the cell that uses that string), and named as 进展反馈!J4.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from .validation import xml_invalid_char

_MAX_PART = 64 * 1024 * 1024  # a part larger than this is not searched (the refusal then names the file only)
_REF = re.compile(rb"&#(x[0-9a-fA-F]{1,8}|[0-9]{1,10});")
_RAW = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3}[0-9]{1,7})"')
_SHEET = re.compile(rb'<(?:\w+:)?sheet\s[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\s[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_REL_REVERSED = re.compile(rb'<Relationship\s[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


def _first_bad(data: bytes) -> int | None:
    """Offset of the first character XML 1.0 cannot hold, written raw or as a character reference."""
    found = [m.start() for m in (_RAW.search(data),) if m]
    for m in _REF.finditer(data):
        text = m.group(1).decode("ascii")
        code = int(text[1:], 16) if text.startswith("x") else int(text)
        if code > 0x10FFFF or xml_invalid_char(chr(code)):
            found.append(m.start())
            break
    return min(found) if found else None


def _cell_before(data: bytes, offset: int) -> str | None:
    cell = None
    for m in _CELL.finditer(data, 0, offset):
        cell = m.group(1).decode("ascii")
    return cell


def _sheets(z: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part path) in workbook order."""
    try:
        book = z.read("xl/workbook.xml")
        rels = z.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return []
    targets = {rid: target for rid, target in _REL.findall(rels)}
    targets.update({rid: target for target, rid in _REL_REVERSED.findall(rels)})
    out = []
    for name, rid in _SHEET.findall(book):
        target = targets.get(rid, b"").decode("utf-8", "replace")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        out.append((html.unescape(name.decode("utf-8", "replace")), part))
    return out


def _read(z: zipfile.ZipFile, part: str) -> bytes | None:
    try:
        if z.getinfo(part).file_size > _MAX_PART:
            return None
        return z.read(part)
    except (KeyError, OSError, zipfile.BadZipFile, RuntimeError):
        return None


def bad_character_cell(path: str | Path) -> str | None:
    """The first cell (工作表!C5) of an .xlsx holding a character XML cannot hold, or None if none is found."""
    try:
        with zipfile.ZipFile(path) as z:
            sheets = [(name, data) for name, part in _sheets(z) if (data := _read(z, part)) is not None]
            for name, data in sheets:
                offset = _first_bad(data)
                if offset is not None:
                    cell = _cell_before(data, offset)
                    return f"{name}!{cell}" if cell else name
            strings = _read(z, "xl/sharedStrings.xml")
    except (OSError, zipfile.BadZipFile, RuntimeError):
        return None
    offset = _first_bad(strings) if strings else None
    if strings is None or offset is None:
        return None
    index = len(re.findall(rb"<(?:\w+:)?si[\s>]", strings[:offset])) - 1
    used = re.compile(rb'<(?:\w+:)?c\s[^>]*?\bt="s"[^>]*>\s*<(?:\w+:)?v>' + str(index).encode() + rb"</")
    for name, data in sheets:
        m = used.search(data)
        if m:
            cell = _cell_before(data, m.end())
            return f"{name}!{cell}" if cell else name
    return None
