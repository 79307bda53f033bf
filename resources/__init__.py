"""Files shipped with PlanDesk (installed as desktop.resources): sample plans, icons, translations."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)
