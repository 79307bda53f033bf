"""Preview dialogs for a plan revision, returned unit workbooks and an office package; OK applies off-thread."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services.exchange.packages import KINDS as PACKAGE_KINDS
from ..services.exchange.packages import PackagePreview, apply_package
from ..services.exchange.workbooks import WorkbookPreview, apply_workbooks
from ..services.plans.revision import RevisionDiff, apply_revision
from ..storage import Database
from .jobs import BackgroundJob
from .vocabulary import kind_name, package_kind_name
from .workers import Worker

if TYPE_CHECKING:  # the importer's plain data, only named in annotations here
    from ..importers.parsed import ParsedPlan


class ExchangePreviewDialog(QDialog):
    """A tree of what will change; OK runs the apply job in the thread pool and emits ``applied``."""

    applied = Signal(object)  # the service's result dataclass
    failed = Signal(str)

    def __init__(self, title: str, summary: str, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 600)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(headers)
        self.tree.setUniformRowHeights(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("应用"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.tree, self.status, self.progress, self.buttons):
            layout.addWidget(widget)
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self._cancel)
        self.worker: Worker | None = None

    def group(self, title: str, rows: list[list[str]]) -> QTreeWidgetItem | None:
        """A top-level branch with one child per row; empty groups are left out."""
        if not rows:
            return None
        top = QTreeWidgetItem([f"{title}（{len(rows)}）"])
        for row in rows:
            top.addChild(QTreeWidgetItem(row))
        self.tree.addTopLevelItem(top)
        top.setExpanded(True)
        return top

    def job(self, progress: Callable[[int, str], None], is_cancelled: Callable[[], bool]) -> Any:
        raise NotImplementedError

    def _start(self) -> None:
        self.ok_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("正在应用……"))
        background = BackgroundJob(self.job)  # progress shows in this dialog's own bar
        background.progressed.connect(self._on_progress)
        background.finished.connect(self._on_finished)
        background.failed.connect(self._on_failed)
        background.cancelled.connect(self._on_cancelled)
        self.worker = background.worker
        background.start()

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("正在取消……"))
        else:
            self.reject()

    def _on_progress(self, value: int, message: str) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(value)
        self.status.setText(message)

    def _on_finished(self, result: object) -> None:
        self.worker = None
        self.applied.emit(result)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.worker = None
        self.progress.setVisible(False)
        self.ok_button.setEnabled(True)
        self.status.setText(message)
        self.failed.emit(message)

    def _on_cancelled(self) -> None:
        self.worker = None
        self.reject()


class RevisionDialog(ExchangePreviewDialog):
    def __init__(
        self,
        db: Database,
        *,
        plan_id: int,
        parsed: ParsedPlan,
        diff: RevisionDiff,
        parent: QWidget | None = None,
    ) -> None:
        c = diff.counts()
        super().__init__(
            self.tr("导入修订版：{0}").format(diff.plan_title),
            self.tr(
                "第{0}版 → 第{1}版。对应条目 {2} 条，新增 {3}，删除 {4}（其中归档 {5}），移动 {6}，改写 {7}。"
                "已有的分工和进展都保留在对应条目上。"
            ).format(
                diff.revision,
                diff.new_revision,
                c["matched"],
                c["added"],
                c["removed"],
                c["archived"],
                c["moved"],
                c["reworded"],
            ),
            [self.tr("条目"), self.tr("变化")],
            parent,
        )
        self.db, self.plan_id, self.parsed = db, plan_id, parsed

        def kind(k: str) -> str:
            return kind_name(k)

        self.group(
            self.tr("新增"),
            [[f"{kind(x.kind)} {x.new_label}{x.new_title}", x.new_parent] for x in diff.added],
        )
        self.group(
            self.tr("删除"),
            [
                [
                    f"{kind(x.kind)} {x.label}{x.title}",
                    self.tr("有分工或进展，归档保留") if x.archive else self.tr("删除"),
                ]
                for x in diff.removed
            ],
        )
        self.group(
            self.tr("移动"), [[f"{x.label}{x.title}", f"{x.old_parent} → {x.new_parent}"] for x in diff.moved]
        )
        self.group(self.tr("改写"), [[f"{x.label}{x.title}", x.new_title] for x in diff.reworded])
        self.group(self.tr("重新编号"), [[f"{x.label}{x.title}", x.new_label] for x in diff.relabelled])
        self.group(
            self.tr("责任单位变化"),
            [
                [
                    f"{r.label}{r.title}",
                    "；".join(
                        filter(
                            None,
                            [
                                "+" + "、".join(r.added) if r.added else "",
                                "−" + "、".join(r.removed) if r.removed else "",
                                f"{r.old_lead or '—'} → {r.new_lead or '—'}"
                                if r.old_lead != r.new_lead
                                else "",
                            ],
                        )
                    ),
                ]
                for r in diff.responsibilities
            ],
        )
        self.group(self.tr("指标"), [[i.name, f"{i.old_target} → {i.new_target}"] for i in diff.indicators])
        if diff.is_empty:
            self.status.setText(self.tr("两版内容一致，没有变化。"))

    def job(self, progress: Callable[[int, str], None], is_cancelled: Callable[[], bool]) -> Any:
        return apply_revision(
            self.db, plan_id=self.plan_id, parsed=self.parsed, progress=progress, is_cancelled=is_cancelled
        )


class WorkbookDialog(ExchangePreviewDialog):
    def __init__(
        self,
        db: Database,
        *,
        paths: Sequence[str | os.PathLike[str]],
        preview: WorkbookPreview,
        parent: QWidget | None = None,
    ) -> None:
        ok = [f for f in preview.files if not f.blocked]
        super().__init__(
            self.tr("导入进展反馈表"),
            self.tr(
                "共 {0} 个文件：{1} 个可导入，{2} 个有问题将整份退回。每个文件要么全部导入，要么不导入。"
            ).format(len(preview.files), len(ok), len(preview.files) - len(ok)),
            [self.tr("文件 / 行"), self.tr("任务"), self.tr("处理"), self.tr("本月进展"), self.tr("完成%")],
            parent,
        )
        self.db, self.paths = db, paths
        actions = {"add": self.tr("新增"), "update": self.tr("更正"), "same": self.tr("已导入过")}
        for f in preview.files:
            state = self.tr("拒绝导入") if f.blocked else self.tr("可导入")
            top = QTreeWidgetItem([Path(f.path).name, f.unit, state, f.period, ""])
            for e in f.entries:
                top.addChild(
                    QTreeWidgetItem(
                        [
                            self.tr("第{0}行").format(e.row),
                            e.task,
                            actions[e.action],
                            e.text,
                            "" if e.percent is None else str(e.percent),
                        ]
                    )
                )
            for p in f.problems:
                top.addChild(
                    QTreeWidgetItem(
                        [p.location, "", self.tr("问题") if p.blocking else self.tr("提示"), p.message, ""]
                    )
                )
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.ok_button.setEnabled(bool(ok))

    def job(self, progress: Callable[[int, str], None], is_cancelled: Callable[[], bool]) -> Any:
        return apply_workbooks(self.db, paths=self.paths)


class PackageDialog(ExchangePreviewDialog):
    def __init__(
        self,
        db: Database,
        *,
        path: str | os.PathLike[str],
        preview: PackagePreview,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("导入交换包"),
            (
                self.tr("方案：{0}（本库没有，将新建）")
                if preview.new_plan
                else self.tr("方案：{0}（本库已有，合并更新）")
            ).format(preview.plan_title)
            + "\n"
            + "\n".join(preview.notes),
            [self.tr("内容"), self.tr("新增"), self.tr("更新"), self.tr("相同"), self.tr("本库较新保留")],
            parent,
        )
        self.db, self.path = db, path
        self.fingerprint = preview.fingerprint
        self.confirm: QCheckBox | None = None
        if not preview.known:
            # A key never confirmed here: the user reads the fingerprint out with the sender before importing.
            self.confirm = QCheckBox(
                self.tr("我已通过电话等方式与对方核对，对方的密钥指纹是 {0}").format(
                    spoken(preview.fingerprint)
                )
            )
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, self.confirm)
            self.ok_button.setEnabled(False)
            self.confirm.toggled.connect(self.ok_button.setEnabled)
        for kind in PACKAGE_KINDS:
            c = preview.counts.get(kind, {})
            if any(c.values()):
                self.tree.addTopLevelItem(
                    QTreeWidgetItem(
                        [package_kind_name(kind)]
                        + [str(c.get(k, 0)) for k in ("add", "update", "same", "kept")]
                    )
                )

    def job(self, progress: Callable[[int, str], None], is_cancelled: Callable[[], bool]) -> Any:
        trust = self.fingerprint if self.confirm is not None and self.confirm.isChecked() else None
        return apply_package(self.db, path=self.path, trust=trust)


_DIGITS = dict(zip("0123456789ABCDEF", "零一二三四五六七八九ABCDEF", strict=True))  # i18n: keep


def spoken(fingerprint: str) -> str:
    """A fingerprint as it is read out on the phone: its groups, the digits also in words."""
    words = "　".join("".join(_DIGITS.get(c, c) for c in group) for group in fingerprint.split("-"))
    return f"{fingerprint}（{words}）"
