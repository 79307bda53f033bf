"""Opening a current database reads its revision with plain SQL; the shipped head agrees with Alembic's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.storage import open_database
from desktop.storage.migrate import current_revision, head_revision, known_revisions

ROOT = Path(__file__).resolve().parents[2]


def test_head_and_revisions_read_from_the_files_match_alembic() -> None:
    from alembic.script import ScriptDirectory

    from desktop.storage.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    expected = {rev.revision: tuple(rev._all_down_revisions) for rev in script.walk_revisions()}
    assert known_revisions() == expected


def test_opening_a_current_database_does_not_load_alembic(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite3"
    open_database(path).close()  # created (and migrated) here
    probe = (
        "import sys; from desktop.storage import open_database; "
        f"db = open_database({str(path)!r}); db.close(); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_current_revision_of_an_empty_database_is_none(tmp_path: Path) -> None:
    from desktop.storage.database import Database
    from desktop.storage.engine import make_engine

    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    db = Database(url, make_engine(url))
    try:
        assert current_revision(db) is None
    finally:
        db.close()
