"""What every wing stands on.

- ``records``: the plain records the services hand to the window, the commands and the reports;
- ``validation``: dates (1900–2100), periods, percents, figures (finite, within ±1e12), statuses, roles and text
  as a user or a file gives them, with Chinese messages;
- ``settings``: the office's preferences kept in the database;
- ``units``: the unit registry (find, resolve, add, aliases), names cleaned (NFKC, ``hanzi``: traditional folded
  to simplified) before matching and storing;
- ``workbook_text``: the cell of an .xlsx holding a character XML cannot hold, for the refusal;
- ``tree``: plans and their node tree as the window shows them (``today`` is the program's one clock);
- ``statistics``: counts of work nodes and of 未分工 tasks;
- ``status``: the one supervised status every count uses;
- ``filters``: filtering the tree by unit, status and deadline;
- ``workdays``: 法定工作日 and deadlines counted in them;
- ``backups``, ``integrity``: backups, restore and the database check;
- ``unit_logins``: PostgreSQL logins of units;
- ``gc_pause``: pausing Python's cycle collector during bulk work.
"""
