"""Importing a plan file: parse in a worker with progress and Cancel, preview, then store in a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..importers.parsed import ParsedNode, ParsedPlan
from ..importers.review import KIND_NAMES
from ..storage import Database
from .workers import Worker

FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportController", "方案文件 (*.txt *.docx *.pdf *.html *.htm);;所有文件 (*)"
)


class ImportPreviewDialog(QDialog):
    """The parsed tree and the review findings; OK stores the plan, Cancel drops it."""

    def __init__(self, parsed: ParsedPlan, review: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parsed = parsed
        self.setWindowTitle(self.tr("导入预览：{0}").format(parsed.source_name or parsed.title))
        title = QLabel(f"<b>{parsed.title}</b>　{parsed.doc_number}")
        title.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("编号"), self.tr("标题"), self.tr("类型"), self.tr("责任单位")])
        self.tree.setUniformRowHeights(True)
        for node in parsed.nodes:
            self.tree.addTopLevelItem(self._item(node))
        self.tree.expandToDepth(1)
        self.tree.setColumnWidth(0, 70)
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
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 680)

    def _item(self, node: ParsedNode) -> QTreeWidgetItem:
        units = "、".join(u.name for u in node.units)
        item = QTreeWidgetItem([node.label, node.title, KIND_NAMES.get(node.kind, node.kind), units])
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

    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self.db = db
        self.window = window
        self.worker: Worker | None = None
        self.progress: QProgressDialog | None = None
        self.preview: ImportPreviewDialog | None = None
        self.file_dialog: QFileDialog | None = None

    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self.window, self.tr("导入方案"), "", self.tr(FILE_FILTER))  # type: ignore[arg-type]  # QT_TRANSLATE_NOOP is typed object
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _run(self, job, label: str, done) -> Worker:
        progress = QProgressDialog(label, self.tr("取消"), 0, 100, self.window)
        progress.setWindowTitle(self.tr("导入方案"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        worker = Worker(job)
        progress.canceled.connect(worker.cancel)
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(done)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.cancelled.connect(self._on_cancelled)
        self.worker, self.progress = worker, progress
        worker.start()
        return worker

    def load(self, path: str) -> Worker:
        """Parse ``path`` in the background, then show the preview."""
        from ..importers.load import load_plan

        return self._run(
            lambda report, cancelled: load_plan(path, progress=report, is_cancelled=cancelled),
            self.tr("正在分析“{0}”…").format(Path(path).name),
            self._on_parsed,
        )

    def _on_progress(self, percent: int, message: str) -> None:
        if self.progress is not None:
            self.progress.setValue(percent)
            self.progress.setLabelText(message)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _on_failed(self, message: str) -> None:
        self._close_progress()
        self.failed.emit(message)

    def _on_cancelled(self) -> None:
        self._close_progress()
        self.failed.emit(self.tr("导入已取消，未写入任何内容。"))

    def _on_parsed(self, parsed: ParsedPlan) -> None:
        from ..importers.review import review_lines

        self._close_progress()
        self.preview = ImportPreviewDialog(parsed, review_lines(parsed), self.window)
        self.preview.accepted.connect(lambda: self.store(parsed))
        self.preview.open()
        self.preview_shown.emit(self.preview)

    def store(self, parsed: ParsedPlan) -> Worker:
        from ..services.plan_import import import_plan

        return self._run(
            lambda report, cancelled: import_plan(
                self.db, parsed=parsed, progress=report, is_cancelled=cancelled
            ),
            self.tr("正在写入方案…"),
            self._on_stored,
        )

    def _on_stored(self, result) -> None:
        self._close_progress()
        self.imported.emit(result.plan_id)
