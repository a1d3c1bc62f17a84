"""`confirm`: ask before an action that moves money or cannot be undone, and once more in
live mode, where it happens to a real customer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .theme import DisplayMode


def confirm(parent: QWidget, mode: DisplayMode, title: str, question: str,
            live_question: str = "") -> bool:
    """Ask `question` (Yes/No); in live mode ask `live_question` (or a generic warning) too."""
    yes = QMessageBox.StandardButton.Yes
    no = QMessageBox.StandardButton.No
    if QMessageBox.question(parent, title, question, yes | no, no) != yes:
        return False
    if mode is DisplayMode.LIVE:
        again = live_question or QCoreApplication.translate(
            "Confirm", "This is LIVE mode: it happens for real. Go ahead?")
        return QMessageBox.warning(parent, QCoreApplication.translate("Confirm", "Live mode"),
                                   again, yes | no, no) == yes
    return True
