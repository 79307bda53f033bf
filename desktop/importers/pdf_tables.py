"""Task tables in PDF pages: text placed by position, written back as one cell per paragraph."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from desktop.importers.text_tables import header_role, header_roles, is_unit_list

log = logging.getLogger(__name__)


@dataclass
class _Word:
    x: float
    y: float
    size: float
    text: str
    font: str = ""  # the PDF font's name, to tell a run from glyphs drawn into its gaps

    @property
    def end(self) -> float:
        return self.x + sum(1.0 if ord(ch) > 0x2E80 else 0.5 for ch in self.text) * self.size


_PAGE_MARK = re.compile(r"^(?:[-—–－]?\s*\d{1,4}\s*[-—–－]?|第\s*\d{1,4}\s*页.{0,8})$")


@dataclass
class TableState:
    """Columns of a task table still open at the end of a page: the next page may continue it."""

    columns: list[float] = field(default_factory=list)
    band: list[list[_Word]] = field(default_factory=list)  # the last row, perhaps cut by the page break


def _fragments(page: Any) -> list[_Word]:
    out: list[_Word] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip():
            return
        try:
            name = str(font.get("/BaseFont", "")) if font is not None else ""
        except AttributeError:
            name = ""
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(cm[0]) or 1.0
        out.append(_Word(x, y, (size or 10.0) * scale * (abs(tm[0]) or 1.0), text.strip(), name))

    page.extract_text(visitor_text=visit)
    return out


def _lines(fragments: list[_Word]) -> tuple[list[list[_Word]], bool]:
    """Fragments on one baseline, left to right, runs of touching fragments joined into words; and whether
    glyphs of another font had to be put back into the gaps left for them (see _embedded)."""
    rows: list[list[_Word]] = []
    for f in sorted(fragments, key=lambda w: (-w.y, w.x)):
        if rows and abs(rows[-1][0].y - f.y) <= 0.3 * f.size:
            rows[-1].append(f)
        else:
            rows.append([f])
    out: list[list[_Word]] = []
    embedded = False
    for row in rows:
        row, moved = _embedded(row)
        embedded = embedded or moved
        words: list[_Word] = []
        for f in row:
            if words and f.x - words[-1].end < 0.6 * f.size:
                words[-1] = _Word(
                    words[-1].x, words[-1].y, words[-1].size, words[-1].text + f.text, words[-1].font
                )
            else:
                words.append(f)
        out.append(words)
    return out, embedded


def _embedded(row: list[_Word]) -> tuple[list[_Word], bool]:
    """One baseline's fragments left to right, with glyphs drawn inside another run put into its gaps.

    A writer may draw a line's CJK run with a gap for each character of another font (curly quotes in a
    Latin font: '推行 一件事一' and '“' at the gap) and those characters apart, before or after the run; in
    the order of the page's drawing they land at the line's start or end."""
    out: list[_Word] = []
    moved = False
    for f in sorted(row, key=lambda w: w.x):
        host = out[-1] if out else None
        at = _gap_at(host, f.x) if host is not None and host.x < f.x < host.end - 0.25 * f.size else None
        # The guest's own gaps ('“ ”') stand for the host's text between its characters: one gap each.
        pieces = f.text.split()
        # only a few characters of another font (quotes, a dash) are drawn into a run's gaps
        guest = (
            host is not None
            and bool(host.font)
            and f.font != host.font
            and max(map(len, pieces), default=9) <= 2
        )
        gaps = (
            [i for i, ch in enumerate(host.text) if ch == " " and i >= at] if host and at is not None else []
        )
        if host is None or not guest or len(gaps) < len(pieces):
            out.append(_Word(f.x, f.y, f.size, f.text, f.font))
            continue
        for i, piece in reversed(list(zip(gaps, pieces, strict=False))):
            host.text = host.text[:i] + piece + host.text[i + 1 :]
        moved = True
    return out, moved


def _gap_at(host: _Word, x: float) -> int | None:
    """The index of the space in ``host`` nearest to ``x`` (characters as wide as _Word.end counts them)."""
    best: tuple[float, int] | None = None
    pos = host.x
    for i, ch in enumerate(host.text):
        if ch == " " and (best is None or abs(pos - x) < best[0]):
            best = (abs(pos - x), i)
        pos += (1.0 if ord(ch) > 0x2E80 else 0.5) * host.size
    return best[1] if best is not None and best[0] <= 2 * host.size else None


def _header(line: list[_Word]) -> list[str] | None:
    """Header cells of a task or indicator table; some may be cut short where the cell wraps."""
    cells = [w.text for w in line]
    roles = [header_role(c) for c in cells]
    known = [r for r in roles if r]
    if len(known) < 3 or len(known) * 2 < len(cells):
        return None
    full = header_roles([c for c, r in zip(cells, roles, strict=True) if r])
    return cells if full is not None else None


def _column_of(word: _Word, columns: list[float]) -> int:
    tolerance = 0.5 * word.size
    found = 0
    for j, x in enumerate(columns):
        if word.x >= x - tolerance:
            found = j
    return found


def _aligned(line: list[_Word], columns: list[float]) -> bool:
    """A row of the table: every word starts at a column and none runs across the next column."""
    for w in line:
        j = _column_of(w, columns)
        if j + 1 < len(columns) and w.end > columns[j + 1] + w.size:
            return False
    return len(line) >= 2 or (
        bool(line) and abs(line[0].x - columns[_column_of(line[0], columns)]) < line[0].size
    )


def page_text(page: Any, state: TableState) -> str | None:
    """The page's text with its task table one cell per paragraph, or read by position where glyphs had to
    be put back in their place; None when pypdf's own reading of the page is as good."""
    lines, embedded = _lines(_fragments(page))
    out: list[str] = []
    columns = list(state.columns)
    band: list[list[_Word]] = list(state.band)
    carried = bool(columns)
    header_cells: list[str] = []
    found = bool(columns)
    aligned = 0
    previous_y: float | None = None
    for line in lines:
        if len(line) == 1 and _PAGE_MARK.match(line[0].text) and not (columns and _aligned(line, columns)):
            continue  # a page number between two pages of the table
        header = _header(line)
        if header is not None:
            out.extend(_band_cells(band, columns))
            band = []
            columns = [w.x for w in line]
            header_cells = header
            out.extend(header)
            found = True
            previous_y = line[0].y
            continue
        close = previous_y is not None and previous_y - line[0].y <= 1.6 * line[0].size
        if columns and header_cells and not band and close and _header_continues(line, columns, header_cells):
            out[-len(header_cells) :] = header_cells
            previous_y = line[0].y
            continue
        if columns and _aligned(line, columns):
            header_cells = []
            size = line[0].size
            if band and (
                previous_y - line[0].y > 1.6 * size if previous_y is not None else _starts_row(line, columns)
            ):
                out.extend(_band_cells(band, columns))  # the gap between two rows of cells
                band = []
            band.append(line)
            aligned += 1
            previous_y = line[0].y
            continue
        if columns:
            out.extend(_band_cells(band, columns))
            band, columns = [], []
        out.append(" ".join(w.text for w in line))
        previous_y = line[0].y
    if found and aligned < 2 and not carried:
        # A header whose rows do not keep to its columns (text set with tab stops): pypdf reads it better.
        state.columns, state.band = [], []
        return page.extract_text() or ""
    if not columns:
        out.extend(_band_cells(band, columns))
        band = []
    state.columns, state.band = columns, band
    return "\n".join(out) if found or embedded else None


