"""Plans: reading them in and keeping them.

- ``plan_import``: ``import_plan`` / ``import_file`` (a document into a new plan), the sample plans;
- ``documents``: reading a plan document for the window's preview (the window's one door to the importers);
- ``revision``: a revised document compared with the plan in the database and applied;
- ``plan_admin``: the plan's properties, archiving, deleting, duplicates;
- ``nodes``: adding, renaming, moving and deleting nodes;
- ``duties``: a node's responsible units and its kind;
- ``adopt``: the units the plan names, adopted as assignments;
- ``indicators``: indicator values;
- ``links``: district tasks that carry out city clauses;
- ``matrix``: the 任务分工表; ``plan_export``: a plan as JSON; ``search``: Chinese substring search;
- ``demo``: the demo database with the sample plans.
"""
