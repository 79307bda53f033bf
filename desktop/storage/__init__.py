"""Opening databases, migrations, backups and integrity checks."""

from .database import Database, open_database, resolve_url

__all__ = ["Database", "open_database", "resolve_url"]
