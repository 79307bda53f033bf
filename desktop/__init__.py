"""PlanDesk (规划督办台): track the implementation of government plans."""

__version__ = "0.1.0"
