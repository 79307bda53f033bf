"""Finding a Chinese TrueType font that reportlab can embed (and Qt can show) on each platform."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import PlanDeskError

FONT_ENV = "PLANDESK_FONT"
REPORT_FONT = "PlanDeskCJK"

# TrueType-outline fonts only: reportlab cannot embed CFF fonts (Noto CJK, Source Han).
CANDIDATES = {
    "win32": ["msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf", "simkai.ttf", "simfang.ttf"],
    "darwin": ["/System/Library/Fonts/STHeiti Light.ttc", "/System/Library/Fonts/STHeiti Medium.ttc",
               "/System/Library/Fonts/Supplemental/Songti.ttc", "/Library/Fonts/Arial Unicode.ttf",
               "/System/Library/Fonts/Supplemental/Arial Unicode.ttf"],
    "linux": ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
              "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/arphic/ukai.ttc",
              "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
              "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", "/usr/share/fonts/wenquanyi/wqy-microhei.ttc"],
}

INSTALL_HINT = ("未找到可嵌入 PDF 的中文 TrueType 字体。请安装一种后重试：\n"
                "· Debian/Ubuntu：sudo apt install fonts-wqy-microhei\n"
                "· Fedora：sudo dnf install wqy-microhei-fonts\n"
                "· Windows：系统自带微软雅黑（msyh.ttc）或宋体（simsun.ttc），请检查 C:\\Windows\\Fonts\n"
                "· 也可在“首选项 → 报表字体”中选择任一 .ttf/.ttc 中文字体文件（Noto CJK 等 OTF 字体无法嵌入 PDF）。")


@dataclass(frozen=True)
class FontChoice:
    path: Path
    subfont_index: int = 0


def _platform_key() -> str:
    if sys.platform.startswith("win"):
        return "win32"
    return "darwin" if sys.platform == "darwin" else "linux"


def _candidate_paths() -> list[Path]:
    key = _platform_key()
    paths: list[Path] = []
    if key == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        paths += [d / name for name in CANDIDATES["win32"] for d in (windir, local)]
    else:
        paths += [Path(p) for p in CANDIDATES[key]]
    if key != "win32" and shutil.which("fc-list"):
        try:
            out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10).stdout
            paths += [Path(line.split(":")[0].strip()) for line in out.splitlines() if line.strip()]
        except (OSError, subprocess.SubprocessError):
            pass
    return paths


def embeddable(path: Path, subfont_index: int = 0) -> bool:
    """True if reportlab can embed the font and it has Chinese glyphs."""
    if path.suffix.lower() not in (".ttf", ".ttc") or not path.is_file():
        return False
    try:
        from reportlab.pdfbase.ttfonts import TTFont

        font = TTFont("probe", str(path), subfontIndex=subfont_index)
        return 0x4E2D in font.face.charToGlyph  # 中
    except Exception:
        return False


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
            raise PlanDeskError(f"所选字体无法嵌入 PDF（需要含中文的 TrueType .ttf/.ttc 字体）：{path}",
                                field="font")
    found = _search()
    if found is None:
        raise PlanDeskError(INSTALL_HINT, field="font")
    return found


def register_report_font(choice: FontChoice | None = None) -> str:
    """Register the CJK font with reportlab (once) and return its name for styles."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if REPORT_FONT in pdfmetrics.getRegisteredFontNames():
        return REPORT_FONT
    choice = choice or find_cjk_font()
    pdfmetrics.registerFont(TTFont(REPORT_FONT, str(choice.path), subfontIndex=choice.subfont_index))
    return REPORT_FONT
