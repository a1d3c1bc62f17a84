"""Start PosApp: `python main.py --help` lists the commands."""

import sys

from posapp.app import main

if __name__ == "__main__":
    sys.exit(main())
