"""What every wing stands on.

- ``records``: the plain records the services hand to the window, the commands and the reports;
- ``validation``: dates, periods, percents, statuses and roles as a user types them, with Chinese messages;
- ``settings``: the office's preferences kept in the database;
- ``units``: the unit registry (find, resolve, add, aliases);
- ``tree``: plans and their node tree as the window shows them (``today`` is the program's one clock);
- ``statistics``: counts of work nodes and of 未分工 tasks;
- ``status``: the one supervised status every count uses;
- ``filters``: filtering the tree by unit, status and deadline;
- ``workdays``: 法定工作日 and deadlines counted in them;
- ``backups``, ``integrity``: backups, restore and the database check;
- ``unit_logins``: PostgreSQL logins of units;
- ``gc_pause``: pausing Python's cycle collector during bulk work.
"""
