"""``python -m desktop`` runs the plandesk command."""

import sys

from .cli import main

sys.exit(main())
