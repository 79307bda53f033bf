"""Making Chinese render in Qt on machines whose system has no CJK font configured."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..services.reporting.fonts import SCREEN_SUFFIXES, find_screen_font


def install_cjk_font(app: QApplication, preferred: str | None = None) -> str | None:
    """Register a Chinese font file with Qt and make it the application font's fallback.

    The lookup only checks that files exist (the PDF reports' embeddability check parses whole fonts and
    would cost a second at every start). Returns the family name, or None when no Chinese font exists
    (the caller tells the user).
    """
    path = Path(preferred) if preferred else None
    if path is None or not path.is_file() or path.suffix.lower() not in SCREEN_SUFFIXES:
        path = find_screen_font()
    if path is None:
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    base = app.font()
    font = QFont(base)
    font.setFamilies([base.family(), families[0]])
    app.setFont(font)
    return families[0]
