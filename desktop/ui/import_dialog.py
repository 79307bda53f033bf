"""Importing a plan file: parse in a worker with progress and Cancel, preview, then store in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import PlanDeskError
from ..services.plans.adopt import ParsedAdoption
from ..services.plans.plan_import import guess_level
from ..storage import Database
from .date_entry import DateLineEdit
from .jobs import BackgroundJob
from .plan_properties import PlanPropertiesForm
from .vocabulary import kind_name
from .workers import Worker

if TYPE_CHECKING:  # the importer's plain data, only named in annotations here
    from ..importers.parsed import ParsedNode, ParsedPlan

FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportController", "方案文件 (*.txt *.docx *.pdf *.ofd *.xlsx *.html *.htm);;所有文件 (*)"
)


class ImportPreviewDialog(QDialog):
    """The parsed tree and the review findings; OK stores the plan, Cancel drops it."""

    def __init__(
        self,
        parsed: ParsedPlan,
        review: list[str],
        parent: QWidget | None = None,
        *,
        adoption: ParsedAdoption | None = None,
    ) -> None:
        super().__init__(parent)
        self.parsed = parsed
        self.setWindowTitle(self.tr("导入预览：{0}").format(parsed.source_name or parsed.title))
        # What the parser read as the plan's properties, corrected here before anything is stored.
        self.properties = PlanPropertiesForm()
        self.properties.set_values(
            title=parsed.title,
            issuer=parsed.issuer,
            doc_number=parsed.doc_number,
            issued_on=parsed.issued_on,
            level=guess_level(parsed),
        )
        self.adopt = QCheckBox(self.tr("按文件分工：为每项任务的每个责任单位建立分工（牵头、配合照原文）"))
        self.adopt.setChecked(True)
        self.adopt_summary = QLabel(adoption.summary() if adoption else "")
        self.adopt_summary.setWordWrap(True)
        self.adopt_summary.setStyleSheet("color: #555;")
        self.adopt_deadline = DateLineEdit(label=self.tr("默认截止日期"))
        self.adopt_deadline.setPlaceholderText(self.tr("原文未写时限的任务的截止日期，可不填"))
        self.adopt.toggled.connect(self.adopt_deadline.setEnabled)
        adopt_row = QHBoxLayout()
        adopt_row.addWidget(self.adopt, 1)
        adopt_row.addWidget(QLabel(self.tr("默认截止日期：")))
        adopt_row.addWidget(self.adopt_deadline)
        self.adopt_error = QLabel()
        self.adopt_error.setStyleSheet("color: #c0392b;")
        self.adopt_error.hide()
        if adoption is not None and not adoption.pairs:
            self.adopt.setChecked(False)
            self.adopt.setEnabled(False)
        # A file bundling several plans: which of them this preview shows, and the choice of another.
        self.part = QComboBox()
        self.part.addItems([f"{k}. {title}" for k, title in enumerate(parsed.bundle, start=1)])
        if parsed.bundle:
            self.part.setCurrentIndex(parsed.part - 1)
        part_row = QHBoxLayout()
        part_label = QLabel(self.tr("本文件包含 {0} 个方案，预览的是：").format(len(parsed.bundle)))
        part_row.addWidget(part_label)
        part_row.addWidget(self.part, 1)
        part_label.setVisible(bool(parsed.bundle))
        self.part.setVisible(bool(parsed.bundle))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("编号"), self.tr("标题"), self.tr("类型"), self.tr("责任单位")])
        self.tree.setUniformRowHeights(True)
        for node in parsed.nodes:
            self.tree.addTopLevelItem(self._item(node))
        self.tree.expandToDepth(1)
        self.tree.setColumnWidth(0, self._label_width(parsed.nodes))
        self.tree.setColumnWidth(1, 380)
        self.tree.setColumnWidth(2, 60)
        self.review = QPlainTextEdit("\n".join(review))
        self.review.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.review)
        splitter.setSizes([420, 200])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(part_row)
        layout.addWidget(self.properties)
        layout.addWidget(splitter, 1)
        layout.addLayout(adopt_row)
        layout.addWidget(self.adopt_error)
        layout.addWidget(self.adopt_summary)
        layout.addWidget(self.buttons)
        self.resize(900, 760)

    def choices(self) -> dict[str, Any] | None:
        """The corrected properties, whether to adopt and the default deadline; None if something is wrong."""
        values = self.properties.checked_values()
        if values is None:
            return None
        problem = self.adopt_deadline.problem() if self.adopt.isChecked() else ""
        self.adopt_error.setText(problem)
        self.adopt_error.setVisible(bool(problem))
        if problem:  # said beside the deadline field
            self.adopt_deadline.setFocus()
            return None
        values["adopt"] = self.adopt.isChecked()
        values["deadline"] = self.adopt_deadline.date() if self.adopt.isChecked() else None
        return values

    def _on_ok(self) -> None:
        if self.choices() is not None:
            self.accept()

    def _label_width(self, nodes: list[ParsedNode]) -> int:
        """Wide enough for the deepest label after its indentation (a fixed width elided （一） to …)."""
        metrics, step = self.tree.fontMetrics(), self.tree.indentation()

        def widest(level: list[ParsedNode], depth: int) -> int:
            return max(
                (
                    max(
                        step * (depth + 1) + metrics.horizontalAdvance(n.label), widest(n.children, depth + 1)
                    )
                    for n in level
                ),
                default=0,
            )

        return min(max(70, widest(nodes, 0) + 16), 280)

    def _item(self, node: ParsedNode) -> QTreeWidgetItem:
        units = "、".join(u.name for u in node.units)
        item = QTreeWidgetItem([node.label, node.title, kind_name(node.kind), units])
        item.setToolTip(1, node.text[:500])
        if node.needs_review:
            item.setForeground(1, Qt.GlobalColor.darkYellow)
            item.setToolTip(0, self.tr("位置不确定，请核对"))
        for child in node.children:
            item.addChild(self._item(child))
        return item


class ImportController(QObject):
    """Drives one import at a time; the window never waits on it."""

    imported = Signal(int)  # the new plan's id
    failed = Signal(str)
    preview_shown = Signal(object)  # the ImportPreviewDialog
    duplicate_asked = Signal(object)  # the QMessageBox asking: revision, separate plan, or cancel
    revision_shown = Signal(object)  # the RevisionDialog comparing the document with the plan

    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self.db = db
        self.window = window
        self.worker: Worker | None = None
        self.progress: QProgressDialog | None = None
        self.preview: ImportPreviewDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.question: QMessageBox | None = None
        self.revision_dialog: QDialog | None = None
        self.adopted: Any = None  # what 按文件分工 created with the last import
        self.path = ""  # the file being imported (another plan of a bundled file is read from it again)

    def choose_file(self) -> QFileDialog:
        from .file_dialogs import localize

        dialog = localize(QFileDialog(self.window, self.tr("导入方案"), "", self.tr(FILE_FILTER)))  # type: ignore[arg-type]  # QT_TRANSLATE_NOOP is typed object
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _run(self, job, label: str, done) -> Worker:
        background = BackgroundJob(job, label=label, window=self.window, title=self.tr("导入方案"))
        background.finished.connect(done)
        background.failed.connect(self._on_failed)
        background.cancelled.connect(self._on_cancelled)
        self.worker, self.progress = background.worker, background.dialog
        background.start()
        return background.worker

    def load(self, path: str, part: int = 1) -> Worker:
        """Parse ``path`` (of a file bundling several plans, its ``part``-th) in the background, then show the
        preview."""
        from ..services.plans.plan_import import read_document

        self.path = path
        return self._run(
            lambda report, cancelled: read_document(path, progress=report, is_cancelled=cancelled, part=part),
            self.tr("正在分析“{0}”…").format(Path(path).name),
            self._on_parsed,
        )

    def _close_progress(self) -> None:
        self.progress = None  # the job closes its own progress dialog

    def _on_failed(self, message: str) -> None:
        self._close_progress()
        self.failed.emit(message)

    def _on_cancelled(self) -> None:
        self._close_progress()
        self.failed.emit(self.tr("导入已取消，未写入任何内容。"))

    def _on_parsed(self, parsed: ParsedPlan) -> None:
        from ..services.plans.plan_admin import find_duplicate

        self._close_progress()
        try:
            duplicate = find_duplicate(self.db, parsed=parsed)
        except PlanDeskError as exc:
            self.failed.emit(str(exc))
            return
        if duplicate is None:
            self.show_preview(parsed)
        else:
            self.ask_about_duplicate(parsed, duplicate)

    def ask_about_duplicate(self, parsed: ParsedPlan, duplicate: Any) -> QMessageBox:
        """The same document (text or number) is already a plan: revise it, add another, or stop."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("方案已存在"),
            self.tr("{0}要怎样导入？").format(duplicate.describe()),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        revise = box.addButton(self.tr("作为该方案的修订版导入"), QMessageBox.ButtonRole.AcceptRole)
        separate = box.addButton(self.tr("作为另一个方案导入"), QMessageBox.ButtonRole.ActionRole)
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(revise)

        def answered(_result: int) -> None:
            self.question = None
            if box.clickedButton() is revise:
                self.revise(duplicate.plan_id, parsed)
            elif box.clickedButton() is separate:
                self.show_preview(parsed)
            else:
                self.failed.emit(self.tr("未导入：数据库中已有该方案。"))

        box.finished.connect(answered)
        self.question = box
        box.open()
        self.duplicate_asked.emit(box)
        return box

    def revise(self, plan_id: int, parsed: ParsedPlan) -> Worker:
        """Compare with the plan in the database and show the revision preview (services/revision.py)."""
        from ..services.plans.revision import diff_revision

        reload_plans = getattr(self.window, "reload_plans", None)
        if reload_plans is not None:
            reload_plans(plan_id)  # the window shows the plan the revision is for
        return self._run(
            lambda _report, _cancelled: diff_revision(self.db, plan_id=plan_id, parsed=parsed),
            self.tr("正在比对修订版…"),
            lambda diff: self._on_compared(plan_id, parsed, diff),
        )

    def _on_compared(self, plan_id: int, parsed: ParsedPlan, diff: Any) -> None:
        from .exchange_dialogs import RevisionDialog

        self._close_progress()
        dialog = RevisionDialog(self.db, plan_id=plan_id, parsed=parsed, diff=diff, parent=self.window)
        dialog.applied.connect(lambda _result: self.imported.emit(plan_id))
        self.revision_dialog = dialog
        dialog.open()
        self.revision_shown.emit(dialog)

    def show_preview(self, parsed: ParsedPlan) -> ImportPreviewDialog:
        from ..services.plans.adopt import parsed_adoption
        from ..services.plans.plan_import import review_text

        adoption = parsed_adoption(self.db, parsed=parsed)
        self.preview = ImportPreviewDialog(parsed, review_text(parsed), self.window, adoption=adoption)
        preview = self.preview
        preview.accepted.connect(lambda: self.store(parsed, preview.choices()))
        preview.part.activated.connect(lambda index: self._other_part(preview, index + 1))
        preview.open()
        self.preview_shown.emit(preview)
        return preview

    def _other_part(self, preview: ImportPreviewDialog, part: int) -> None:
        """Another plan of a bundled file chosen: its own preview replaces this one (nothing was stored)."""
        if part == preview.parsed.part or not self.path:
            return
        preview.reject()
        self.load(self.path, part)

    def store(self, parsed: ParsedPlan, choices: dict[str, Any] | None = None) -> Worker:
        """The import use case (services.plans.plan_import.import_document): the plan, its corrected
        properties, its short name and the adopted assignments in one transaction."""
        from ..services.plans.plan_import import ImportChoices, import_document

        chosen = dict(choices or {})
        corrected = {
            key: chosen[key] for key in ("title", "issuer", "doc_number", "issued_on") if key in chosen
        }
        decided = ImportChoices(
            **corrected,
            level=chosen.get("level"),
            short_name=chosen.get("short_name", "") or "",
            adopt=bool(chosen.get("adopt", False)),
            deadline=chosen.get("deadline"),
            as_new=True,  # a duplicate was asked about before the preview opened
        )

        def job(report: Any, cancelled: Any) -> Any:
            return import_document(
                self.db, parsed=parsed, choices=decided, progress=report, is_cancelled=cancelled
            )

        return self._run(job, self.tr("正在写入方案…"), self._on_stored)

    def _on_stored(self, stored: Any) -> None:
        self.adopted = stored.adopted
        self._close_progress()
        self.imported.emit(stored.plan_id)
