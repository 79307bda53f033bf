"""Making Chinese render in Qt on machines whose system has no CJK font configured."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..errors import PlanDeskError
from ..reports.fonts import find_cjk_font


def install_cjk_font(app: QApplication, preferred: str | None = None) -> str | None:
    """Register the CJK font PlanDesk found with Qt and make it the application font's fallback.

    Returns the family name, or None when no Chinese font exists (the caller tells the user).
    """
    try:
        choice = find_cjk_font(preferred)
    except PlanDeskError:
        return None
    font_id = QFontDatabase.addApplicationFont(str(choice.path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    base = app.font()
    font = QFont(base)
    font.setFamilies([base.family(), families[0]])
    app.setFont(font)
    return families[0]
