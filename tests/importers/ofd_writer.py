"""A small OFD (GB/T 33190) writer for the tests: an official document's page (A4, 28 characters a line, 22
lines a page), paragraphs wrapped with a first-line indent, page numbers, and tables drawn with borders."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
LEFT, TOP, BOTTOM = 28.0, 37.0, 262.0
WIDTH = 156.0
SIZE = 5.6  # 三号, in millimetres as OFD measures
PITCH = 10.2
_WIDE = re.compile(r"[\u2e80-\uffef]")
_NS = "http://www.ofdspec.org/2016"


@dataclass
class Paragraph:
    text: str
    indent: int = 2  # characters
    size: float = SIZE
    center: bool = False


@dataclass
class Table:
    rows: list[list[str]]
    widths: list[float] | None = None  # millimetres; shared out by the cells' lengths when not given
    borders: bool = True
    size: float = 4.2
    header_rows: int = 1
    repeat_header: bool = False  # print the header again on each page the table runs on to


@dataclass
class PageBreak:
    pass


@dataclass
class Rule:
    """A line across the text width, as under a document number or above the 版记."""


Block = Paragraph | Table | PageBreak | Rule


def _units(ch: str) -> float:
    return 1.0 if _WIDE.match(ch) else 0.5


def wrap(text: str, first: float, rest: float) -> list[str]:
    """Lines of at most ``first`` then ``rest`` character widths; Latin words and numbers are not cut."""
    lines: list[str] = []
    tokens = re.findall(r"[A-Za-z0-9.%]+|.", text)
    line, used = "", 0.0
    for token in tokens:
        width = sum(_units(ch) for ch in token)
        capacity = first if not lines else rest
        if line and used + width > capacity:
            lines.append(line.rstrip())
            line, used = "", 0.0
            if token == " ":
                continue
        line += token
        used += width
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _deltas(text: str, size: float, compress: bool) -> str:
    steps = [f"{_units(ch) * size:.3f}".rstrip("0").rstrip(".") for ch in text[:-1]]
    if not compress:
        return " ".join(steps)
    out: list[str] = []
    k = 0
    while k < len(steps):
        run = 1
        while k + run < len(steps) and steps[k + run] == steps[k]:
            run += 1
        out.append(f"g {run} {steps[k]}" if run >= 3 else " ".join(steps[k : k + run]))
        k += run
    return " ".join(out)


@dataclass
class _Pages:
    glyph_objects: bool
    compress: bool
    page_numbers: bool
    pages: list[list[str]] = field(default_factory=lambda: [[]])
    y: float = TOP
    next_id: int = 100

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def new_page(self) -> None:
        self.pages.append([])
        self.y = TOP

    def text(self, x: float, top: float, size: float, text: str) -> None:
        self.pages[-1].extend(self.text_objects(x, top, size, text))

    def text_objects(self, x: float, top: float, size: float, text: str) -> list[str]:
        """A line of text whose box starts at (x, top): one object, or one object per character."""
        width = sum(_units(ch) for ch in text) * size
        if not self.glyph_objects:
            deltas = _deltas(text, size, self.compress)
            delta_attr = f" DeltaX={quoteattr(deltas)}" if deltas else ""
            return [
                f'<ofd:TextObject ID="{self._id()}" Boundary="{x:.3f} {top:.3f} {width:.3f} {size * 1.3:.3f}" '
                f'Font="1" Size="{size}"><ofd:TextCode X="0" Y="{size:.3f}"{delta_attr}>{escape(text)}'
                "</ofd:TextCode></ofd:TextObject>"
            ]
        objects = []
        pen = x
        for ch in text:
            if ch != " ":
                objects.append(
                    f'<ofd:TextObject ID="{self._id()}" Boundary="{pen:.3f} {top:.3f} {size:.3f} '
                    f'{size * 1.3:.3f}" Font="1" Size="{size}"><ofd:TextCode X="0" Y="{size:.3f}">'
                    f"{escape(ch)}</ofd:TextCode></ofd:TextObject>"
                )
            pen += _units(ch) * size
        return objects

    def rule(self, x: float, y: float, width: float, height: float) -> None:
        """A border: horizontal when ``height`` is 0, else vertical."""
        end = f"{width:.3f} 0" if height == 0 else f"0 {height:.3f}"
        self.pages[-1].append(
            f'<ofd:PathObject ID="{self._id()}" Boundary="{x:.3f} {y:.3f} {max(width, 0.35):.3f} '
            f'{max(height, 0.35):.3f}" LineWidth="0.353"><ofd:AbbreviatedData>M 0 0 L {end}'
            "</ofd:AbbreviatedData></ofd:PathObject>"
        )

    def paragraph(self, p: Paragraph) -> None:
        capacity = int(WIDTH / p.size + 0.2)
        pitch = PITCH * p.size / SIZE
        for k, line in enumerate(wrap(p.text, capacity - p.indent, capacity)):
            if self.y + pitch > BOTTOM:
                self.new_page()
            width = sum(_units(ch) for ch in line) * p.size
            x = LEFT + (WIDTH - width) / 2 if p.center else LEFT + (p.indent * p.size if k == 0 else 0.0)
            self.text(x, self.y, p.size, line)
            self.y += pitch

    def table(self, t: Table) -> None:
        widths = t.widths or _widths(t.rows, t.size)
        pad, pitch = 1.5, t.size * 1.35
        lefts = [LEFT + sum(widths[:j]) for j in range(len(widths))]

        def layout(row: list[str], widths: list[float]) -> list[list[str]]:
            """Each cell's lines: its paragraphs (separated by newlines) wrapped at the cell's width."""
            out: list[list[str]] = []
            for cell, w in zip(row, widths, strict=False):
                capacity = int((w - 2 * pad) / t.size)
                out.append(
                    [line for part in cell.split("\n") if part for line in wrap(part, capacity, capacity)]
                )
            return out

        def draw(row: list[str], header: bool) -> None:
            # A row of one cell spans the table: the name of the group of rows below it.
            row_widths = [WIDTH] if len(row) == 1 else widths
            row_lefts = [LEFT] if len(row) == 1 else lefts
            cells = layout(row, row_widths)
            height = max([len(c) for c in cells] + [1]) * pitch + 2 * pad
            if self.y + height > BOTTOM:
                self.new_page()
                if t.repeat_header and not header:
                    for head in t.rows[: t.header_rows]:
                        draw(head, True)
            if t.borders:
                self.rule(LEFT, self.y, WIDTH, 0)
                self.rule(LEFT, self.y + height, WIDTH, 0)
                for x in [*row_lefts, LEFT + WIDTH]:
                    self.rule(x, self.y, 0, height)
            for lines, x, w in zip(cells, row_lefts, row_widths, strict=False):
                for k, line in enumerate(lines):
                    width = sum(_units(ch) for ch in line) * t.size
                    start = x + (w - width) / 2 if header else x + pad
                    self.text(start, self.y + pad + k * pitch, t.size, line)
            self.y += height

        for r, row in enumerate(t.rows):
            draw(row, r < t.header_rows)
        self.y += PITCH / 2

    def contents(self) -> list[str]:
        out = []
        for number, objects in enumerate(self.pages, start=1):
            if self.page_numbers:
                mark = f"— {number} —"
                width = sum(_units(ch) for ch in mark) * 4.9
                objects = objects + self.text_objects(LEFT + (WIDTH - width) / 2, 266.0, 4.9, mark)
            out.append(page_xml("".join(objects)))
        return out


def _widths(rows: list[list[str]], size: float) -> list[float]:
    """Column widths: every header fits on one line, the rest shared out by the longest cell of each column."""
    count = max(len(r) for r in rows)
    least = [
        max(sum(_units(ch) for ch in (rows[0] + [""] * count)[j]) * size + 5.0, 14.0) for j in range(count)
    ]
    longest = [
        max(min(sum(_units(ch) for ch in (r + [""] * count)[j]), 30.0) for r in rows) for j in range(count)
    ]
    spare = WIDTH - sum(least)
    return [least[j] + spare * longest[j] / sum(longest) for j in range(count)]


def ofd_bytes(
    blocks: list[Block], *, glyph_objects: bool = False, compress: bool = True, page_numbers: bool = True
) -> bytes:
    """An .ofd holding ``blocks`` laid out on A4 pages."""
    pages = _Pages(glyph_objects=glyph_objects, compress=compress, page_numbers=page_numbers)
    for block in blocks:
        if isinstance(block, PageBreak):
            pages.new_page()
        elif isinstance(block, Rule):
            pages.rule(LEFT, pages.y, WIDTH, 0)
            pages.y += PITCH / 2
        elif isinstance(block, Table):
            pages.table(block)
        else:
            pages.paragraph(block)
    return package(pages.contents())


def package(contents: list[str], *, extra: dict[str, bytes] | None = None) -> bytes:
    """An .ofd of one document whose pages have the given Content.xml texts (and any ``extra`` parts)."""
    page_list = "".join(
        f'<ofd:Page ID="{k + 1}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(contents))
    )
    header = '<?xml version="1.0" encoding="UTF-8"?>\n'
    parts = {
        "OFD.xml": f'{header}<ofd:OFD xmlns:ofd="{_NS}" Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
        "<ofd:DocID>0c4f6e2a9b1d4c7e8f3a5b6c7d8e9f00</ofd:DocID><ofd:Creator>PlanDesk tests</ofd:Creator>"
        "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f'{header}<ofd:Document xmlns:ofd="{_NS}"><ofd:CommonData>'
        f"<ofd:MaxUnitID>1</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_WIDTH} "
        f"{PAGE_HEIGHT}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
        f"</ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages></ofd:Document>",
        "Doc_0/PublicRes.xml": f'{header}<ofd:Res xmlns:ofd="{_NS}" BaseLoc="Res"><ofd:Fonts>'
        '<ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>',
    }
    for k, content in enumerate(contents):
        parts[f"Doc_0/Pages/Page_{k}/Content.xml"] = content
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml.encode("utf-8"))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def page_xml(objects: str) -> str:
    """A page's Content.xml around the given text and path objects."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="{_NS}"><ofd:Content>'
        f'<ofd:Layer ID="2" Type="Body">{objects}</ofd:Layer></ofd:Content></ofd:Page>'
    )


def blocks_from_text(text: str) -> list[Block]:
    """A plain-text plan as it would be set: each line a paragraph, runs of tab-separated lines a table."""
    blocks: list[Block] = []
    for raw in text.split("\n"):
        line = raw.rstrip("\t ").strip(" ")
        if not line.strip():
            continue
        if "\t" in line:
            cells = line.split("\t")
            last = blocks[-1] if blocks else None
            if isinstance(last, Table):
                last.rows.append(cells)
            else:
                blocks.append(Table([cells]))
            continue
        blocks.append(Paragraph(line.strip()))
    for block in blocks:
        if isinstance(block, Table):
            width = max(len(r) for r in block.rows)
            block.rows = [r + [""] * (width - len(r)) for r in block.rows]
    return blocks
