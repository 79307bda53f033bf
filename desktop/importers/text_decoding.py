"""Decoding plain-text plans: UTF-8 (with or without BOM), UTF-16, UTF-32 with a BOM, GB18030, detected without
asking."""

from __future__ import annotations

import codecs
import unicodedata

from desktop.errors import ImportRefused


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes in every other position for mostly-ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    # ASCII characters (digits, line breaks) put their NUL byte always on the same side.
    for encoding, nuls, other in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if nuls and other * 2 <= nuls:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    return None


def _mostly_text(text: str) -> bool:
    if not text:
        return False
    sample = text[:100_000]
    bad = sum(
        1
        for ch in sample
        if (ord(ch) < 32 and ch not in "\r\n\t\f") or unicodedata.category(ch) in ("Co", "Cn", "Cs")
    )
    return bad <= len(sample) * 0.01


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding name) or refuse when the bytes are no known text encoding."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ImportRefused(
                f"文件“{name}”声明为 UTF-8 编码，但内容无法按 UTF-8 解码。",
                location=f"{name} 第{exc.start}字节",
            ) from exc
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts both
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError as exc:
            raise ImportRefused(f"文件“{name}”声明为 UTF-32 编码，但内容无法解码。", location=name) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportRefused(f"文件“{name}”声明为 UTF-16 编码，但内容无法解码。", location=name) from exc
        if not _mostly_text(text):
            raise ImportRefused(
                f"文件“{name}”声明为 UTF-16 编码，但内容不是正常文字，无法导入。", location=name
            )
        return text, "utf-16"
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    else:
        text16 = _utf16_without_bom(data)
        if text16 is not None and _mostly_text(text16):
            return text16, "utf-16"
        raise ImportRefused(
            f"文件“{name}”含有二进制数据（NUL 字节），不是文本文件，无法导入。", location=name
        )
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _mostly_text(text):
        return text, "gb18030"
    text16 = _utf16_without_bom(data)
    if text16 is not None and _mostly_text(text16):
        return text16, "utf-16"
    by_guess = _guess(data)
    if by_guess:
        return by_guess
    raise ImportRefused(
        f"无法识别文件“{name}”的文字编码（已尝试 UTF-8、UTF-16、GB18030），请另存为 UTF-8 文本后再导入。",
        location=name,
    )


def _guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: the strict attempts above cover the usual encodings
        return None
    best = from_bytes(data[:200_000]).best()
    # Only Chinese encodings not tried above; a Western code page "decodes" any garbage.
    if best is None or best.encoding.replace("-", "_").lower() not in ("big5", "cp950", "big5hkscs", "hz"):
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return (text, best.encoding) if _mostly_text(text) else None
