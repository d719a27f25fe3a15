"""The editors' command: check the fact-checks in content/ and build the site into site/.

    python build.py              build the site (same as `python build.py build`)
    python build.py check        check content only; --format json|github for tools
    python build.py serve        live preview on 127.0.0.1:8000

Run `python build.py --help` for every command and option.
"""

import sys

from factsite.commands.cli import main

if __name__ == "__main__":
    sys.exit(main())
