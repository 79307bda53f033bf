"""The one import use case: the window and the command line both call import_document, one transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.errors import PlanDeskError
from desktop.importers.load import load_plan
from desktop.models import Assignment, AuditEntry, Plan
from desktop.services.plans import plan_import
from desktop.services.plans.plan_import import ImportChoices, import_document
from desktop.storage import Database

from conftest import XIAN


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_corrections_short_name_and_adoption_land_together(db: Database) -> None:
    parsed = load_plan(XIAN)
    done = import_document(
        db,
        parsed=parsed,
        choices=ImportChoices(title="西安市计量发展实施方案（校正）", short_name="西安计量", adopt=True),
        backup=False,
    )
    with db.read() as s:
        plan = s.get(Plan, done.plan_id)
        assert plan is not None and (plan.title, plan.short_name) == (
            "西安市计量发展实施方案（校正）",
            "西安计量",
        )
        causes = set(s.scalars(select(AuditEntry.cause).where(AuditEntry.table_name == "assignment")))
    assert done.adopted is not None and len(done.adopted.created_ids) == count(db, Assignment) > 0
    assert causes == {f"导入：{parsed.source_name}"}  # one transaction: the import's own
    assert parsed.title != "西安市计量发展实施方案（校正）"  # the reader's copy keeps what the document said


def test_a_failing_adoption_leaves_no_plan_behind(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise PlanDeskError("按文件分工失败（测试）")

    monkeypatch.setattr(plan_import, "adopt_in", broken)
    with pytest.raises(PlanDeskError, match="按文件分工失败"):
        import_document(db, parsed=load_plan(XIAN), choices=ImportChoices(adopt=True), backup=False)
    assert count(db, Plan) == 0 and count(db, Assignment) == 0


def test_a_document_already_imported_is_refused_unless_asked_for_as_new(db: Database) -> None:
    first = import_document(db, parsed=load_plan(XIAN), backup=False)
    with pytest.raises(PlanDeskError, match="未导入") as refused:
        import_document(db, parsed=load_plan(XIAN), backup=False)
    assert refused.value.field == "duplicate" and count(db, Plan) == 1
    second = import_document(db, parsed=load_plan(XIAN), choices=ImportChoices(as_new=True), backup=False)
    assert second.plan_id != first.plan_id and count(db, Plan) == 2


def test_bad_choices_are_refused_before_anything_is_written(db: Database) -> None:
    with pytest.raises(PlanDeskError) as bad:
        import_document(db, parsed=load_plan(XIAN), choices=ImportChoices(level="省部级"), backup=False)
    assert bad.value.field == "level" and count(db, Plan) == 0
