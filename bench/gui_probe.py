"""Cold-start probe: open PlanDesk's main window offscreen on a database, report when the tree is filled."""

from __future__ import annotations

import json
import os
import resource
import sys
import time

START = time.perf_counter()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from desktop.storage import open_database
    from desktop.ui.app import make_application
    from desktop.ui.main_window import MainWindow

    app = make_application([sys.argv[0]])
    db = open_database(sys.argv[1], operator="基准测试")
    window = MainWindow(db)
    window.show()
    window.start()
    result: dict[str, float] = {}

    def poll() -> None:
        if window.isVisible() and window.model.rowCount() > 0:
            result["shown_s"] = time.perf_counter() - START
            app.quit()
        else:
            QTimer.singleShot(2, poll)

    QTimer.singleShot(0, poll)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
    db.close()
    return 0 if "shown_s" in result else 1


if __name__ == "__main__":
    sys.exit(main())
