"""Unit names carrying invisible direction or zero-width marks are the units they look like."""

from __future__ import annotations

import pytest
from rel_helpers import task_ids

from desktop.errors import PlanDeskError
from desktop.importers.parsed import ParsedUnit
from desktop.services.core.units import add_unit, list_units
from desktop.services.plans.plan_import import import_plan
from desktop.services.supervision.assignments import create_assignment
from desktop.storage import Database

from factories import small_plan

MARKS = {
    "LRM": "\u200e",
    "RLM": "\u200f",
    "RLO": "\u202e",
    "PDF": "\u202c",
    "LRI": "\u2066",
    "PDI": "\u2069",
    "ZWSP": "\u200b",
    "ZWJ": "\u200d",
    "BOM": "\ufeff",
    "WJ": "\u2060",
}


@pytest.mark.parametrize("mark", sorted(MARKS))
def test_a_marked_unit_name_in_an_import_is_the_known_unit(db: Database, mark: str) -> None:
    task_ids(db)
    names = sorted(u.name for u in list_units(db))
    c = MARKS[mark]
    plan = small_plan("第二份方案")
    task = plan.nodes[0].children[0].children[0]
    task.units = [ParsedUnit(f"{c}区市场{c}监管局{c}", "lead"), ParsedUnit(f"区科委{c}", "co")]
    import_plan(db, parsed=plan, backup=False)
    assert sorted(u.name for u in list_units(db)) == names, "no look-alike unit was created"
    assert all(c not in alias for u in list_units(db) for alias in u.aliases)


def test_marks_are_stripped_when_units_are_added_and_named(db: Database) -> None:
    ids = task_ids(db)
    with pytest.raises(PlanDeskError, match="已存在"):
        add_unit(db, name="\u2066区科\u200b委\u2069")
    added = add_unit(db, name="\u202e区档案馆\u202c", aliases=["档案\u200d馆"])
    assert (added.name, added.aliases) == ("区档案馆", ["档案馆"])
    a = create_assignment(db, node_id=ids["3."], unit="\u200e区档案馆")
    assert a.unit_name == "区档案馆"
