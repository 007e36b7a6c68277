"""`python -m polyphony` is the `polyphony` command."""

import sys

from .cli import main

sys.exit(main())
