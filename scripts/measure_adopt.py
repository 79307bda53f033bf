"""Time 按文件分工 (preview, adopt, withdraw) on the seed plan and on the 50-page benchmark plan."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from bench.run import fifty_page_plan
    from desktop.services.plans.adopt import adopt_responsibilities, preview_adoption, withdraw_adoption
    from desktop.services.plans.plan_import import import_file
    from desktop.storage import open_database

    with tempfile.TemporaryDirectory() as tmp:
        fifty = Path(tmp) / "fifty_pages.txt"
        fifty.write_text(fifty_page_plan(), encoding="utf-8")
        with open_database(Path(tmp) / "measure.sqlite3", operator="测量") as db:
            for source in (ROOT / "resources" / "plans" / "xian_jiliang_2024.txt", fifty):
                plan_id = import_file(db, path=source, backup=False).plan_id
                started = time.perf_counter()
                preview_adoption(db, plan_id=plan_id)
                preview = time.perf_counter() - started
                started = time.perf_counter()
                done = adopt_responsibilities(db, plan_id=plan_id)
                adopt = time.perf_counter() - started
                started = time.perf_counter()
                withdraw_adoption(db, plan_id=plan_id, assignment_ids=done.created_ids)
                withdraw = time.perf_counter() - started
                print(
                    f"{source.name}: {done.tasks} tasks, {len(done.created_ids)} assignments — "
                    f"preview {preview * 1000:.0f} ms, adopt {adopt * 1000:.0f} ms, undo {withdraw * 1000:.0f} ms"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
