"""`WelcomeWindow`: the first run — try the demo, or add a Stripe key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ..common.resources import icon


class WelcomeWindow(QWidget):
    """Two big choices and a line about keys staying in the keyring."""

    demo_requested = Signal()
    add_key_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to PosApp"))
        self.setWindowIcon(icon("app"))
        self.resize(640, 420)
        title = QLabel(self.tr("Welcome to PosApp"))
        title.setObjectName("title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(self.tr(
            "Take payments at the counter and manage your Stripe customers, even offline. "
            "Card numbers are never typed here: customers pay on Stripe's own pages."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo = QPushButton(icon("collect"), self.tr("Try the demo"))
        self.demo.setObjectName("primary")
        self.demo.setMinimumHeight(48)
        self.demo.setToolTip(self.tr("A local sandbox with made-up customers; nothing is real."))
        self.add_key = QPushButton(icon("add"), self.tr("Add your Stripe key"))
        self.add_key.setMinimumHeight(48)
        self.demo.clicked.connect(self.demo_requested)
        self.add_key.clicked.connect(self.add_key_requested)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(16)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addWidget(self.demo)
        layout.addWidget(self.add_key)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def show_message(self, text: str) -> None:
        """Explain why a profile could not be opened."""
        self.message.setText(text)
