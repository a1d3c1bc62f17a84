"""`python -m posapp`: the same entry point as `main.py` and the `posapp` script."""

import sys

from posapp.app import main

sys.exit(main())
