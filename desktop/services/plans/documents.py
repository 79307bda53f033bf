"""Reading a plan document for the window: what the importer recognised, before anything is written.

The window reaches the importer only through this module, so that what it may use of it is stated once.
"""

from __future__ import annotations

from ...importers.load import load_plan
from ...importers.parsed import Finding, ParsedIndicator, ParsedNode, ParsedPlan, ParsedUnit
from ...importers.review import KIND_NAMES, review_dict, review_lines

read_plan_document = load_plan

__all__ = [
    "KIND_NAMES",
    "Finding",
    "ParsedIndicator",
    "ParsedNode",
    "ParsedPlan",
    "ParsedUnit",
    "read_plan_document",
    "review_dict",
    "review_lines",
]
