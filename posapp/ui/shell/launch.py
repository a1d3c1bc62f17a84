"""Starting the GUI: `launch_gui(GuiOptions(...))` is what the command line calls.

It creates the QApplication and the qasync event loop, picks the language (settings, else
the system locale) and theme, opens the demo, the requested or last profile, or the
first-run welcome, and runs until the last window closes.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from dataclasses import dataclass

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from posapp.config import APP_NAME, Paths, Settings
from posapp.keys import KeyVault
from posapp.worker import Worker

from ..common.i18n import Translations, choose_language
from ..common.resources import icon
from ..common.theme import apply_theme
from .controller import DemoServer, GuiController
from .crash import CrashReporter
from .display import display_problem

__all__ = ["GuiOptions", "launch_gui"]

WORKER_THREADS = 4


@dataclass(frozen=True)
class GuiOptions:
    """What the command line decided: where files live, which profile, which server.

    `demo_api_base`/`demo_api_key` are set by `--demo` (a sandbox started in-process with a
    test key that never touches the keyring); `api_base` overrides a profile's server.
    """

    paths: Paths
    profile_name: str | None = None
    api_base: str | None = None
    demo_api_base: str | None = None
    demo_api_key: str | None = None


def application() -> QApplication:
    """The process's QApplication (created, named and themed on first use)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("posapp")  # resources/linux/posapp.desktop: the dock's icon
    app.setWindowIcon(icon("app"))
    apply_theme(app)
    return app


def make_controller(options: GuiOptions, worker: Worker) -> GuiController:
    """The controller for `options`, with its language installed (used by the tests too)."""
    options.paths.create()
    settings = Settings.load(options.paths.settings_file)
    translations = Translations()
    translations.install(choose_language(settings.language))
    demo = None
    if options.demo_api_base and options.demo_api_key:
        demo = DemoServer(options.demo_api_base, options.demo_api_key)
    return GuiController(paths=options.paths, settings=settings, vault=KeyVault(),
                         worker=worker, translations=translations, api_base=options.api_base,
                         demo=demo)


# Young collections start after this many more container objects were made than freed.
# A backfill's pages are freed by reference counting as soon as they are stored, so the
# count rarely gets there; at the default 700 a collection ran every few pages, each
# walking every page still in flight on the other threads while the GUI thread waited.
GC_YOUNG_THRESHOLD = 20_000


def after_start_up() -> None:
    """Garbage-collector settings for a long session, applied once the first window is up.

    Everything made so far (modules, Qt wrappers, the SDK's tables) lives as long as the
    process: frozen, full collections no longer walk it (they stalled the GUI thread
    ~200 ms at a time during a big backfill); and young collections run less often (see
    GC_YOUNG_THRESHOLD). Measured by benchmarks/bench_gui_stall.py."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)


def launch_gui(options: GuiOptions) -> int:
    """Run the desktop app until its last window closes; returns the exit code (1 when no
    window can be opened here, with the reason on stderr)."""
    problem = display_problem()
    if problem is not None:
        sys.stderr.write(f"{problem}\n")
        return 1
    app = application()
    crashes = CrashReporter(options.paths.log_file)
    crashes.install()
    loop = qasync.QEventLoop(app)
    loop.set_exception_handler(crashes.handle_loop_exception)
    asyncio.set_event_loop(loop)
    worker = Worker(max_workers=WORKER_THREADS)
    controller = make_controller(options, worker)
    quitting = asyncio.Event()
    app.setQuitOnLastWindowClosed(False)

    def maybe_quit() -> None:
        # Switching profile closes one window after the next is shown: look again later.
        if not any(w.isVisible() for w in app.topLevelWidgets()):
            quitting.set()

    app.lastWindowClosed.connect(lambda: QTimer.singleShot(0, maybe_quit))

    async def run() -> None:
        # One run_until_complete for the whole session: Qt emits aboutToQuit whenever its
        # event loop returns, so the app must not leave it between start-up and the end.
        await controller.start(options.profile_name)
        after_start_up()
        if controller.window is not None:
            await quitting.wait()
        controller.shutdown()
        pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        await asyncio.gather(*pending, return_exceptions=True)

    with loop:
        try:
            loop.run_until_complete(run())
        finally:
            controller.shutdown()
            worker.shutdown(wait=False)
            crashes.uninstall()
    return 0
