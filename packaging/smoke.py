"""Smoke test of a built bundle: runs the program in dist/plandesk/, never the Python sources.

    python packaging/smoke.py [dist/plandesk]

Each check prints one line; the first failure says what failed and the script exits with 1. Everything is
written to a temporary folder (database, backups, reports, log, the XDG folders on Linux); on Windows the
window's preferences go to the registry as usual (HKCU\\Software\\PlanDesk).

The Python running this script only writes the test documents (the PDF through reportlab, which the build
environment has); the checks themselves run the built executables:
  --version; importing the sample plan as .txt, and as .docx, web page and PDF written from it (the same
  chapters, sections and tasks), and an Excel 任务分解表; adopt (分工 from the document); the monthly report as PDF and .docx; a backup;
  check; the PostgreSQL driver (a refused connection, not a missing driver); then the window, offscreen on
  that database, until its plan tree has painted (PLANDESK_STARTUP_PROBE, see desktop/ui/app.py), in Chinese
  with Qt's own strings translated, and in English (the catalogue in desktop.resources).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "plans" / "xian_jiliang_2024.txt"
WINDOWS = sys.platform.startswith("win")
TIMEOUT = 300  # seconds per command: a first start on an office PC with a virus scanner can be slow


class Failed(Exception):
    pass


def executable(bundle: Path, name: str) -> Path | None:
    path = bundle / (name + (".exe" if WINDOWS else ""))
    return path if path.is_file() else None


def environment(work: Path) -> dict[str, str]:
    """The user's environment, minus anything that could make the bundle find Python files outside itself,
    with the data, settings and log folders in the temporary folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PLANDESK_", "QT_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PLANDESK_LOG_DIR=str(work / "log"),
        PLANDESK_OPERATOR="冒烟测试",
        XDG_DATA_HOME=str(work / "data"),
        XDG_CONFIG_HOME=str(work / "config"),
        XDG_STATE_HOME=str(work / "state"),
        XDG_CACHE_HOME=str(work / "cache"),
    )
    return env


class Runner:
    def __init__(self, cli: Path, env: dict[str, str], work: Path) -> None:
        self.cli = cli
        self.env = env
        self.work = work

    def run(
        self, *args: str, program: Path | None = None, expect: int = 0
    ) -> subprocess.CompletedProcess[str]:
        command = [str(program or self.cli), *args]
        try:
            done = subprocess.run(
                command,
                cwd=self.work,
                env=self.env,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=TIMEOUT,
            )
        except subprocess.TimeoutExpired as exc:
            raise Failed(f"{' '.join(args)}: no answer after {TIMEOUT} s") from exc
        if done.returncode != expect:
            detail = (done.stderr.strip() or done.stdout.strip())[-1500:]
            raise Failed(f"{' '.join(args)}: exit code {done.returncode}, expected {expect}\n{detail}")
        return done


# -- the test documents, written from the sample plan -----------------------------------------------------


def write_docx(lines: list[str], path: Path) -> None:
    """A minimal Word document: one paragraph per line (what a plan saved from Word looks like)."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines)
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}" Target="word/document.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>',
        )


def write_html(lines: list[str], path: Path) -> None:
    """A web page as a government site publishes a plan: a title and one paragraph per line."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    path.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(lines[0])}</title></head>'
        f"<body>{paragraphs}</body></html>",
        encoding="utf-8",
    )


