"""Fixtures of the GUI tests (the `loop` and `worker` they run on are in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from ui_support import demo_controller, first_sync, run, wait_until

from posapp.sandbox import Sandbox
from posapp.ui.shell.main_window import MainWindow
from posapp.worker import Worker


@pytest.fixture
def window(loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox,
           worker: Worker) -> Iterator[MainWindow]:
    """The demo main window over `sandbox`, its first sync finished and its account (time
    zone) fetched."""
    controller = demo_controller(tmp_path, sandbox, worker)
    run(loop, controller.start())
    main = controller.window
    assert isinstance(main, MainWindow)
    first_sync(loop, main)
    wait_until(loop, lambda: main.state.formats.zone is not None, "the account's time zone")
    yield main
    controller.shutdown()
