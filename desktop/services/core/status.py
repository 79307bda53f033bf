"""The status vocabulary as the services and the window use it (from desktop.status and the models)."""

from __future__ import annotations

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
]
