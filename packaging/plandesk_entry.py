"""The bundle's entry point: the same program as the ``plandesk`` console command (desktop.cli:main)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
