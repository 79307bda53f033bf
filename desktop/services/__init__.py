"""Use cases: one function, one transaction, plain data in and out. No Qt."""
