"""The office's exchange secrets — the package signing key and the workbook secret — kept outside the file.

A SQLite database is a file an office copies, backs up and mails; a secret inside it travels with every copy,
so a copy could sign packages as the office. Here the secrets live in a file of their own in the user's
settings folder (readable by the user only), named by the database's exchange id, and never in a backup or an
export. A database that finds it is a copy — its recorded home is another computer, or another file that still
exists — takes an identity of its own (a new id and new keys) and says so, rather than signing as the original.

On a shared PostgreSQL server every office computer must sign as the one office, so the secrets stay in the
database, where row security lets only the office read them (migration 0012).
"""

from __future__ import annotations

import json
import os
import secrets
import socket
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from ... import clock
from ...exchange.package_format import new_signing_key
from ...models import Setting
from ...models.setting import SECRET_SETTINGS

SIGNING_KEY, SECRET_KEY = SECRET_SETTINGS  # the package signing key, the workbook secret
DATABASE_ID_KEY = "exchange.database_id"
HOME_KEY = "exchange.home"  # where this identity was made: {"path": …, "host": …}
NOTICE_KEY = "exchange.identity_notice"  # said once after a copy took an identity of its own
SECRETS: dict[str, Callable[[], str]] = {
    SIGNING_KEY: new_signing_key,
    SECRET_KEY: lambda: secrets.token_hex(32),
}


def key_dir() -> Path:
    """The folder of the key files: beside the user's settings (PLANDESK_KEY_DIR overrides it)."""
    override = os.environ.get("PLANDESK_KEY_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("PlanDesk", appauthor=False)) / "keys"


def _file_of(s: Session) -> Path | None:
    bind = s.get_bind()
    if bind.dialect.name != "sqlite":
        return None
    engine = bind if isinstance(bind, Engine) else bind.engine
    name = engine.url.database
    return Path(name).resolve() if name and name != ":memory:" else None


def office_secret(s: Session, key: str, *, create: bool) -> str | None:
    """The secret ``key`` (SIGNING_KEY or SECRET_KEY) of this database, made when ``create`` and missing."""
    path = _file_of(s)
    if path is None:
        return _in_database(s, key, create=create)
    identity = database_identity(s, create=create)
    if identity is None:
        return None
    stored = _read(identity)
    if key not in stored:
        legacy = s.get(Setting, key)
        if legacy is not None:
            # a database from before the key file: its secret moves out (in a writing transaction), and out of
            # the trail of changes
            stored[key] = str(legacy.value)
            _write(identity, stored)
            if _writing(s):
                # the freed pages are overwritten, so the row's old value is gone from the file itself; the
                # trail of changes is never edited, so rows an older PlanDesk wrote there keep it (README)
                s.execute(text("PRAGMA secure_delete = ON"))
                s.delete(legacy)
                s.flush()
        elif create:
            stored[key] = SECRETS[key]()
            _write(identity, stored)
        else:
            return None
    return stored[key]


def database_identity(s: Session, *, create: bool) -> str | None:
    """This database's exchange id; a copy of another database's file gets an id of its own first."""
    row = s.get(Setting, DATABASE_ID_KEY)
    path = _file_of(s)
    if row is None:
        if not create:
            return None
        row = Setting(key=DATABASE_ID_KEY, value=secrets.token_hex(16))
        s.add(row)
        _set(s, HOME_KEY, _here(path))
        s.flush()
        return str(row.value)
    if path is None:
        return str(row.value)
    home = s.get(Setting, HOME_KEY)
    here = _here(path)
    if home is None or not isinstance(home.value, dict):
        if _writing(s):
            _set(s, HOME_KEY, here)  # an identity from before homes were recorded: this is its home
        return str(row.value)
    was = home.value
    copied = was.get("host") != here["host"] or (
        was.get("path") != here["path"] and Path(str(was.get("path", ""))).exists()
    )
    if not copied:
        if was.get("path") != here["path"] and _writing(s):
            _set(s, HOME_KEY, here)  # the file was moved on this computer: the same office
        return str(row.value)
    if not create or not _writing(s):
        return None  # a copy signs nothing until it has an identity of its own
    old = str(row.value)
    row.value = secrets.token_hex(16)
    _set(s, HOME_KEY, here)
    for key in SECRETS:
        legacy = s.get(Setting, key)
        if legacy is not None:
            s.delete(legacy)
    _set(
        s,
        NOTICE_KEY,
        f"本数据库是另一个数据库文件的副本（原文件在 {was.get('host', '')}:{was.get('path', '')}），"
        f"已于 {clock.today():%Y年%m月%d日} 改用自己的交换身份和签名密钥，不再以原数据库的名义签名"
        f"（原交换编号 {old[:8]}…）。对方首次收到本数据库的交换包时需要核对新的密钥指纹。",
    )
    s.flush()
    return str(row.value)


def take_identity_notice(s: Session) -> str:
    """What to tell the user once after a copy took an identity of its own ("" otherwise)."""
    row = s.get(Setting, NOTICE_KEY)
    if row is None:
        return ""
    s.delete(row)
    return str(row.value)


def _in_database(s: Session, key: str, *, create: bool) -> str | None:
    row = s.get(Setting, key)
    if row is None:
        if not create:
            return None
        row = Setting(key=key, value=SECRETS[key]())
        s.add(row)
        s.flush()
    return str(row.value)


def _writing(s: Session) -> bool:
    """Is ``s`` a writing transaction (Database.write)? A reading one changes nothing."""
    return "cause" in s.info


def _set(s: Session, key: str, value: object) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def _here(path: Path | None) -> dict[str, str]:
    return {"path": str(path or ""), "host": socket.gethostname()}


def _key_file(identity: str) -> Path:
    return key_dir() / f"{identity}.json"


def _read(identity: str) -> dict[str, str]:
    try:
        data = json.loads(_key_file(identity).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in data.items() if k in SECRETS} if isinstance(data, dict) else {}


def _write(identity: str, stored: dict[str, str]) -> None:
    """Written whole and then renamed, readable by this user only."""
    target = _key_file(identity)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(stored, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, target)
