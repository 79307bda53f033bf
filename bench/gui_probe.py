"""Cold-start probe: open PlanDesk's main window offscreen on a database as `plandesk` does, report when the
tree is filled, then wait for the day's backup while measuring how long the window's event loop stalls.

Prints one JSON line: shown_at (time.time() when the filled window showed; the caller subtracts its launch
time), backup_s, the longest event-loop stall during the backup, and the process's peak RSS.
"""

from __future__ import annotations

import json
import os
import sys
import time

from bench.memory import peak_mb


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.storage.opening import begin_start_check

    begin_start_check(sys.argv[1])  # as `plandesk` does before it loads the window's code
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import start_window

    started = start_window(sys.argv[1], "基准测试")
    if started is None:
        return 1
    db, window, backup = started
    app = QApplication.instance()
    assert app is not None
    result: dict[str, float | None] = {}
    ticks: list[float] = []

    def poll() -> None:
        if window.isVisible() and window.model.rowCount() > 0:
            result["shown_at"] = time.time()
            ticks.append(time.perf_counter())
            QTimer.singleShot(5, tick)
        else:
            QTimer.singleShot(2, poll)

    def tick() -> None:  # a 5 ms heartbeat: the gaps between beats are how long the window could not react
        ticks.append(time.perf_counter())
        QTimer.singleShot(5, tick)

    def backup_done(*_args: object) -> None:
        result["backup_s"] = time.perf_counter() - started
        QTimer.singleShot(20, app.quit)

    started = time.perf_counter()
    backup.signals.finished.connect(backup_done)
    backup.signals.failed.connect(backup_done)
    QTimer.singleShot(0, poll)
    QTimer.singleShot(600_000, app.quit)
    app.exec()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    result["longest_stall_s"] = max(gaps) if gaps else None
    result["peak_rss_mb"] = peak_mb()
    print(json.dumps(result))
    db.close()
    return 0 if "shown_at" in result else 1


if __name__ == "__main__":
    sys.exit(main())
