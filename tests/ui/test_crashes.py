"""No traceback ever reaches a user: the command line prints one line and exits 1, the GUI
shows a dialog with "Copy details"; the traceback (secrets masked) goes to the log file, and
Qt's own messages go to the log too."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import run_posapp
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QApplication
from ui_support import GUARD_SECONDS

from posapp.config import Paths, setup_logging
from posapp.ui.shell.crash import CrashReporter

SECRET = "sk_" + "live_" + "Hx9QkLmNoPqRsTuVwXyZ0123456789ab"


def test_an_unexpected_failure_is_one_line_and_the_traceback_is_in_the_log(
        tmp_path: Path) -> None:
    (tmp_path / "config" / "settings.json").mkdir(parents=True)  # a folder where a file goes
    done = run_posapp(["sync", "--once", "--data-dir", str(tmp_path)],
                      env={"STRIPE_API_KEY": "sk_test_x"})
    assert done.returncode == 1
    lines = [line for line in done.stderr.strip().splitlines() if "posapp.config" not in line]
    assert len(lines) == 1 and "Traceback" not in done.stderr  # (modes tightened aside)
    log_file = tmp_path / "logs" / "posapp.log"
    assert lines[0].startswith("posapp: stopped unexpectedly: ")
    assert f"details are in {log_file}" in lines[0]
    assert "Traceback (most recent call last)" in log_file.read_text(encoding="utf-8")


@pytest.fixture
def reporter(qapp: QApplication, tmp_path: Path) -> Iterator[CrashReporter]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    paths = Paths.resolve(tmp_path)
    setup_logging(paths)
    crash = CrashReporter(paths.log_dir / "posapp.log")
    crash.install()
    yield crash
    crash.uninstall()
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def wait_for_dialog(qapp: QApplication, crash: CrashReporter) -> None:
    deadline = threading.Event()
    timer = threading.Timer(GUARD_SECONDS, deadline.set)
    timer.start()
    while crash.dialog is None and not deadline.is_set():
        qapp.processEvents()
    timer.cancel()
    assert crash.dialog is not None, "no crash dialog"


def test_an_uncaught_error_in_the_gui_shows_a_dialog_with_copy_details(
        qapp: QApplication, reporter: CrashReporter, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    def fail() -> None:
        raise RuntimeError(f"bad answer for {SECRET}")

    try:
        fail()
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    wait_for_dialog(qapp, reporter)
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible()
    assert "bad answer for sk_live_…89ab" in dialog.text()
    assert SECRET not in dialog.text() and SECRET not in dialog.detailedText()
    reporter.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied and "in fail" in copied
    assert SECRET not in copied
    log_text = (tmp_path / "logs" / "posapp.log").read_text(encoding="utf-8")
    assert "in fail" in log_text and SECRET not in log_text
    assert "Traceback" not in capsys.readouterr().err
    dialog.close()


def test_an_uncaught_error_on_a_thread_reaches_the_dialog_too(
        qapp: QApplication, reporter: CrashReporter) -> None:
    def worker() -> None:
        raise ValueError("thread gave up")

    thread = threading.Thread(target=worker, name="stripe-worker-x")
    thread.start()
    thread.join()
    wait_for_dialog(qapp, reporter)
    assert reporter.dialog is not None
    assert "thread gave up" in reporter.dialog.text()
    reporter.dialog.close()


def test_qt_messages_go_to_the_log(reporter: CrashReporter, tmp_path: Path) -> None:
    qWarning("QPainter::begin: a warning from Qt")
    log_text = (tmp_path / "logs" / "posapp.log").read_text(encoding="utf-8")
    assert "WARNING qt: QPainter::begin: a warning from Qt" in log_text
