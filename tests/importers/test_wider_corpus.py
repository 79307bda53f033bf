"""The wider corpus of real plans (tests/data/plans/wider): each development plan, in every format, keeps its
recorded figures; the held-aside third is imported (never refused) but its figures are only printed by
``scripts/score_corpus.py --corpus tests/data/plans/wider``, so that its misses never steer a change."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIDER = ROOT / "tests" / "data" / "plans" / "wider"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_corpus", ROOT / "scripts" / "score_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score_corpus = _load()
RATCHET: dict[str, dict[str, dict[str, int]]] = json.loads(
    (WIDER / "ratchet.json").read_text(encoding="utf-8")
)
STEMS = sorted(p.stem for p in WIDER.glob("[0-9][0-9]_*.txt"))
DEV = [s for s in STEMS if not score_corpus.held_aside(s)]
HELD = [s for s in STEMS if score_corpus.held_aside(s)]


def test_a_third_is_held_aside_and_every_plan_has_its_truth() -> None:
    assert len(HELD) * 3 >= len(STEMS) - 2
    assert {p.stem for p in (WIDER / "truth").glob("*.json")} == set(STEMS)
    assert set(RATCHET) == set(DEV)


@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize(("stem", "fmt"), [(s, f) for s in DEV for f in sorted(RATCHET.get(s, {}))])
def test_development_plans_keep_their_figures(stem: str, fmt: str) -> None:
    path, data = score_corpus.sources(stem, WIDER)[fmt]
    plan = score_corpus.load_plan(path, data=data)
    got: dict[str, Any] = score_corpus.score_plan(
        score_corpus._score_module(), WIDER / "truth" / f"{stem}.json", plan
    )
    recorded = RATCHET[stem][fmt]
    assert all(got[k] >= v for k, v in recorded.items()), f"{stem} ({fmt}): {got} below {recorded}"


@pytest.mark.parametrize("stem", HELD)
def test_held_aside_plans_import(stem: str) -> None:
    for _fmt, (path, data) in score_corpus.sources(stem, WIDER).items():
        plan = score_corpus.load_plan(path, data=data)
        assert any(n.label for n in plan.walk())
