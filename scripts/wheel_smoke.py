"""Run by scripts/check-wheel with the Python of a fresh venv the wheel was installed into,
outside the source tree: the installed package finds its icons and translations and opens
its window (offscreen) on the demo shop."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import qasync

import posapp
from posapp.config import Paths
from posapp.sandbox import running
from posapp.ui.common.i18n import Translations
from posapp.ui.common.resources import RESOURCES_DIR, icon
from posapp.ui.shell.launch import GuiOptions, application, make_controller
from posapp.ui.shell.main_window import MainWindow
from posapp.worker import Worker


def main() -> None:
    """Check where the package was imported from, its resources, and its window."""
    installed = Path(posapp.__file__).resolve().parent
    assert Path(sys.prefix) in installed.parents, f"posapp imported from {installed}"
    assert installed / "resources" == RESOURCES_DIR, RESOURCES_DIR
    app = application()
    assert not icon("app").isNull(), "the app icon is missing"
    translations = Translations()
    assert translations.install("zh_CN"), "the Chinese translation did not load"
    translations.install("en_US")

    with tempfile.TemporaryDirectory() as tmp, running(seed="demo") as sandbox, Worker() as worker:
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        controller = make_controller(GuiOptions(paths=Paths.resolve(Path(tmp)),
                                                demo_api_base=sandbox.url,
                                                demo_api_key="sk_test_demo"), worker)
        loop.run_until_complete(controller.start())
        assert isinstance(controller.window, MainWindow), controller.window
        print(f"wheel OK: {installed}, window “{controller.window.windowTitle()}”")
        controller.shutdown()


# Guarded: the backfill's page workers start from a fork server, which imports this module.
if __name__ == "__main__":
    main()
