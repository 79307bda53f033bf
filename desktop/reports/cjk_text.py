"""A fast wrapped-Chinese-text flowable: reportlab's CJK Paragraph is too slow for thousand-task reports."""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.flowables import Flowable

# Marks that may not begin a line (they hang in the margin) and marks that may not end one.
CANNOT_START = set("，。、；：？！）》」』】〕］｝〉”’…％‰·!),.:;?]}%")
CANNOT_END = set("（《「『【〔［｛〈“‘([{")
# Units that stay on the line of the number before them (31天, 70％, 2026年).
NUMBER_UNITS = set("天日月年号项条个件次元万亿％%‰℃")


class Run(NamedTuple):
    text: str
    size: float
    color: Any = colors.black


@cache
def _width(font: str, ch: str) -> float:
    return stringWidth(ch, font, 1000) / 1000.0


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_./%")


def _glued(a: str, b: str) -> bool:
    """Latin words and numbers stay whole, and a number keeps its unit; a break may follow a % sign."""
    return _is_word_char(a) and a not in "%" and (_is_word_char(b) or b in NUMBER_UNITS)


def _may_break(chars: list[tuple[str, float, Any]], at: int) -> bool:
    """Whether a line may end before ``chars[at]``."""
    if at >= len(chars) or chars[at][0] == "\n":
        return True
    before, after = chars[at - 1][0], chars[at][0]
    return after not in CANNOT_START and before not in CANNOT_END and not _glued(before, after)


def break_lines(runs: list[Run], font: str, first: float, rest: float) -> list[list[tuple[str, float, Any]]]:
    """Lines of (text, size, color) pieces: CJK breaks anywhere, Latin words and numbers stay whole."""
    chars: list[tuple[str, float, Any]] = [(ch, r.size, r.color) for r in runs for ch in r.text]
    lines: list[list[tuple[str, float, Any]]] = []
    start, n = 0, len(chars)
    while start < n:
        avail = first if not lines else rest
        used, i = 0.0, start
        while i < n:
            ch, size, _ = chars[i]
            if ch == "\n":
                break
            w = _width(font, ch) * size
            if used + w > avail + 0.01 and i > start:
                break
            used += w
            i += 1
        end = i
        if end < n and chars[end][0] != "\n":
            hung, hang = end, 0
            while (
                hung < n and chars[hung][0] in CANNOT_START and hang < 2
            ):  # closing marks hang in the margin
                hung += 1
                hang += 1
            if hang and (hung >= n or _may_break(chars, hung)):
                end = hung
            else:  # carry an opening mark, a word or a number with its unit down to the next line
                back = end
                while back - 1 > start and not _may_break(chars, back):
                    back -= 1
                if _may_break(chars, back):
                    end = back
                else:  # nothing to break at on the line: let a short word overflow rather than split it
                    ahead = next(
                        (k for k in range(end + 1, min(n, end + 4) + 1) if _may_break(chars, k)), None
                    )
                    end = ahead if ahead is not None else end
        lines.append(_pieces(chars[start:end]))
        start = end + 1 if end < n and chars[end][0] == "\n" else end
    return lines or [[]]


def _pieces(chars: list[tuple[str, float, Any]]) -> list[tuple[str, float, Any]]:
    out: list[tuple[str, float, Any]] = []
    text: list[str] = []
    size, color = None, None
    for ch, s, c in chars:
        if s != size or c is not color:  # identity: Color.__eq__ is slow and runs share their colour objects
            if text:
                out.append(("".join(text), size, color))  # type: ignore[arg-type]
            text, size, color = [], s, c
        text.append(ch)
    if text:
        out.append(("".join(text), size, color))  # type: ignore[arg-type]
    return out


class CJKText(Flowable):
    """Wrapped text in one font, in runs of their own size and colour; splits across pages by lines."""

    def __init__(
        self,
        runs: list[Run] | str,
        font: str,
        *,
        size: float = 9,
        leading: float | None = None,
        color: Any = colors.black,
        first_indent: float = 0,
        left_indent: float = 0,
        align: str = "left",
        space_before: float = 0,
        space_after: float = 0,
    ) -> None:
        super().__init__()
        self.runs = [Run(runs, size, color)] if isinstance(runs, str) else runs
        self.font = font
        self.leading = leading or max(r.size for r in self.runs or [Run("", size)]) * 1.35
        self.first_indent, self.left_indent, self.align = first_indent, left_indent, align
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self._lines: list[list[tuple[str, float, Any]]] | None = None
        self._for_width = -1.0

    def _layout(self, width: float) -> None:
        if self._lines is None or abs(width - self._for_width) > 0.01:
            body = width - self.left_indent
            self._lines = break_lines(self.runs, self.font, body - self.first_indent, body)
            self._for_width = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._layout(avail_width)
        self.width = avail_width
        self.height = len(self._lines or []) * self.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._layout(avail_width)
        lines = self._lines or []
        fit = int((avail_height + 0.01) // self.leading)
        if fit <= 0 or fit >= len(lines):
            return []
        head, tail = self._copy(lines[:fit], self.first_indent), self._copy(lines[fit:], 0)
        head.spaceAfter, tail.spaceBefore = 0, 0
        return [head, tail]

    def _copy(self, lines: list[list[tuple[str, float, Any]]], first_indent: float) -> CJKText:
        part = CJKText(
            self.runs,
            self.font,
            leading=self.leading,
            first_indent=first_indent,
            left_indent=self.left_indent,
            align=self.align,
            space_before=self.spaceBefore,
            space_after=self.spaceAfter,
        )
        part._lines, part._for_width = lines, self._for_width
        return part

    def draw(self) -> None:
        canv = self.canv
        lines = self._lines or []
        font_size, fill = None, None
        for i, line in enumerate(lines):
            size = max((p[1] for p in line), default=9)
            ascent, descent = getAscentDescent(self.font, size)
            y = self.height - i * self.leading - (self.leading + ascent + descent) / 2
            x = self.left_indent + (self.first_indent if i == 0 else 0)
            if self.align != "left":
                width = sum(_width(self.font, ch) * s for text, s, _ in line for ch in text)
                x = (self.width - width) / 2 if self.align == "center" else self.width - width
            for j, (text, s, color) in enumerate(line):
                if s != font_size:
                    canv.setFont(self.font, s)
                    font_size = s
                if color is not fill:
                    canv.setFillColor(color)
                    fill = color
                canv.drawString(x, y, text)
                if j + 1 < len(line):
                    x += sum(_width(self.font, ch) for ch in text) * s
