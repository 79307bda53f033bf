"""A year's 督办事项 sent to another office arrive with their sources (批示人, 原件文号, 会议名称…),
节点目标 and 督查单."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.errors import ImportRefused
from desktop.exchange.package_format import write_package
from desktop.models import Assignment, PlanNode
from desktop.services.exchange.keystore import office_secret
from desktop.services.exchange.packages import (
    SIGNING_KEY,
    apply_package,
    export_package,
    package_fingerprint,
    read_package,
)
from desktop.services.supervision.checkpoints import add_checkpoints, list_checkpoints
from desktop.services.supervision.escalation import escalate, escalation_history
from desktop.services.supervision.items import ItemDraft, list_items, register_item
from desktop.storage import Database, open_database

D = dt.date


def _register(db: Database) -> int:
    instruction = ItemDraft(
        title="关于加快碳计量中心建设的批示",
        source="instruction",
        received_on=D(2026, 2, 12),
        unit="区市场监管局",
        cooperating=("区科委",),
        leader="王区长",
        instructed_on=D(2026, 2, 11),
        doc_ref="区委办〔2026〕3号",
    )
    meeting = ItemDraft(
        title="推进计量数据平台建设",
        source="meeting",
        received_on=D(2026, 3, 2),
        unit="区发展改革委",
        meeting_name="区政府第12次常务会议",
        meeting_session="第12期",
    )
    proposal = ItemDraft(
        title="关于增设社区养老服务点的建议",
        source="proposal",
        received_on=D(2026, 3, 5),
        unit="区民政局",
        proposal_number="第0231号",
        rule="60天",
    )
    register_item(db, draft=instruction, create_units=True)
    register_item(db, draft=meeting, create_units=True)
    return register_item(db, draft=proposal, create_units=True).plan_id


def _sources(db: Database) -> dict[str, tuple[object, ...]]:
    return {
        i.title: (
            i.source_name,
            i.rule,
            i.deadline,
            i.leader,
            i.instructed_on,
            i.doc_ref,
            i.meeting_name,
            i.meeting_session,
            i.proposal_number,
        )
        for i in list_items(db, as_of="2026-03-06")
    }


def test_every_source_field_of_a_years_items_arrives_in_the_other_office(
    db: Database, tmp_path: Path
) -> None:
    plan_id = _register(db)
    sent = _sources(db)
    assert sent["关于加快碳计量中心建设的批示"][3:6] == ("王区长", D(2026, 2, 11), "区委办〔2026〕3号")
    pkg = tmp_path / "items.pdpkg"
    info = export_package(db, plan_id=plan_id, path=pkg)
    assert info.counts["item_sources"] == 3
    with open_database(tmp_path / "other.sqlite3") as other:
        preview = read_package(other, path=pkg)
        assert "督办来源：新增 3，更新 0，相同 0，本库较新保留 0" in preview.lines()
        apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        assert _sources(other) == sent
        again = apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        assert again.counts["item_sources"] == {"add": 0, "update": 0, "same": 3, "kept": 0}


def _content(pkg: Path) -> dict[str, object]:
    with zipfile.ZipFile(pkg) as zf:
        return dict(json.loads(zf.read("content.json")))


def test_a_tampered_source_field_is_refused(db: Database, tmp_path: Path) -> None:
    plan_id = _register(db)
    pkg = tmp_path / "items.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    content = _content(pkg)
    sources = content["item_sources"]
    assert isinstance(sources, list)
    changed = next(r for r in sources if r["leader"] == "王区长")
    changed["leader"] = "李书记"
    tampered = tmp_path / "tampered.pdpkg"
    with zipfile.ZipFile(pkg) as src, zipfile.ZipFile(tampered, "w") as dest:
        for name in src.namelist():
            body = src.read(name)
            dest.writestr(name, json.dumps(content, ensure_ascii=False) if name == "content.json" else body)
    with open_database(tmp_path / "other.sqlite3") as other:
        with pytest.raises(ImportRefused, match="sha256 不符"):
            apply_package(other, path=tampered, trust=package_fingerprint(tampered))
        assert list_items(other) == []


def test_a_signed_package_with_a_wrong_source_field_is_refused_and_says_where(
    db: Database, tmp_path: Path
) -> None:
    plan_id = _register(db)
    pkg = tmp_path / "items.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    content = _content(pkg)
    sources = content["item_sources"]
    assert isinstance(sources, list)
    sources[0]["received_on"] = "2026-02-30"
    sources[1]["source"] = "rumour"
    with db.read() as s:
        key = office_secret(s, SIGNING_KEY, create=False)  # the sender's own key, to sign a bad package with
        assert key is not None
        with zipfile.ZipFile(pkg) as zf:
            manifest = json.loads(zf.read("manifest.json"))
    bad = tmp_path / "bad.pdpkg"
    write_package(bad, manifest, content, private_key=key)
    with open_database(tmp_path / "other.sqlite3") as other:
        with pytest.raises(ImportRefused) as refused:
            apply_package(other, path=bad, trust=package_fingerprint(bad))
        message = str(refused.value)
        assert "督办来源第 1 条" in message and "received_on" in message and "不是有效日期" in message
        assert "督办来源第 2 条" in message and "“rumour”不是有效取值" in message
        assert list_items(other) == []


def test_checkpoints_and_the_supervision_sheets_issued_travel_too(db: Database, tmp_path: Path) -> None:
    plan_id = _register(db)
    meeting = next(i for i in list_items(db) if i.source_name == "会议议定事项")
    add_checkpoints(db, node_id=meeting.node_id, targets=[("2026-03-31", 30, "完成方案编制")])
    escalate(db, assignment_id=meeting.assignment_ids[0], level="urge", reason="进度滞后", at="2026-04-02")
    pkg = tmp_path / "items.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    with db.read() as s:
        node_uid = s.get(PlanNode, meeting.node_id).uid  # type: ignore[union-attr]
        assignment_uid = s.get(Assignment, meeting.assignment_ids[0]).uid  # type: ignore[union-attr]
    with open_database(tmp_path / "other.sqlite3") as other:
        apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        with other.read() as s:
            node_id = s.scalar(select(PlanNode.id).where(PlanNode.uid == node_uid))
            assignment_id = s.scalar(select(Assignment.id).where(Assignment.uid == assignment_uid))
        assert node_id is not None and assignment_id is not None
        [target] = list_checkpoints(other, node_id=node_id, as_of="2026-03-06")
        assert (target.due, target.expected_percent, target.title) == (D(2026, 3, 31), 30, "完成方案编制")
        [sheet] = escalation_history(other, assignment_id=assignment_id)
        assert (sheet.level_name, sheet.reason, sheet.at.date()) == ("催办", "进度滞后", D(2026, 4, 2))
        again = apply_package(
            other, path=pkg, trust=package_fingerprint(pkg)
        )  # nothing doubles on a second import
        assert again.counts["checkpoints"]["same"] == 1 and again.counts["escalations"]["same"] == 1
        assert len(escalation_history(other, assignment_id=assignment_id)) == 1


def test_the_offices_own_new_items_never_go_under_a_received_collection(db: Database, tmp_path: Path) -> None:
    """Office B receives office A's 2026 督办事项; B's own new item of 2026 starts B's own collection, and A's
    package arriving again never brings B's item into A's plan."""
    plan_id = _register(db)
    pkg = tmp_path / "items.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    with open_database(tmp_path / "other.sqlite3") as other:
        apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        received = {i.plan_id for i in list_items(other)}
        own = register_item(
            other,
            draft=ItemDraft(
                title="本办自己的督办事项",
                source="meeting",
                received_on=D(2026, 4, 1),
                unit="区民政局",
                meeting_name="区政府第13次常务会议",
            ),
            create_units=True,
        )
        assert own.plan_id not in received
        assert len(received) == 1
        again = apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        assert again.counts["item_sources"]["same"] == 3
        mine = [i for i in list_items(other) if i.title == "本办自己的督办事项"]
        assert [i.plan_id for i in mine] == [own.plan_id]
