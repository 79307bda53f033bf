"""OFD electronic documents (GB/T 33190, 电子公文): the text of every page, in reading order.

An OFD is a zip: OFD.xml names each document's Document.xml, which lists its pages; each page's Content.xml
places text objects (TextObject / TextCode) by coordinates. Only the standard library is used; XML with a
document type declaration is refused, so no entity can expand, and the archive is inflated within a bound.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from pyexpat import ExpatError, ParserCreate

from desktop.errors import ImportRefused
from desktop.importers.ofd_layout import Glyphs, Page, reading_text
from desktop.importers.zip_guard import check_unpacked_size

MAX_PAGES = 2000
_WIDE = re.compile(r"[\u2e80-\uffef]")
# A gap between two characters of one TextCode wider than this (in character sizes) splits it into two runs:
# some writers draw a whole table row as one TextCode and step over the cell borders.
_RUN_GAP = 2.5
# Path commands of abbreviated path data and how many numbers each takes.
_PATH_ARGS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}


class _Broken(Exception):
    """The package does not hold what the OFD standard says it must."""


class _Unsafe(Exception):
    """An XML part declares a document type (and with it, possibly, entities)."""


class _TooManyPages(Exception):
    """More pages than any plan has."""


def _local(name: str) -> str:
    # Writers differ in namespace (the 2016 one, an older one, none): only the local names are compared.
    return name.rsplit("}", 1)[-1]


def _parse_xml(data: bytes) -> ET.Element:
    """An XML part as an element tree with local names; a DTD or entity declaration is refused."""
    builder = ET.TreeBuilder()
    parser = ParserCreate(namespace_separator="}")
    parser.buffer_text = True

    def refuse(*_args: object) -> None:
        raise _Unsafe

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    parser.StartElementHandler = lambda tag, attrs: builder.start(
        _local(tag), {_local(k): v for k, v in attrs.items()}
    )
    parser.EndElementHandler = lambda tag: builder.end(_local(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except ExpatError as exc:
        raise _Broken(str(exc)) from exc
    return builder.close()


def _number(token: str) -> float:
    """A coordinate or size; NaN and infinity would scramble the reading order, so they are refused."""
    value = float(token)
    if not math.isfinite(value):
        raise ValueError(token)
    return value


def _numbers(text: str | None) -> list[float]:
    return [_number(token) for token in (text or "").replace(",", " ").split()]


def _deltas(text: str | None, count: int) -> list[float | None]:
    """The advances of a DeltaX or DeltaY list, with its 'g n value' shorthand for n equal advances; None
    where the list stops short (the writer left the advance to the font)."""
    out: list[float | None] = []
    tokens = (text or "").replace(",", " ").split()
    k = 0
    while k < len(tokens) and len(out) < count:
        if tokens[k] == "g" and k + 2 < len(tokens):
            repeat = min(int(_number(tokens[k + 1])), count - len(out))
            out.extend([_number(tokens[k + 2])] * max(repeat, 0))
            k += 3
        else:
            out.append(_number(tokens[k]))
            k += 1
    return out + [None] * (count - len(out))


def _advance(ch: str, size: float) -> float:
    return size if _WIDE.match(ch) else size / 2


class _Transform:
    """A text or path object's placement: its Boundary's origin and its CTM, if any."""

    def __init__(self, boundary: str | None, ctm: str | None) -> None:
        box = _numbers(boundary)
        self.x0, self.y0 = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        m = _numbers(ctm)
        self.m = m if len(m) == 6 else [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        a, b, c, d = self.m[:4]
        self.scale = math.sqrt(abs(a * d - b * c)) or 1.0

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.m
        return self.x0 + a * x + c * y + e, self.y0 + b * x + d * y + f


def _text_runs(obj: ET.Element) -> list[Glyphs]:
    place = _Transform(obj.get("Boundary"), obj.get("CTM"))
    size = _number(obj.get("Size") or "3.5")
    runs: list[Glyphs] = []
    pen_x = pen_y = 0.0
    for code in obj:
        if code.tag != "TextCode":
            continue
        text = code.text or ""
        # A TextCode without X or Y goes on where the one before it stopped.
        given_x, given_y = code.get("X"), code.get("Y")
        pen_x = _number(given_x) if given_x else pen_x
        pen_y = _number(given_y) if given_y else pen_y
        if not text:
            continue
        dx = _deltas(code.get("DeltaX"), len(text) - 1)
        dy = _deltas(code.get("DeltaY"), len(text) - 1)
        chars: list[tuple[float, float, str]] = []
        x, y = pen_x, pen_y
        for k, ch in enumerate(text):
            chars.append((x, y, ch))
            if k < len(text) - 1:
                step_x = dx[k]
                x += _advance(ch, size) if step_x is None else step_x
                y += dy[k] or 0.0
        runs.extend(_split_runs(chars, size, place))
        pen_x, pen_y = x + _advance(text[-1], size), y
    return runs


def _split_runs(chars: list[tuple[float, float, str]], size: float, place: _Transform) -> list[Glyphs]:
    """Characters of one TextCode as runs: a new run where the baseline moves or a wide gap opens."""
    groups: list[list[tuple[float, float, str]]] = []
    for ch in chars:
        last = groups[-1][-1] if groups else None
        if last is not None and abs(ch[1] - last[1]) < 0.1 * size and ch[0] - last[0] <= _RUN_GAP * size:
            groups[-1].append(ch)
        else:
            groups.append([ch])
    runs: list[Glyphs] = []
    for group in groups:
        text = "".join(c for _, _, c in group)
        if not text.strip():
            continue
        x, y = place(group[0][0], group[0][1])
        end, _ = place(group[-1][0] + _advance(group[-1][2], size), group[-1][1])
        runs.append(Glyphs(x, max(end, x), y, size * place.scale, text))
    return runs


def _rules(obj: ET.Element) -> list[float]:
    """Heights of the horizontal strokes of a path object: the borders between a table's rows."""
    place = _Transform(obj.get("Boundary"), obj.get("CTM"))
    data = obj.find("AbbreviatedData")
    tokens = (data.text or "").split() if data is not None else []
    points: list[tuple[float, float]] = []
    out: list[float] = []
    k = 0
    while k < len(tokens):
        command = tokens[k]
        count = _PATH_ARGS.get(command)
        if count is None:
            return out  # a command PlanDesk does not know: the rest cannot be read reliably
        args = [_number(t) for t in tokens[k + 1 : k + 1 + count]]
        k += 1 + count
        if command in ("S", "M"):
            points = [place(args[0], args[1])]
        elif command == "L" and points:
            start, stop = points[-1], place(args[0], args[1])
            if abs(start[1] - stop[1]) < 0.2 and abs(start[0] - stop[0]) >= 4.0:
                out.append(start[1])
            points.append(stop)
        elif command == "C" and len(points) > 1:
            start, stop = points[-1], points[0]
            if abs(start[1] - stop[1]) < 0.2 and abs(start[0] - stop[0]) >= 4.0:
                out.append(start[1])
        elif count >= 2:
            points.append(place(args[-2], args[-1]))
    return out


