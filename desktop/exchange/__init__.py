"""Offline exchange file formats: tree matching, feedback workbooks and office-to-office packages (no Qt)."""
