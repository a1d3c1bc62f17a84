"""`CrashReporter`: an error nothing caught never shows a traceback to the user. It is
written to the log file (secrets masked) and a dialog says what happened, with "Copy
details" for a support request. Qt's own messages go to the log as well."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from posapp.config import log_crash
from posapp.keys import redact

__all__ = ["CrashReporter"]

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("qt")


class CrashReporter(QObject):
    """Installs `sys.excepthook`, `threading.excepthook` and Qt's message handler; `dialog`
    is the last crash dialog shown (its `copy_button` copies the details)."""

    crashed = Signal(str, str)

    def __init__(self, log_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: QMessageBox | None = None
        self.copy_button: QPushButton | None = None
        self._previous: tuple[Any, Any] | None = None
        # Queued: a crash on a worker thread is shown by the GUI thread.
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Take over the hooks (until `uninstall`)."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.report
        threading.excepthook = self._thread_failed
        qInstallMessageHandler(_qt_message)

    def uninstall(self) -> None:
        """Give the hooks back."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        qInstallMessageHandler(None)

    def report(self, kind: type[BaseException], error: BaseException,
               tb: TracebackType | None) -> None:
        """Log `error` with its traceback and show the dialog (from any thread)."""
        if issubclass(kind, KeyboardInterrupt):
            return
        log_crash(error.with_traceback(tb), "Uncaught error")
        details = redact("".join(traceback.format_exception(kind, error, tb)))
        summary = traceback.format_exception_only(kind, error)[-1].strip()
        self.crashed.emit(redact(summary), details)

    def handle_loop_exception(self, loop: asyncio.AbstractEventLoop,
                              context: dict[str, Any]) -> None:
        """An asyncio exception handler: errors of tasks nobody awaited come here."""
        error = context.get("exception")
        if isinstance(error, BaseException):
            self.report(type(error), error, error.__traceback__)
        else:
            loop.default_exception_handler(context)

    def _thread_failed(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None and not issubclass(args.exc_type, SystemExit):
            self.report(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, summary: str, details: str) -> None:
        text = (self.tr("Something went wrong: %1").replace("%1", summary) + "\n\n"
                + self.tr("PosApp keeps running; the details are in %1.")
                .replace("%1", str(self.log_file)))
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("PosApp hit a problem"), text,
                          QMessageBox.StandardButton.Close, QApplication.activeWindow())
        box.setDetailedText(details)
        copy = box.addButton(self.tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()  # an action button must not close the dialog
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        box.open()
        self.dialog, self.copy_button = box, copy


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
