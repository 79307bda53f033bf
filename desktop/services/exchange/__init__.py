"""Exchange with units and offices.

- ``workbooks``: feedback workbooks sent to units and read back;
- ``packages``: signed packages of plans and 督办事项 between offices.
"""
