"""The monthly report's tables, given their row heights, lay out on the same pages as when reportlab works them out."""

from __future__ import annotations

import io
import random

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from desktop.reports import monthly
from desktop.reports.monthly import OVERDUE_FILL, _cell, _table


def _pdf() -> bytes:
    rng = random.Random(20250601)
    alphabet = "推进任务完成情况单位责任，。、；（）0123456789abc-./% 天年项条\n"
    story = []
    for _ in range(3):
        rows = [[_cell(n, "center") for n in ("序号", "任务", "责任单位", "截止日期")]]
        extra = []
        for i in range(1, 140):
            rows.append(
                [
                    _cell(i, "center"),
                    _cell("".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))),
                    _cell("".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))), red=i % 3 == 0),
                    _cell("2025-06-30", "center", i % 5 == 0, size=rng.choice((9, 10.5))),
                ]
            )
            if i % 4 == 0:
                extra.append(("BACKGROUND", (0, i), (-1, i), OVERDUE_FILL))
        story.append(_table(rows, [30, 200, 150, 80], extra))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story)
    return out.getvalue()


def test_given_heights_give_the_same_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    ours = _pdf()
    computed: list[object] = []
    original = monthly._row_heights

    def none(*args: object) -> None:
        computed.append(original(*args))  # type: ignore[arg-type]
        return None

    monkeypatch.setattr(monthly, "_row_heights", none)
    theirs = _pdf()
    assert computed and ours == theirs
