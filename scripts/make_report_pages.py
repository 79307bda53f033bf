"""Render the report pages shown in the README (docs/reports/*.png) from a realistic month on the Xi'an plan.

Run from the repository root: python scripts/make_report_pages.py  (needs LibreOffice and poppler's pdftoppm).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "reports")]

from report_fixtures import AS_OF, MONTH, seed_xian_month  # noqa: E402

from desktop.reports.bulletin import render_bulletin  # noqa: E402
from desktop.reports.monthly import render_monthly  # noqa: E402
from desktop.services.reporting.bulletin import draft_bulletin  # noqa: E402
from desktop.services.reporting.ledger import export_ledger  # noqa: E402
from desktop.services.reporting.notices import issue_notices  # noqa: E402
from desktop.services.reporting.report_data import gather_monthly  # noqa: E402
from desktop.storage import open_database  # noqa: E402

OUT = ROOT / "docs" / "reports"


def pages(pdf: Path, name: str, first: int = 1, last: int = 2) -> None:
    """pdftoppm -r 60 -png: name_p1.png, name_p2.png …"""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", str(first), "-l", str(last), str(pdf), f"{tmp}/p"],
            check=True,
        )
        for i, png in enumerate(sorted(Path(tmp).glob("p-*.png")), start=first):
            shutil.copyfile(png, OUT / f"{name}_p{i}.png")


def soffice_pdf(source: Path, work: Path) -> Path:
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{work}/lo",
         "--convert-to", "pdf", "--outdir", str(work), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return work / (source.stem + ".pdf")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = open_database(work / "demo.sqlite3", operator="督查科")
        month = seed_xian_month(db)
        data = gather_monthly(db, plan_id=month.plan_id, month=MONTH, as_of=AS_OF)
        pages(render_monthly(data, work / "monthly.pdf"), "monthly", 1, 3)
        brief = gather_monthly(db, plan_id=month.plan_id, month=MONTH, as_of=AS_OF, brief=True)
        pages(render_monthly(brief, work / "brief.pdf"), "brief", 1, 1)
        issued = issue_notices(
            db, plan_id=month.plan_id, as_of=AS_OF, path=work / "notice.pdf", one_file=False
        )
        pages(issued[0].path, "notice", 1, 2)
        shutil.copyfile(OUT / "notice_p1.png", OUT / "notice.png")
        bulletin = draft_bulletin(db, plan_id=month.plan_id, month=MONTH, as_of=AS_OF, issue=True)
        pages(render_bulletin(bulletin, work / "bulletin.pdf"), "bulletin", 1, 1)
        ledger = export_ledger(db, plan_id=month.plan_id, path=work / "ledger.xlsx", as_of=AS_OF)
        pages(soffice_pdf(ledger, work), "ledger", 1, 2)
        db.close()
    print(f"pages written to {OUT} on {dt.date.today()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
