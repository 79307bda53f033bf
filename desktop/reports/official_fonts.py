"""The typefaces of an official document (GB/T 9704): 小标宋 titles, 仿宋 text, 黑体 and 楷体 headings."""

from __future__ import annotations

import logging
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .fonts import _platform_key, _usual_paths, embeddable, register_report_font

log = logging.getLogger(__name__)

# Role → (family names fontconfig reports, font file names on Windows and macOS), most wanted first.
ROLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "title": (
        ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05", "小标宋"),
        ("FZXBSJW.TTF", "FZXBSK.TTF", "方正小标宋简体.ttf", "方正小标宋_GBK.ttf"),
    ),
    "body": (
        ("仿宋_GB2312", "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", "华文仿宋"),
        ("仿宋_GB2312.ttf", "FS_GB2312.ttf", "simfang.ttf", "STFANGSO.TTF"),
    ),
    "hei": (("SimHei", "黑体", "STHeiti", "华文黑体"), ("simhei.ttf", "STHEITI.TTF")),
    "kai": (
        ("楷体_GB2312", "KaiTi_GB2312", "KaiTi", "楷体", "STKaiti", "华文楷体"),
        ("simkai.ttf", "STKAITI.TTF"),
    ),
}
ROLE_NAMES = {
    "title": "方正小标宋简体",
    "body": "仿宋_GB2312（或 FangSong、STFangsong）",
    "hei": "黑体",
    "kai": "楷体",
}
REGISTERED = {
    "title": "PlanDeskTitle",
    "body": "PlanDeskFangSong",
    "hei": "PlanDeskHei",
    "kai": "PlanDeskKai",
}


@dataclass(frozen=True)
class OfficialFonts:
    title: str
    body: str
    hei: str
    kai: str
    missing: list[str] = field(default_factory=list)  # roles drawn in the fallback font

    @property
    def note(self) -> str:
        """What to install, when a role had to fall back to the embedded report font."""
        if not self.missing:
            return ""
        names = "、".join(ROLE_NAMES[r] for r in self.missing)
        return f"本机未安装公文字体（{names}），已用嵌入的通用中文字体代替；安装这些字体后重新生成即符合公文用字要求。"


def _fc_families() -> list[tuple[Path, list[str]]]:
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "family", "file"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    rows = []
    for line in out.splitlines():
        if ":" in line:
            path, _, families = line.partition(":")
            rows.append((Path(path.strip()), [f.strip() for f in families.split(",")]))
    return rows


@cache
def find_role_font(role: str) -> Path | None:
    """The installed font file for a role, or None."""
    families, files = ROLES[role]
    dirs = {p.parent for p in _usual_paths()}
    if _platform_key() == "darwin":
        dirs |= {Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental")}
    for d in sorted(dirs):
        for name in files:
            if embeddable(d / name):
                return d / name
    for path, names in _fc_families():
        if any(n in families for n in names) and embeddable(path):
            return path
    return None


def official_fonts() -> OfficialFonts:
    """Register the document typefaces found; each missing one is drawn in the embedded report font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fallback = register_report_font()
    chosen: dict[str, str] = {}
    missing: list[str] = []
    for role, registered in REGISTERED.items():
        if registered in pdfmetrics.getRegisteredFontNames():
            chosen[role] = registered
            continue
        path = find_role_font(role)
        if path is None:
            chosen[role] = fallback
            missing.append(role)
            continue
        pdfmetrics.registerFont(TTFont(registered, str(path)))
        chosen[role] = registered
    if missing:
        log.info("official fonts missing, using the report font for: %s", ", ".join(missing))
    return OfficialFonts(chosen["title"], chosen["body"], chosen["hei"], chosen["kai"], missing)
