"""The mid-term and final evaluation of a plan.

- ``assessment``: gathering the evaluation and writing its report;
- ``figures``: the indicator arithmetic (trend fits, targets, verdicts);
- ``tasks``: the tasks' side (time share, work share, units lagging).
"""
