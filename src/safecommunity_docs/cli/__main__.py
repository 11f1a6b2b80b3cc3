"""``python -m safecommunity_docs.cli``: the command line."""

import sys

from .runner import main

sys.exit(main())
