"""The one error type the domain raises for bad input, with a Chinese message and where it happened."""

from __future__ import annotations


class PlanDeskError(Exception):
    """Invalid input or a refused operation; ``message`` is shown to the user as it is.

    ``field`` names the input at fault (a form field or CLI option), ``location`` the place in a
    file (``"plan.txt 第12行"``, ``"Sheet1!C5"``) so the user can find it.
    """

    def __init__(self, message: str, *, field: str | None = None, location: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.location = location

    def __str__(self) -> str:
        where = f"（{self.location}）" if self.location else ""
        return f"{self.message}{where}"


class ImportRefused(PlanDeskError):
    """A document that cannot be imported (wrong type, scanned PDF, empty, broken)."""


class NotFound(PlanDeskError):
    """A referenced record (plan, node, assignment, unit) does not exist."""


class ConflictError(PlanDeskError):
    """The record was changed by someone else since it was read (version mismatch)."""


class Cancelled(PlanDeskError):
    """Long work stopped at the user's request; nothing was written."""

    def __init__(self, message: str = "操作已取消，未写入任何数据。") -> None:
        super().__init__(message)


class DatabaseVersionError(PlanDeskError):
    """The database was written by a newer PlanDesk and must not be touched."""
