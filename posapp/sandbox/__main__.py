"""`python -m posapp.sandbox`: run the sandbox server."""

import sys

from . import resources as _resources  # noqa: F401  (registers every route)
from .cli import main

sys.exit(main())
