"""Finding a Chinese TrueType font that reportlab can embed (and Qt can show) on each platform."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import PlanDeskError

FONT_ENV = "PLANDESK_FONT"
REPORT_FONT = "PlanDeskCJK"

# TrueType-outline fonts only: reportlab cannot embed CFF fonts (Noto CJK, Source Han).
CANDIDATES = {
    "win32": ["msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf", "simkai.ttf", "simfang.ttf"],
    "darwin": [
        "/System/Library/Fonts/STHeiti Light.ttc",
        "/System/Library/Fonts/STHeiti Medium.ttc",
        "/System/Library/Fonts/Supplemental/Songti.ttc",
        "/Library/Fonts/Arial Unicode.ttf",
        "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    ],
    "linux": [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        "/usr/share/fonts/truetype/arphic/ukai.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
        "/usr/share/fonts/wenquanyi/wqy-microhei.ttc",
    ],
}

INSTALL_HINT = (
    "未找到可嵌入 PDF 的中文 TrueType 字体。请安装一种后重试：\n"
    "· Debian/Ubuntu：sudo apt install fonts-wqy-microhei\n"
    "· Fedora：sudo dnf install wqy-microhei-fonts\n"
    "· Windows：系统自带微软雅黑（msyh.ttc）或宋体（simsun.ttc），请检查 C:\\Windows\\Fonts\n"
    "· 也可在“首选项 → 报表字体”中选择任一 .ttf/.ttc 中文字体文件（Noto CJK 等 OTF 字体无法嵌入 PDF）。"
)


# The last font embeddable() accepted, parsed as the report font, until register_report_font() takes it.
_probed: dict[tuple[Path, int], Any] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class FontChoice:
    path: Path
    subfont_index: int = 0


def _platform_key() -> str:
    if sys.platform.startswith("win"):
        return "win32"
    return "darwin" if sys.platform == "darwin" else "linux"


def _usual_paths() -> list[Path]:
    """The platform's usual TrueType CJK font files (existing or not), most wanted first."""
    key = _platform_key()
    if key == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [d / name for name in CANDIDATES["win32"] for d in (windir, local)]
    return [Path(p) for p in CANDIDATES[key]]


def _candidate_paths() -> list[Path]:
    paths = _usual_paths()
    if _platform_key() != "win32":
        paths += _fc_list_paths()
    return paths


def _fc_list_paths() -> list[Path]:
    """Chinese font files fontconfig knows about (none where fc-list is missing or fails)."""
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [Path(line.split(":")[0].strip()) for line in out.splitlines() if line.strip()]


def embeddable(path: Path, subfont_index: int = 0) -> bool:
    """True if reportlab can embed the font and it has Chinese glyphs."""
    if path.suffix.lower() not in (".ttf", ".ttc") or not path.is_file():
        return False
    try:
        from reportlab.pdfbase.ttfonts import TTFont

        # Parsed as the report font would be: if it is the one chosen, registering it need not parse it again.
        font = TTFont(REPORT_FONT, str(path), subfontIndex=subfont_index)
        if 0x4E2D not in font.face.charToGlyph:  # 中
            return False
    except Exception:
        return False
    from reportlab.pdfbase import pdfmetrics

    if REPORT_FONT not in pdfmetrics.getRegisteredFontNames():  # once registered, no other is taken
        with _lock:
            _probed.clear()
            _probed[(path, subfont_index)] = font
    return True


@cache
def _search() -> FontChoice | None:
    seen: set[Path] = set()
    for path in _candidate_paths():
        if path in seen:
            continue
        seen.add(path)
        if embeddable(path):
            return FontChoice(path)
    return None


def find_cjk_font(preferred: str | os.PathLike[str] | None = None) -> FontChoice:
    """The font for reports: the user's choice, then PLANDESK_FONT, then the platform's usual fonts."""
    for choice in (preferred, os.environ.get(FONT_ENV)):
        if choice:
            path = Path(choice)
            if embeddable(path):
                return FontChoice(path)
            raise PlanDeskError(
                f"所选字体无法嵌入 PDF（需要含中文的 TrueType .ttf/.ttc 字体）：{path}", field="font"
            )
    found = _search()
    if found is None:
        raise PlanDeskError(INSTALL_HINT, field="font")
    return found


# Fonts Qt renders but reportlab cannot embed (CFF outlines): fine for the screen.
SCREEN_ONLY = {
    "darwin": ["/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/Hiragino Sans GB.ttc"],
    "linux": [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/adobe-source-han-sans/SourceHanSansCN-Regular.otf",
    ],
}
SCREEN_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


@cache
def _screen_search() -> Path | None:
    screen_only = [Path(p) for p in SCREEN_ONLY.get(_platform_key(), [])]
    known = [p for p in _usual_paths() + screen_only if p.is_file()]
    if known:
        return known[0]
    # Last resort only: asking fontconfig spawns a process that may take a while on a cold cache.
    fc = [p for p in _fc_list_paths() if p.suffix.lower() in SCREEN_SUFFIXES and p.is_file()]
    return fc[0] if fc else None


def find_screen_font() -> Path | None:
    """A Chinese font file for the screen, cheaply: the user's PLANDESK_FONT, the usual paths, then fc-list.

    Unlike find_cjk_font() it does not parse the font (Qt shows CFF fonts that PDFs cannot embed), so it
    costs a few stat() calls when a usual font is installed.
    """
    chosen = os.environ.get(FONT_ENV)
    if chosen and Path(chosen).is_file() and Path(chosen).suffix.lower() in SCREEN_SUFFIXES:
        return Path(chosen)
    return _screen_search()


def register_report_font(choice: FontChoice | None = None) -> str:
    """Register the CJK font with reportlab (once) and return its name for styles."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if REPORT_FONT in pdfmetrics.getRegisteredFontNames():
        return REPORT_FONT
    choice = choice or find_cjk_font()
    with _lock:
        font = _probed.pop((choice.path, choice.subfont_index), None)
        _probed.clear()
    if font is None:
        font = TTFont(REPORT_FONT, str(choice.path), subfontIndex=choice.subfont_index)
    pdfmetrics.registerFont(font)
    return REPORT_FONT
