"""Text placed on fixed-layout pages (OFD) put back in reading order.

Glyph runs are grouped into lines by their baseline, top to bottom and left to right. Lines of running text are
joined into paragraphs again: a line that is indented, that follows a short line, that is set in another size or
that stands apart from the line above starts a new paragraph. A task or indicator table is recognised by its
header line and written as one tab-separated line per row, as Word tables are read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from desktop.importers.numbering import match_heading
from desktop.importers.text_tables import header_role, header_roles, is_unit_list, squeeze

# Runs closer than this (in character sizes) belong to one piece of text; a wider gap separates table cells.
_CELL_GAP = 0.8
_PAGE_MARK = re.compile(
    r"^(?:[-—–－―~～\s]*\d{1,4}[-—–－―~～\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?)$"
)
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")


@dataclass(frozen=True)
class Glyphs:
    """Characters drawn one after the other on one baseline (page units, y measured down from the top)."""

    x: float
    end: float
    y: float
    size: float
    text: str


@dataclass
class Page:
    runs: list[Glyphs]
    rules: list[float] = field(default_factory=list)  # heights of horizontal lines: borders of table rows


@dataclass
class _Line:
    pieces: list[Glyphs]  # left to right, separated by gaps wider than a cell's padding
    page: int

    @property
    def x(self) -> float:
        return self.pieces[0].x

    @property
    def end(self) -> float:
        return self.pieces[-1].end

    @property
    def y(self) -> float:
        return self.pieces[0].y

    @property
    def size(self) -> float:
        return max(p.size for p in self.pieces)

    @property
    def text(self) -> str:
        # Pieces a wide gap separates on a line of prose (a signature and its date) keep a space between them.
        return " ".join(p.text for p in self.pieces)


def _merge(runs: list[Glyphs]) -> list[Glyphs]:
    """Runs on one baseline, left to right, with runs that touch joined (converters often draw each character
    or each word as an object of its own)."""
    out: list[Glyphs] = []
    for run in sorted(runs, key=lambda r: r.x):
        last = out[-1] if out else None
        if last is not None and run.x - last.end < _CELL_GAP * max(run.size, last.size):
            joiner = " " if _spaced(last, run) else ""
            out[-1] = Glyphs(
                last.x,
                max(last.end, run.end),
                last.y,
                max(last.size, run.size),
                last.text + joiner + run.text,
            )
        else:
            out.append(run)
    return out


def _spaced(left: Glyphs, right: Glyphs) -> bool:
    """Whether the gap between two runs is a space the writer did not draw: between Latin words, or a
    space's width beside a number or a Latin letter ('1. 加强', '到 2035 年'); never between Chinese characters,
    which a justified line spreads apart."""
    gap = right.x - left.end
    size = max(left.size, right.size)
    latin = bool(_LATIN_END.search(left.text) and _LATIN_START.match(right.text))
    if latin:
        return gap > 0.2 * size
    narrow = left.text[-1:].isascii() or right.text[:1].isascii()
    return narrow and gap > 0.4 * size


def _page_lines(page: Page, number: int) -> list[_Line]:
    rows: list[list[Glyphs]] = []
    for run in sorted(page.runs, key=lambda r: (r.y, r.x)):
        if rows and abs(run.y - rows[-1][0].y) <= 0.3 * max(run.size, rows[-1][0].size):
            rows[-1].append(run)
        else:
            rows.append([run])
    lines = [_Line(_merge(row), number) for row in rows]
    # A page number at the top or foot of the page would cut a paragraph that runs on to the next page.
    while lines and _is_page_mark(lines[-1]):
        lines.pop()
    while lines and _is_page_mark(lines[0]):
        lines.pop(0)
    return lines


def _is_page_mark(line: _Line) -> bool:
    return len(line.pieces) == 1 and bool(_PAGE_MARK.match(line.text.strip()))


# -- tables ------------------------------------------------------------------------------------------------


@dataclass
class _Columns:
    """A table's columns, known from its header: column j holds the text that starts after header j-1 ends
    and ends before header j+1 starts, however the header and the cells are aligned in their boxes."""

    header: list[Glyphs]
    roles: list[str]

    def place(self, line: _Line) -> dict[int, list[str]] | None:
        """The line's pieces by column, or None when a piece does not keep within one column."""
        cells: dict[int, list[str]] = {}
        for piece in line.pieces:
            tolerance = 0.3 * piece.size
            j = sum(1 for h in self.header[:-1] if piece.x >= h.end - tolerance)
            if j + 1 < len(self.header) and piece.end > self.header[j + 1].x + tolerance:
                return None
            cells.setdefault(j, []).append(piece.text)
        return cells

    def same_header(self, line: _Line) -> bool:
        return [squeeze(p.text) for p in _header_pieces(line.pieces)] == [
            squeeze(h.text) for h in self.header
        ]