def _page(content: ET.Element) -> Page:
    page = Page(runs=[])
    for obj in content.iter():
        try:
            if obj.tag == "TextObject":
                page.runs.extend(_text_runs(obj))
            elif obj.tag == "PathObject":
                page.rules.extend(_rules(obj))
        except (ValueError, IndexError, OverflowError):
            continue  # one object with unreadable numbers costs that object, never the page
    return page


class _Package:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        # Some writers store names with backslashes or in another case than the XML refers to them.
        self.names = {self._key(info.filename): info.filename for info in archive.infolist()}

    @staticmethod
    def _key(name: str) -> str:
        return posixpath.normpath(name.replace("\\", "/").lstrip("/")).lower()

    def find(self, location: str, base: str) -> str | None:
        location = location.strip().replace("\\", "/")
        candidates = [location] if location.startswith("/") else [posixpath.join(base, location), location]
        for candidate in candidates:
            found = self.names.get(self._key(candidate))
            if found is not None:
                return found
        return None

    def xml(self, member: str) -> ET.Element:
        return _parse_xml(self.archive.read(member))

    def pages(self) -> list[Page]:
        """Every page of every document in the package, in order; each page's XML is dropped once read."""
        root_name = self.find("OFD.xml", "")
        if root_name is None:
            raise _Broken("OFD.xml")
        read: list[Page] = []
        for body in self.xml(root_name).iter("DocBody"):
            doc_root = body.find("DocRoot")
            location = (doc_root.text or "").strip() if doc_root is not None else ""
            document_name = self.find(location, "") if location else None
            if document_name is None:
                raise _Broken(f"DocRoot {location}")
            base = posixpath.dirname(document_name.replace("\\", "/"))
            pages = [p for pages in self.xml(document_name).iter("Pages") for p in pages if p.tag == "Page"]
            if len(read) + len(pages) > MAX_PAGES:
                raise _TooManyPages
            for page in pages:
                page_name = self.find(page.get("BaseLoc") or "", base)
                if page_name is None:
                    raise _Broken(f"page {page.get('BaseLoc')}")
                read.append(_page(self.xml(page_name)))
        return read


def _check_zip(data: bytes, name: str) -> None:
    check_unpacked_size(data, name, f"OFD 文件“{name}”已损坏或不完整，无法读取。")


def read_ofd(data: bytes, name: str) -> str:
    """Text of an .ofd; broken, encrypted, unsafe or textless files are refused with a message naming it."""
    _check_zip(data, name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            package = _Package(archive)
            if package.find("OFD.xml", "") is None:
                raise ImportRefused(
                    f"文件“{name}”不是 OFD 电子公文（缺少 OFD.xml），无法导入。", location=name
                )
            if any(key.endswith("encryptions.xml") for key in package.names):
                raise ImportRefused(f"OFD 文件“{name}”已加密，请先解密后再导入。", location=name)
            pages = package.pages()
    except ImportRefused:
        raise
    except _TooManyPages:
        raise ImportRefused(
            f"OFD 文件“{name}”页数过多（超过 {MAX_PAGES} 页），无法导入。", location=name
        ) from None
    except _Unsafe:
        raise ImportRefused(
            f"OFD 文件“{name}”含有文档类型或实体声明（DTD），为安全起见拒绝导入。", location=name
        ) from None
    except RecursionError as exc:
        raise ImportRefused(f"OFD 文件“{name}”结构嵌套过深，无法导入。", location=name) from exc
    except (_Broken, zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, RuntimeError) as exc:
        raise ImportRefused(f"OFD 文件“{name}”已损坏或不完整，无法读取。", location=name) from exc
    if not pages:
        raise ImportRefused(f"OFD 文件“{name}”没有页面，无法导入。", location=name)
    text = reading_text(pages)
    meaningful = len(re.findall(r"[\u4e00-\u9fffA-Za-z0-9]", text))
    if meaningful < 20:
        raise ImportRefused(
            f"OFD 文件“{name}”没有可提取的文字，可能是扫描件。请先进行文字识别（OCR）后再导入。",
            location=name,
        )
    return text
