"""PySide6 user interface: the only place in PlanDesk that imports Qt."""
