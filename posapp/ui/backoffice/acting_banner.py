"""`ActingBanner`: the strip under the top bar while the window works on a connected
account, saying whose data it shows, with the way back to the platform."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ..common.theme import WARNING_COLOR


class ActingBanner(QWidget):
    """"Acting as <account> for <platform>", and "Back to the platform"."""

    def __init__(self, platform: str, account: str, account_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actingBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"#actingBanner {{ background: {WARNING_COLOR}; }}"
                           "#actingBanner QLabel { color: black; font-weight: bold; }")
        self.text = QLabel(self.tr("Acting as %1 (%2) for the platform %3: everything shown "
                                   "and done here is that account's.")
                           .replace("%1", account).replace("%2", account_id)
                           .replace("%3", platform))
        self.text.setWordWrap(True)
        self.back = QPushButton(self.tr("Back to the platform"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.back)
