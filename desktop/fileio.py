"""Writing files so that a crash or a full disk never leaves a half-written report, workbook or package."""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Temporary files are private (0600); a finished report or workbook gets the usual permissions instead.
FILE_MODE = 0o666 & ~_umask()


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it only when writing succeeded."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


class ZipTooLarge(Exception):
    """The archive inflates to more than it may (a zip bomb, or a file far larger than any plan)."""


def inflated_size(source: str | os.PathLike[str] | IO[bytes], *, limit: int, max_members: int = 5000) -> int:
    """Inflate every member, counting real bytes, and stop as soon as ``limit`` is passed.

    The sizes written in a zip's directory can lie; only inflating tells the truth, and counting while
    inflating keeps time and memory bounded however large the bomb claims or turns out to be.
    """
    total = 0
    with zipfile.ZipFile(source) as archive:
        infos = archive.infolist()
        if len(infos) > max_members:
            raise ZipTooLarge(f"{len(infos)} members")
        for info in infos:
            with archive.open(info) as member:
                while chunk := member.read(1 << 20):
                    total += len(chunk)
                    if total > limit:
                        raise ZipTooLarge(f"more than {limit} bytes")
    return total
