"""Score the importer on the practice plans in tests/data/plans/corpus/, per document and per format.

    python scripts/score_corpus.py            # the table: headings / notes / indicators per document and format
    python scripts/score_corpus.py --json     # the same figures as JSON (the shape of ratchet.json)
    python scripts/score_corpus.py --record   # write the current figures into ratchet.json (figures only go up)
    python scripts/score_corpus.py --corpus tests/data/plans/wider   # the wider corpus: development plans one by
                                              # one, the held-aside third (numbers divisible by 3) as totals only

Each plan with a truth file is imported from every format present (.txt as UTF-8, re-encoded as GB18030,
flattened onto one line and with blank lines between its lines; .html, .docx, .pdf) and scored with the corpus's score.py: headings found, notes right (right node, right
lead, names as printed), indicators found. Plans without truth (02–06) are checked for no refusal and a
heading count.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import logging
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "plans" / "corpus"
RATCHET = CORPUS / "ratchet.json"
FORMATS = ("txt", "gb18030", "flat", "spaced", "html", "docx", "pdf")
KEYS = ("headings", "notes", "indicators")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.errors import ImportRefused  # noqa: E402
from desktop.importers.load import load_plan  # noqa: E402
from desktop.importers.parsed import ParsedPlan  # noqa: E402

log = logging.getLogger(__name__)


def _score_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def export_dict(plan: ParsedPlan) -> dict[str, Any]:
    """The parsed plan in the shape of `plandesk export plan --format json`, units as printed."""
    nodes: list[dict[str, Any]] = []

    def add(node: Any, parent: int | None) -> None:
        node_id = len(nodes) + 1
        nodes.append(
            {
                "id": node_id,
                "parent": parent,
                "kind": node.kind,
                "label": node.label,
                "title": node.title,
                "text": node.text,
                "units": [{"name": u.raw or u.name, "role": u.role} for u in node.units],
            }
        )
        for child in node.children:
            add(child, node_id)

    for root in plan.nodes:
        add(root, None)
    return {"nodes": nodes, "indicators": [{"name": i.name} for i in plan.indicators]}


def sources(stem: str, corpus: Path = CORPUS) -> dict[str, tuple[Path, bytes | None]]:
    """The formats present for one plan: path and, for the GB18030 variant, the re-encoded bytes."""
    out: dict[str, tuple[Path, bytes | None]] = {}
    txt = corpus / f"{stem}.txt"
    if txt.exists():
        out["txt"] = (txt, None)
        text = txt.read_text(encoding="utf-8")
        out["gb18030"] = (txt, text.encode("gb18030"))
        # How crawlers and editors reshape a page: everything on one line, or a blank line after each line.
        out["flat"] = (txt, " ".join(line.strip() for line in text.split("\n")).encode("utf-8"))
        out["spaced"] = (txt, "\n\n".join(text.split("\n")).encode("utf-8"))
    for fmt in ("html", "docx", "pdf"):
        path = corpus / f"{stem}.{fmt}"
        if path.exists():
            out[fmt] = (path, None)
    return out


def score_plan(score: ModuleType, truth_path: Path | None, plan: ParsedPlan) -> dict[str, Any]:
    exp = export_dict(plan)
    headings = sum(1 for n in exp["nodes"] if n["label"])
    if truth_path is None:
        return {"headings": headings}
    with tempfile.TemporaryDirectory() as tmp:
        export_path = Path(tmp) / "export.json"
        export_path.write_text(json.dumps(exp, ensure_ascii=False), encoding="utf-8")
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            score.main(["score.py", str(truth_path), str(export_path)])
    line = json.loads(buffer.getvalue())
    return {
        "headings": line["headings"][0],
        "notes": line["responsibilities"][0],
        "indicators": line["indicators"][0],
        "total": {
            "headings": line["headings"][1],
            "notes": line["responsibilities"][1],
            "indicators": line["indicators"][1],
        },
        "misses": line["resp_misses"],
    }


def measure(corpus: Path = CORPUS) -> dict[str, dict[str, dict[str, Any]]]:
    """Figures per document stem and format; a refused import scores {"refused": message}."""
    score = _score_module()
    truths = {p.stem: p for p in sorted((corpus / "truth").glob("*.json"))}
    stems = sorted({p.stem for p in corpus.glob("[0-9][0-9]_*.txt")})
    results: dict[str, dict[str, dict[str, Any]]] = {}
    for stem in stems:
        results[stem] = {}
        for fmt, (path, data) in sources(stem, corpus).items():
            try:
                plan = load_plan(path, data=data)
            except ImportRefused as exc:
                results[stem][fmt] = {"refused": str(exc)}
                continue
            results[stem][fmt] = score_plan(score, truths.get(stem), plan)
    return results


def figures(results: dict[str, dict[str, dict[str, Any]]]) -> dict[str, dict[str, dict[str, int]]]:
    """Only the ratcheted numbers: headings, notes, indicators (refused counts as zero)."""
    return {
        stem: {
            fmt: {k: int(r.get(k, 0)) for k in KEYS if k in r or "refused" in r} for fmt, r in by_fmt.items()
        }
        for stem, by_fmt in results.items()
    }


def table(results: dict[str, dict[str, dict[str, Any]]]) -> str:
    rows = [f"{'document':<58} {'format':<8} {'headings':>9} {'notes':>9} {'indicators':>10}"]
    sums: dict[str, list[int]] = {}
    for stem, by_fmt in results.items():
        for fmt, r in by_fmt.items():
            if "refused" in r:
                rows.append(f"{stem:<58} {fmt:<8} refused: {r['refused'][:60]}")
                continue
            total = r.get("total")
            if total is None:
                rows.append(f"{stem:<58} {fmt:<8} {r['headings']:>9} {'-':>9} {'-':>10}")
                continue
            cells = [f"{r[k]}/{total[k]}" for k in KEYS]
            rows.append(f"{stem:<58} {fmt:<8} {cells[0]:>9} {cells[1]:>9} {cells[2]:>10}")
            acc = sums.setdefault(fmt, [0] * 6)
            for i, k in enumerate(KEYS):
                acc[2 * i] += r[k]
                acc[2 * i + 1] += total[k]
    rows.append("")
    for fmt, acc in sums.items():
        cells = [f"{acc[2 * i]}/{acc[2 * i + 1]}" for i in range(3)]
        rows.append(f"{'total (plans with truth)':<58} {fmt:<8} {cells[0]:>9} {cells[1]:>9} {cells[2]:>10}")
    return "\n".join(rows)


def record(results: dict[str, dict[str, dict[str, Any]]], ratchet: Path = RATCHET) -> dict[str, Any]:
    """Merge the current figures into the ratchet file, never lowering a recorded figure."""
    old = json.loads(ratchet.read_text(encoding="utf-8")) if ratchet.exists() else {}
    new = figures(results)
    for stem, by_fmt in new.items():
        for fmt, numbers in by_fmt.items():
            kept = old.get(stem, {}).get(fmt, {})
            for k, v in numbers.items():
                numbers[k] = max(v, kept.get(k, 0))
    ratchet.write_text(json.dumps(new, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return new


def held_aside(stem: str) -> bool:
    """The validation third of a wider corpus: plans whose number divides by 3, fixed before any was read."""
    return int(stem[:2]) % 3 == 0


def _totals(results: dict[str, dict[str, dict[str, Any]]]) -> dict[str, dict[str, list[int]]]:
    out: dict[str, dict[str, list[int]]] = {}
    for by_fmt in results.values():
        for fmt, r in by_fmt.items():
            if "total" not in r and "refused" not in r:
                continue
            acc = out.setdefault(fmt, {k: [0, 0] for k in KEYS})
            for k in KEYS:
                acc[k][0] += int(r.get(k, 0))
                acc[k][1] += int(r.get("total", {}).get(k, 0))
    return out


def _score_split(corpus: Path, as_json: bool, keep: bool) -> int:
    """A wider corpus: the development plans one by one, the held-aside third only as totals (so that reading
    its misses never steers a change). --record keeps the development plans' figures in its ratchet.json."""
    results = measure(corpus)
    dev = {stem: r for stem, r in results.items() if not held_aside(stem)}
    held = {stem: r for stem, r in results.items() if held_aside(stem)}
    if keep:
        record(dev, corpus / "ratchet.json")
    if as_json:
        print(
            json.dumps(
                {"development": _totals(dev), "held_aside": _totals(held)}, ensure_ascii=False, indent=1
            )
        )
        return 0
    print(table(dev))
    print()
    print(f"held aside ({len(held)} plans, totals only):")
    for fmt, acc in _totals(held).items():
        cells = [f"{acc[k][0]}/{acc[k][1]}" for k in KEYS]
        print(f"{'total (held aside)':<58} {fmt:<8} {cells[0]:>9} {cells[1]:>9} {cells[2]:>10}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the importer on the practice plans.")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--record", action="store_true", help="record the figures in ratchet.json")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a folder of plans with a truth/ folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    corpus = args.corpus.resolve()
    if corpus != CORPUS:
        return _score_split(corpus, args.json, args.record)
    results = measure(corpus)
    if args.record:
        record(results)
    if args.json:
        print(json.dumps(figures(results), ensure_ascii=False, indent=1))
    else:
        print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
