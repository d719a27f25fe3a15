"""`python -m factsite`: the command line, as the `factsite` command runs it."""

import sys

from factsite.commands.cli import main

sys.exit(main())
