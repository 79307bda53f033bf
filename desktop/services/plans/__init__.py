"""Plans: reading them in and keeping them.

- ``plan_import``: the import use case — ``read_document`` (what the importer recognised, for the preview),
  ``import_document`` (the plan, the user's corrections and its adoption in one transaction), ``import_plan`` /
  ``import_file``, the sample plans;
- ``revision``: a revised document compared with the plan in the database and applied;
- ``parsed_checks``: a document as read, checked like user input (targets, dates, unit names) before either;
- ``plan_admin``: the plan's properties, archiving, deleting, duplicates;
- ``nodes``: adding, renaming, moving and deleting nodes;
- ``duties``: a node's responsible units and its kind;
- ``adopt``: the units the plan names, adopted as assignments;
- ``indicators``: indicator values;
- ``links``: district tasks that carry out city clauses;
- ``matrix``: the 任务分工表; ``plan_export``: a plan as JSON; ``search``: Chinese substring search;
- ``demo``: the demo database with the sample plans.
"""
