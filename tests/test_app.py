"""The command line: help works without a display and without loading Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_help_lists_the_commands_without_loading_qt() -> None:
    probe = ("import sys; from posapp.app import main\n"
             "try:\n    main(['--help'])\nexcept SystemExit as done:\n    code = done.code\n"
             "print('QT', any(m.startswith('PySide6') for m in sys.modules), code)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,  # noqa: S603
                          cwd=REPO, env={"PATH": "/usr/bin:/bin"}, check=True)
    assert "--demo" in done.stdout and "sync" in done.stdout and "sandbox" in done.stdout
    assert done.stdout.strip().endswith("QT False 0")
