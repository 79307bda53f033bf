"""Files shipped with PlanDesk (installed as desktop.resources): sample plans, icons, translations.

Every file the program reads from its own installation is found through :func:`shipped_path`, which asks
``importlib.resources`` rather than working from a module's own file name: the answer is then right for a wheel,
an editable install (where this package is the source tree's ``resources/`` folder) and a PyInstaller bundle
(where the files sit under the bundle's ``_internal`` folder) alike.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def shipped_path(package: str, *parts: str) -> Path:
    """The file or folder ``parts`` inside the importable ``package``, as a real path on disk.

    Alembic reads its script folder and Qt its catalogues by file name, so a path is what they need. All three
    ways PlanDesk is installed keep package files on disk, and importlib.resources then answers with a
    ``pathlib.Path``; anything else (a package imported from a zip archive) is refused in words rather than
    failing later inside Alembic or Qt.
    """
    target = files(package).joinpath(*parts)
    if isinstance(target, Path):
        return target
    raise FileNotFoundError(
        f"PlanDesk 的程序文件不完整或被打包为压缩档案，无法读取 {package}/{'/'.join(parts)}。请重新安装 PlanDesk。"
    )


def resource_path(*parts: str) -> Path:
    """A file or folder of desktop.resources (``resource_path("plans")``, ``resource_path("i18n")``)."""
    return shipped_path(__name__, *parts)
