"""`PaymentDetail`: one payment — amount, status, customer, card, refunds and disputes — the
timeline of its events, and its actions (capture all or part, after a confirmation, or
cancel when uncaptured; copy ids, open in the Stripe Dashboard)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.services.balance import cached_fee_and_net
from posapp.services.payments import cancel_payment, card_of

from ..catalogue.receipt_pdf import (
    Paper,
    ask_receipt_path,
    print_receipt_dialog,
    save_receipt,
)
from ..common.action_detail import button_grid, narrow_form
from ..common.app_state import AppState
from ..common.confirm import confirm
from ..common.errors import error_text
from ..common.format import card_label, fee_net_text, ref_id
from ..common.resources import icon
from ..refunds.refund_dialog import RefundDialog
from .capture_dialog import CaptureDialog
from .payment_list_model import payment_status

CANCELABLE = ("requires_payment_method", "requires_confirmation", "requires_action",
              "requires_capture", "processing")
TIMELINE_LIMIT = 100


class PaymentDetail(QWidget):
    """The selected payment and what can be done with it."""

    open_customer = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.payment: dict[str, Any] = {}
        self.amount = QLabel()
        self.amount.setObjectName("bigAmount")
        self.status = QLabel()
        self.customer = QLabel()
        self.customer.linkActivated.connect(self.open_customer)
        self.card = QLabel()
        self.markers = QLabel()
        self.markers.setObjectName("error")
        self.ids = QLabel()
        self.fee_net = QLabel()
        self.ids.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Card"), self.card)
        form.addRow(self.tr("Fee and net"), self.fee_net)
        form.addRow(self.tr("Refunds / disputes"), self.markers)
        form.addRow(self.tr("IDs"), self.ids)
        narrow_form(form)

        self.refund = QPushButton(icon("refunds"), self.tr("Refund…"))
        self.refund.clicked.connect(self.open_refund)
        self.capture = QPushButton(self.tr("Capture…"))
        self.cancel = QPushButton(self.tr("Cancel payment…"))
        self.copy_ids = QPushButton(icon("copy"), self.tr("Copy ids"))
        self.dashboard = QPushButton(icon("open"), self.tr("Open in Stripe Dashboard"))
        self.receipt = QPushButton(self.tr("Receipt PDF…"))
        self.receipt.setToolTip(self.tr("Reprint the receipt (works offline, from the cache)"))
        self.receipt.clicked.connect(self._ask_receipt_path)
        self.print_receipt = QPushButton(self.tr("Print…"))
        self.print_receipt.setToolTip(self.tr("Print the receipt (works offline, from the "
                                              "cache)"))
        self.print_receipt.clicked.connect(lambda: self._state.spawn(self.open_print()))
        self.capture.clicked.connect(self.open_capture)
        self.cancel.clicked.connect(lambda: self._state.spawn(self.cancel_payment()))
        self.copy_ids.clicked.connect(self._copy_ids)
        self.dashboard.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl(self._state.dashboard_url(str(self.payment.get("id", ""))))))
        buttons = button_grid((self.refund, self.capture, self.cancel, self.receipt,
                               self.print_receipt, self.copy_ids, self.dashboard), 2)
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.timeline = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.amount)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.reason)
        layout.addWidget(QLabel(self.tr("Timeline")))
        layout.addWidget(self.timeline, 1)
        state.connect_tables(frozenset(("payment_intents", "charges", "events",
                                        "balance_transactions")), self._reload)
        self.show_payment({})
        state.follow_online(self.update_actions)

    def show_payment(self, payment: dict[str, Any]) -> None:
        """Show `payment` (a PaymentIntent; an empty dict clears the pane)."""
        self.payment = payment
        formats = self._state.formats
        charge = self._charge()
        self.amount.setText(formats.money(payment.get("amount"), payment.get("currency")))
        self.status.setText(payment_status(payment, charge, formats) if payment else "")
        customer_id = ref_id(payment.get("customer"))
        customer = self._state.cache.get("customers", customer_id) if customer_id else None
        name = (customer or {}).get("name") or (customer or {}).get("email") or customer_id
        self.customer.setText(f"<a href='{customer_id}'>{name}</a>" if customer_id else "")
        self.card.setText(card_label(*card_of(charge)))
        marks = []
        if charge and charge.get("amount_refunded"):
            marks.append(self.tr("Refunded %1").replace("%1", formats.money(
                charge["amount_refunded"], charge.get("currency"))))
        if charge and charge.get("disputed"):
            marks.append(self.tr("Disputed"))
        self.markers.setText(", ".join(marks))
        self.fee_net.setText(fee_net_text(formats, cached_fee_and_net(self._state.cache, charge))
                             if payment else "")
        self.ids.setText("\n".join(self._ids()))
        self._fill_timeline()
        self.update_actions()

    def update_actions(self) -> None:
        """Enable capture/cancel only where Stripe allows it, and only online."""
        reason = self._state.money_blocked_reason()
        status = self.payment.get("status")
        has = bool(self.payment)
        self.capture.setEnabled(has and not reason and status == "requires_capture")
        self.cancel.setEnabled(has and not reason and status in CANCELABLE)
        charge = self._charge()
        refundable_now = bool(charge and charge.get("status") == "succeeded"
                              and not charge.get("refunded"))
        self.refund.setEnabled(has and not reason and refundable_now)
        for button in (self.refund, self.capture, self.cancel):
            button.setToolTip(reason)
        self.copy_ids.setEnabled(has)
        self.dashboard.setEnabled(has)
        self.receipt.setEnabled(has and status == "succeeded")
        self.print_receipt.setEnabled(has and status == "succeeded")
        self.reason.setText(reason)

    def open_refund(self) -> RefundDialog:
        """Open the refund dialog for this payment."""
        dialog = RefundDialog(self._state, str(self.payment["id"]), self)
        dialog.open()
        return dialog

    def open_capture(self) -> CaptureDialog:
        """Open the capture dialog: the amount (all that is authorised, or less), then a
        confirmation."""
        dialog = CaptureDialog(self._state, self.payment, self._charge(), self)
        dialog.accepted.connect(lambda: self._after_capture(dialog))
        dialog.open()
        return dialog

    def _after_capture(self, dialog: CaptureDialog) -> None:
        if dialog.captured is not None:
            payment_id = str(dialog.captured["id"])
            self.show_payment(self._state.cache.get("payment_intents", payment_id)
                              or dialog.captured)

    async def cancel_payment(self, confirmed: bool = False) -> dict[str, Any] | None:
        """Cancel the payment after confirmation (twice in live mode)."""
        if not confirmed and not confirm(
                self, self._state.profile.mode, self.tr("Cancel payment"),
                self.tr("Cancel this payment of %1? An authorization is released; this "
                        "cannot be undone.").replace("%1", self.amount.text()),
                self.tr("This is a LIVE payment. Cancel it for real?")):
            return None
        return await self._act(cancel_payment, self.payment["id"])

    async def _act(self, fn: Any, payment_id: str) -> dict[str, Any] | None:
        self.reason.setText(self.tr("Working…"))
        try:
            result: dict[str, Any] = await self._state.run(fn, self._state.session, payment_id)
        except Exception as error:  # shown under the buttons
            self.reason.setText(error_text(error))
            return None
        self.show_payment(self._state.cache.get("payment_intents", payment_id) or result)
        return result

    def _ask_receipt_path(self) -> None:
        path = ask_receipt_path(self, str(self.payment.get("id")))
        if path is not None:
            self._state.spawn(self.save_receipt(path))

    async def open_print(self) -> QPrintPreviewDialog | None:
        """Open the print dialog for this payment's receipt (offline: from the cache)."""
        try:
            return await print_receipt_dialog(self._state, str(self.payment["id"]), self)
        except Exception as error:  # shown under the buttons
            self.reason.setText(error_text(error))
            return None

    async def save_receipt(self, path: Path, paper: Paper = "80mm") -> Path | None:
        """Write this payment's receipt as a PDF at `path` (offline: from the cache)."""
        try:
            saved = await save_receipt(self._state, str(self.payment["id"]), path, paper)
        except Exception as error:  # shown under the buttons
            self.reason.setText(error_text(error))
            return None
        self.reason.setText(self.tr("Saved %1.").replace("%1", str(saved)))
        return saved

    def _charge(self) -> dict[str, Any] | None:
        charge_id = ref_id(self.payment.get("latest_charge"))
        return self._state.cache.get("charges", charge_id) if charge_id else None

    def _ids(self) -> list[str]:
        ids = [str(self.payment["id"])] if self.payment else []
        charge_id = ref_id(self.payment.get("latest_charge"))
        if charge_id:
            ids.append(charge_id)
        return ids

    def _fill_timeline(self) -> None:
        self.timeline.clear()
        ids = self._ids()
        if not ids:
            return
        if len(ids) > 1:
            # A refund's own events (refund.failed) name the refund, not the payment.
            ids += [r["id"] for r in self._state.cache.page(
                "refunds", filters={"charge": ids[1]}, limit=TIMELINE_LIMIT).rows]
        formats = self._state.formats
        events = self._state.cache.page("events", filters={"object_id": ids},
                                        limit=TIMELINE_LIMIT).rows
        for event in events:
            self.timeline.addItem(f"{formats.datetime(event.get('created'))}  "
                                  f"{event.get('type', '')}")
        if not events:
            self.timeline.addItem(self.tr(
                "No events cached for this payment: PosApp records events from its first "
                "sync on, and Stripe keeps them for 30 days."))

    def _reload(self) -> None:
        if self.payment:
            fresh = self._state.cache.get("payment_intents", str(self.payment["id"]))
            if fresh is not None:
                self.show_payment(fresh)

    def _copy_ids(self) -> None:
        QGuiApplication.clipboard().setText(" ".join(self._ids()))

