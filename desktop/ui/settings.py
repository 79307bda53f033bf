"""Per-user window preferences kept in QSettings: geometry, splitters, last plan, operator, my unit."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

LEGACY_DUE_SOON_KEY = "view/due_soon_days"  # now the database's 临期 (warnings.rules due_days)


class UiSettings:
    """One place that knows every QSettings key PlanDesk's window uses."""

    def __init__(self) -> None:
        self._s = QSettings()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def state(self, name: str) -> QByteArray | None:
        """Saved geometry/state blob for ``name`` (window, splitter, header)."""
        return self._bytes(f"state/{name}")

    def set_state(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"state/{name}", value)

    def _str(self, key: str, default: str = "") -> str:
        value = self._s.value(key, default)
        return str(value) if value is not None else default

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._s.value(key, default))  # type: ignore[call-overload]  # QSettings.value is typed object
        except (TypeError, ValueError):
            return default

    @property
    def last_plan_id(self) -> int | None:
        value = self._int("session/last_plan_id", 0)
        return value or None

    @last_plan_id.setter
    def last_plan_id(self, value: int | None) -> None:
        self._s.setValue("session/last_plan_id", value or 0)

    @property
    def operator(self) -> str:
        return self._str("user/operator")

    @operator.setter
    def operator(self, value: str) -> None:
        self._s.setValue("user/operator", value.strip())

    @property
    def my_unit(self) -> str:
        return self._str("user/my_unit")

    @my_unit.setter
    def my_unit(self, value: str) -> None:
        self._s.setValue("user/my_unit", value.strip())

    @property
    def my_unit_only(self) -> bool:
        return self._str("user/my_unit_only", "false").lower() in ("true", "1")

    @my_unit_only.setter
    def my_unit_only(self, value: bool) -> None:
        self._s.setValue("user/my_unit_only", "true" if value else "false")

    def take_legacy_due_soon_days(self) -> int | None:
        """The due-soon days older versions kept per window, removed as they are read (None: none kept)."""
        if not self._s.contains(LEGACY_DUE_SOON_KEY):
            return None
        value = self._int(LEGACY_DUE_SOON_KEY, -1)
        self._s.remove(LEGACY_DUE_SOON_KEY)
        return value if value >= 0 else None

    @property
    def language(self) -> str:
        """The window's language code (zh_CN, en); empty: follow the system."""
        return self._str("view/language")

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("view/language", value)

    def sync(self) -> None:
        self._s.sync()
