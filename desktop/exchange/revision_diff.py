"""What a plan revision changes, as plain records the CLI, the preview dialog and the result share."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..status import KIND_NAMES


@dataclass(frozen=True)
class NodeChange:
    change: str  # added | removed | moved | reworded | relabelled
    kind: str
    label: str
    title: str
    node_id: int | None = None  # the stored node (None for an added one)
    new_label: str = ""
    new_title: str = ""
    old_parent: str = ""
    new_parent: str = ""
    carries: int = 0  # assignments + progress entries + office sub-tasks on a removed node
    archive: bool = False  # a removed node that carries records is archived, never deleted


@dataclass(frozen=True)
class ResponsibilityChange:
    node_id: int
    label: str
    title: str
    added: list[str]
    removed: list[str]
    old_lead: str
    new_lead: str


@dataclass(frozen=True)
class IndicatorChange:
    change: str  # added | removed | target
    name: str
    old_target: str = ""
    new_target: str = ""
    indicator_id: int | None = None


@dataclass
class RevisionDiff:
    plan_id: int
    plan_title: str
    revision: int
    new_revision: int
    matched: int = 0
    added: list[NodeChange] = field(default_factory=list)
    removed: list[NodeChange] = field(default_factory=list)
    moved: list[NodeChange] = field(default_factory=list)
    reworded: list[NodeChange] = field(default_factory=list)
    relabelled: list[NodeChange] = field(default_factory=list)
    responsibilities: list[ResponsibilityChange] = field(default_factory=list)
    indicators: list[IndicatorChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.moved
            or self.reworded
            or self.relabelled
            or self.responsibilities
            or self.indicators
        )

    def counts(self) -> dict[str, int]:
        return {
            "matched": self.matched,
            "added": len(self.added),
            "removed": len(self.removed),
            "archived": sum(1 for c in self.removed if c.archive),
            "moved": len(self.moved),
            "reworded": len(self.reworded),
            "relabelled": len(self.relabelled),
            "responsibilities": len(self.responsibilities),
            "indicators": len(self.indicators),
        }

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "counts": self.counts()}

    def lines(self) -> list[str]:
        """The difference as a reader would list it, one change per line."""
        out = [
            f"方案 {self.plan_id}：{self.plan_title}，第{self.revision}版 → 第{self.new_revision}版，"
            f"对应条目 {self.matched} 条"
        ]

        def name(c: NodeChange) -> str:
            return f"{KIND_NAMES.get(c.kind, c.kind)} {c.label}{c.title}".strip()

        out += [
            f"新增：{KIND_NAMES.get(c.kind, c.kind)} {c.new_label}{c.new_title}（位于“{c.new_parent}”）"
            for c in self.added
        ]
        out += [
            f"删除：{name(c)}" + ("（有分工或进展，归档保留）" if c.archive else "") for c in self.removed
        ]
        out += [f"移动：{name(c)}：“{c.old_parent}” → “{c.new_parent}”" for c in self.moved]
        out += [
            f"改写：{name(c)}" + (f" → {c.new_title}" if c.new_title != c.title else "")
            for c in self.reworded
        ]
        out += [f"重新编号：{name(c)} → {c.new_label}" for c in self.relabelled]
        for r in self.responsibilities:
            parts = []
            if r.added:
                parts.append("增加 " + "、".join(r.added))
            if r.removed:
                parts.append("去掉 " + "、".join(r.removed))
            if r.old_lead != r.new_lead:
                parts.append(f"牵头 {r.old_lead or '—'} → {r.new_lead or '—'}")
            out.append(f"责任单位：{r.label}{r.title}：" + "；".join(parts))
        names = {"added": "新增指标", "removed": "删除指标", "target": "指标目标变化"}
        for i in self.indicators:
            target = (
                f"{i.old_target} → {i.new_target}" if i.change == "target" else (i.new_target or i.old_target)
            )
            out.append(f"{names[i.change]}：{i.name}（{target}）")
        if self.is_empty:
            out.append("两版内容一致，没有变化。")
        return out


@dataclass(frozen=True)
class RevisionResult:
    plan_id: int
    revision: int
    diff: RevisionDiff
    archived: int
    deleted: int
    batch_id: int
    backup: str | None = None
