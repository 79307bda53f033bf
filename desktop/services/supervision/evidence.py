"""佐证材料: files copied into PlanDesk's own content-addressed store, listed, and opened only as documents."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ...errors import NotFound, PlanDeskError
from ...models import Evidence, ProgressEntry
from ...storage import Database
from ..core.settings import get_setting

DEFAULT_MAX_MB = 50
# Opened with the system viewer only when the type is a document or picture, so nothing attached ever runs.
VIEWABLE = {
    ".pdf",
    ".ofd",
    ".doc",
    ".docx",
    ".wps",
    ".xls",
    ".xlsx",
    ".et",
    ".ppt",
    ".pptx",
    ".dps",
    ".odt",
    ".ods",
    ".odp",
    ".rtf",
    ".txt",
    ".csv",
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".webp",
    ".mp4",
    ".mp3",
    ".zip",
    ".rar",
    ".7z",
}


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    entry_id: int
    file_name: str
    sha256: str
    size: int
    added_by: str
    added_at: dt.datetime


def store_folder(db: Database) -> Path:
    """``<name>-files`` next to a SQLite database; a per-server folder in the user's data folder otherwise."""
    if db.path is not None:
        return db.path.with_name(f"{db.path.stem}-files")
    import platformdirs
    from sqlalchemy.engine import make_url

    url = make_url(db.url)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{url.host or 'local'}_{url.port or ''}_{url.database or ''}")
    return Path(platformdirs.user_data_dir("PlanDesk", appauthor=False)) / "files" / name


def max_bytes(db: Database) -> int:
    value = get_setting(db, "evidence.max_mb", DEFAULT_MAX_MB)
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        raise PlanDeskError(f"设置 evidence.max_mb 应为正数，现为“{value}”。", field="evidence.max_mb")
    return int(value * 1024 * 1024)


def _info(e: Evidence) -> EvidenceInfo:
    return EvidenceInfo(e.id, e.entry_id, e.file_name, e.sha256, e.size, e.added_by, e.created_at)


def _stored(folder: Path, sha: str) -> Path:
    return folder / sha[:2] / sha


def store_copy(source: Path, folder: Path, limit: int) -> tuple[str, int]:
    """Copy into the store while hashing; the stored file is named by its SHA-256 and is read-only."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(1 << 20):
                size += len(chunk)
                if size > limit:
                    raise PlanDeskError(
                        f"文件超过 {limit // (1024 * 1024)} MB 的上限，未添加。", location=str(source)
                    )
                digest.update(chunk)
                out.write(chunk)
        sha = digest.hexdigest()
        target = _stored(folder, sha)
        if target.exists():
            os.unlink(tmp)
        else:
            target.parent.mkdir(exist_ok=True)
            os.chmod(tmp, 0o444)
            os.replace(tmp, target)
        return sha, size
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def attach_evidence(db: Database, *, entry_id: int, path: str | os.PathLike[str]) -> EvidenceInfo:
    """Attach a file to a progress entry: copied into the store (the original may then move or vanish)."""
    source = Path(path)
    if not source.exists():
        raise PlanDeskError("找不到要添加的文件。", field="path", location=str(source))
    if source.is_dir():
        raise PlanDeskError("只能添加文件，不能添加文件夹。", field="path", location=str(source))
    limit = max_bytes(db)
    if source.stat().st_size > limit:
        raise PlanDeskError(
            f"文件大小 {source.stat().st_size / (1024 * 1024):.1f} MB，超过 "
            f"{limit // (1024 * 1024)} MB 的上限，未添加。",
            field="path",
            location=str(source),
        )
    with db.read() as s:
        if s.get(ProgressEntry, entry_id) is None:
            raise NotFound(f"找不到编号为 {entry_id} 的进展记录。", field="entry_id")
    try:
        sha, size = store_copy(source, store_folder(db), limit)
    except OSError as exc:
        raise PlanDeskError(f"无法读取或保存文件：{exc.strerror or exc}", location=str(source)) from exc
    with db.write(cause="添加佐证材料") as s:
        if s.get(ProgressEntry, entry_id) is None:
            raise NotFound(f"找不到编号为 {entry_id} 的进展记录。", field="entry_id")
        row = Evidence(
            entry_id=entry_id, file_name=source.name[:300], sha256=sha, size=size, added_by=db.operator
        )
        s.add(row)
        s.flush()
        return _info(row)


def list_evidence(
    db: Database, *, entry_id: int | None = None, assignment_id: int | None = None
) -> list[EvidenceInfo]:
    """Evidence of one progress entry, or of every entry of an assignment, oldest first."""
    if entry_id is None and assignment_id is None:
        raise PlanDeskError("请指定进展记录或分工记录。", field="entry_id")
    with db.read() as s:
        q = select(Evidence)
        if entry_id is not None:
            q = q.where(Evidence.entry_id == entry_id)
        if assignment_id is not None:
            q = q.join(ProgressEntry, ProgressEntry.id == Evidence.entry_id).where(
                ProgressEntry.assignment_id == assignment_id
            )
        return [_info(e) for e in s.scalars(q.order_by(Evidence.id))]


def evidence_path(db: Database, *, evidence_id: int) -> Path:
    """A copy with its original name, for the system viewer; types that could run are refused."""
    with db.read() as s:
        row = s.get(Evidence, evidence_id)
        if row is None:
            raise NotFound(f"找不到编号为 {evidence_id} 的佐证材料。", field="evidence_id")
        name, sha = row.file_name, row.sha256
    stored = _stored(store_folder(db), sha)
    if not stored.is_file():
        raise PlanDeskError(
            f"佐证材料“{name}”的文件不在本机的材料库中（可能是在其他电脑上添加的）。", location=str(stored)
        )
    suffix = Path(name).suffix.lower()
    if suffix not in VIEWABLE:
        raise PlanDeskError(
            f"“{name}”不是文档或图片类型，为安全起见不直接打开；请用“另存为”导出后自行检查。",
            field="evidence_id",
        )
    view = Path(tempfile.gettempdir()) / "PlanDesk-view" / sha[:16] / Path(name).name
    if not view.exists():
        view.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stored, view)
    return view
