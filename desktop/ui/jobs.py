"""Long work off the GUI thread — progress, Cancel, errors and completion — written once for the whole window.

A ``BackgroundJob`` runs one use case (``job(progress, is_cancelled)``) in Qt's thread pool. Given a ``label`` it
shows a window-modal progress dialog with 取消 once the work takes longer than 300 ms; without one the caller shows
progress in its own widgets through ``progressed``. Exactly one of ``finished``, ``failed`` or ``cancelled`` is
emitted, on the GUI thread, and the job keeps itself (and its worker) alive until then, however many run at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from .workers import Job, Worker

RUNNING: set[BackgroundJob] = set()


def tr(text: str) -> str:
    return QCoreApplication.translate("BackgroundJob", text)


class BackgroundJob(QObject):
    progressed = Signal(int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self, job: Job, *, label: str | None = None, window: QWidget | None = None, title: str = ""
    ) -> None:
        super().__init__()
        self.worker = Worker(job)
        self.dialog: QProgressDialog | None = None
        if label is not None:
            dialog = QProgressDialog(label, tr("取消"), 0, 100, window)
            if title:
                dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
            self.dialog = dialog
        signals = self.worker.signals
        signals.progress.connect(self._progress)
        signals.finished.connect(self._finished)
        signals.failed.connect(self._failed)
        signals.cancelled.connect(self._cancelled)

    def start(self) -> BackgroundJob:
        RUNNING.add(self)
        self.worker.start()
        return self

    def cancel(self) -> None:
        self.worker.cancel()

    @property
    def running(self) -> bool:
        return self in RUNNING

    def _progress(self, percent: int, message: str) -> None:
        if self.dialog is not None:
            self.dialog.setValue(percent)
            self.dialog.setLabelText(message)
        self.progressed.emit(percent, message)

    def _end(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        RUNNING.discard(self)

    def _finished(self, result: object) -> None:
        self._end()
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)

    def _cancelled(self) -> None:
        self._end()
        self.cancelled.emit()


def run_job(
    job: Job,
    *,
    on_done: Callable[[Any], object],
    on_failed: Callable[[str], object],
    on_cancelled: Callable[[], object] | None = None,
    label: str | None = None,
    window: QWidget | None = None,
    title: str = "",
) -> BackgroundJob:
    """Start ``job`` and route its one outcome to the callbacks."""
    background = BackgroundJob(job, label=label, window=window, title=title)
    background.finished.connect(on_done)
    background.failed.connect(on_failed)
    if on_cancelled is not None:
        background.cancelled.connect(on_cancelled)
    return background.start()
