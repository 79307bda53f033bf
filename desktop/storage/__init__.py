"""Opening databases, migrations, backups and integrity checks."""

from .database import Database, resolve_url
from .opening import open_database

__all__ = ["Database", "open_database", "resolve_url"]
