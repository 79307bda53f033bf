"""A fast wrapped-Chinese-text flowable: reportlab's CJK Paragraph is too slow for thousand-task reports."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from itertools import accumulate
from typing import Any, NamedTuple

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.platypus.flowables import Flowable

from . import rl_state

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


@cache
def _ascent_descent(font: str, size: float) -> tuple[float, float]:
    ascent, descent = getAscentDescent(font, size)
    return ascent, descent


_SAME = re.compile(r"(.)\1*", re.DOTALL)  # a run of one repeated character


class _Encoder:
    """One document's text in one TrueType font, encoded as reportlab's drawString encodes it.

    reportlab gives each character a code in one of the font's 256-glyph subsets the first time a document
    uses it, and the code never changes after; so each character's subset and escaped byte, each subset's
    font name and each text's operators are worked out once per document.
    """

    def __init__(self, font: Any) -> None:
        self.font = font  # not the document, which holds this: no reference cycle to wait for the collector
        # By code point, for str.translate: each known character dropped (to find unknown ones), its subset as
        # one character chr(subset), and its byte in the subset escaped for a PDF string.
        self.known: dict[int, None] = {}
        self.subsets: dict[int, str] = {}
        self.escaped: dict[int, str] = {}
        self.prefixes: dict[tuple[float, float], dict[str, str]] = {}  # by size and leading, then subset
        self.ops: dict[tuple[float, float], dict[str, str]] = {}

    def _learn(self, text: str, doc: Any) -> None:
        """Let reportlab code the characters of ``text`` it has not seen, then note every character's code."""
        font = self.font
        font.splitString(text, doc)
        state = font.state[doc]
        assigned = state.assignments
        for ch in text:
            code = 32 if ch == "\xa0" else ord(ch)  # reportlab draws a no-break space as a space
            n = assigned.get(code, 0)  # a character the font lacks is drawn as glyph 0
            self.known[ord(ch)] = None
            self.subsets[ord(ch)] = chr(n >> 8)
            self.escaped[ord(ch)] = escapePDF(bytes((n & 0xFF,)))

    def text_ops(self, doc: Any, size: float, leading: float, text: str) -> str:
        memo = self.ops.get((size, leading))
        if memo is None:  # keyed by text alone: plain strings, nothing for the cycle collector to trace
            memo = self.ops[(size, leading)] = {}
        ops = memo.get(text)
        if ops is not None:
            return ops
        if not text:
            memo[text] = ""
            return ""
        if text.translate(self.known):
            self._learn(text, doc)
        subsets = text.translate(self.subsets)  # one character per character of text: its subset
        escaped = self.escaped
        prefixes = self.prefixes.get((size, leading))
        if prefixes is None:
            prefixes = self.prefixes[(size, leading)] = {}
        try:
            if subsets.count(subsets[0]) == len(subsets):  # one subset: one run of glyphs
                ops = f"{prefixes[subsets[0]]}{text.translate(escaped)}) Tj"
            else:  # runs of one subset found by a regular expression over the subsets
                ops = " ".join(
                    [
                        f"{prefixes[subsets[a]]}{text[a:b].translate(escaped)}) Tj"
                        for a, b in map(re.Match.span, _SAME.finditer(subsets))
                    ]
                )
        except KeyError:  # a subset not yet used at this size: its font operators, then the text again
            for subset in dict.fromkeys(subsets):
                if subset not in prefixes:
                    prefixes[subset] = self._prefix(ord(subset), size, leading, doc)
            return self.text_ops(doc, size, leading, text)
        memo[text] = ops
        return ops

    def _prefix(self, subset: int, size: float, leading: float, doc: Any) -> str:
        """The subset's font at the size, then the opening of the string: '/F2+3 9 Tf 10.8 TL ('."""
        name = self.font.getSubsetInternalName(subset, doc)
        return f"{name} {fp_str(size)} Tf {fp_str(leading)} TL ("


def _encoder(canv: Any) -> _Encoder:
    return _encoder_for(canv, rl_state.font_state(canv)[0])


def _encoder_for(canv: Any, font: str) -> _Encoder:
    doc = rl_state.pdf_doc(canv)
    encoders: dict[str, _Encoder] | None = getattr(doc, "_plandesk_encoders", None)
    if encoders is None:
        encoders = doc._plandesk_encoders = {}
    encoder = encoders.get(font)
    if encoder is None:
        encoder = encoders[font] = _Encoder(getFont(font))
    return encoder


def draw_string(canv: Any, x: float, y: float, text: str) -> None:
    """``canv.drawString(x, y, text)`` in the report font, writing the same bytes in a fraction of the time."""
    font, size, leading = rl_state.font_state(canv)
    if not canv.bottomup or not getattr(getFont(font), "_dynamicFont", False):
        canv.drawString(x, y, text)
        return
    ops = _encoder(canv).text_ops(rl_state.pdf_doc(canv), size, leading, text)
    rl_state.page_code(canv).append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {ops} T* ET")


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_./%")