def write_pdf(lines: list[str], path: Path) -> None:
    """A text PDF (the Adobe Song font every PDF reader has, so nothing to embed), wrapped at the margin."""
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas
    except ImportError as exc:
        raise Failed("writing the test PDF needs reportlab in the Python that runs this script") from exc
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    size, margin = 11, 60
    per_line = int((width - 2 * margin) // size)
    y = height - margin
    for line in lines:
        for start in range(0, max(len(line), 1), per_line):
            if y < margin:
                pdf.showPage()
                y = height - margin
            pdf.setFont("STSong-Light", size)
            pdf.drawString(margin, y, line[start : start + per_line])
            y -= size * 1.6
    pdf.save()


# -- the checks --------------------------------------------------------------------------------------------

STRUCTURE = ("chapter", "section", "task")


class Smoke:
    """The checks, in order, on one database in one temporary folder; each returns its one-line detail."""

    def __init__(self, bundle: Path, work: Path) -> None:
        window = executable(bundle, "plandesk")
        if window is None:
            raise Failed(f"no plandesk executable in {bundle}")
        self.window_program = window
        # Windows: the console program prints and waits; elsewhere one executable is both.
        self.runner = Runner(executable(bundle, "plandesk-cli") or window, environment(work), work)
        self.work = work
        self.db = work / "smoke.sqlite3"
        self.imports = 0  # plans imported so far: the window must list each
        self.lines = [
            line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        self.reference: dict[str, int] = {}

    def cli(self, *args: str, expect: int = 0) -> subprocess.CompletedProcess[str]:
        return self.runner.run("--db", str(self.db), *args, expect=expect)

    def version(self) -> str:
        version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
        out = self.runner.run("--version").stdout.strip()
        if out != f"PlanDesk {version}":
            raise Failed(f"printed {out!r}, expected 'PlanDesk {version}'")
        return out

    def imported(self, document: Path, *extra: str) -> dict[str, int]:
        out = self.cli("import", str(document), "--json", *extra).stdout
        self.imports += 1
        try:
            counts = json.loads(out)["counts"]
        except (ValueError, KeyError) as exc:
            raise Failed(f"import {document.name}: no JSON with counts in the output: {out[:300]!r}") from exc
        return {k: int(counts.get(k, 0)) for k in STRUCTURE}

    def import_text(self) -> str:
        self.reference = self.imported(SAMPLE)
        if not self.reference["task"]:
            raise Failed(f"no tasks read from {SAMPLE.name}: {self.reference}")
        return ", ".join(f"{k} {v}" for k, v in self.reference.items())

    def import_written(self, suffix: str, writer: Callable[[list[str], Path], None]) -> str:
        document = self.work / f"plan.{suffix}"
        writer(self.lines, document)
        counts = self.imported(document, "--new")
        if counts != self.reference:
            raise Failed(f"{document.name} gave {counts}, the text gave {self.reference}")
        return f"same chapters, sections and tasks as the text ({document.stat().st_size} bytes)"

    def import_task_table(self) -> str:
        """An Excel 任务分解表 (the importer's openpyxl and its zip checks, inside the bundle)."""
        from openpyxl import Workbook

        document = self.work / "任务分解表.xlsx"
        wb = Workbook()
        ws = wb.worksheets[0]
        ws.append(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])
        ws.append([1, "推进计量数字化转型", "市市场监管局", "市数据局", "2025年底前"])
        ws.append([2, "建设产业计量测试中心", "市工信局", "市市场监管局", "2026年6月"])
        wb.save(document)
        counts = self.imported(document, "--new")
        if counts.get("task") != 2:
            raise Failed(f"{document.name} gave {counts}, expected its 2 rows as tasks")
        return "2 rows read as 2 tasks"

    def adopt(self) -> str:
        out = self.cli("adopt", "--plan", "1").stdout.strip()
        return out.splitlines()[-1] if out else "no output"

    def monthly(self, suffix: str, magic: bytes) -> str:
        report = self.work / f"monthly.{suffix}"
        month = dt.date.today().strftime("%Y-%m")
        self.cli("report", "monthly", "--plan", "1", "--month", month, "-o", str(report))
        if not report.is_file() or not report.read_bytes().startswith(magic):
            raise Failed(f"{report.name} missing or not a {report.suffix} file")
        return f"{report.name}, {report.stat().st_size} bytes"

    def backup(self) -> str:
        copy = self.work / "copy.sqlite3"
        self.cli("backup", "-o", str(copy))
        if not copy.is_file() or not copy.read_bytes().startswith(b"SQLite format 3\x00"):
            raise Failed("the backup file is missing or not an SQLite database")
        return f"{copy.name}, {copy.stat().st_size} bytes"

    def check(self) -> str:
        return self.cli("check").stdout.strip().splitlines()[-1]

    def postgres_driver(self) -> str:
        # Port 9 (discard) on this machine: nothing listens, so a bundled driver is refused at once.
        url = "postgresql+psycopg://plandesk@127.0.0.1:9/plandesk"
        err = self.runner.run("--db", url, "info", expect=1).stderr
        if "Can't load plugin" in err or "No module named" in err:
            raise Failed(
                f"the driver is not in the bundle (build with plandesk[postgres] installed): {err.strip()}"
            )
        if "connect" not in err.lower():
            raise Failed(f"expected a refused connection, got: {err.strip()[:500]}")
        return "psycopg is bundled and reports the refused connection"

    def window(self, *args: str) -> dict[str, object]:
        probe = self.work / "window.json"
        probe.unlink(missing_ok=True)
        self.runner.env["PLANDESK_STARTUP_PROBE"] = str(probe)
        try:
            self.runner.run("--db", str(self.db), *args, program=self.window_program)
        finally:
            del self.runner.env["PLANDESK_STARTUP_PROBE"]
        if not probe.is_file():
            raise Failed("the window quit without writing its state")
        state: dict[str, object] = json.loads(probe.read_text(encoding="utf-8"))
        rows = state.get("tree_rows")
        plans = self.imports  # every import above made a plan
        if not state.get("painted") or not isinstance(rows, int) or rows < 1 or state.get("plans") != plans:
            raise Failed(f"expected a painted tree with rows and {plans} plans, got {state}")
        return state

    def window_chinese(self) -> str:
        state = self.window()
        if state.get("qt_cancel") != "取消":
            raise Failed(f"Qt's own strings are not in Chinese (qtbase_zh_CN.qm missing?): {state}")
        return f"{state['tree_rows']} top-level rows, {state['plans']} plans, Qt's buttons in Chinese"

    def window_english(self) -> str:
        state = self.window("--lang", "en")
        title = state.get("title")
        chinese = isinstance(title, str) and any("\u4e00" <= c <= "\u9fff" for c in title)
        if not title or chinese or state.get("qt_cancel") != "Cancel":
            raise Failed(f"the English catalogue did not load (resources/i18n in the bundle?): {state}")
        return f"title {title!r}"


def main() -> int:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "plandesk").resolve()
    # Windows may still hold a file of a program that has just exited: a leftover temporary folder is no failure.
    with tempfile.TemporaryDirectory(prefix="plandesk-smoke-", ignore_cleanup_errors=True) as tmp:
        try:
            smoke = Smoke(bundle, Path(tmp))
        except Failed as exc:
            print(f"FAIL bundle: {exc}")
            return 1
        steps: list[tuple[str, Callable[[], str]]] = [
            ("--version", smoke.version),
            ("import txt", smoke.import_text),
            ("import docx", lambda: smoke.import_written("docx", write_docx)),
            ("import html", lambda: smoke.import_written("html", write_html)),
            ("import pdf", lambda: smoke.import_written("pdf", write_pdf)),
            ("import xlsx", smoke.import_task_table),
            ("adopt", smoke.adopt),
            ("monthly report pdf", lambda: smoke.monthly("pdf", b"%PDF-")),
            ("monthly report docx", lambda: smoke.monthly("docx", b"PK\x03\x04")),
            ("backup", smoke.backup),
            ("check", smoke.check),
            ("PostgreSQL driver", smoke.postgres_driver),
            ("window (offscreen)", smoke.window_chinese),
            ("window in English", smoke.window_english),
        ]
        for name, step in steps:
            started = time.monotonic()
            try:
                detail = step()
            except Failed as exc:
                print(f"FAIL {name}: {exc}", flush=True)
                return 1
            print(f"ok   {name} ({time.monotonic() - started:.1f} s): {detail}", flush=True)
    print(f"smoke test passed: {bundle}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
