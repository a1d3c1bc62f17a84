"""`OpenRequestsView`: the payment requests this station made that can still be paid, each
with its amount, what it is for, its age and a Cancel button."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from posapp.services.payments import PaymentRequest

from ..common.format import Formats

translate = QCoreApplication.translate


def age_text(seconds: float) -> str:
    """How long ago, in whole minutes or hours and minutes, for a cashier."""
    minutes = max(0, int(seconds // 60))
    if minutes < 60:
        return translate("OpenRequestsView", "%1 min").replace("%1", str(minutes))
    return (translate("OpenRequestsView", "%1 h %2 min")
            .replace("%1", str(minutes // 60)).replace("%2", str(minutes % 60)))


class OpenRequestsView(QWidget):
    """A short list; `cancel_requested(request)` when the cashier cancels one."""

    cancel_requested = Signal(object)

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._formats = formats
        self.title = QLabel(self.tr("Open payment requests"))
        self.title.setObjectName("muted")
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self._rows)
        self.requests: list[PaymentRequest] = []
        self.cancel_buttons: list[QPushButton] = []
        self.labels: list[QLabel] = []
        self.setVisible(False)

    def set_requests(self, requests: list[PaymentRequest], now: float | None = None) -> None:
        """Show `requests` (hidden when there are none)."""
        moment = now if now is not None else time.time()
        while self._rows.count():
            item = self._rows.takeAt(0)
            row = item.widget() if item is not None else None
            if row is not None:
                row.deleteLater()
        self.requests = list(requests)
        self.cancel_buttons = []
        self.labels = []
        for request in self.requests:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            age = age_text(moment - (request.created or moment))
            label = QLabel(" · ".join((self._formats.money(request.amount, request.currency),
                                       request.description, age)))
            label.setWordWrap(True)
            cancel = QPushButton(self.tr("Cancel"))
            cancel.setToolTip(self.tr("Close this request at Stripe so it cannot be paid"))
            cancel.clicked.connect(lambda _c=False, r=request: self.cancel_requested.emit(r))
            line.addWidget(label, 1)
            line.addWidget(cancel)
            self._rows.addWidget(row)
            self.cancel_buttons.append(cancel)
            self.labels.append(label)
        self.setVisible(bool(self.requests))

    def texts(self) -> list[str]:
        """The rows as shown (tests read them)."""
        return [label.text() for label in self.labels]
