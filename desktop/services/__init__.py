"""The use cases, in six wings; the window and the commands call these and nothing below them.

The wings, from the bottom up (``lint-imports`` keeps the order; nothing points back up):

- ``core``: records, validation, settings, units, the plan tree, statistics, backups, the work calendar — what
  every other wing stands on;
- ``plans``: importing a plan and its revisions, the plan's properties, nodes, duties, adoption, indicators,
  links between plans, search;
- ``supervision``: assignments and their progress, the workflow, checkpoints, warnings, escalation, 督办事项,
  the 报送台账, points and scores, evidence, the history;
- ``reporting``: the monthly report, the 督查通报, notices, the ledger, closed months and the 总览;
- ``evaluation``: the mid-term and final evaluation of a plan;
- ``exchange``: workbooks and packages sent to and received from units and offices.

``plans`` and ``supervision`` stand side by side and do not import each other.
"""
