"""The office-to-office package: a zip holding manifest.json and content.json, read defensively."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from ..errors import ImportRefused
from ..fileio import atomic_path

FORMAT = "plandesk-package"
VERSION = 1
MANIFEST = "manifest.json"
CONTENT = "content.json"
MAX_MANIFEST = 1 << 20
# Far above any real plan with years of progress, far below what a zip bomb would inflate to.
MAX_CONTENT = 256 << 20


def write_package(path: Path, manifest: dict[str, Any], content: dict[str, Any]) -> str:
    """Write the zip atomically; returns the sha256 of content.json recorded in the manifest."""
    body = json.dumps(content, ensure_ascii=False, indent=1, default=str).encode("utf-8")
    digest = hashlib.sha256(body).hexdigest()
    head = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        **manifest,
        "content_sha256": digest,
    }
    with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(head, ensure_ascii=False, indent=1))
        zf.writestr(CONTENT, body)
    return digest


def _unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts


def _read_member(zf: zipfile.ZipFile, name: str, cap: int, where: str) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise ImportRefused(f"交换包缺少 {name}，不是完整的 PlanDesk 交换包。", location=where) from None
    if info.file_size > cap:
        raise ImportRefused(f"交换包中的 {name} 过大（{info.file_size} 字节），拒绝导入。", location=where)
    # The size in the header can lie; never inflate more than the cap.
    with zf.open(info) as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise ImportRefused(f"交换包中的 {name} 解压后过大，拒绝导入。", location=where)
    return data


def read_package(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Manifest and content of a package, or ImportRefused saying in Chinese what is wrong with it."""
    where = path.name
    if not path.is_file():
        raise ImportRefused("找不到交换包文件。", location=str(path))
    try:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if _unsafe(name):
                    raise ImportRefused(f"交换包含有不安全的路径“{name}”，已拒绝导入。", location=where)
            manifest = _json(_read_member(zf, MANIFEST, MAX_MANIFEST, where), MANIFEST, where)
            _check_manifest(manifest, where)
            body = _read_member(zf, CONTENT, MAX_CONTENT, where)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, OSError) as exc:
        raise ImportRefused(
            f"交换包已损坏或不完整（可能传输中断），无法读取：{exc}", location=where
        ) from None
    if hashlib.sha256(body).hexdigest() != manifest.get("content_sha256"):
        raise ImportRefused(
            "交换包内容校验失败（sha256 不符），文件已被改动或损坏，拒绝导入。", location=where
        )
    content = _json(body, CONTENT, where)
    if not isinstance(content.get("plan"), dict) or not isinstance(content.get("nodes"), list):
        raise ImportRefused("交换包内容不完整（缺少方案或条目）。", location=where)
    return manifest, content


def _json(data: bytes, name: str, where: str) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ImportRefused(f"交换包中的 {name} 已损坏，无法解析。", location=where) from None
    if not isinstance(value, dict):
        raise ImportRefused(f"交换包中的 {name} 格式不对。", location=where)
    return value


def _check_manifest(manifest: dict[str, Any], where: str) -> None:
    if manifest.get("format") != FORMAT:
        raise ImportRefused("这不是 PlanDesk 交换包（格式标识不符）。", location=where)
    version = manifest.get("version")
    if not isinstance(version, int) or version < 1:
        raise ImportRefused(f"交换包格式版本“{version}”无效。", location=where)
    if version > VERSION:
        raise ImportRefused(
            f"该交换包由更新版本的 PlanDesk 生成（格式版本 {version}，本程序支持 {VERSION}），"
            "请升级 PlanDesk 后再导入。",
            location=where,
        )
