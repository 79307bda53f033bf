"""The log: every command is traced in the rotating file, and a fault of PlanDesk itself is explained, not dumped."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import cli
from desktop.commands import core
from desktop.logs import log_path


def test_info_names_the_log_and_the_log_records_the_command(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--db", db_url, "info"]) == 0
    out = capsys.readouterr().out
    assert f"日志：{log_path()}" in out
    assert "plandesk info" in Path(log_path()).read_text(encoding="utf-8")


def test_an_unexpected_fault_gives_one_chinese_sentence_and_the_trace_goes_to_the_log(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_args: object) -> int:
        raise RuntimeError("内部计算出错 4711")

    monkeypatch.setattr(core, "cmd_info", broken)
    assert cli.main(["--db", db_url, "info"]) == 2
    err = capsys.readouterr().err
    assert "PlanDesk 发生意外错误" in err and "内部计算出错 4711" in err
    assert "Traceback" not in err
    logged = Path(log_path()).read_text(encoding="utf-8")
    assert "Traceback" in logged and "内部计算出错 4711" in logged