def _glued(a: str, b: str) -> bool:
    """Latin words and numbers stay whole, and a number keeps its unit; a break may follow a % sign."""
    return _is_word_char(a) and a not in "%" and (_is_word_char(b) or b in NUMBER_UNITS)


def _may_break(text: str, at: int) -> bool:
    """Whether a line may end before ``text[at]``."""
    if at >= len(text) or text[at] == "\n":
        return True
    before, after = text[at - 1], text[at]
    return after not in CANNOT_START and before not in CANNOT_END and not _glued(before, after)


class _Widths(dict[str, float]):
    """One font's advance widths at size 1, character by character (as ``_width`` gives them)."""

    def __init__(self, font: str) -> None:
        super().__init__()
        self.font = font
        self.measured: dict[
            tuple[str, float], float
        ] = {}  # width of a text at a size, summed as draw sums it

    def __missing__(self, ch: str) -> float:
        width = self[ch] = _width(self.font, ch)
        return width


@cache
def _widths(font: str) -> _Widths:
    return _Widths(font)


WINDOW = 48  # characters added up at a time while looking for the end of a line


Lines = list[list[tuple[str, float, Any]]]
# Text laid out at a width, by font, widths and runs (colours by identity): a report repeats its unit names
# and dates in row after row. Each entry keeps its runs' colours alive, so no other colour takes their ids.
_LAID_OUT: dict[tuple[Any, ...], tuple[Lines, tuple[Any, ...]]] = {}
LAID_OUT_SIZE = 4096


def break_lines(runs: list[Run], font: str, first: float, rest: float) -> Lines:
    """Lines of (text, size, color) pieces: CJK breaks anywhere, Latin words and numbers stay whole.

    A line takes characters while their widths, added up one by one from the line's start, stay within the
    width (the first always); a closing mark may hang past it, and a break inside a word, a number with its
    unit or after an opening mark moves back to the nearest place a line may end.
    """
    one_line = _one_line(runs, font, first)
    if one_line is not None:
        return one_line
    key = (font, first, rest, *[(r.text, r.size, id(r.color)) for r in runs])
    known = _LAID_OUT.get(key)
    if known is not None:
        return known[0]
    lines = _break_lines(runs, font, first, rest)
    if len(_LAID_OUT) >= LAID_OUT_SIZE:
        _LAID_OUT.clear()
    _LAID_OUT[key] = (lines, tuple(r.color for r in runs))
    return lines


def _break_lines(runs: list[Run], font: str, first: float, rest: float) -> Lines:
    text = "".join(r.text for r in runs)
    widths = _widths(font)
    ws: list[float] = []
    for r in runs:
        size = r.size
        ws += [widths[ch] * size for ch in r.text]
    lines: list[list[tuple[str, float, Any]]] = []
    start, n = 0, len(text)
    while start < n:
        limit = (first if not lines else rest) + 0.01
        stop = text.find("\n", start)
        if stop < 0:
            stop = n
        end = stop
        if start < stop:
            used, i = ws[start], start + 1  # the first character always goes on the line
            while i < stop:
                j = min(stop, i + WINDOW)
                sums = list(accumulate(ws[i:j], initial=used))  # the same sums, in the same order
                over = bisect_right(sums, limit, 1)  # widths are not negative: the sums never fall
                if over < len(sums):
                    end = i + over - 1
                    break
                used, i = sums[-1], j
        if end < n and text[end] != "\n":
            hung, hang = end, 0
            while hung < n and text[hung] in CANNOT_START and hang < 2:  # closing marks hang in the margin
                hung += 1
                hang += 1
            if hang and (hung >= n or _may_break(text, hung)):
                end = hung
            else:  # carry an opening mark, a word or a number with its unit down to the next line
                back = end
                while back - 1 > start and not _may_break(text, back):
                    back -= 1
                if _may_break(text, back):
                    end = back
                else:  # nothing to break at on the line: let a short word overflow rather than split it
                    ahead = next(
                        (k for k in range(end + 1, min(n, end + 4) + 1) if _may_break(text, k)), None
                    )
                    end = ahead if ahead is not None else end
        lines.append(_pieces(runs, start, end))
        start = end + 1 if end < n and text[end] == "\n" else end
    return lines or [[]]


def _one_line(runs: list[Run], font: str, avail: float) -> list[list[tuple[str, float, Any]]] | None:
    """The lines of text that plainly fits on its first line whole (most table cells), else None.

    reportlab's width of a run rounds differently from adding the characters' widths one by one, by far less
    than the margin left here, so what fits here fits in break_lines too.
    """
    total = 0.0
    for r in runs:
        if "\n" in r.text:
            return None
        total += stringWidth(r.text, font, r.size)
    if total > avail + 0.01 - 1e-6:
        return None
    line = _pieces(runs, 0, sum(len(r.text) for r in runs))
    return [line] if line else [[]]


