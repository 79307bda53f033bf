"""Supervision widgets: the hand-off panel, warnings, 报送情况, ranking and coverage views."""

from .tables import CoverageView, RankingView, ReportingView, WarningsView
from .workflow_panel import WorkflowPanel

__all__ = ["CoverageView", "RankingView", "ReportingView", "WarningsView", "WorkflowPanel"]
