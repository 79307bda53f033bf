"""PlanDesk's vocabulary (statuses, roles, node kinds, plan levels, indicator attributes) as the window shows it.

The names live in desktop.status, shared with the reports, which stay Chinese. Listing them here puts them in the
translation catalogue; the window translates a name with ``vocabulary(name)`` (or ``self.tr(name)``: the
catalogue's text-keyed lookup finds it under any context). tests/ui/test_translations.py keeps this list in step
with desktop.status.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

NAMES = (
    # statuses
    QT_TRANSLATE_NOOP("Vocabulary", "未开始"),
    QT_TRANSLATE_NOOP("Vocabulary", "进行中"),
    QT_TRANSLATE_NOOP("Vocabulary", "已完成"),
    QT_TRANSLATE_NOOP("Vocabulary", "已逾期"),
    QT_TRANSLATE_NOOP("Vocabulary", "暂缓"),
    QT_TRANSLATE_NOOP("Vocabulary", "未分配"),
    # roles
    QT_TRANSLATE_NOOP("Vocabulary", "牵头"),
    QT_TRANSLATE_NOOP("Vocabulary", "配合"),
    # plan levels
    QT_TRANSLATE_NOOP("Vocabulary", "国家"),
    QT_TRANSLATE_NOOP("Vocabulary", "省级"),
    QT_TRANSLATE_NOOP("Vocabulary", "市级"),
    QT_TRANSLATE_NOOP("Vocabulary", "区县"),
    # node kinds
    QT_TRANSLATE_NOOP("Vocabulary", "方案"),
    QT_TRANSLATE_NOOP("Vocabulary", "章"),
    QT_TRANSLATE_NOOP("Vocabulary", "节"),
    QT_TRANSLATE_NOOP("Vocabulary", "任务"),
    QT_TRANSLATE_NOOP("Vocabulary", "专栏"),
    QT_TRANSLATE_NOOP("Vocabulary", "条目"),
    QT_TRANSLATE_NOOP("Vocabulary", "目标"),
    QT_TRANSLATE_NOOP("Vocabulary", "保障措施"),
    # indicator attributes
    QT_TRANSLATE_NOOP("Vocabulary", "约束性"),
    QT_TRANSLATE_NOOP("Vocabulary", "预期性"),
)


def vocabulary(name: str) -> str:
    return QCoreApplication.translate("Vocabulary", name)
