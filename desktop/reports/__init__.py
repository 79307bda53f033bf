"""PDF reports and Excel exports rendered from plain data."""
