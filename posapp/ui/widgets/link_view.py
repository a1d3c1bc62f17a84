"""`LinkView`: a Stripe-hosted page to hand to a customer — URL, big QR code, copy, open and
e-mail — that turns to "Paid" (or shows the failure) when the outcome arrives, or says the
outcome is not known yet and offers to check again.

Cancel sits at the left of its row, away from the corner where toasts appear."""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..common.resources import icon
from ..common.theme import set_role
from .qr_code import QrCodeView


class LinkView(QWidget):
    """Waiting for a customer on a hosted page, then the outcome."""

    cancel_requested = Signal()
    done = Signal()
    """The cashier is finished with this sale (new sale)."""
    check_requested = Signal()
    """The cashier asks to settle an unknown outcome now ("Check again")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.amount = QLabel()
        self.amount.setObjectName("bigAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QrCodeView()
        self.url = QLineEdit()
        self.url.setReadOnly(True)
        self.copy = QPushButton(icon("copy"), self.tr("Copy link"))
        self.open = QPushButton(icon("open"), self.tr("Open"))
        self.email = QPushButton(icon("email"), self.tr("E-mail…"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.copy.clicked.connect(self._copy)
        self.open.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(self.url.text())))
        self.email.clicked.connect(self._email)
        self.cancel.clicked.connect(self.cancel_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        for button in (self.copy, self.open, self.email):
            buttons.addWidget(button)
        self.waiting = QLabel()
        self.waiting.setObjectName("muted")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setWordWrap(True)
        waiting_page = QWidget()
        waiting_layout = QVBoxLayout(waiting_page)
        waiting_layout.setContentsMargins(0, 0, 0, 0)
        waiting_layout.addWidget(self.qr, 1)
        waiting_layout.addWidget(self.url)
        waiting_layout.addLayout(buttons)
        waiting_layout.addWidget(self.waiting)

        self.outcome_icon = QLabel()
        self.outcome_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outcome = QLabel()
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outcome.setWordWrap(True)
        self.outcome_detail = QLabel()
        self.outcome_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outcome_detail.setWordWrap(True)
        self.new_sale = QPushButton(self.tr("New sale"))
        self.new_sale.setObjectName("primary")
        self.new_sale.clicked.connect(self.done)
        self.check_again = QPushButton(self.tr("Check again"))
        self.check_again.setObjectName("primary")
        self.check_again.clicked.connect(self.check_requested)
        outcome_page = QWidget()
        outcome_layout = QVBoxLayout(outcome_page)
        outcome_layout.addStretch(1)
        outcome_layout.addWidget(self.outcome_icon)
        outcome_layout.addWidget(self.outcome)
        outcome_layout.addWidget(self.outcome_detail)
        outcome_layout.addWidget(self.new_sale, 0, Qt.AlignmentFlag.AlignCenter)
        outcome_layout.addWidget(self.check_again, 0, Qt.AlignmentFlag.AlignCenter)
        outcome_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(waiting_page)
        self.pages.addWidget(outcome_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.amount)
        layout.addWidget(self.pages, 1)
        self._mail_subject = ""
        self._mail_body = ""
        self._shown = ""

    def show_link(self, url: str, heading: str, amount_text: str, waiting_text: str,
                  mail_subject: str, mail_body: str) -> None:
        """Show `url` with its QR code and wait (`waiting_text` says for what)."""
        self.heading.setText(heading)
        self.heading.show()
        self.amount.setText(amount_text)
        self.amount.setVisible(bool(amount_text))
        self.url.setText(url)
        self.url.setCursorPosition(0)
        self.qr.set_text(url)
        set_role(self.waiting, "muted")
        self.waiting.setText(waiting_text)
        self._mail_subject = mail_subject
        self._mail_body = mail_body
        self.cancel.setEnabled(True)
        self.pages.setCurrentIndex(0)

    def show_paid(self, headline: str, detail: str) -> None:
        """Turn to the paid state."""
        self._outcome("paid", headline, detail, "success")

    def show_failed(self, headline: str, detail: str) -> None:
        """Turn to the failed (or canceled, or expired) state."""
        self._outcome("failed", headline, detail, "error")

    def show_sent(self, headline: str, detail: str) -> None:
        """Turn to the invoiced state: Stripe e-mailed the customer an invoice."""
        self._outcome("email", headline, detail, "success")

    def show_unknown(self, headline: str, detail: str) -> None:
        """The outcome is not known yet: only "Check again" is offered, no new sale."""
        self._outcome("offline", headline, detail, "reason", settled=False)

    def is_paid(self) -> bool:
        """Whether the view shows the paid state."""
        return self.pages.currentIndex() == 1 and self._shown == "paid"

    def _outcome(self, icon_name: str, headline: str, detail: str, style: str,
                 *, settled: bool = True) -> None:
        self._shown = icon_name
        self.outcome_icon.setPixmap(icon(icon_name).pixmap(96, 96))
        set_role(self.outcome, style)
        self.heading.hide()
        self.outcome.setText(headline)
        self.outcome_detail.setText(detail)
        self.new_sale.setVisible(settled)
        self.check_again.setVisible(not settled)
        self.pages.setCurrentIndex(1)
        (self.new_sale if settled else self.check_again).setFocus()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.url.text())
        self.waiting.setText(self.tr("Link copied."))

    def mailto_url(self) -> QUrl:
        """The mailto: link the e-mail button opens (subject and body with link and amount)."""
        return QUrl(f"mailto:?subject={quote(self._mail_subject)}&body={quote(self._mail_body)}")

    def _email(self) -> None:
        QDesktopServices.openUrl(self.mailto_url())
