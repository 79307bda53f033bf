"""Garbled text (乱码): a UTF-8 plan once opened as Latin-1 / Windows-1252 or as GBK and saved again.

The bytes then decode cleanly but read as è¥¿å®å¸… or 瑗垮畨甯…; importing that would give garbage titles and
garbage tasks with nothing in the review. Such text is turned back into the bytes the wrong reading made of it
and read as UTF-8 again; when that gives ordinary Chinese the import goes on with the repaired text and says so,
and when the damage cannot be undone (the wrong reading dropped bytes) the file is refused with the reason.

Ordinary Chinese is told from garbled text by its characters: in real text nearly every Chinese character is one
of the 3 755 common ones (GB2312 level 1), and the common punctuation ，。、 appears; text garbled through GBK is
made mostly of rare characters, and text garbled through Latin-1 has no Chinese at all but runs of accented Latin
letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_RUN = re.compile(r"[\u00c0-\u00ff][\u0080-\u00ff\u0152-\u0192\u02c6-\u02dc\u2013-\u2122]")
_WRONG_READINGS = ("cp1252", "latin-1", "gbk", "gb18030")
_WESTERN = "西文（Latin-1 / Windows-1252）"
_NAMES = {"cp1252": _WESTERN, "latin-1": _WESTERN, "gbk": "GBK", "gb18030": "GB18030"}
_MIN_CJK = 20  # too little Chinese to judge: left as it is
_COMMON_SHARE = 0.85  # ordinary Chinese text: far above (typically 0.97+); GBK garble: far below
_MAX_LOST = 0.01  # a repair that could not restore more than this share of characters is refused


@dataclass(frozen=True)
class Repair:
    text: str
    note: str  # what happened, for the import review


class Garbled(Exception):
    """The text is garbled beyond repair; the message says how, in Chinese."""


def _is_common(ch: str) -> bool:
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7


def _chinese_share(text: str) -> tuple[int, float]:
    """How many Chinese characters the text has, and the share of them that are common ones."""
    cjk = _CJK.findall(text)
    if not cjk:
        return 0, 0.0
    return len(cjk), sum(1 for c in cjk if _is_common(c)) / len(cjk)


def _reads_as_chinese(text: str) -> bool:
    count, share = _chinese_share(text)
    return count >= _MIN_CJK and share >= _COMMON_SHARE


def _looks_garbled(text: str) -> bool:
    count, share = _chinese_share(text)
    if count >= _MIN_CJK:
        return share < _COMMON_SHARE
    return len(_LATIN_RUN.findall(text)) >= _MIN_CJK


def _bytes_of(text: str, reading: str) -> bytes:
    """The bytes a wrong reading made ``text`` of. Windows-1252 leaves five bytes undefined: readers that keep
    them pass them through as the C1 control characters (as Latin-1 does), readers that drop them write U+FFFD —
    that byte is lost, and 0xFF (never part of UTF-8) stands for it so the character it was in shows as lost."""
    if reading != "cp1252":
        return text.encode(reading)
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 0x100:
                out.append(ord(ch))
            elif ch == "\ufffd":
                out.append(0xFF)
            else:
                raise
    return bytes(out)


def undo_mojibake(text: str, name: str) -> Repair | None:
    """The repaired text when ``text`` is UTF-8 garbled by a wrong reading; None when it reads as it is.
    Raises Garbled when it is garbled and cannot be restored."""
    if not _looks_garbled(text):
        return None
    sample_lost: str | None = None
    for reading in _WRONG_READINGS:
        try:
            raw = _bytes_of(text, reading)
        except UnicodeEncodeError:
            continue
        try:
            fixed = raw.decode("utf-8")
        except UnicodeDecodeError:
            lossy = raw.decode("utf-8", errors="replace")
            if _reads_as_chinese(lossy):
                lost = lossy.count("\ufffd")
                if lost <= _MAX_LOST * len(lossy):
                    return Repair(
                        lossy,
                        f"文件“{name}”的文字曾被当作 {_NAMES[reading]} 编码打开后另存（乱码），已还原为 UTF-8；"
                        f"有 {lost} 处文字无法还原，显示为 �，请对照原件核对。",
                    )
                sample_lost = sample_lost or _NAMES[reading]
            continue
        if _reads_as_chinese(fixed):
            return Repair(
                fixed,
                f"文件“{name}”的文字曾被当作 {_NAMES[reading]} 编码打开后另存（乱码），已还原为 UTF-8，请核对。",
            )
    if sample_lost is not None:
        raise Garbled(
            f"文件“{name}”的文字是乱码：原为 UTF-8 的文字曾被当作 {sample_lost} 编码打开后另存，"
            "部分字节已经丢失，无法可靠还原。请向发文单位索取原始文件。"
        )
    if _chinese_share(text)[0] < _MIN_CJK:
        # accented Latin letters in runs and no Chinese: garbled, by a reading none of the above undoes
        raise Garbled(f"文件“{name}”的文字是乱码（不是可识别的中文），无法导入。请向发文单位索取原始文件。")
    return None
