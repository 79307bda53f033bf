"""The fonts PlanDesk finds for its reports and its window, as the window may ask for them."""

from __future__ import annotations

from ...reports.fonts import SCREEN_SUFFIXES, find_screen_font

__all__ = ["SCREEN_SUFFIXES", "find_screen_font"]
