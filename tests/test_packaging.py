"""What `pip install .` and the bundle ship: every package, the migrations and the sample plans, found the
same way in every install; and what the program does at start before anything heavy is loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from desktop import __version__
from desktop.services.plans.plan_import import import_plan
from desktop.storage import Database

from factories import small_plan

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


# -- what the program reads from its own installation, the same way in a wheel, an editable install and the
# PyInstaller bundle (packaging/plandesk.spec, tested by packaging/smoke.py on the built program)


def test_shipped_files_are_found_through_importlib_resources() -> None:
    from desktop.resources import resource_path, shipped_path
    from desktop.storage.migrate import MIGRATIONS, VERSIONS

    assert sorted(p.name for p in resource_path("plans").glob("*.txt")) == sorted(
        p.name for p in (ROOT / "resources" / "plans").glob("*.txt")
    )
    assert (resource_path("i18n") / "plandesk_en.qm").is_file()
    assert shipped_path("desktop.storage", "migrations") == MIGRATIONS
    assert (MIGRATIONS / "env.py").is_file() and (MIGRATIONS / "script.py.mako").is_file()
    assert any(VERSIONS.glob("0001_*.py"))


def test_nothing_in_the_program_finds_files_by_its_own_location() -> None:
    """``__file__`` points elsewhere in a bundle; shipped files are found with desktop.resources.shipped_path."""
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("desktop", "resources")
        for p in (ROOT / folder).rglob("*.py")
        if "__file__" in p.read_text(encoding="utf-8")
    ]
    assert not offenders, offenders


def test_version_loads_no_heavy_library() -> None:
    """``plandesk --version`` answers before the command modules, the database and Qt are imported."""
    probe = (
        "import sys\nfrom desktop.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "heavy = ('sqlalchemy', 'PySide6', 'reportlab', 'openpyxl', 'docx', 'alembic', 'desktop.commands')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"PlanDesk {__version__}", "[]"]


def test_the_window_reports_its_filled_tree_and_quits(db: Database, tmp_path: Path) -> None:
    """PLANDESK_STARTUP_PROBE: what packaging/smoke.py asks a built bundle to prove without a user."""
    import_plan(db, parsed=small_plan())
    probe = tmp_path / "window.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # the window's preferences, never the user's
        "PLANDESK_STARTUP_PROBE": str(probe),
    }
    out = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", db.url],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    state = json.loads(probe.read_text(encoding="utf-8"))
    assert state["painted"] is True and state["plans"] == 1 and state["tree_rows"] >= 1
    assert state["qt_cancel"] == "取消"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 window's libraries")
def test_a_missing_x11_library_is_named_by_its_debian_package(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import ctypes

    from desktop.cli import main

    real = ctypes.CDLL

    def load(name: str, *args: object, **kwargs: object) -> ctypes.CDLL:
        if name == "libxcb-icccm.so.4":
            raise OSError(f"{name}: cannot open shared object file")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ctypes, "CDLL", load)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    assert main(["--db", str(tmp_path / "plandesk.sqlite3")]) == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install" in err and "libxcb-icccm4" in err
    assert not (tmp_path / "plandesk.sqlite3").exists()  # refused before anything was opened
