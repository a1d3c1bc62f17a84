"""`ToastArea`: short notices stacked in the window's bottom-right corner that fade on their own;
one may carry a button (e.g. "Undo") that runs its action and dismisses it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

TOAST_SECONDS = 6
MAX_TOASTS = 4


class ToastArea(QWidget):
    """An overlay on `host` that shows toasts without taking focus; clicks pass through it
    everywhere but on the toasts themselves (its mask is their outline)."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        host.installEventFilter(self)
        self._place()

    def show_toast(self, text: str,
                   action: tuple[str, Callable[[], object]] | None = None) -> QLabel:
        """Show `text` for a few seconds, with `action`'s button (its label and what it
        does; the toast goes once it is clicked) if given; returns the label."""
        while self._layout.count() > MAX_TOASTS:
            item = self._layout.itemAt(1)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
                self._layout.removeWidget(old)
        frame = QFrame()
        frame.setObjectName("toast")
        label = QLabel(text, frame)
        label.setWordWrap(True)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(12, 8, 12, 8)
        inner.addWidget(label)
        if action is not None:
            button = QPushButton(action[0], frame)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(action[1])
            button.clicked.connect(frame.deleteLater)
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        self._layout.addWidget(frame)
        frame.destroyed.connect(self._schedule_mask)
        QTimer.singleShot(TOAST_SECONDS * 1000, frame.deleteLater)
        self.raise_()
        self.show()
        self._update_mask()
        return label

    def buttons(self) -> list[QPushButton]:
        """The action buttons of the toasts now shown."""
        return self.findChildren(QPushButton)

    def clear(self) -> None:
        """Dismiss every toast now."""
        for frame in self.findChildren(QFrame):
            frame.deleteLater()

    def texts(self) -> list[str]:
        """The toasts now shown."""
        return [label.text() for label in self.findChildren(QLabel)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _schedule_mask(self) -> None:
        QTimer.singleShot(0, self, self._update_mask)  # dropped if the area is gone

    def _update_mask(self) -> None:
        """Take clicks only where a toast is (none: the area is hidden)."""
        self._layout.activate()
        region = QRegion()
        for frame in self.findChildren(QFrame, "toast"):
            region = region.united(QRegion(frame.geometry()))
        if region.isEmpty():
            self.hide()
        else:
            self.setMask(region)

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        width = min(360, host.width() - 24)
        self.setGeometry(host.width() - width - 12, 12, width, host.height() - 48)
        self._update_mask()
