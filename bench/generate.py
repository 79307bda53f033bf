"""Province-scale benchmark database: reproducible (fixed seed), cached under bench/out/ by a parameter hash."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from desktop.models import (
    Assignment,
    Indicator,
    IndicatorValue,
    Plan,
    PlanNode,
    ProgressEntry,
    Responsibility,
    Unit,
)
from desktop.storage import Database, open_database

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
SEED_PLANS = ROOT / "resources" / "plans"
# Planted words with a known, small number of occurrences: the "rare" search cases.
RARE_ONE, RARE_TWO, RARE_SIX = "氘", "燧石", "锶原子光钟"
RARE_COUNT = 20
BIG_PLAN_TASKS = 2000  # plan 1: the monthly-report plan (2 000 tasks, a year of progress)
WIDE_CHILDREN = 100  # plan 1 has a section with this many children (the expand scenario)
TODAY = dt.date(2025, 6, 15)
GENERATOR_VERSION = 1  # raise when the generated content changes, so cached databases are rebuilt


@dataclass(frozen=True)
class Params:
    plans: int = 500
    nodes: int = 100_000
    assignments: int = 150_000
    progress: int = 1_000_000
    indicators: int = 5_000
    indicator_values: int = 60_000
    units: int = 300
    seed: int = 20250615

    def scaled(self, factor: float) -> Params:
        def sc(n: int, low: int) -> int:
            return max(low, int(n * factor))

        return Params(
            sc(self.plans, 3),
            sc(self.nodes, BIG_PLAN_TASKS + 400),
            sc(self.assignments, 2500),
            sc(self.progress, 30_000),
            sc(self.indicators, 50),
            sc(self.indicator_values, 600),
            sc(self.units, 30),
            self.seed,
        )

    def key(self) -> str:
        # The schema revision is left out: a cached database is simply upgraded by open_database().
        blob = json.dumps([asdict(self), GENERATOR_VERSION], sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:12]


def vocabulary() -> list[str]:
    """Clauses of the seed plans (split at Chinese punctuation), 6–40 characters long."""
    phrases: set[str] = set()
    for path in sorted(SEED_PLANS.glob("*.txt")):
        for part in re.split(r"[。；，、：\n（）]", path.read_text(encoding="utf-8")):
            part = part.strip()
            if 6 <= len(part) <= 40 and not re.search(r"[a-zA-Z]{4,}", part):
                phrases.add(part)
    return sorted(phrases)


UNIT_STEMS = [
    "发展和改革委员会",
    "科学技术局",
    "工业和信息化局",
    "市场监督管理局",
    "生态环境局",
    "财政局",
    "交通运输局",
    "住房和城乡建设局",
    "农业农村局",
    "商务局",
    "卫生健康委员会",
    "教育局",
    "数据局",
    "自然资源局",
    "水务局",
    "应急管理局",
    "统计局",
    "公安局",
    "人力资源和社会保障局",
    "文化和旅游局",
]
CITIES = [
    "西安",
    "宝鸡",
    "咸阳",
    "铜川",
    "渭南",
    "延安",
    "榆林",
    "汉中",
    "安康",
    "商洛",
    "杨凌",
    "韩城",
    "神木",
    "府谷",
    "华阴",
    "兴平",
    "彬州",
    "子长",
    "旬阳",
    "定边",
]


def _now() -> dt.datetime:
    return dt.datetime(2025, 6, 15, 8, 0, 0)


def _base(rng: random.Random) -> dict[str, Any]:
    return {
        "uid": uuid.UUID(int=rng.getrandbits(128)).hex,
        "created_at": _now(),
        "updated_at": _now(),
        "version": 1,
    }


class Builder:
    def __init__(self, db: Database, p: Params) -> None:
        self.db, self.p = db, p
        self.rng = random.Random(p.seed)
        self.vocab = vocabulary()

    def sentence(self, lo: int, hi: int) -> str:
        return "，".join(self.rng.choice(self.vocab) for _ in range(self.rng.randint(lo, hi))) + "。"

    def _insert(self, conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
        for i in range(0, len(rows), 5000):
            conn.execute(insert(table.__table__), rows[i : i + 5000])

    def build(self, log: Any = print) -> dict[str, Any]:
        p, rng = self.p, self.rng
        counts: dict[str, int] = {}
        with self.db.engine.begin() as conn:
            units = [
                {
                    **_base(rng),
                    "id": i + 1,
                    "name": f"{CITIES[i % len(CITIES)]}市{UNIT_STEMS[i // len(CITIES) % len(UNIT_STEMS)]}"
                    + (f"第{i // 400 + 1}分局" if i >= 400 else ""),
                    "kind": "bureau",
                }
                for i in range(p.units)
            ]
            self._insert(conn, Unit, units)
            plans = [
                {
                    **_base(rng),
                    "id": i + 1,
                    "title": f"{CITIES[i % len(CITIES)]}市{self.rng.choice(self.vocab)}实施方案（第{i + 1}号）",
                    "issuer": f"{CITIES[i % len(CITIES)]}市人民政府办公厅",
                    "doc_number": f"政办发〔2024〕{i + 1}号",
                    "issued_on": dt.date(2024, 1 + i % 12, 1 + i % 28),
                    "level": "city",
                    "source_name": "",
                    "source_sha256": "",
                    "source_format": "txt",
                    "imported_at": _now(),
                    "revision": 1,
                    "extra": {},
                }
                for i in range(p.plans)
            ]
            self._insert(conn, Plan, plans)
            counts["plans"] = len(plans)
            nodes, tasks = self._nodes()
            t = time.perf_counter()
            self._insert(conn, PlanNode, nodes)
            counts["nodes"] = len(nodes)
            log(f"  nodes {len(nodes)} in {time.perf_counter() - t:.1f}s")
            resp = [
                {
                    "id": i + 1,
                    "node_id": n,
                    "unit_id": rng.randrange(p.units) + 1,
                    "role": "lead",
                    "position": 0,
                    "raw_name": "",
                    "created_at": _now(),
                    "updated_at": _now(),
                }
                for i, n in enumerate(tasks)
            ]
            self._insert(conn, Responsibility, resp)
            counts["responsibilities"] = len(resp)
            assignments = self._assignments(tasks)
            self._insert(conn, Assignment, assignments)
            counts["assignments"] = len(assignments)
            t = time.perf_counter()
            counts["progress_entries"] = self._progress(conn, assignments)
            log(f"  progress {counts['progress_entries']} in {time.perf_counter() - t:.1f}s")
            counts.update(self._indicators(conn, nodes))
        return counts

    def _nodes(self) -> tuple[list[dict[str, Any]], list[int]]:
        """Plan 1 holds BIG_PLAN_TASKS tasks (one section with WIDE_CHILDREN of them); the rest share the remainder."""
        p, rng = self.p, self.rng
        nodes: list[dict[str, Any]] = []
        tasks: list[int] = []
        per_plan = max(20, (p.nodes - (BIG_PLAN_TASKS + 130)) // max(1, p.plans - 1))

        def add(plan: int, parent: int | None, pos: int, kind: str, label: str, title: str, body: str) -> int:
            nid = len(nodes) + 1
            nodes.append(
                {
                    **_base(rng),
                    "id": nid,
                    "plan_id": plan,
                    "parent_id": parent,
                    "position": pos,
                    "kind": kind,
                    "label": label,
                    "title": title,
                    "text": body,
                    "origin": "document",
                    "needs_review": False,
                    "recurrence": "",
                    "archived": False,
                    "deadline_hint": None,
                    "goal_year": None,
                    "span_start": None,
                    "span_end": None,
                    "archived_in_revision": None,
                }
            )
            if kind == "task":
                tasks.append(nid)
            return nid

        for plan in range(1, p.plans + 1):
            budget = BIG_PLAN_TASKS if plan == 1 else per_plan
            if plan == p.plans:
                budget = max(5, p.nodes - len(nodes) - 30)
            root = add(plan, None, 0, "root", "", f"方案{plan}", "")
            chapters = 5 if plan > 1 else 10
            sections_per = 3 if plan > 1 else 10
            made = 0
            for c in range(chapters):
                ch = add(
                    plan,
                    root,
                    c,
                    "chapter",
                    f"{'一二三四五六七八九十'[c]}、",
                    self.rng.choice(self.vocab),
                    "",
                )
                for sct in range(sections_per):
                    sec = add(
                        plan,
                        ch,
                        sct,
                        "section",
                        f"（{'一二三四五六七八九十'[sct]}）",
                        self.rng.choice(self.vocab),
                        self.sentence(1, 2),
                    )
                    remaining_secs = (chapters - c - 1) * sections_per + (sections_per - sct)
                    n = (
                        WIDE_CHILDREN
                        if plan == 1 and c == 0 and sct == 0
                        else max(
                            1,
                            (budget - made - (WIDE_CHILDREN if plan == 1 and c == 0 and sct == 0 else 0))
                            // remaining_secs,
                        )
                    )
                    for k in range(n):
                        add(plan, sec, k, "task", f"{k + 1}.", self.sentence(1, 1)[:-1], self.sentence(2, 5))
                    made += n
        # Planted rare words: a few nodes carry them.
        for i, nid in enumerate(rng.sample(tasks, RARE_COUNT)):
            nodes[nid - 1]["text"] += (RARE_ONE if i % 2 else RARE_TWO) + RARE_SIX
        return nodes, tasks

    def _assignments(self, tasks: list[int]) -> list[dict[str, Any]]:
        p, rng = self.p, self.rng
        rows = []
        for i in range(p.assignments):
            node = tasks[i % len(tasks)]
            unit = (node * 7 + i // len(tasks) * 13) % p.units + 1
            deadline = dt.date(2024, 6, 30) + dt.timedelta(days=rng.randrange(0, 900))
            status = rng.choices(["not_started", "in_progress", "done", "suspended"], [3, 5, 3, 1])[0]
            rows.append(
                {
                    **_base(rng),
                    "id": i + 1,
                    "node_id": node,
                    "unit_id": unit,
                    "role": "lead" if i < len(tasks) else "co",
                    "contact_person": "",
                    "contact_phone": "",
                    "start_date": dt.date(2024, 3, 1),
                    "deadline": deadline,
                    "original_deadline": deadline,
                    "status": status,
                    "percent": {"done": 100, "not_started": 0}.get(status, rng.randrange(5, 95)),
                    "remarks": "",
                    "workflow_state": "assigned",
                    "archived": False,
                }
            )
        return rows

    def _progress(self, conn: Any, assignments: list[dict[str, Any]]) -> int:
        """Plan 1's assignments get twelve months each; the rest share what is left."""
        p, rng = self.p, self.rng
        node_plan1 = BIG_PLAN_TASKS + 200  # node ids of plan 1 are the first ones
        big = [a["id"] for a in assignments if a["node_id"] <= node_plan1]
        small = [a["id"] for a in assignments if a["node_id"] > node_plan1]
        months = [f"{2024 + (m + 6) // 12}-{(m + 6) % 12 + 1:02d}" for m in range(12)]  # 2024-07 … 2025-06
        plan: list[tuple[int, str]] = [(a, m) for a in big for m in months]
        left = max(0, p.progress - len(plan))
        plan += (
            [(small[i % len(small)], months[(i // max(1, len(small))) % 12]) for i in range(left)]
            if small
            else []
        )
        plan = plan[: p.progress]
        rare_at = set(rng.sample(range(len(plan)), RARE_COUNT))
        rows: list[dict[str, Any]] = []
        for i, (aid, month) in enumerate(plan):
            body = f"{month[:4]}年{int(month[5:])}月，" + self.sentence(1, 3)
            if i in rare_at:
                body += RARE_ONE + RARE_TWO + RARE_SIX
            rows.append(
                {
                    **_base(rng),
                    "id": i + 1,
                    "assignment_id": aid,
                    "period": month,
                    "reported_on": dt.date(int(month[:4]), int(month[5:]), 25),
                    "text": body,
                    "percent": rng.randrange(0, 101),
                    "problems": "",
                    "next_steps": "",
                    "entered_by": "",
                    "entered_at": _now(),
                    "source": "manual",
                    "source_ref": None,
                }
            )
            if len(rows) == 20_000:
                conn.execute(insert(ProgressEntry.__table__), rows)
                rows = []
        if rows:
            conn.execute(insert(ProgressEntry.__table__), rows)
        return len(plan)

    def _indicators(self, conn: Any, nodes: list[dict[str, Any]]) -> dict[str, int]:
        p, rng = self.p, self.rng
        inds = [
            {
                **_base(rng),
                "id": i + 1,
                "plan_id": i % p.plans + 1,
                "node_id": None,
                "position": i // p.plans,
                "field": "",
                "name": rng.choice(self.vocab)[:30],
                "unit_of_measure": "%",
                "target_text": "≥80",
                "operator": ">=",
                "target_value": 80.0,
                "target_year": 2025,
                "attribute": "expected",
                "baseline": "",
                "from_prose": False,
                "archived": False,
            }
            for i in range(p.indicators)
        ]
        self._insert(conn, Indicator, inds)
        values = [
            {
                **_base(rng),
                "id": i + 1,
                "indicator_id": i % p.indicators + 1,
                "measured_on": dt.date(2024, 1, 1) + dt.timedelta(days=30 * (i // p.indicators)),
                "value": round(rng.uniform(10, 100), 1),
                "source": "",
                "note": "",
                "entered_by": "",
            }
            for i in range(p.indicator_values)
        ]
        self._insert(conn, IndicatorValue, values)
        return {"indicators": len(inds), "indicator_values": len(values)}


def build_database(target: str, params: Params, log: Any = print) -> dict[str, Any]:
    """Create (open_database: migrated, current) and fill a database; returns counts and timings."""
    start = time.perf_counter()
    db = open_database(target, operator="基准测试")
    try:
        counts = Builder(db, params).build(log)
        if db.is_sqlite:
            with db.engine.begin() as conn:
                conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('optimize')"))
            with db.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
        else:
            with db.engine.begin() as conn:
                conn.execute(text("ANALYZE"))
    finally:
        db.close()
    return {"counts": counts, "seconds": round(time.perf_counter() - start, 1)}


def cached_database(params: Params, *, log: Any = print, rebuild: bool = False) -> Path:
    """The SQLite benchmark database for these parameters, built once and reused."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"province-{params.key()}.sqlite3"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists() and not rebuild:
        return path
    for old in (path, meta, Path(f"{path}-wal"), Path(f"{path}-shm")):
        old.unlink(missing_ok=True)
    tmp = OUT / f"building-{params.key()}.sqlite3"
    for old in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        old.unlink(missing_ok=True)
    log(f"generating {path.name} ({asdict(params)}) …")
    info = build_database(str(tmp), params, log)
    import sqlite3

    con = sqlite3.connect(tmp)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    tmp.replace(path)
    info["params"] = asdict(params)
    info["bytes"] = path.stat().st_size
    meta.write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    log(f"generated in {info['seconds']} s, {info['bytes'] / 1e6:.0f} MB: {info['counts']}")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the province-scale benchmark database.")
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of the full size (quick runs)")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--pg", help="also fill this (empty) PostgreSQL database URL")
    args = ap.parse_args(argv)
    params = Params().scaled(args.scale) if args.scale != 1.0 else Params()
    print(cached_database(params, rebuild=args.rebuild))
    if args.pg:
        print(build_database(args.pg, params))
    return 0


if __name__ == "__main__":
    sys.exit(main())
