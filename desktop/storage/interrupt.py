"""Stopping a long SQLite statement (an integrity check) from outside when its time is up or a stop is asked."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator

# A quick check of a 30 MB office file passes the handler ~1 700 times: no cost worth measuring, and even a small file's
# check (~6 000 steps for 1 MB) passes the handler several times.
PROGRESS_STEPS = 1000


@contextlib.contextmanager
def stopped_when(
    con: sqlite3.Connection, should_stop: Callable[[], bool], every: float = 0.02
) -> Iterator[None]:
    """While the block runs, interrupt ``con``'s statement as soon as ``should_stop()`` is true.

    The walk over a table's pages is one step of SQLite's program, which a progress handler cannot stop; an
    interrupt from another thread can, but SQLite may forget one that arrives before the statement starts,
    so the watcher interrupts again at every tick until the block ends, and the progress handler, called
    every thousand steps, stops a statement begun after the stop was asked even if it ends before the
    watcher's next tick. (``con`` needs check_same_thread=False.)
    """
    done = threading.Event()

    def watch() -> None:
        while not done.wait(every):
            if should_stop():
                with contextlib.suppress(sqlite3.ProgrammingError):  # closed meanwhile: the work is over
                    con.interrupt()

    con.set_progress_handler(lambda: int(should_stop()), PROGRESS_STEPS)
    watcher = threading.Thread(target=watch, name="plandesk-sqlite-stop", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
        con.set_progress_handler(None, 0)
