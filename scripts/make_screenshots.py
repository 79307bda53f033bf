"""Build a demo database and save PNGs of PlanDesk's main window into docs/screenshots/."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PLANS = ROOT / "resources" / "plans"


def build_demo(path: Path):
    """Both sample plans, a few assignments with deadlines behind and ahead, and progress entries."""
    from desktop.services.core.tree import children, list_plans
    from desktop.services.plans.plan_import import import_file
    from desktop.services.supervision.assignments import add_progress, create_assignment
    from desktop.storage import open_database

    db = open_database(path, operator="王敏")
    for name in ("xian_jiliang_2024.txt", "beijing_jiliang_2022.txt"):
        import_file(db, path=PLANS / name, backup=False)
    today = dt.date.today()
    plan = list_plans(db)[0]
    tasks = []
    for chapter in children(db, node_id=plan.root_id):
        for section in children(db, node_id=chapter.id):
            tasks.extend(t for t in children(db, node_id=section.id) if t.kind == "task")
    for i, task in enumerate(tasks[:12]):
        unit = task.lead_unit or "西安市市场监督管理局"
        deadline = today + dt.timedelta(days=(-20, 4, 60, 120)[i % 4])
        status = ("in_progress", "in_progress", "not_started", "done")[i % 4]
        a = create_assignment(
            db,
            node_id=task.id,
            unit=unit,
            deadline=deadline,
            status=status,
            start_date=today - dt.timedelta(days=90),
            contact_person="张科长",
            contact_phone="029-8765432" + str(i % 10),
        )
        if status == "in_progress":
            add_progress(
                db,
                assignment_id=a.id,
                period=(today - dt.timedelta(days=31)).strftime("%Y-%m"),
                text="已制定工作方案，明确责任分工和时间节点。",
                percent=30,
            )
            add_progress(
                db,
                assignment_id=a.id,
                period=today.strftime("%Y-%m"),
                text="完成碳计量标准装置选址论证，正在开展设备采购。",
                percent=55,
                problems="部分设备供货周期较长。",
                next_steps="协调供应商，月底前完成招标。",
            )
    return db, tasks


def main(argv: list[str]) -> int:
    """``--lang en``: only the main window in that language (docs/screenshots/main_window_en.png)."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from desktop.ui.app import make_application

    language = argv[argv.index("--lang") + 1] if "--lang" in argv else None
    app = make_application(language=language)
    with tempfile.TemporaryDirectory() as tmp:
        QCoreApplication.setOrganizationName("PlanDeskScreenshots")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        db, tasks = build_demo(Path(tmp) / "demo.sqlite3")
        from desktop.importers.load import load_plan
        from desktop.importers.review import review_lines
        from desktop.ui.import_dialog import ImportPreviewDialog
        from desktop.ui.main_window import MainWindow

        OUT.mkdir(parents=True, exist_ok=True)
        window = MainWindow(db)
        window.resize(1400, 900)
        window.show()
        window.start()
        window.resize(1400, 900)
        window.splitter.setSizes([820, 580])
        window.select_node(tasks[1].id)
        app.processEvents()

        def grab(widget, name: str) -> None:
            app.processEvents()
            target = OUT / name
            tmp_file = target.with_suffix(".tmp.png")
            widget.grab().save(str(tmp_file), "PNG")
            os.replace(tmp_file, target)
            print(target.relative_to(ROOT))

        if language:
            grab(window, f"main_window_{language}.png")
            window.close()
            db.close()
            return 0
        grab(window, "main_window.png")
        grab(window.detail, "detail_pane.png")
        window.filter_bar.search.setText("碳计量")
        window.apply_filters()
        grab(window, "search_results.png")
        window.filter_bar.clear()
        window.filter_bar.overdue.setChecked(True)
        window.apply_filters()
        grab(window, "overdue_filter.png")
        window.filter_bar.clear()
        window.apply_filters()
        window.select_node(tasks[1].id)
        window.detail.table.selectRow(0)  # 办理 follows the selected assignment
        # Every tab of the real window, as a user sees it after clicking it.
        tabs = [
            ("dashboard", "panes_dashboard.png"),
            ("matrix", "panes_matrix.png"),
            ("indicators", "panes_indicators.png"),
            ("warnings", "supervision_warnings.png"),
            ("reporting", "supervision_reporting.png"),
            ("ranking", "supervision_ranking.png"),
            ("coverage", "supervision_coverage.png"),
            ("workflow", "supervision_workflow.png"),
            ("history", "history.png"),
        ]
        for name, file_name in tabs:
            app.processEvents()  # let the cleared filter's reload finish before selecting again
            window.select_node(tasks[1].id)
            if name == "history":
                window.tabs.setCurrentWidget(window.extra.history)
            else:
                window.extra.show_tab(name)
            grab(window, file_name)
        window.tabs.setCurrentWidget(window.detail)
        parsed = load_plan(PLANS / "beijing_jiliang_2022.txt")
        preview = ImportPreviewDialog(parsed, review_lines(parsed), window)
        preview.resize(1000, 720)
        preview.show()
        grab(preview, "import_preview.png")
        preview.close()
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
