"""The practice plans with hand-checked truth: no document may score below its recorded figures."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "score_corpus.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score_corpus = _load()
RATCHET: dict[str, dict[str, dict[str, int]]] = json.loads(score_corpus.RATCHET.read_text(encoding="utf-8"))
CASES = [(stem, fmt) for stem, by_fmt in sorted(RATCHET.items()) for fmt in sorted(by_fmt)]


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return score_corpus._score_module()


def test_every_document_and_format_is_in_the_ratchet() -> None:
    stems = {p.stem for p in score_corpus.CORPUS.glob("[0-9][0-9]_*.txt")}
    assert stems == set(RATCHET)
    for stem in stems:
        assert set(score_corpus.sources(stem)) == set(RATCHET[stem]), stem


# The published scorer (kept exactly as published) opens its inputs without closing them.
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize(("stem", "fmt"), CASES)
def test_scores_do_not_fall(scorer: ModuleType, stem: str, fmt: str) -> None:
    path, data = score_corpus.sources(stem)[fmt]
    plan = score_corpus.load_plan(path, data=data)  # a refusal raises and fails the test
    truth = score_corpus.CORPUS / "truth" / f"{stem}.json"
    got: dict[str, Any] = score_corpus.score_plan(scorer, truth if truth.exists() else None, plan)
    recorded = RATCHET[stem][fmt]
    assert all(got[k] >= v for k, v in recorded.items()), f"{stem} ({fmt}): {got} below {recorded}"


@pytest.mark.parametrize("stem", sorted(p.stem for p in (score_corpus.CORPUS / "truth").glob("*.json")))
def test_title_and_document_number_in_every_format(stem: str) -> None:
    truth = json.loads((score_corpus.CORPUS / "truth" / f"{stem}.json").read_text(encoding="utf-8"))
    plans = {
        fmt: score_corpus.load_plan(path, data=data)
        for fmt, (path, data) in score_corpus.sources(stem).items()
    }
    assert {fmt: p.doc_number for fmt, p in plans.items()} == dict.fromkeys(plans, truth["doc_number"] or "")
    title = plans["txt"].title
    assert title and not any(mark in title for mark in ("*", "#", "标题", "当前位置", "---"))
    # A page flattened onto one line may lose the title's line of its own; every real format keeps it.
    assert {fmt: p.title for fmt, p in plans.items() if fmt != "flat"} == dict.fromkeys(
        [f for f in plans if f != "flat"], title
    )
