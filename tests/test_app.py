"""The command line: help works without a display and without loading Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from posapp.app import main

REPO = Path(__file__).resolve().parent.parent


def test_help_lists_the_commands_without_loading_qt() -> None:
    probe = ("import sys; from posapp.app import main\n"
             "try:\n    main(['--help'])\nexcept SystemExit as done:\n    code = done.code\n"
             "print('QT', any(m.startswith('PySide6') for m in sys.modules), code)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,  # noqa: S603
                          cwd=REPO, env={"PATH": "/usr/bin:/bin"}, check=True)
    assert "--demo" in done.stdout and "sync" in done.stdout and "sandbox" in done.stdout
    assert done.stdout.strip().endswith("QT False 0")


def test_sync_refuses_a_rate_that_is_not_a_positive_number(
        capsys: pytest.CaptureFixture[str]) -> None:
    for bad in ("0", "-5", "fast", "inf"):
        with pytest.raises(SystemExit) as done:
            main(["sync", "--once", "--rate", bad])
        assert done.value.code == 2
        assert "not a positive number of requests per second" in capsys.readouterr().err