def _header_pieces(pieces: list[Glyphs]) -> list[Glyphs]:
    """Header cells, with a cell whose characters are spread over its box (序　　号) put together again."""
    out: list[Glyphs] = []
    for piece in pieces:
        last = out[-1] if out else None
        if last is not None and header_role(last.text) is None and header_role(last.text + piece.text):
            out[-1] = Glyphs(last.x, piece.end, last.y, max(last.size, piece.size), last.text + piece.text)
        else:
            out.append(piece)
    return out


def _header(line: _Line) -> _Columns | None:
    pieces = _header_pieces(line.pieces)
    if len(pieces) < 2:
        return None
    roles = header_roles([p.text for p in pieces])
    return _Columns(pieces, roles) if roles is not None else None


@dataclass
class _Row:
    cells: dict[int, list[str]] = field(default_factory=dict)

    def add(self, cells: dict[int, list[str]]) -> None:
        for j, texts in cells.items():
            self.cells.setdefault(j, []).append("".join(texts))

    def line(self, width: int) -> str:
        return "\t".join(_cell_text(self.cells.get(j, [])) for j in range(width))


def _cell_text(lines: list[str]) -> str:
    """A cell's lines run together, except where one unit's name ends and the next begins (各区政府 /
    市委编办): those are listed with 、. A name the cell's width cut (市发展和改革委 / 员会) is one name."""
    lines = [t.strip() for t in lines if t.strip()]
    text = lines[0] if lines else ""
    for k in range(1, len(lines)):
        line = lines[k]
        rest = "".join(lines[k:])
        next_name = re.split(r"[、，,；;]", line)[0]
        if (
            not text.endswith(("、", "，", ",", "；", ";"))
            and is_unit_list(lines[k - 1])
            and is_unit_list(rest)
            and len(next_name) >= 3
        ):
            text += "、" + line
        else:
            text = joined(text, line)
    return text


def _is_group(line: _Line) -> bool:
    heading = match_heading(line.text.strip())
    return heading is not None and heading.kind in ("chapter", "section") and len(line.text) <= 40


class _TableReader:
    """Rows of one table, from its header to the first line that does not keep to its columns."""

    def __init__(self, columns: _Columns, header: _Line, rules: dict[int, list[float]]) -> None:
        self.columns = columns
        self.header = header
        self.rules = rules
        self.serial = columns.roles.index("serial") if "serial" in columns.roles else None
        self.bordered: bool | None = None  # known at the first row: a border under the header

    def _rules_between(self, page: int, top: float, bottom: float) -> bool:
        return any(top < r < bottom for r in self.rules.get(page, []))

    def _new_row(self, previous: _Line, line: _Line, cells: dict[int, list[str]]) -> bool:
        above = line.y - 0.5 * line.size  # a border above the line lies above its characters' tops
        if self.bordered is None:
            self.bordered = self._rules_between(
                line.page, self.header.y if line.page == self.header.page else 0, above
            )
        if self.bordered and self.rules.get(line.page):
            top = previous.y if line.page == previous.page else 0.0
            return self._rules_between(line.page, top, above)
        if line.page != previous.page:
            return 0 in cells  # a row cut by the page break goes on where the first column is empty
        # Without borders: a cell's wrapped lines follow closely; a new row has its serial number.
        if line.y - previous.y > 1.6 * line.size or abs(line.size - previous.size) > 0.15 * line.size:
            return True
        return self.serial is None or self.serial in cells

    def _goes_on(self, lines: list[_Line], start: int) -> bool:
        """Whether the table goes on at ``start``: past any group names, a row of cells in its columns."""
        k = start
        while k < len(lines) and len(lines[k].pieces) == 1 and _is_group(lines[k]):
            k += 1
        return k < len(lines) and len(lines[k].pieces) >= 2 and self.columns.place(lines[k]) is not None

    def read(self, lines: list[_Line], start: int) -> tuple[list[str], int]:
        """The table's lines (the header first) and the index of the first line after the table."""
        width = len(self.columns.header)
        out = ["\t".join(squeeze(h.text) for h in self.columns.header)]
        row: _Row | None = None  # the row being read, None after a group's name
        previous = self.header
        i = start
        while i < len(lines):
            line = lines[i]
            if line.page != previous.page and self.columns.same_header(line):
                previous, i = line, i + 1  # the header repeated on the next page
                continue
            cells = self.columns.place(line)
            new_row = row is None or cells is None or self._new_row(previous, line, cells)
            if new_row and len(line.pieces) == 1:
                # A line alone: a row naming the group of rows below it (it may run across the columns),
                # a row with one cell filled, or the first paragraph after the table.
                if not self._goes_on(lines, i + 1):
                    break
                if _is_group(line):
                    if row is not None and row.cells:
                        out.append(row.line(width))
                    out.append("\t" + line.text.strip())
                    row, previous, i = None, line, i + 1
                    continue
            if cells is None:
                break
            if new_row or row is None:
                if row is not None and row.cells:
                    out.append(row.line(width))
                row = _Row()
            row.add(cells)
            previous, i = line, i + 1
        if row is not None and row.cells:
            out.append(row.line(width))
        return out, i


