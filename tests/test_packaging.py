"""What `pip install .` ships: every package, the migrations and the sample plans."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_source_folder_is_a_listed_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    folders = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "desktop").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    missing = folders - listed
    assert not missing, f"not installed by `pip install .`: {sorted(missing)}"
    assert config["package-dir"]["desktop.resources"] == "resources"
    assert "plans/*" in config["package-data"]["desktop.resources"]
    assert any("versions" in pattern for pattern in config["package-data"]["desktop"])
