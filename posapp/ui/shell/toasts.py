"""`ToastArea`: short notices stacked in the window's bottom-right corner that fade on their own."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

TOAST_SECONDS = 6
MAX_TOASTS = 4


class ToastArea(QWidget):
    """An overlay on `host` that shows toasts without taking focus or blocking clicks."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        host.installEventFilter(self)
        self._place()

    def show_toast(self, text: str) -> QLabel:
        """Show `text` for a few seconds; returns the label (tests read it)."""
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
        self._layout.addWidget(frame)
        QTimer.singleShot(TOAST_SECONDS * 1000, frame.deleteLater)
        self.raise_()
        self.show()
        return label

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

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        width = min(360, host.width() - 24)
        self.setGeometry(host.width() - width - 12, 12, width, host.height() - 48)
