"""Supervision: who does what by when, and whether it is on track.

- ``assignments``: assignments and their progress entries;
- ``workflow``: 交办 → 签收 → 报送 → 审核 → 办结, extensions, closed periods;
- ``checkpoints``: 节点 dates inside an assignment; ``warnings``: the red/yellow/green 预警;
- ``escalation``: 提级督办 rules and levels;
- ``items``, ``item_import``: 督办事项 (instructions, proposals, items registered by hand or from a workbook);
- ``report_register``: the 报送台账 (who reported on time in which month);
- ``points``: the point ranking; ``scoring``: the 考核 score;
- ``evidence``: 佐证材料; ``history``: the audit trail as the window shows it.
"""
