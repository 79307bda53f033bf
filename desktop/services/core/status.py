"""The status vocabulary as the services use it (it lives in desktop.status, shared with the reports)."""

from __future__ import annotations

import datetime as dt

from ...models import ESCALATION_LEVELS, ITEM_SOURCES, PLAN_LEVELS
from ...status import (
    ATTRIBUTE_NAMES,
    KIND_NAMES,
    LEVEL_NAMES,
    ROLE_CODES,
    ROLE_NAMES,
    SEVERITY,
    STATUS_CODES,
    STATUS_NAMES,
    effective_status,
    moved_status,
    worst,
)

__all__ = [
    "ESCALATION_LEVELS",
    "ITEM_SOURCES",
    "PLAN_LEVELS",
    "ATTRIBUTE_NAMES",
    "KIND_NAMES",
    "LEVEL_NAMES",
    "ROLE_CODES",
    "ROLE_NAMES",
    "SEVERITY",
    "STATUS_CODES",
    "STATUS_NAMES",
    "effective_status",
    "moved_status",
    "worst",
    "CLOSED_WORKFLOW",
    "supervised_status",
    "is_overdue",
]

# 办结 and 销号 end supervision whatever the stored status says (kept here to avoid importing the workflow).
CLOSED_WORKFLOW = ("closed", "struck_off")


def supervised_status(
    status: str, workflow_state: str | None, deadline: dt.date | None, as_of: dt.date
) -> str:
    """The one status every count uses: closed or struck-off work is done, unfinished work past its deadline
    is overdue. The report, the warnings' red set and 考核's overdue count all derive from it."""
    if workflow_state in CLOSED_WORKFLOW:
        return "done"
    return effective_status(status, deadline, as_of)


def is_overdue(status: str, workflow_state: str | None, deadline: dt.date | None, as_of: dt.date) -> bool:
    return supervised_status(status, workflow_state, deadline, as_of) == "overdue"
