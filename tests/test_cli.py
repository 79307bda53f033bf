"""The plandesk command as an office would script it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import main
from desktop.services.core.tree import children, list_plans
from desktop.services.plans.plan_import import import_plan
from desktop.storage import open_database

from factories import small_plan


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def small_db(db_url: str) -> tuple[str, int]:
    with open_database(db_url) as db:
        import_plan(db, parsed=small_plan())
        root = list_plans(db)[0].root_id
        section = children(db, node_id=children(db, node_id=root)[0].id)[0]  # type: ignore[arg-type]
        task = children(db, node_id=section.id)[0]
    return db_url, task.id


def test_version_and_help() -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    out = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True)
    assert out.stdout.strip() == f"PlanDesk {__version__}"


def test_info_list_assign_progress(capsys: pytest.CaptureFixture[str], small_db: tuple[str, int]) -> None:
    url, task = small_db
    code, out, _ = run(capsys, "--db", url, "info")
    assert code == 0 and "方案：1" in out and "结构版本：" in out
    code, out, _ = run(capsys, "--db", url, "list")
    assert code == 0 and "某政发〔2024〕1号" in out and out.split("\t")[0] == "1"
    code, out, _ = run(
        capsys,
        "--db",
        url,
        "assign",
        str(task),
        "--unit",
        "区科委",
        "--role",
        "co",
        "--contact",
        "李四",
        "--deadline",
        "2026-06-30",
        "--percent",
        "10",
    )
    assert code == 0 and out.strip().isdigit()
    assignment = out.strip()
    code, out, _ = run(
        capsys,
        "--db",
        url,
        "progress",
        assignment,
        "--period",
        "2026-05",
        "--text",
        "已完成选址",
        "--percent",
        "30",
    )
    assert code == 0 and out.strip().isdigit()
    code, out, _ = run(capsys, "--db", url, "list", "--json")
    assert json.loads(out)[0]["title"] == "某区贯彻落实计量发展规划实施方案"


@pytest.mark.parametrize(
    "argv, words",
    [
        (["assign", "{task}", "--unit", "火星局"], "未知单位"),
        (["assign", "{task}", "--unit", "区科委", "--deadline", "2026-13-01"], "截止日期"),
        (["assign", "999999", "--unit", "区科委"], "找不到"),
        (["progress", "999999", "--period", "2026-05", "--text", "x"], "找不到"),
        (["report", "notices", "--plan", "1", "--as-of", "", "-o", "x.pdf"], "统计截止日期"),
    ],
)
def test_errors_go_to_stderr_in_chinese(
    capsys: pytest.CaptureFixture[str], small_db: tuple[str, int], argv: list[str], words: str
) -> None:
    url, task = small_db
    code, out, err = run(capsys, "--db", url, *[a.format(task=task) for a in argv])
    assert code != 0 and out == ""
    assert err.startswith("错误：") and words in err


def test_export_plan_json(
    capsys: pytest.CaptureFixture[str], small_db: tuple[str, int], tmp_path: Path
) -> None:
    url, _ = small_db
    target = tmp_path / "plan.json"
    code, _, _ = run(capsys, "--db", url, "export", "plan", "1", "--format", "json", "-o", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert code == 0 and set(data) == {"plan", "nodes", "indicators"}
    assert [n["label"] for n in data["nodes"]][:3] == ["一、", "（一）", "1."]
    assert data["nodes"][0]["parent"] is None
    assert data["nodes"][2]["units"] == [
        {"name": "区市场监管局", "role": "lead", "raw_name": "区市场监管局"},
        {"name": "区科委", "role": "co", "raw_name": "区科委"},
    ]
    assert {n["kind"] for n in data["nodes"]} <= {
        "chapter",
        "section",
        "task",
        "column",
        "item",
        "goal",
        "measure",
    }
    assert data["indicators"][1] == {
        "field": "",
        "name": "覆盖率",
        "unit": "%",
        "target": "≥90%",
        "year": 2025,
        "attribute": "expected",
    }


def test_no_display_names_the_cli_instead_of_crashing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PLANDESK_DB"] = str(tmp_path / "gui.sqlite3")
    if sys.platform.startswith("linux"):
        out = subprocess.run(
            [sys.executable, "-m", "desktop"], capture_output=True, text=True, env=env, timeout=60
        )
        assert out.returncode == 1
        assert "没有可用的图形显示" in out.stderr and "import" in out.stderr and "Traceback" not in out.stderr


def test_unwritable_output_is_a_chinese_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], small_db: tuple[str, int], tmp_path: Path
) -> None:
    url, _ = small_db
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    blocker = out_dir / "a-file"
    blocker.write_text("x")
    code, out, err = run(capsys, "--db", url, "export", "plan", "1", "-o", str(blocker / "plan.json"))
    assert code == 1 and err.startswith("错误：无法读写文件") and "Traceback" not in err
    assert list(out_dir.iterdir()) == [blocker], "no temporary file is left behind"


def test_command_line_mistakes_are_explained_in_chinese() -> None:
    def run_cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop", *argv], capture_output=True, text=True, timeout=60
        )

    missing = run_cli("report", "notices", "--plan", "1", "-o", "x.pdf")
    assert (
        missing.returncode == 2 and "缺少必需的参数：--as-of" in missing.stderr and "用法：" in missing.stderr
    )
    wrong = run_cli("assign", "abc", "--unit", "市科技局")
    assert "“abc”不是有效的数字" in wrong.stderr
    assert "显示本帮助并退出" in run_cli("--help").stdout


def test_a_mistyped_database_path_is_not_silently_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    typo = tmp_path / "offcie.sqlite3"
    code, out, err = run(capsys, "--db", str(typo), "list")
    assert code == 1 and "找不到数据库文件" in err and not typo.exists()
    plan = Path(__file__).resolve().parent.parent / "resources" / "plans" / "xian_jiliang_2024.txt"
    code, out, _ = run(capsys, "--db", str(typo), "import", str(plan))
    assert code == 0 and typo.exists(), "importing a plan is how a new database begins"


def test_edit_changes_only_the_given_fields(
    capsys: pytest.CaptureFixture[str], small_db: tuple[str, int]
) -> None:
    url, task = small_db
    _, out, _ = run(capsys, "--db", url, "assign", str(task), "--unit", "区科委", "--contact", "李四")
    code, out, err = run(
        capsys, "--db", url, "edit", out.strip(), "--deadline", "2027-03-31", "--percent", "50"
    )
    assert code == 0 and "2027-03-31" in out and "50%" in out
    with open_database(url) as db:
        from desktop.services.core.tree import node_detail

        [a] = node_detail(db, node_id=task).assignments
    assert (a.contact_person, a.status, a.percent) == ("李四", "in_progress", 50)
    code, _, err = run(capsys, "--db", url, "edit", str(a.id))
    assert code == 1 and "没有要修改的内容" in err


def test_the_quick_help_lists_exactly_the_commands_the_modules_register() -> None:
    """``plandesk --help`` is printed from desktop.cli_catalog without loading the commands: the same words."""
    import argparse
    import subprocess
    import sys

    from desktop.cli import build_parser
    from desktop.cli_catalog import COMMANDS

    full = build_parser()
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    assert [(a.dest, a.help) for a in sub._choices_actions] == list(COMMANDS)
    assert build_parser(overview=True).format_help() == full.format_help()
    probe = (
        "import sys\nfrom desktop.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "heavy = ('sqlalchemy', 'PySide6', 'reportlab', 'openpyxl', 'docx', 'desktop.commands')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "import" in out.stdout and out.stdout.splitlines()[-1] == "[]"
