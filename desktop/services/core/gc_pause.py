"""Bulk work (reports, the ledger, workbook imports) makes many small objects: the cycle collector paused meanwhile."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the block (nested and concurrent blocks share one pause).

    A monthly report spent a fifth of its time in collections that kept tracing the same growing heap of live
    objects; reference counting still frees what it can as usual, and the collector resumes when the last
    block ends, freeing the report's few reference cycles in one pass.
    """
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