def _pieces(runs: list[Run], start: int, end: int) -> list[tuple[str, float, Any]]:
    """Characters ``start:end`` of the runs' text, in pieces of one size and colour."""
    out: list[tuple[str, float, Any]] = []
    if start >= end:
        return out
    at = 0
    for r in runs:
        a, at = at, at + len(r.text)
        if at <= start or a >= end or a == at:
            continue
        part = r.text[max(start - a, 0) : end - a]
        # identity: Color.__eq__ is slow and runs share their colour objects
        if out and out[-1][1] == r.size and out[-1][2] is r.color:
            out[-1] = (out[-1][0] + part, r.size, r.color)
        else:
            out.append((part, r.size, r.color))
    return out


def _rg(color: Color) -> str:
    """The fill operator Canvas.setFillColor writes for an RGB colour."""
    return f"{fp_str((color.red, color.green, color.blue))} rg"


def _opaque(color: Color, canv: Any) -> bool:
    """Whether the colour is opaque and the canvas's fill too: setFillColor then writes no transparency state."""
    alpha = getattr(color, "alpha", None)
    return alpha == 1 and isinstance(alpha, int | float) and rl_state.fill_opaque(canv)


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

    def wrapOn(self, canv: Any, aW: float, aH: float) -> tuple[float, float]:  # noqa: N802, N803 (reportlab's)
        """As Flowable.wrapOn, without lending the canvas: the text is measured by the font alone."""
        return self.wrap(aW, aH)

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

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 (reportlab's)
        """As Flowable.drawOn, writing its save, move and restore directly when the text is drawn directly.

        Flowable.drawOn saves the whole graphics state, moves the origin and restores the state; text drawn by
        ``draw``'s direct path changes only the font, size, leading and fill colour, so those are what is put
        back, and the page gets the same q, cm and Q operators.
        """
        if not (
            canvas.bottomup
            and getattr(getFont(self.font), "_dynamicFont", False)
            and rl_state.default_colour_space(canvas)
            and not getattr(self, "_showBoundary", False)
        ):
            super().drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]  # the stubs lack _sW
            return
        x = self._hAlignAdjust(x, _sW)  # type: ignore[attr-defined]  # reportlab's, not in the stubs
        code = rl_state.page_code(canvas)
        code.append("q")
        code.append(
            f"{fp_str(1, 0, 0, 1, x, y)} cm"
        )  # Canvas.translate after a 'q', which it never merges into
        saved = rl_state.save_text_state(canvas)
        self.canv = canvas
        self.draw()
        del self.canv
        code.append("Q")
        rl_state.restore_text_state(canvas, saved)

    def draw(self) -> None:
        canv: Any = self.canv  # reportlab's private text state is not in the stubs
        lines = self._lines or []
        widths = _widths(self.font)
        # PlanDesk's TrueType font drawn bottom-up: the operators drawString would write, written directly.
        fast = canv.bottomup and getattr(getFont(self.font), "_dynamicFont", False)
        encoder = _encoder_for(canv, self.font) if fast else None
        code, doc = rl_state.page_code(canv), rl_state.pdf_doc(canv)
        font_size, fill, leading = None, None, 0.0
        for i, line in enumerate(lines):
            size = max((p[1] for p in line), default=9)
            ascent, descent = _ascent_descent(self.font, size)
            y = self.height - i * self.leading - (self.leading + ascent + descent) / 2
            x = self.left_indent + (self.first_indent if i == 0 else 0)
            if self.align != "left":
                if len(line) == 1:  # most centred cells: one piece, measured once per text and size
                    key = line[0][0], line[0][1]
                    width = widths.measured.get(key, -1.0)
                    if width < 0:
                        if len(widths.measured) >= LAID_OUT_SIZE:
                            widths.measured.clear()
                        width = widths.measured[key] = sum(widths[ch] * key[1] for ch in key[0])
                else:
                    width = sum(widths[ch] * s for text, s, _ in line for ch in text)
                x = (self.width - width) / 2 if self.align == "center" else self.width - width
            last = len(line) - 1
            for j, (text, s, color) in enumerate(line):
                if s != font_size:
                    if encoder is None:
                        canv.setFont(self.font, s)
                    else:  # what Canvas.setFont does for a subset font: it writes nothing
                        rl_state.note_font(canv, self.font, s, s * 1.2)
                    font_size, leading = s, rl_state.font_state(canv)[2]
                if color is not fill:
                    if encoder is not None and type(color) is Color and _opaque(color, canv):
                        # what Canvas.setFillColor writes and notes for an opaque RGB colour
                        rl_state.note_fill(canv, color)
                        code.append(_rg(color))
                        doc.ensureMinPdfVersion("transparency")
                    else:
                        canv.setFillColor(color)
                    fill = color
                if encoder is None:
                    canv.drawString(x, y, text)
                else:
                    code.append(
                        f"BT 1 0 0 1 {fp_str(x, y)} Tm {encoder.text_ops(doc, s, leading, text)} T* ET"
                    )
                if j < last:
                    x += sum(map(widths.__getitem__, text)) * s
