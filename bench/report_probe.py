"""Peak memory of one report in a process of its own: `python -m bench.report_probe DB OUT.pdf`."""

from __future__ import annotations

import json
import sys
import time

from bench.memory import peak_mb


def main() -> int:
    from desktop.services.reporting.monthly import write_monthly_report
    from desktop.storage import open_database

    db = open_database(sys.argv[1], operator="基准测试")
    baseline = peak_mb()
    started = time.perf_counter()
    write_monthly_report(db, plan_id=1, month="2025-06", path=sys.argv[2], live=True)
    seconds = time.perf_counter() - started
    db.close()
    peak = peak_mb()
    print(json.dumps({"seconds": seconds, "peak_rss_mb": peak, "before_mb": baseline}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