def finish(state: TableState) -> str:
    """The row still open after the last page."""
    text = "\n".join(_band_cells(state.band, state.columns))
    state.band, state.columns = [], []
    return text


def _starts_row(line: list[_Word], columns: list[float]) -> bool:
    """At the top of a page, the cut row goes on unless the first column or most columns start afresh."""
    used = {_column_of(w, columns) for w in line}
    return 0 in used or len(used) * 5 >= len(columns) * 3


def _header_continues(line: list[_Word], columns: list[float], header: list[str]) -> bool:
    """A header cell wrapped onto a second line (市卫健委内牵 / 头处室): glue the pieces to their cells."""
    pieces = [(w, _column_of(w, columns)) for w in line]
    if not pieces or any(
        header_role(w.text) is not None or re.fullmatch(r"\d{1,3}", w.text) for w, _ in pieces
    ):
        return False
    if any(len(w.text) > 8 for w, _ in pieces):
        return False
    for w, j in pieces:
        header[j] = header[j] + w.text
    return True


def _band_cells(band: list[list[_Word]], columns: list[float]) -> list[str]:
    """One row of the table, one paragraph per non-empty cell, left to right."""
    out: list[str] = []
    for j in range(len(columns)):
        pieces = [w.text for line in band for w in line if _column_of(w, columns) == j]
        if pieces:
            out.append(_cell_text(pieces))
    return out


def _cell_text(lines: list[str]) -> str:
    """A cell's lines run together, except where one unit's name ends and the next begins (各区政府 /
    市卫生健康委): those are listed with 、."""
    units: list[str] = []
    current = lines[0]
    for k in range(1, len(lines)):
        rest = "".join(lines[k:])
        if (
            len(current) >= 3
            and not current.endswith(("、", "，", ","))
            and is_unit_list(current)
            and is_unit_list(rest)
            and len(re.split(r"[、，,]", rest)[0]) >= 3
        ):
            units.append(current)
            current = lines[k]
        else:
            current = _joined([current, lines[k]])
    units.append(current)
    return "、".join(units)


def _joined(parts: list[str]) -> str:
    text = ""
    for part in parts:
        latin = text and re.match(r"[A-Za-z0-9]", part) and re.search(r"[A-Za-z0-9]$", text)
        text = text + (" " if latin else "") + part
    return text
