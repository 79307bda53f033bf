"""SQLAlchemy typed models: tables and relations only, no use cases."""

from .audit import AuditEntry
from .base import Base, utcnow
from .exchange import ImportBatch, WorkbookExport
from .indicator import ATTRIBUTES, Indicator, IndicatorValue
from .items import ESCALATION_LEVELS, ITEM_SOURCES, Checkpoint, Escalation, SupervisionItem
from .plan import NODE_KINDS, NODE_ORIGINS, PLAN_LEVELS, NodeLink, Plan, PlanNode, PlanRevision
from .setting import Setting
from .supervision import ExtensionRequest, MonthSnapshot, Reminder, WorkflowStep
from .unit import ROLES, UNIT_KINDS, Responsibility, Unit, UnitAlias, UnitLogin
from .work import ASSIGNMENT_STATUSES, WORKFLOW_STATES, Assignment, Evidence, ProgressEntry

__all__ = [
    "ASSIGNMENT_STATUSES",
    "ESCALATION_LEVELS",
    "ITEM_SOURCES",
    "Checkpoint",
    "Escalation",
    "SupervisionItem",
    "ATTRIBUTES",
    "NODE_KINDS",
    "NODE_ORIGINS",
    "PLAN_LEVELS",
    "ROLES",
    "UNIT_KINDS",
    "WORKFLOW_STATES",
    "Assignment",
    "AuditEntry",
    "Base",
    "Evidence",
    "ExtensionRequest",
    "ImportBatch",
    "Indicator",
    "IndicatorValue",
    "MonthSnapshot",
    "NodeLink",
    "Plan",
    "PlanNode",
    "PlanRevision",
    "ProgressEntry",
    "Reminder",
    "Responsibility",
    "Setting",
    "Unit",
    "UnitAlias",
    "UnitLogin",
    "WorkbookExport",
    "WorkflowStep",
    "utcnow",
]
