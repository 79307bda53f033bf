"""Save PNGs of the plan dialogs (按文件分工, 方案属性, 更正责任单位, 删除方案, re-import, first start)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PLANS = ROOT / "resources" / "plans"
PRACTICE = ROOT / "tests" / "data" / "plans" / "03_gov-guofa-2018-39-jiuye.txt"


def main() -> int:  # noqa: PLR0915 - one screenshot after another
    from PySide6.QtCore import QCoreApplication, QSettings

    from desktop.ui.app import make_application

    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        QCoreApplication.setOrganizationName("PlanDeskScreenshots")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        from desktop.importers.load import load_plan
        from desktop.importers.review import review_lines
        from desktop.services.plans.adopt import parsed_adoption
        from desktop.services.plans.plan_admin import find_duplicate
        from desktop.services.plans.plan_import import import_file
        from desktop.storage import open_database
        from desktop.ui.import_dialog import ImportController, ImportPreviewDialog
        from desktop.ui.main_window import MainWindow

        OUT.mkdir(parents=True, exist_ok=True)

        def grab(widget, name: str) -> None:
            for _ in range(5):
                app.processEvents()
            target = OUT / name
            tmp_file = target.with_suffix(".tmp.png")
            widget.grab().save(str(tmp_file), "PNG")
            os.replace(tmp_file, target)
            print(target.relative_to(ROOT))

        empty = open_database(Path(tmp) / "empty.sqlite3", operator="")
        first = MainWindow(empty)
        first.resize(1200, 800)
        first.show()
        first.start()
        grab(first.plan_actions.dialog, "first_start.png")
        first.plan_actions.dialog.close()
        first.close()
        empty.close()

        db = open_database(Path(tmp) / "demo.sqlite3", operator="王敏")
        for name in ("xian_jiliang_2024.txt", "beijing_jiliang_2022.txt"):
            import_file(db, path=PLANS / name, backup=False)
        window = MainWindow(db)
        window.resize(1400, 900)
        window.show()
        window.start()

        parsed = load_plan(PRACTICE)
        preview = ImportPreviewDialog(
            parsed, review_lines(parsed), window, adoption=parsed_adoption(db, parsed=parsed)
        )
        preview.resize(1000, 780)
        preview.show()
        grab(preview, "import_preview_adopt.png")
        preview.close()

        again = load_plan(PLANS / "xian_jiliang_2024.txt")
        controller = ImportController(db, window)
        box = controller.ask_about_duplicate(again, find_duplicate(db, parsed=again))
        grab(box, "import_duplicate_question.png")
        box.close()

        window.plan_actions.adopt_plan()
        dialog = window.plan_actions.dialog
        dialog.deadline.setText("2026-12-31")
        dialog.resize(900, 600)
        grab(dialog, "adopt_dialog.png")
        dialog.ok_button.click()
        app.processEvents()

        from desktop.services.core.tree import children, list_plans

        plan = list_plans(db)[0]
        chapter = children(db, node_id=plan.root_id)[1]
        section = children(db, node_id=chapter.id)[1]
        task = children(db, node_id=section.id)[1]
        window.select_node(task.id)
        window.splitter.setSizes([820, 580])
        grab(window, "adopted_main_window.png")
        menu = window.plan_actions.build_context_menu()
        menu.popup(
            window.tree.viewport().mapToGlobal(window.tree.visualRect(window.tree.currentIndex()).center())
        )
        grab(menu, "tree_context_menu.png")
        menu.close()

        duties = window.plan_actions.open_duties()
        duties.table.selectRow(1)
        grab(duties, "duties_dialog.png")
        duties.close()

        properties = window.plan_actions.open_properties()
        grab(properties, "plan_properties.png")
        properties.close()

        box = window.plan_actions.confirm_delete()
        grab(box, "delete_plan.png")
        box.close()

        table = window.detail.table
        index = window.detail.assignments.index(0, 4)
        table.setCurrentIndex(index)
        table.edit(index)
        from desktop.ui.date_entry import DateLineEdit

        editor = next(e for e in table.viewport().findChildren(DateLineEdit) if e.isVisible())
        editor.setText("2026年10月31日")
        grab(window.detail, "date_entry.png")
        calendar = editor.show_calendar()
        grab(calendar, "date_entry_calendar.png")
        calendar.hide()

        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
