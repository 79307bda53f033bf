"""A revised plan replaces the old tree without losing assignments or progress."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Row, select

from desktop.importers.load import load_plan
from desktop.importers.parsed import ParsedNode, ParsedUnit
from desktop.models import Assignment, PlanNode, PlanRevision
from desktop.services.plans.plan_import import import_file, import_plan
from desktop.services.plans.revision import apply_revision, diff_revision, revision_text
from desktop.services.supervision.assignments import add_progress, create_assignment, list_progress
from desktop.storage import Database

from conftest import XIAN
from factories import small_plan

OLD_24 = "24. 推动计量服务市场健康发展。"
NEW_24 = (
    "24. 建设城市计量数据共享平台。依托全市政务云，归集计量器具检定、校准和能源计量数据，"
    "向企业开放查询接口，按季度发布数据质量通报。（责任部门：市数据局、市市场监管局）"
)
REWORDED_12 = (
    "鼓励社会资源参与市场化、竞争性量值溯源技术服务，培育一批专业化、社会化、网络化的服务机构，"
    "打造专业领域服务平台"
)
NEW_12 = (
    "鼓励社会资本和第三方机构参与市场化、竞争性量值溯源技术服务，培育一批专业化、规模化、网络化的服务机构，"
    "到2025年建成3个专业领域服务平台"
)


def revised_xian(tmp_path: Path) -> Path:
    lines = XIAN.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if line.startswith(OLD_24):
            line = NEW_24  # task 24 removed, a different task 24 added in its place
        elif line.startswith("12. "):
            assert REWORDED_12 in line
            line = line.replace(REWORDED_12, NEW_12)
        elif line.startswith("9. "):
            line = line.replace(
                "（责任部门：市市场监管局、市工信局）", "（责任部门：市市场监管局、市工信局、市科技局）"
            )
        out.append(line)
    path = tmp_path / "xian_revised.txt"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def task(db: Database, plan_id: int, label: str) -> Row[tuple[int, str]]:
    """The live task printed with ``label``: (id, title)."""
    with db.read() as s:
        return s.execute(
            select(PlanNode.id, PlanNode.title).where(
                PlanNode.plan_id == plan_id,
                PlanNode.label == label,
                PlanNode.kind == "task",
                PlanNode.archived.is_(False),
            )
        ).one()


def test_xian_revision_keeps_assignments_and_archives_removed_task(db: Database, tmp_path: Path) -> None:
    plan_id = import_file(db, path=XIAN, backup=False).plan_id
    assigned = {}
    for label in ("1.", "9.", "12.", "23.", "24."):
        node = task(db, plan_id, label)
        a = create_assignment(db, node_id=node.id, unit="西安市市场监督管理局", deadline="2025-12-31")
        add_progress(db, assignment_id=a.id, period="2024-06", text=f"任务{label}已启动", percent=20)
        assigned[label] = (node.id, a.id)
    parsed = load_plan(revised_xian(tmp_path))

    diff = diff_revision(db, plan_id=plan_id, parsed=parsed)
    assert [(c.label, c.title) for c in diff.removed] == [("24.", "推动计量服务市场健康发展")]
    assert diff.removed[0].archive and diff.removed[0].carries >= 2
    assert [(c.new_label, c.new_title) for c in diff.added] == [("24.", "建设城市计量数据共享平台")]
    assert [c.label for c in diff.reworded] == ["12."]
    assert [(r.label, r.added, r.removed) for r in diff.responsibilities] == [
        ("9.", ["西安市科学技术局"], [])
    ]
    assert diff.moved == [] and diff.relabelled == [] and diff.indicators == []
    with db.read() as s:  # the diff wrote nothing
        assert s.scalar(select(PlanNode.archived).where(PlanNode.id == assigned["24."][0])) is False

    result = apply_revision(db, plan_id=plan_id, parsed=parsed)
    assert result.revision == 2 and result.archived == 1
    for label in ("1.", "9.", "12.", "23."):
        node_id, assignment_id = assigned[label]
        assert task(db, plan_id, label).id == node_id
        assert [p.text for p in list_progress(db, assignment_id=assignment_id)] == [f"任务{label}已启动"]
    with db.read() as s:
        old24 = s.get(PlanNode, assigned["24."][0])
        assert old24 is not None and old24.archived and old24.archived_in_revision == 2
        assert s.get(Assignment, assigned["24."][1]) is not None
        assert "规模化" in s.get(PlanNode, assigned["12."][0]).text  # type: ignore[union-attr]
        nine = s.get(PlanNode, assigned["9."][0])
        assert [r.unit.name for r in nine.responsibilities] == [  # type: ignore[union-attr]
            "西安市市场监督管理局",
            "西安市工业和信息化局",
            "西安市科学技术局",
        ]
        assert (
            s.scalar(
                select(PlanRevision.revision)
                .where(PlanRevision.plan_id == plan_id)
                .order_by(PlanRevision.revision.desc())
            )
            == 2
        )
    assert task(db, plan_id, "24.").title == "建设城市计量数据共享平台"
    assert REWORDED_12 in revision_text(db, plan_id=plan_id, revision=1)
    assert NEW_12 in revision_text(db, plan_id=plan_id, revision=2)
    # the same document again changes nothing
    assert diff_revision(db, plan_id=plan_id, parsed=load_plan(revised_xian(tmp_path))).is_empty


def test_renumbered_sections_match_by_content(db: Database) -> None:
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    t2 = task(db, plan_id, "2.")
    a = create_assignment(db, node_id=t2.id, unit="区发展改革委")
    revised = small_plan()
    chapter = revised.nodes[0]
    new_sec = ParsedNode(
        "section",
        "（一）",
        "强化计量监督",
        "强化计量监督，开展专项检查。",
        children=[
            ParsedNode(
                "task",
                "1.",
                "开展民生计量专项检查",
                "开展民生计量专项检查。",
                units=[ParsedUnit("区市场监管局", "lead")],
            )
        ],
    )
    old_first, old_second = chapter.children
    old_first.label, old_second.label = "（二）", "（三）"
    chapter.children = [new_sec, old_first, old_second]
    for i, t in enumerate(old_first.children + old_second.children, start=2):
        t.label = f"{i}."
    diff = diff_revision(db, plan_id=plan_id, parsed=revised)
    assert [c.new_title for c in diff.added] == ["强化计量监督", "开展民生计量专项检查"]
    assert diff.removed == [] and diff.reworded == []
    assert {(c.label, c.new_label) for c in diff.relabelled} == {
        ("（一）", "（二）"),
        ("（二）", "（三）"),
        ("1.", "2."),
        ("2.", "3."),
        ("3.", "4."),
    }
    apply_revision(db, plan_id=plan_id, parsed=revised)
    moved = task(db, plan_id, "3.")
    assert moved.id == t2.id and moved.title == "完善计量标准体系"
    with db.read() as s:
        assert s.get(Assignment, a.id).node_id == t2.id  # type: ignore[union-attr]


def test_removed_node_without_records_is_deleted_and_office_subtask_kept(db: Database) -> None:
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    t1 = task(db, plan_id, "1.")
    t3 = task(db, plan_id, "3.")
    with db.write() as s:
        s.add(
            PlanNode(
                plan_id=plan_id,
                parent_id=t1.id,
                position=0,
                kind="item",
                title="区级细化：建碳计量站",
                origin="office",
            )
        )
    revised = small_plan()
    revised.nodes[0].children[1].children = []  # task 3 removed, carries nothing
    result = apply_revision(db, plan_id=plan_id, parsed=revised)
    assert result.deleted == 1 and result.archived == 0
    with db.read() as s:
        assert s.get(PlanNode, t3.id) is None
        office = s.scalars(select(PlanNode).where(PlanNode.origin == "office")).one()
        assert office.parent_id == t1.id and not office.archived


def test_a_removed_clause_that_a_district_task_carries_out_is_archived_with_its_link(db: Database) -> None:
    from desktop.models import NodeLink
    from desktop.services.plans.links import link_nodes

    city = import_plan(db, parsed=small_plan("某市实施方案"), backup=False).plan_id
    district = import_plan(db, parsed=small_plan("某区实施方案"), backup=False).plan_id
    clause = task(db, city, "3.")
    link_nodes(db, node_id=task(db, district, "1.").id, target_node_id=clause.id)
    revised = small_plan("某市实施方案")
    revised.nodes[0].children[1].children = []  # the city drops its task 3
    result = apply_revision(db, plan_id=city, parsed=revised)
    assert result.deleted == 0 and result.archived == 1
    with db.read() as s:
        assert s.get(PlanNode, clause.id).archived  # type: ignore[union-attr]
        assert s.scalars(select(NodeLink)).one().target_node_id == clause.id
