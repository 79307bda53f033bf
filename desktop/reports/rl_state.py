"""reportlab's private canvas state: the one module that touches it.

The report text is drawn by fast paths that write the very operators reportlab's public calls would write
(drawString, setFont, setFillColor, Flowable.drawOn) without their per-call overhead. Those paths read and set
state reportlab keeps in private attributes. Every such access is here, written for the reportlab release pinned
in pyproject.toml (4.5.x); tests/reports/test_fast_text.py and test_fast_draw_on.py compare the bytes against
reportlab's own public path, so an upgrade that changes these internals fails the suite instead of a report.
"""

from __future__ import annotations

from typing import Any

import reportlab
from reportlab.rl_config import _FUZZ

# The reportlab minor releases these accesses were written and tested for.
SUPPORTED = ("4.5.",)
# What platypus treats as "no height" when it stacks flowables (rl_config._FUZZ).
FUZZ: float = _FUZZ


def supported() -> bool:
    return reportlab.Version.startswith(SUPPORTED)


def page_code(canv: Any) -> list[str]:
    """The current page's content stream, as operators appended in order."""
    code: list[str] = canv._code
    return code


def pdf_doc(canv: Any) -> Any:
    """The PDF document a canvas writes (fonts, encodings, version)."""
    return canv._doc


def font_state(canv: Any) -> tuple[str, float, float]:
    """(font name, size, leading) as setFont left them."""
    return canv._fontname, canv._fontsize, canv._leading


def note_font(canv: Any, font: str, size: float, leading: float) -> None:
    """What Canvas.setFont notes for a subset font, whose operator is written with the text itself."""
    canv._fontname, canv._fontsize, canv._leading = font, size, leading


def note_fill(canv: Any, color: Any) -> None:
    """What Canvas.setFillColor notes, once its operator was written by the caller."""
    canv._fillColorObj = color


def fill_opaque(canv: Any) -> bool:
    """Whether the canvas's fill transparency is unset (setFillColor then writes no graphics state)."""
    return bool(canv._extgstate._d.get("ca", 1) == 1)


def default_colour_space(canv: Any) -> bool:
    """No colour space is enforced (setFillColor writes plain rg operators)."""
    return canv._enforceColorSpace is None


def save_text_state(canv: Any) -> tuple[Any, ...]:
    """What drawing text changes (font, size, leading, fill, transparency), to put back after a q … Q block;
    the transparency state is pushed as saveState does, so transparency set inside is undone after."""
    d = canv.__dict__
    saved = d["_fontname"], d["_fontsize"], d["_leading"], d["_fillColorObj"], d["_extgstate"]
    d["_extgstate"] = saved[4].pushCopy()
    return saved


def restore_text_state(canv: Any, saved: tuple[Any, ...]) -> None:
    d = canv.__dict__
    d["_fontname"], d["_fontsize"], d["_leading"], d["_fillColorObj"], d["_extgstate"] = saved


def fix_timestamp(canv: Any, stamp: Any) -> None:
    """The document's creation time, so the same report gives the same bytes (reportlab takes the clock)."""
    canv._doc._timeStamp = stamp


# "第 X 页 共 Y 页" needs the page count before a page is drawn: the canvas keeps each page's state and draws the
# pages at the end (reportlab's own recipe for page totals).
def page_state(canv: Any) -> dict[str, Any]:
    return dict(canv.__dict__)


def resume_page(canv: Any, state: dict[str, Any]) -> None:
    canv.__dict__.update(state)


def start_next_page(canv: Any) -> None:
    """What Canvas.showPage does after writing a page: a fresh page state, nothing written."""
    canv._startPage()


def page_size(canv: Any) -> tuple[float, float]:
    width, height = canv._pagesize
    return width, height
