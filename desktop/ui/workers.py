"""Running long service calls off the GUI thread with progress, cancellation and result signals."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ..errors import Cancelled, PlanDeskError

log = logging.getLogger(__name__)

Job = Callable[[Callable[[int, str], None], Callable[[], bool]], Any]


class WorkerSignals(QObject):
    progress = Signal(int, str)
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a message for the user
    cancelled = Signal()


class Worker(QRunnable):
    """Runs ``job(progress, is_cancelled)`` in the thread pool; never touches widgets."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the caller keeps the worker (and its signals) alive until done

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.job(self.signals.progress.emit, self.is_cancelled)
        except Cancelled:
            self.signals.cancelled.emit()
        except PlanDeskError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - the user gets a message, the log gets the trace
            log.exception("background job failed")
            self.signals.failed.emit(QCoreApplication.translate("Worker", "发生意外错误：{0}").format(exc))
        else:
            # Finished work is reported even if Cancel came late: its transaction is already committed.
            self.signals.finished.emit(result)

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self)
