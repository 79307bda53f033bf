"""PlanDesk's log: a rotating file in the user's data folder, so that a fault can be traced after the fact.

The file is small and kept short (three files of 1 MB); PLANDESK_LOG_DIR moves it (tests, portable installs).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_NAME = "plandesk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d:%(threadName)s] %(message)s"


def log_folder() -> Path:
    explicit = os.environ.get("PLANDESK_LOG_DIR")
    if explicit:
        return Path(explicit)
    import platformdirs

    return Path(platformdirs.user_log_dir("PlanDesk", appauthor=False))


def log_path() -> Path:
    return log_folder() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send PlanDesk's log records to the rotating file; returns its path, or None when it cannot be written.

    A log that cannot be written (read-only profile, full disk) must never stop the program.
    """
    root = logging.getLogger("desktop")
    path = log_path()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path
