"""Hostile files are refused with a Chinese message, in bounded memory, writing nothing and running nothing."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest
from hostile_corpus import CANARY, plan_documents, workbooks
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rel_helpers import counts, task_ids

from desktop.errors import PlanDeskError
from desktop.services.core.integrity import check_database
from desktop.services.plans.plan_import import import_file
from desktop.storage import Database

MEMORY_GROWTH_LIMIT_KB = 500 * 1024  # generous: a bomb that was unpacked would need gigabytes
REFUSED: dict[str, str] = {}  # name → message, printed at the end of a -s run for the record


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {**plan_documents(folder), **{"workbook:" + k: v for k, v in workbooks(folder).items()}}


def peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


PLAN_CASES = [
    "截断.docx",
    "截断.pdf",
    "截断.xlsx",
    "公式.xlsx",
    "invalid-utf8.txt",
    "nul.txt",
    "nested.html",
    "bomb.docx",
    "bomb-lying.docx",
    "50MB.txt",
    "script.html",
]


@pytest.mark.parametrize("name", PLAN_CASES)
def test_hostile_plan_document_is_refused_and_nothing_is_written(
    db: Database, corpus: dict[str, Path], name: str
) -> None:
    task_ids(db)
    before, peak = counts(db), peak_kb()
    started = time.perf_counter()
    with pytest.raises(PlanDeskError) as err:
        import_file(db, path=corpus[name])
    REFUSED[name] = f"{err.value} ({time.perf_counter() - started:.1f} s)"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message), "a Chinese message"
    assert "Traceback" not in str(err.value)
    assert counts(db) == before
    assert check_database(db) == []
    assert peak_kb() - peak < MEMORY_GROWTH_LIMIT_KB
    assert not (corpus[name].parent / CANARY).exists(), "nothing from the file was executed"


@pytest.mark.parametrize("name", ["公式.xlsx", "bomb.xlsx", "bomb-lying.xlsx", "截断.xlsx", "不是表格.xlsx"])
def test_hostile_workbook_is_refused_and_nothing_is_written(
    db: Database, corpus: dict[str, Path], name: str
) -> None:
    from desktop.services.exchange.workbooks import apply_workbooks

    task_ids(db)
    before, peak = counts(db), peak_kb()
    path = corpus["workbook:" + name]
    try:
        result = apply_workbooks(db, paths=[path])
    except PlanDeskError as exc:
        REFUSED["workbook " + name] = str(exc)
    else:
        (file_result,) = result.files
        assert not file_result.applied and file_result.problems
        REFUSED["workbook " + name] = "；".join(p.message for p in file_result.problems)
    assert counts(db) == before
    assert peak_kb() - peak < MEMORY_GROWTH_LIMIT_KB
    assert not (path.parent / CANARY).exists()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(min_size=0, max_size=4096),
    suffix=st.sampled_from([".txt", ".docx", ".pdf", ".html", ".xlsx", ".doc", ""]),
)
def test_random_bytes_never_half_import(db: Database, tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"随机{suffix}"
    path.write_bytes(data)
    before = counts(db)
    try:
        import_file(db, path=path, backup=False)
    except PlanDeskError as exc:
        assert exc.message and counts(db) == before
    else:  # a few random bytes can spell a heading; then the plan is whole and the database sound
        assert counts(db)["plan"] == before["plan"] + 1 and check_database(db) == []


def test_zz_print_refusals() -> None:
    """Keeps the refusal messages in the output of ``pytest -s`` (figures for the record)."""
    for name, message in sorted(REFUSED.items()):
        print(f"\n{name}: {message}")
    assert all(message for message in REFUSED.values())
