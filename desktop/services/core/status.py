"""The status vocabulary as the services and the window use it (from desktop.status and the models)."""

from __future__ import annotations

from ... import rulebook
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

# The one supervised status every count uses is the rulebook's (desktop.rulebook), named here for the services.
CLOSED_WORKFLOW = rulebook.CLOSED_WORKFLOW
supervised_status = rulebook.supervised_status
is_overdue = rulebook.is_overdue