# -- paragraphs --------------------------------------------------------------------------------------------


@dataclass
class _Margins:
    left: float
    right: float
    pitch: float

    @classmethod
    def of(cls, lines: list[_Line]) -> _Margins:
        # The margin is where lines start most to the left, if enough of them do: a document of short
        # indented paragraphs starts most of its lines at the indent, one stray object is not a margin.
        starts = Counter(round(line.x) for line in lines)
        shared = [x for x, n in starts.items() if n >= max(2, 0.05 * len(lines))]
        left = float(min(shared or starts))
        ends = sorted(line.end for line in lines)
        right = ends[round(0.9 * (len(ends) - 1))]
        gaps = sorted(
            b.y - a.y for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page and b.y > a.y
        )
        pitch = gaps[len(gaps) // 2] if gaps else 0.0
        return cls(left, right, pitch)

    def continues(self, previous: _Line, line: _Line) -> bool:
        """Whether ``line`` is the wrapped continuation of the paragraph ``previous`` ends."""
        size = line.size
        if abs(previous.size - size) > 0.15 * max(previous.size, size):
            return False  # a title set larger than the text
        if line.x > self.left + size:
            return False  # indented: a new paragraph, or a line set in the middle
        if previous.end < self.right - 1.5 * size:
            return False  # the line above stops short: its paragraph ended there
        # space between paragraphs ends one
        return not (line.page == previous.page and self.pitch and line.y - previous.y > 1.6 * self.pitch)


def joined(first: str, second: str) -> str:
    """A paragraph's wrapped lines run together, with a space only between Latin words or numbers."""
    latin = _LATIN_END.search(first) and _LATIN_START.match(second)
    return first + (" " if latin else "") + second


def reading_text(pages: list[Page]) -> str:
    """The pages' text: one line per paragraph, tables as tab-separated rows."""
    lines = [line for number, page in enumerate(pages) for line in _page_lines(page, number)]
    rules = {number: sorted(page.rules) for number, page in enumerate(pages)}
    items: list[_Line | str] = []
    i = 0
    while i < len(lines):
        columns = _header(lines[i])
        if columns is None:
            items.append(lines[i])
            i += 1
            continue
        table, i = _TableReader(columns, lines[i], rules).read(lines, i + 1)
        items.extend(table)
    prose = [item for item in items if isinstance(item, _Line)]
    if not prose:
        return "\n".join(item for item in items if isinstance(item, str))
    margins = _Margins.of(prose)
    out: list[str] = []
    previous: _Line | None = None
    for item in items:
        if isinstance(item, str):
            out.append(item)
            previous = None
        elif previous is not None and margins.continues(previous, item):
            out[-1] = joined(out[-1], item.text.strip())
            previous = item
        else:
            out.append(item.text.strip())
            previous = item
    return "\n".join(out)
