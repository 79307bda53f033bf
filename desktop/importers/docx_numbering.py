"""Word's automatic numbering: the labels (一、 （一） 1.) that Word draws but does not keep in the text.

A paragraph numbered by Word holds only its words; its label comes from the list it belongs to (w:numPr, set
on the paragraph or on its style) and the list's level definitions in numbering.xml. Without it, every
heading of such a document would be lost. Counting follows Word: one counter per level of an abstract list,
continued by every list instance that uses it unless the instance restarts it, deeper levels restarting when
a higher level advances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.importers.numbering import chinese_number

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Formats whose labels are words, not numbering: nothing is added for them.
_NOT_NUMBERS = ("bullet", "none")


def _int(value: str | None, default: int = 0) -> int:
    """A level or count as Word writes it; a damaged value counts as ``default``."""
    return int(value) if value is not None and value.strip().isdigit() else default


def _attr(el: Any, name: str) -> str | None:
    return None if el is None else el.get(f"{_W}{name}")


def _val(parent: Any, tag: str) -> str | None:
    return _attr(parent.find(f"{_W}{tag}"), "val") if parent is not None else None


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def format_number(n: int, fmt: str) -> str:
    if fmt.startswith(
        ("chineseCounting", "chineseLegal", "ideographDigital", "japaneseCounting", "taiwanese")
    ):
        return chinese_number(n)
    if fmt.startswith("ideographTraditional"):
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt.startswith("decimalEnclosedCircle"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never restarts


@dataclass
class _List:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride per level
    levels: dict[int, _Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl per level


class Numbering:
    """Labels of a document's numbered paragraphs, handed out in document order."""

    def __init__(self, document: Any) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._lists: dict[str, _List] = {}
        self._style_numpr: dict[str, tuple[str | None, int | None, str | None]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        self._read_numbering(document)
        self._read_styles(document)

    def _read_numbering(self, document: Any) -> None:
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return  # no numbering part: nothing is numbered
        for abstract in root.findall(f"{_W}abstractNum"):
            key = _attr(abstract, "abstractNumId")
            if key is not None:
                self._abstract[key] = {
                    _int(_attr(lvl, "ilvl")): _level(lvl) for lvl in abstract.findall(f"{_W}lvl")
                }
        for num in root.findall(f"{_W}num"):
            key, abstract_id = _attr(num, "numId"), _val(num, "abstractNumId")
            if key is None or abstract_id is None:
                continue
            entry = _List(abstract_id)
            for override in num.findall(f"{_W}lvlOverride"):
                ilvl = _int(_attr(override, "ilvl"))
                start = _val(override, "startOverride")
                if start is not None and start.lstrip("-").isdigit():
                    entry.starts[ilvl] = int(start)
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self._lists[key] = entry

    def _read_styles(self, document: Any) -> None:
        try:
            styles = document.styles.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        for style in styles.findall(f"{_W}style"):
            style_id = _attr(style, "styleId")
            if style_id is None:
                continue
            numpr = style.find(f"{_W}pPr/{_W}numPr")
            num_id = _val(numpr, "numId") if numpr is not None else None
            ilvl = _val(numpr, "ilvl") if numpr is not None else None
            based = _val(style, "basedOn")
            self._style_numpr[style_id] = (num_id, int(ilvl) if ilvl and ilvl.isdigit() else None, based)

    def _from_style(self, style_id: str | None) -> tuple[str | None, int]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._style_numpr:
            seen.add(style_id)
            num_id, ilvl, based = self._style_numpr[style_id]
            if num_id is not None:
                return num_id, ilvl or 0
            style_id = based
        return None, 0

    def label(self, p: Any) -> str:
        """The label Word draws before paragraph ``p`` (a w:p element), advancing the count; "" if none."""
        ppr = p.find(f"{_W}pPr")
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        num_id, ilvl = self._from_style(_val(ppr, "pStyle") if ppr is not None else None)
        if numpr is not None:
            own_id, own_lvl = _val(numpr, "numId"), _val(numpr, "ilvl")
            num_id = own_id if own_id is not None else num_id
            if own_lvl is not None and own_lvl.isdigit():
                ilvl = int(own_lvl)
        if num_id is None or num_id == "0" or num_id not in self._lists:
            return ""  # numId 0 switches numbering off
        entry = self._lists[num_id]
        levels = {**self._abstract.get(entry.abstract, {}), **entry.levels}
        level = levels.get(ilvl)
        if level is None or level.fmt in _NOT_NUMBERS:
            return ""
        counters = self._counters.setdefault(entry.abstract, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for at, start in entry.starts.items():
                counters[at] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or restart > ilvl:
                del counters[deeper]
        text = level.text
        for k in range(9):
            marker = f"%{k + 1}"
            if marker in text:
                shown = levels.get(k, _Level())
                value = counters.get(k, shown.start)
                text = text.replace(marker, format_number(value, shown.fmt if k != ilvl else level.fmt))
        return text


def _level(lvl: Any) -> _Level:
    start = _val(lvl, "start")
    restart = _val(lvl, "lvlRestart")
    return _Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        fmt=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText") or "",
        restart=int(restart) if restart and restart.isdigit() else None,
    )
