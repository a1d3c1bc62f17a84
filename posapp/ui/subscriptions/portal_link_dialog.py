"""`LinkDialog`: a Stripe-hosted page to hand to a customer — the billing portal, or an
invoice to pay or confirm with their bank — as URL, QR code, copy, open and e-mail (the
collect screen's `LinkView`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ..widgets.link_view import LinkView

translate = QCoreApplication.translate


class LinkDialog(QDialog):
    """Shows one hosted-page link until closed."""

    def __init__(self, title: str, url: str, heading: str, note: str, mail_subject: str,
                 mail_body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(460, 620)
        self.view = LinkView()
        self.view.show_link(url, heading, "", note, mail_subject, mail_body)
        self.view.cancel.setText(self.tr("Close"))
        self.view.cancel_requested.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)


def portal_link_dialog(url: str, customer: str, parent: QWidget | None = None) -> LinkDialog:
    """The billing portal link for `customer` (named for the heading)."""
    return LinkDialog(
        translate("LinkDialog", "Billing portal"), url,
        translate("LinkDialog", "Billing portal for %1").replace("%1", customer),
        translate("LinkDialog", "The customer manages their subscriptions, cards and "
                                "invoices on Stripe's page. The link works for a short "
                                "time only."),
        translate("LinkDialog", "Manage your subscription"),
        translate("LinkDialog", "You can manage your subscription, payment method and "
                                "invoices here:\n%1").replace("%1", url), parent)


def invoice_link_dialog(url: str, customer: str, why: str,
                        parent: QWidget | None = None) -> LinkDialog:
    """A hosted invoice for `customer` to pay (or to confirm with their bank); `why` says
    what the customer has to do."""
    return LinkDialog(
        translate("LinkDialog", "Invoice link"), url,
        translate("LinkDialog", "Invoice for %1").replace("%1", customer), why,
        translate("LinkDialog", "Your invoice"),
        translate("LinkDialog", "Please pay your invoice here:\n%1").replace("%1", url),
        parent)
