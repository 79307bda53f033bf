"""PlanDesk benchmark suite: `python -m bench.run [--quick] [--pg URL]` (results in bench/out/results.json)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench import generate
from bench.generate import OUT, RARE_ONE, RARE_SIX, RARE_TWO, TODAY, Params, cached_database

ROOT = generate.ROOT
PY = sys.executable
# (key, what, target, unit of the target)
TARGETS: dict[str, tuple[str, float, str]] = {
    "cold_start": ("cold start to a filled tree (first of the day)", 0.8, "s"),
    "gui_peak_rss": ("GUI peak memory, daily backup included", 200, "MB"),
    "backup_stall": ("longest window stall during the daily backup", 0.1, "s"),
    "expand": ("expand a node with 100 children", 0.010, "s"),
    "select": ("select a task, fill the detail pane", 0.010, "s"),
    "filter": ("overdue tasks of one unit, all plans", 0.010, "s"),
    "monthly_report": ("monthly PDF, plan with 2 000 tasks", 3.0, "s"),
    "monthly_peak_rss": ("monthly PDF, peak memory", 300, "MB"),
    "bulletin_docx": ("通报 .docx, plan with 2 000 tasks", 2.0, "s"),
    "monthly_docx": ("monthly .docx, plan with 2 000 tasks", 2.0, "s"),
    "province_brief": ("province-wide brief report", 10.0, "s"),
    "ledger_export": ("Excel ledger, all assignments", 8.0, "s"),
    "workbook_import": ("feedback workbooks, 1 000 rows", 1.0, "s"),
    "seed_import": ("import of a seed plan (slowest)", 0.100, "s"),
}
# The interactive calls compared between PostgreSQL and SQLite (same scale, same run): at most 2×.
PG_RATIO = 2.0
SEARCHES = [
    ("search_1_common", "碳"),
    ("search_1_rare", RARE_ONE),
    ("search_2_common", "计量"),
    ("search_2_rare", RARE_TWO),
    ("search_3", "碳计量"),
    ("search_6_common", "计量技术规范"),
    ("search_6_rare", "石" + RARE_SIX),
]


def timed(fn: Callable[[], Any], runs: int, warm_up: bool = True, warm_ups: int = 1) -> dict[str, Any]:
    """Median and spread over ``runs`` calls (after ``warm_ups`` warm-up calls), and the process's peak RSS."""
    for _ in range(warm_ups if warm_up else 0):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return {
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "runs": runs,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def unavailable(why: str) -> dict[str, Any]:
    return {"unavailable": why}


class Suite:
    def __init__(self, db_path: Path, runs: int, quick: bool) -> None:
        from desktop.storage import open_database

        self.path, self.runs, self.quick = db_path, runs, quick
        self.db = open_database(db_path, operator="基准测试")
        self.results: dict[str, Any] = {}
        self.only_monthly = False  # the "monthly" group: the plan report without the province-wide brief
        self.work = Path(tempfile.mkdtemp(prefix="plandesk-bench-"))

    def record(self, key: str, value: dict[str, Any]) -> None:
        self.results[key] = value
        shown = (
            f"{value['median'] * 1000:9.1f} ms  (min {value['min'] * 1000:.1f}, max {value['max'] * 1000:.1f})"
            if "median" in value
            else json.dumps(value, ensure_ascii=False)
        )
        print(f"  {key:24s} {shown}", flush=True)

    def attempt(self, key: str, fn: Callable[[], dict[str, Any]]) -> None:
        try:
            self.record(key, fn())
        except ImportError as exc:
            self.record(key, unavailable(f"not available ({exc.name})"))
        except Exception as exc:  # a failing scenario must not hide the others
            self.record(key, {"error": f"{type(exc).__name__}: {exc}"[:300]})

    def scalar(self, sql: str, **params: Any) -> Any:
        with self.db.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()

    # 1. cold start
    def cold_start(self) -> None:
        """Start `plandesk` on the file as on the first start of a day: the daily backup runs each time.

        Bytecode is compiled as an installed PlanDesk has it (pip compiles on install): the warm-up start
        writes it; the runs after are measured from the moment the process is launched.
        """
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        backups = self.path.with_name(self.path.stem + "-backups")
        walls, rss, copies, stalls = [], [], [], []
        for run in range(max(3, self.runs // 2) + 1):
            shutil.rmtree(backups, ignore_errors=True)  # no backup of today yet: the first start of the day
            launched = time.time()
            out = subprocess.run(
                [PY, "-m", "bench.gui_probe", str(self.path)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=900,
            )
            if out.returncode != 0:
                self.record("cold_start", {"error": out.stderr[-300:]})
                return
            data = json.loads(out.stdout.strip().splitlines()[-1])
            if run == 0:
                continue  # the warm-up: bytecode written, files in the OS cache
            walls.append(data["shown_at"] - launched)
            rss.append(data["peak_rss_mb"])
            copies.append(data.get("backup_s") or 0.0)
            stalls.append(data.get("longest_stall_s") or 0.0)
        shutil.rmtree(backups, ignore_errors=True)
        self.record(
            "cold_start",
            {"median": statistics.median(walls), "min": min(walls), "max": max(walls), "runs": len(walls)},
        )
        self.results["gui_peak_rss"] = {"value": max(rss)}
        self.results["daily_backup"] = {
            "median": statistics.median(copies),
            "min": min(copies),
            "max": max(copies),
        }
        self.results["backup_stall"] = {"value": max(stalls)}
        print(f"  {'gui_peak_rss':24s} {max(rss):9.1f} MB", flush=True)
        print(
            f"  {'daily_backup':24s} {statistics.median(copies) * 1000:9.1f} ms (in the background)",
            flush=True,
        )
        print(f"  {'backup_stall':24s} {max(stalls) * 1000:9.1f} ms (longest event-loop gap)", flush=True)

    # 2. expand and select
    def tree(self) -> None:
        from desktop.services.core.tree import children, node_detail

        wide = self.scalar(
            "SELECT parent_id FROM plan_node WHERE parent_id IS NOT NULL GROUP BY parent_id "
            "HAVING count(*) >= 100 ORDER BY parent_id LIMIT 1"
        )
        task = self.scalar(
            "SELECT a.node_id FROM progress_entry e JOIN assignment a ON a.id = e.assignment_id "
            "ORDER BY e.id LIMIT 1"
        )
        self.attempt("expand", lambda: timed(lambda: children(self.db, node_id=wide, as_of=TODAY), self.runs))
        self.attempt(
            "select", lambda: timed(lambda: node_detail(self.db, node_id=task, as_of=TODAY), self.runs)
        )

    # 3. search, with its references
    def search(self) -> None:
        from desktop.services.plans.search import search

        for key, query in SEARCHES:
            found: list[Any] = []
            self.attempt(
                key,
                lambda q=query, t=found: timed(lambda: t.append(search(self.db, query=q)), self.runs),
            )
            self.results[key]["total"] = found[-1].total if found else None
            self.results[key]["exact"] = found[-1].exact if found else None
            self.results[key]["query"] = query
            self.attempt(key + "_ref", lambda q=query: timed(lambda: self.reference_search(q), self.runs))
            if len(query) >= 3:  # the earlier reference: count and 200 row ids, no rows, any order
                self.attempt(
                    key + "_ref_rowids",
                    lambda q=query: timed(lambda: self.reference_search(q, page=False), self.runs),
                )

    def ensure_trigram_reference(self) -> None:
        """The reference index: a plain FTS5 trigram table over the same texts (built once per file)."""
        if self.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'bench_trigram'"):
            return
        t = time.perf_counter()
        with self.db.engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE VIRTUAL TABLE bench_trigram USING fts5(body, content='', tokenize='trigram')"
            )
            conn.exec_driver_sql(
                "INSERT INTO bench_trigram(rowid, body) SELECT id, title || char(10) || text "
                "FROM plan_node WHERE parent_id IS NOT NULL"
            )
            conn.exec_driver_sql(
                "INSERT INTO bench_trigram(rowid, body) SELECT id + 1099511627776, text FROM progress_entry"
            )
        print(f"  (built the trigram reference index in {time.perf_counter() - t:.0f} s)", flush=True)

    def reference_search(self, query: str, page: bool = True) -> int:
        """Bare SQL for the same answer: the count and the same first page of 200 rows.

        3+ characters: the trigram table's count, then the page search() shows (nodes in id order, then
        progress entries newest first, each with its text, node and plan); ``page=False``: any 200 row ids.
        """
        with self.db.engine.connect() as conn:
            if len(query) >= 3:
                phrase = '"' + query.replace('"', '""') + '"'
                total = conn.execute(
                    text("SELECT count(*) FROM bench_trigram WHERE bench_trigram MATCH :q"), {"q": phrase}
                ).scalar()
                if not page:
                    conn.execute(
                        text("SELECT rowid FROM bench_trigram WHERE bench_trigram MATCH :q LIMIT 200"),
                        {"q": phrase},
                    ).all()
                    return int(total or 0)
                match = "SELECT rowid FROM bench_trigram WHERE bench_trigram MATCH :q"
                nodes = conn.execute(
                    text(
                        f"SELECT n.id, n.plan_id, n.title, n.text FROM ({match} AND rowid < :b "
                        "ORDER BY rowid LIMIT 200) AS m JOIN plan_node n ON n.id = m.rowid ORDER BY n.id"
                    ),
                    {"q": phrase, "b": 1 << 40},
                ).all()
                if len(nodes) < 200:
                    conn.execute(
                        text(
                            f"SELECT e.id, a.node_id, n.plan_id, e.text FROM ({match} AND rowid >= :b "
                            "ORDER BY rowid DESC LIMIT :n) AS m JOIN progress_entry e ON e.id = m.rowid - :b "
                            "JOIN assignment a ON a.id = e.assignment_id JOIN plan_node n ON n.id = a.node_id "
                            "ORDER BY e.id DESC"
                        ),
                        {"q": phrase, "b": 1 << 40, "n": 200 - len(nodes)},
                    ).all()
                return int(total or 0)
            like = f"%{query}%"
            total = conn.execute(
                text(
                    "SELECT (SELECT count(*) FROM plan_node WHERE parent_id IS NOT NULL AND (title LIKE :q OR text LIKE :q))"
                    " + (SELECT count(*) FROM progress_entry WHERE text LIKE :q)"
                ),
                {"q": like},
            ).scalar()
            conn.execute(
                text("SELECT id, text FROM progress_entry WHERE text LIKE :q LIMIT 200"), {"q": like}
            ).all()
            return int(total or 0)

    # 4. filter
    def filter(self) -> None:
        from desktop.services.core.filters import filter_nodes

        unit = self.scalar(
            "SELECT u.name FROM unit u JOIN assignment a ON a.unit_id = u.id GROUP BY u.id "
            "ORDER BY count(*) DESC LIMIT 1"
        )
        found: list[int] = []
        self.attempt(
            "filter",
            lambda: timed(
                lambda: found.append(
                    len(filter_nodes(self.db, plan_id=None, unit=unit, overdue=True, as_of=TODAY))
                ),
                self.runs,
            ),
        )
        self.results["filter"]["matches"] = found[-1] if found else None

    # 5. reports, with LibreOffice's ledger PDF as the reference
    def reports(self) -> None:
        def monthly(plan_id: int | None, brief: bool) -> dict[str, Any]:
            from desktop.services.reporting.monthly import write_monthly_report

            out = self.work / f"monthly-{plan_id}.pdf"
            return timed(
                lambda: write_monthly_report(
                    self.db, plan_id=plan_id, month="2025-06", path=out, brief=brief, live=True
                ),
                1 if plan_id is None else 3,
                warm_up=False,
            )

        def word(kind: str) -> dict[str, Any]:
            from desktop.reports.word import write_bulletin_docx
            from desktop.services.reporting.bulletin import draft_bulletin
            from desktop.services.reporting.monthly import write_monthly_report

            out = self.work / f"{kind}.docx"
            if kind == "bulletin":
                return timed(
                    lambda: write_bulletin_docx(draft_bulletin(self.db, plan_id=1, month="2025-06"), out),
                    3,
                    warm_up=False,
                )
            return timed(
                lambda: write_monthly_report(self.db, plan_id=1, month="2025-06", path=out, live=True),
                3,
                warm_up=False,
            )

        self.attempt("monthly_report", lambda: monthly(1, False))
        self.attempt("monthly_peak_rss", self.monthly_memory)
        self.attempt("bulletin_docx", lambda: word("bulletin"))
        self.attempt("monthly_docx", lambda: word("monthly"))
        if not self.only_monthly:
            self.attempt("province_brief", lambda: monthly(None, True))

    def monthly_memory(self) -> dict[str, Any]:
        """The monthly PDF of plan 1 in a process of its own, for its peak memory."""
        out = subprocess.run(
            [PY, "-m", "bench.report_probe", str(self.path), str(self.work / "probe.pdf")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        data = json.loads(out.stdout.strip().splitlines()[-1])
        return {"value": data["peak_rss_mb"], "seconds": data["seconds"], "before_mb": data["before_mb"]}

    def monthly_only(self) -> None:
        self.only_monthly = True
        self.reports()

    def reference(self) -> None:
        self.attempt("libreoffice_ledger_pdf", self.libreoffice_reference)

    def libreoffice_reference(self) -> dict[str, Any]:
        """LibreOffice converting a 2 000-row ledger workbook to PDF."""
        if shutil.which("soffice") is None:
            return unavailable("soffice not installed")
        from openpyxl import Workbook

        xlsx = self.work / "ledger2000.xlsx"
        wb = Workbook()
        ws = wb.active
        ws.append(["序号", "任务", "责任单位", "完成时限", "状态", "进度", "最新进展"])
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT n.label || n.title, u.name, a.deadline, a.status, a.percent, n.text FROM assignment a "
                    "JOIN plan_node n ON n.id = a.node_id JOIN unit u ON u.id = a.unit_id ORDER BY a.id LIMIT 2000"
                )
            ).all()
        for i, r in enumerate(rows, 1):
            ws.append([i, r[0], r[1], str(r[2]), r[3], r[4], r[5][:120]])
        wb.save(xlsx)
        profile = self.work / "lo-profile"

        def convert() -> None:
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(self.work),
                    str(xlsx),
                ],
                capture_output=True,
                timeout=300,
                check=True,
            )

        return timed(convert, 3, warm_up=False)

    # 6. ledger export and workbook import
    def exchange(self) -> None:
        def ledger() -> dict[str, Any]:
            from desktop.services.reporting.ledger import export_ledger

            return timed(
                lambda: export_ledger(self.db, plan_id=None, path=self.work / "ledger.xlsx", as_of=TODAY),
                1,
                warm_up=False,
            )

        self.attempt("ledger_export", ledger)
        self.attempt("workbook_import", self.workbook_import)

    def workbook_import(self) -> dict[str, Any]:
        """Export plan 1's feedback workbooks for all units, fill 1 000 rows, import them into a copy."""
        from openpyxl import load_workbook

        from desktop.services.exchange.workbooks import apply_workbooks, export_workbooks
        from desktop.storage import open_database

        folder = self.work / "workbooks"
        files = export_workbooks(self.db, plan_id=1, all_units=True, out=folder, period="2025-06")
        chosen, rows = [], 0
        for f in files:
            wb = load_workbook(f)
            ws = wb["进展反馈"] if "进展反馈" in wb.sheetnames else wb.active
            header_row, col = None, None
            for row in ws.iter_rows(min_row=1, max_row=10):
                for cell in row:
                    if cell.value == "本月进展":
                        header_row, col = cell.row, cell.column
                        break
                if col:
                    break
            if col is None:
                raise RuntimeError("no 本月进展 column in the exported workbook")
            for r in range(header_row + 1, ws.max_row + 1):
                if rows >= 1000:
                    break
                if ws.cell(r, 1).value is None:
                    continue
                ws.cell(r, col).value = f"本月完成第{r}项工作，推进计量能力建设。"
                rows += 1
            wb.save(f)
            chosen.append(f)
            if rows >= 1000:
                break
        from desktop.storage.backup import backup_dir_for, take_backup

        times, copies = [], []
        for _ in range(2 if self.quick else 3):
            copy = self.work / "import-copy.sqlite3"
            self.db.engine.dispose()
            shutil.copyfile(self.path, copy)
            t = time.perf_counter()  # what the backup the import takes first costs, alone
            take_backup(copy, "bench", directory=self.work / "scratch-backups", keep=0)
            copies.append(time.perf_counter() - t)
            shutil.rmtree(self.work / "scratch-backups")
            with open_database(copy) as target:
                t = time.perf_counter()
                result = apply_workbooks(target, paths=chosen)
                times.append(time.perf_counter() - t)
            copy.unlink()
            shutil.rmtree(backup_dir_for(copy), ignore_errors=True)
        self.results["workbook_backup"] = {
            "median": statistics.median(copies),
            "min": min(copies),
            "max": max(copies),
            "runs": len(copies),
        }
        return {
            "median": statistics.median(times),
            "min": min(times),
            "max": max(times),
            "runs": len(times),
            "rows": rows,
            "files": len(chosen),
            "result": str(result)[:200],
        }

    # 7. plan import
    def imports(self) -> None:
        from desktop.services.plans.plan_import import import_file
        from desktop.storage import open_database

        template = self.work / "empty.sqlite3"
        open_database(template).close()
        big = self.work / "fifty_pages.txt"
        big.write_text(fifty_page_plan(), encoding="utf-8")
        plans = sorted((ROOT / "resources" / "plans").glob("*.txt")) + [big]
        for path in plans:

            def once(p: Path = path) -> None:
                target = self.work / "import.sqlite3"
                shutil.copyfile(template, target)
                with open_database(target) as db:
                    import_file(db, path=p, backup=False)

            key = "import_" + ("fifty_pages" if path == big else path.stem)
            self.attempt(
                key, lambda f=once: timed(f, max(5, self.runs), warm_ups=3)
            )  # cheap; its first runs warm up
        seeds = [
            v["median"]
            for k, v in self.results.items()
            if k.startswith("import_") and "fifty" not in k and "median" in v
        ]
        if seeds:
            self.results["seed_import"] = {
                "median": max(seeds),
                "min": max(seeds),
                "max": max(seeds),
                "runs": 0,
            }


def fifty_page_plan() -> str:
    """About 50 printed pages (≈ 50 000 characters): seed clauses arranged as chapters, sections and tasks."""
    vocab = generate.vocabulary()
    lines = ["陕西省计量发展规划实施方案（基准测试）", "", "为贯彻落实国家计量发展规划，制定本实施方案。"]
    numerals = "一二三四五六七八九十"
    k = 0
    for c in range(10):
        lines.append(f"{numerals[c]}、{vocab[k % len(vocab)]}")
        k += 1
        for sct in range(10):
            lines.append(f"（{numerals[sct]}）{vocab[k % len(vocab)]}")
            k += 1
            for t in range(5):
                body = "。".join(vocab[(k + j) % len(vocab)] for j in range(4))
                lines.append(
                    f"{t + 1}. {vocab[k % len(vocab)]}。{body}。（责任单位：省市场监管局、省发展改革委）"
                )
                k += 5
    return "\n".join(lines) + "\n"


def _calls(db: Any) -> dict[str, Callable[[], Any]]:
    """The interactive calls compared between the two databases, on the same rows of each."""
    from desktop.services.core.filters import filter_nodes
    from desktop.services.core.tree import children, node_detail
    from desktop.services.plans.search import search

    with db.engine.connect() as conn:
        wide = conn.execute(
            text(
                "SELECT parent_id FROM plan_node WHERE parent_id IS NOT NULL GROUP BY parent_id "
                "HAVING count(*) >= 100 ORDER BY parent_id LIMIT 1"
            )
        ).scalar()
        task = conn.execute(
            text(
                "SELECT a.node_id FROM progress_entry e JOIN assignment a ON a.id = e.assignment_id "
                "ORDER BY e.id LIMIT 1"
            )
        ).scalar()
        unit = conn.execute(
            text(
                "SELECT u.name FROM unit u JOIN assignment a ON a.unit_id = u.id GROUP BY u.id "
                "ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar()
    calls: dict[str, Callable[[], Any]] = {
        "expand": lambda: children(db, node_id=wide, as_of=TODAY),
        "select": lambda: node_detail(db, node_id=task, as_of=TODAY),
        "filter": lambda: filter_nodes(db, plan_id=None, unit=unit, overdue=True, as_of=TODAY),
    }
    for key, query in SEARCHES:
        calls[key] = lambda q=query: search(db, query=q)
    return calls


def pg_scenarios(url: str, params: Params, runs: int, sqlite_db: Any) -> dict[str, Any]:
    """The same service calls against PostgreSQL (filled once; reused while the plan count matches).

    Each call alternates with the same call on the SQLite file, run for run, so that both figures of a
    ratio are taken under the same conditions (this machine's load varies); "base_<key>" holds SQLite's.
    """
    from desktop.storage import open_database

    db = open_database(url, operator="基准测试")
    with db.engine.connect() as conn:
        have = conn.execute(text("SELECT count(*) FROM plan")).scalar()
    db.close()
    if have != params.plans:
        if have:
            return unavailable(f"{url} holds other data ({have} plans); give an empty database")
        print("  filling PostgreSQL …", flush=True)
        print("  ", generate.build_database(url, params), flush=True)
    db = open_database(url, operator="基准测试")
    out: dict[str, Any] = {}
    pg_calls, base_calls = _calls(db), _calls(sqlite_db)
    for key, pg_call in pg_calls.items():
        base_call = base_calls[key]
        pg_call(), base_call()  # warm-up
        times: dict[str, list[float]] = {"pg": [], "base": []}
        for _ in range(runs):
            for side, call in (("base", base_call), ("pg", pg_call)):
                t = time.perf_counter()
                call()
                times[side].append(time.perf_counter() - t)
        for side, prefix in (("pg", "pg_"), ("base", "base_")):
            values = times[side]
            out[prefix + key] = {
                "median": statistics.median(values),
                "min": min(values),
                "max": max(values),
                "runs": runs,
            }
    db.close()
    for key, value in out.items():
        print(
            f"  {key:24s} {value['median'] * 1000:9.1f} ms  (min {value['min'] * 1000:.1f}, "
            f"max {value['max'] * 1000:.1f})",
            flush=True,
        )
    return out


# Search ÷ its reference, at most: a LIKE scan for 1–2 characters, the bare trigram query for 3+.
SEARCH_RATIO = {False: 0.05, True: 1.5}


def search_target(key: str) -> float:
    return 0.010 if int(key.split("_")[1]) >= 3 else 0.100


def summary(results: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for key, (what, target, unit) in TARGETS.items():
        value = results.get(key, {})
        figure = value.get("value", value.get("median"))
        rows.append(
            {
                "key": key,
                "what": what,
                "figure": figure,
                "target": target,
                "unit": unit,
                "ok": None if figure is None else figure <= target,
            }
        )
    for key, query in SEARCHES:
        value = results.get(key, {})
        figure = value.get("median")
        ref = results.get(key + "_ref", {}).get("median")
        bound = SEARCH_RATIO[len(query) >= 3]
        rows.append(
            {
                "key": key,
                "what": f"search “{query}” ({'' if value.get('exact', True) else '约 '}{value.get('total')} hits)",
                "figure": figure,
                "target": search_target(key),
                "unit": "s",
                "ok": None
                if figure is None
                else figure <= search_target(key) and (ref is None or figure <= bound * ref),
                "reference": ref,
                "ratio": None if not (figure and ref) else figure / ref,
                "ratio_target": bound,
            }
        )
    backup = results.get("workbook_backup", {}).get("median")
    if backup is not None:  # information: the part of the workbook import that copies the whole file
        after = next(i for i, r in enumerate(rows) if r["key"] == "workbook_import") + 1
        rows.insert(
            after,
            {
                "key": "workbook_backup",
                "what": "  of which the backup taken first",
                "figure": backup,
                "target": None,
                "unit": "s",
                "ok": None,
            },
        )
    report = results.get("monthly_report", {}).get("median")
    lo = results.get("libreoffice_ledger_pdf", {}).get("median")
    if report and lo:
        rows.append(
            {
                "key": "monthly_vs_libreoffice",
                "what": "monthly PDF ÷ LibreOffice ledger PDF",
                "figure": report / lo,
                "target": 0.4,
                "unit": "×",
                "ok": report / lo <= 0.4,
            }
        )
    pg = results.get("postgresql", {})
    for key in [k.removeprefix("pg_") for k in pg if k.startswith("pg_")]:  # the calls _calls() names
        value = pg.get("pg_" + key, {}).get("median")
        base = pg.get("base_" + key, results.get(key, {})).get("median")
        if value is None or not base:
            continue
        rows.append(
            {
                "key": "pg_" + key,
                "what": f"PostgreSQL {key}",
                "figure": value,
                "target": PG_RATIO * base,
                "unit": "s",
                "ok": value <= PG_RATIO * base,
                "reference": base,
                "ratio": value / base,
                "ratio_target": PG_RATIO,
            }
        )
    if pg.get("pg_search_2_common"):
        value = pg["pg_search_2_common"]["median"]
        rows.append(
            {
                "key": "pg_search_2_common_abs",
                "what": "PostgreSQL 2-character common search",
                "figure": value,
                "target": 0.100,
                "unit": "s",
                "ok": value <= 0.100,
            }
        )
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    print("\n  figure                                          measured      target   ratio to reference")
    for r in rows:
        fig = r["figure"]
        if fig is None:
            shown = "not available"
        elif r["unit"] == "s":
            shown = f"{fig * 1000:.1f} ms"
        else:
            shown = f"{fig:.2f} {r['unit']}"
        target = (
            "—"
            if r["target"] is None
            else f"{r['target'] * 1000:.1f} ms"
            if r["unit"] == "s"
            else f"{r['target']} {r['unit']}"
        )
        ratio = (
            f"{r['ratio']:.2f} ≤ {r['ratio_target']} (ref {r['reference'] * 1000:.1f} ms)"
            if r.get("ratio")
            else ""
        )
        mark = {True: "ok", False: "MISS", None: "—"}[r["ok"]]
        print(f"  {r['what'][:46]:46s} {shown:>13s} {target:>11s}  {mark:4s} {ratio}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="PlanDesk benchmark suite (province scale).")
    ap.add_argument("--quick", action="store_true", help="a 2 %% database and fewer runs")
    ap.add_argument("--scale", type=float, default=None, help="fraction of the full size (e.g. 0.1)")
    ap.add_argument("--pg", help="also run the service calls against this PostgreSQL URL (an empty database)")
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument(
        "--only",
        help="scenario groups: gui,tree,search,filter,imports,exchange,reference,reports (monthly: without the brief)",
    )
    args = ap.parse_args(argv)
    scale = args.scale if args.scale is not None else 0.02 if args.quick else 1.0
    params = Params().scaled(scale) if scale != 1.0 else Params()
    runs = args.runs or (3 if args.quick else 7)
    path = cached_database(params)
    info = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    print(
        f"database {path.name}: {info['counts']} ({info['bytes'] / 1e6:.0f} MB, built in {info['seconds']} s)"
    )
    suite = Suite(path, runs, args.quick)
    groups = (args.only or "gui,tree,search,filter,imports,exchange,reference,reports").split(",")
    started = time.perf_counter()
    if "search" in groups:
        suite.ensure_trigram_reference()
    steps = {
        "gui": suite.cold_start,
        "tree": suite.tree,
        "search": suite.search,
        "filter": suite.filter,
        "reports": suite.reports,
        "monthly": suite.monthly_only,
        "reference": suite.reference,
        "exchange": suite.exchange,
        "imports": suite.imports,
    }
    target = OUT / (
        "results.json" if scale == 1.0 else "results-quick.json" if args.quick else f"results-{scale:g}.json"
    )  # a smaller run never hides a full one

    def save() -> list[dict[str, Any]]:
        results = dict(suite.results)
        previous = target
        if args.only and previous.exists():  # a partial run refreshes its scenarios in the last full results
            old = json.loads(previous.read_text(encoding="utf-8"))
            if old.get("database", {}).get("params") == info.get("params"):
                results = {**old.get("results", {}), **results}
        rows = summary(results)
        payload = {
            "when": dt.datetime.now().isoformat(timespec="seconds"),
            "database": info,
            "runs": runs,
            "quick": args.quick,
            "seconds": round(time.perf_counter() - started, 1),
            "results": results,
            "summary": rows,
        }
        OUT.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        os.replace(tmp, target)
        return rows

    for name in groups:
        print(f"[{name}]", flush=True)
        steps[name]()
        save()  # what is measured so far survives an interrupted run
    if args.pg:
        print("[postgresql]", flush=True)
        try:
            suite.results["postgresql"] = pg_scenarios(args.pg, params, runs, suite.db)
        except Exception as exc:
            suite.results["postgresql"] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
            print("  ", suite.results["postgresql"])
    print_table(save())
    print(f"\nresults: {target}")
    suite.db.close()
    shutil.rmtree(suite.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
