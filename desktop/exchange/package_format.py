"""The office-to-office package: a zip holding manifest.json, content.json and the manifest's signature.

The manifest records the sha256 of content.json and is signed with the sending database's Ed25519 key
(signature.json holds the public key and the signature), so a package changed on the way is refused and
the receiver can tell which office sent it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..errors import ImportRefused
from ..fileio import atomic_path

FORMAT = "plandesk-package"
VERSION = 2  # 2: the manifest is signed
MANIFEST = "manifest.json"
CONTENT = "content.json"
SIGNATURE = "signature.json"
MAX_MANIFEST = 1 << 20
# Far above any real plan with years of progress, far below what a zip bomb would inflate to.
MAX_CONTENT = 256 << 20


@dataclass(frozen=True)
class PackageFile:
    manifest: dict[str, Any]
    content: dict[str, Any]
    public_key: str  # hex of the sender's Ed25519 public key; the signature over the manifest is valid


def new_signing_key() -> str:
    """A fresh Ed25519 private key, hex, for a database that signs its packages."""
    return Ed25519PrivateKey.generate().private_bytes_raw().hex()


def public_key_of(private_key: str) -> str:
    return (
        Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private_key)).public_key().public_bytes_raw().hex()
    )


def fingerprint(public_key: str) -> str:
    """A short form of a public key to show people: 4 groups of 4 hex digits."""
    digest = hashlib.sha256(bytes.fromhex(public_key)).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def write_package(path: Path, manifest: dict[str, Any], content: dict[str, Any], *, private_key: str) -> str:
    """Write the signed zip atomically; returns the sha256 of content.json recorded in the manifest."""
    body = json.dumps(content, ensure_ascii=False, indent=1, default=str).encode("utf-8")
    digest = hashlib.sha256(body).hexdigest()
    head = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        **manifest,
        "content_sha256": digest,
    }
    head_bytes = json.dumps(head, ensure_ascii=False, indent=1).encode("utf-8")
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private_key))
    signature = {
        "algorithm": "ed25519",
        "public_key": key.public_key().public_bytes_raw().hex(),
        "signature": key.sign(head_bytes).hex(),
    }
    with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, head_bytes)
        zf.writestr(CONTENT, body)
        zf.writestr(SIGNATURE, json.dumps(signature))
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


def _verify(head_bytes: bytes, raw_signature: bytes, where: str) -> str:
    """The signer's public key (hex) when the manifest's signature is valid."""
    signature = _json(raw_signature, SIGNATURE, where)
    try:
        public = bytes.fromhex(str(signature.get("public_key", "")))
        sig = bytes.fromhex(str(signature.get("signature", "")))
        Ed25519PublicKey.from_public_bytes(public).verify(sig, head_bytes)
    except (ValueError, InvalidSignature):
        raise ImportRefused(
            "交换包签名无效：清单在导出后被改动过，或不是由 PlanDesk 签发的，拒绝导入。", location=where
        ) from None
    return public.hex()


def read_package(path: Path) -> PackageFile:
    """Manifest and content of a signed package, or ImportRefused saying in Chinese what is wrong with it."""
    where = path.name
    if not path.is_file():
        raise ImportRefused("找不到交换包文件。", location=str(path))
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            for name in names:
                if _unsafe(name):
                    raise ImportRefused(f"交换包含有不安全的路径“{name}”，已拒绝导入。", location=where)
            doubled = sorted({n for n in names if names.count(n) > 1})
            if doubled:
                raise ImportRefused(
                    f"交换包中的 {'、'.join(doubled)} 出现了不止一次，无法确定哪一份是真的，拒绝导入。",
                    location=where,
                )
            head_bytes = _read_member(zf, MANIFEST, MAX_MANIFEST, where)
            manifest = _json(head_bytes, MANIFEST, where)
            _check_manifest(manifest, where)
            if SIGNATURE not in names:
                raise ImportRefused(
                    "交换包没有签名，无法确认来源和完整性，拒绝导入。请对方用新版 PlanDesk 重新导出。",
                    location=where,
                )
            public_key = _verify(head_bytes, _read_member(zf, SIGNATURE, MAX_MANIFEST, where), where)
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
    return PackageFile(manifest, content, public_key)


def _json(data: bytes, name: str, where: str) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ImportRefused(f"交换包中的 {name} 已损坏，无法解析。", location=where) from None
    if not isinstance(value, dict):
        raise ImportRefused(f"交换包中的 {name} 格式不对。", location=where)
    return value


def _check_manifest(manifest: dict[str, Any], where: str) -> None:
    if manifest.get("format") != FORMAT:
        raise ImportRefused("这不是 PlanDesk 交换包（格式标识不符）。", location=where)
    version = manifest.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportRefused(f"交换包格式版本“{version}”无效。", location=where)
    if version < VERSION:
        raise ImportRefused(
            f"该交换包由旧版本 PlanDesk 生成（格式版本 {version}），没有签名，无法确认来源和完整性，"
            "拒绝导入。请对方升级 PlanDesk 后重新导出。",
            location=where,
        )
    if version > VERSION:
        raise ImportRefused(
            f"该交换包由更新版本的 PlanDesk 生成（格式版本 {version}，本程序支持 {VERSION}），"
            "请升级 PlanDesk 后再导入。",
            location=where,
        )
