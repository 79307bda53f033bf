"""The status vocabulary as the services use it (it lives in desktop.status, shared with the reports)."""

from ..models import ESCALATION_LEVELS, ITEM_SOURCES
from ..status import (
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
