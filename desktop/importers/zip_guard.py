"""The one check every zip-based document (.docx, .xlsx, .ofd) passes before its reader opens it: it unpacks
within bounds. The sizes a zip's directory states can lie; only inflating tells the truth (desktop.fileio)."""

from __future__ import annotations

import io
import zipfile

from desktop.errors import ImportRefused
from desktop.fileio import ZipTooLarge, inflated_size

MAX_UNCOMPRESSED = 50 * 1024 * 1024  # a zip bomb must not be unpacked


def check_unpacked_size(data: bytes, name: str, broken: str) -> None:
    """Refuse a file that unpacks beyond ``MAX_UNCOMPRESSED``, or that cannot be unpacked (``broken``: how that
    is said for this kind of document, e.g. "OFD 文件“x.ofd”已损坏或不完整，无法读取。")."""
    try:
        inflated_size(io.BytesIO(data), limit=MAX_UNCOMPRESSED)
    except ZipTooLarge:
        raise ImportRefused(
            f"文件“{name}”解压后过大（超过 {MAX_UNCOMPRESSED // 1024 // 1024} MB），为安全起见拒绝导入。",
            location=name,
        ) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise ImportRefused(broken, location=name) from exc
