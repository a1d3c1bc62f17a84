"""`InvoiceDetail`: one invoice — the invoice itself as it prints (lines, totals, tax), its
payments and status history — and its actions: finalize, send, charge the default card or
record a payment made outside Stripe, void, mark uncollectible, open or copy the hosted page,
refund the card payment of a paid invoice, print and export to PDF. Reading, printing and
PDF work offline from the cache."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from posapp.services.account import account_address, cached_account
from posapp.services.invoices import (
    finalize_invoice,
    mark_uncollectible,
    pay_invoice,
    send_invoice,
    void_invoice,
)

from ..common.action_detail import ActionDetail
from ..common.app_state import AppState
from ..common.confirm import confirm
from ..common.csv_export import choose_save_path
from ..common.format import card_label_of, ref_id
from ..common.resources import icon
from ..common.tax_ids import seller_tax_id
from ..common.theme import set_role
from ..refunds.refund_dialog import RefundDialog, invoice_payment
from .invoice_list_model import invoice_customer, invoice_status_text, is_overdue
from .invoice_pdf import Seller, add_resources, invoice_html, print_invoice, write_invoice_pdf

HISTORY_LIMIT = 100
_PAYABLE = ("open", "uncollectible")



class InvoiceDetail(ActionDetail):
    """The selected invoice and what can be done with it."""

    open_object = Signal(str, str)
    """(table, id) of a related object (the customer, the subscription) to show."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.invoice: dict[str, Any] = {}
        self.status = QLabel()
        self.customer = QLabel()
        self.customer.linkActivated.connect(lambda cid: self.open_object.emit("customers", cid))
        self.due = QLabel()
        self.subscription = QLabel()
        self.subscription.linkActivated.connect(
            lambda sid: self.open_object.emit("subscriptions", sid))
        form = QFormLayout()
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Due"), self.due)
        form.addRow(self.tr("Subscription"), self.subscription)

        self.finalize = QPushButton(self.tr("Finalize"))
        self.send = QPushButton(icon("email"), self.tr("Send"))
        self.charge = QPushButton(icon("card"), self.tr("Charge card…"))
        self.paid_outside = QPushButton(self.tr("Paid outside Stripe…"))
        self.void = QPushButton(self.tr("Void…"))
        self.uncollectible = QPushButton(self.tr("Mark uncollectible…"))
        self.refund = QPushButton(icon("refunds"), self.tr("Refund…"))
        self.open_page = QPushButton(icon("open"), self.tr("Open hosted page"))
        self.copy_link = QPushButton(icon("copy"), self.tr("Copy link"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf = QPushButton(self.tr("Export PDF…"))
        spawn = self._state.spawn
        self.finalize.clicked.connect(lambda: spawn(self.finalize_invoice()))
        self.send.clicked.connect(lambda: self.confirm_send() and spawn(self.send_invoice()))
        self.charge.clicked.connect(lambda: spawn(self.pay()))
        self.paid_outside.clicked.connect(lambda: spawn(self.pay(out_of_band=True)))
        self.void.clicked.connect(lambda: spawn(self.void_invoice()))
        self.uncollectible.clicked.connect(lambda: spawn(self.mark_uncollectible()))
        self.refund.clicked.connect(self.open_refund)
        self.open_page.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(self._url())))
        self.copy_link.clicked.connect(self._copy_link)
        self.print_button.clicked.connect(self._print)
        self.pdf.clicked.connect(self._ask_pdf)
        self.money_buttons = (self.finalize, self.send, self.charge, self.paid_outside,
                              self.void, self.uncollectible, self.refund)

        self.document = QTextBrowser()
        self.payments = QListWidget()
        self.history = QListWidget()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.document, self.tr("Invoice"))
        self.tabs.addTab(self.payments, self.tr("Payments"))
        self.tabs.addTab(self.history, self.tr("History"))

        self.lay_out(form, (*self.money_buttons, self.open_page, self.copy_link,
                            self.print_button, self.pdf), 2, self.tabs)
        state.connect_tables(frozenset(("invoices", "events", "payment_intents", "charges")),
                             self._reload)
        self.show_invoice({})
        state.follow_online(self.update_actions)

    def show_invoice(self, invoice: dict[str, Any]) -> None:
        """Show `invoice` (an empty dict clears the pane)."""
        self.invoice = invoice
        formats = self._state.formats
        currency = invoice.get("currency")
        self.title.setText(str(invoice.get("number") or (
            self.tr("Draft invoice") if invoice else "")))
        self.amount.setText(formats.money(invoice.get("total"), currency))
        self.status.setText(invoice_status_text(invoice.get("status")))
        customer_id = ref_id(invoice.get("customer"))
        name = invoice_customer(invoice)
        self.customer.setText(f"<a href='{customer_id}'>{name}</a>" if customer_id else name)
        due = formats.date(invoice.get("due_date"))
        if not due:
            # Only send_invoice invoices have a due date; Stripe charges the others itself.
            due = (self.tr("Charged automatically")
                   if invoice.get("collection_method") == "charge_automatically" else "—")
        elif is_overdue(invoice):
            due = self.tr("%1 — overdue").replace("%1", due)
        self.due.setText(due)
        set_role(self.due, "error" if is_overdue(invoice) else "")
        sub_id = self._subscription_id()
        self.subscription.setText(f"<a href='{sub_id}'>{sub_id}</a>" if sub_id else "")
        seller = self.seller()
        add_resources(self.document.document(), invoice, seller)
        self.document.setHtml(invoice_html(invoice, formats, seller)
                              if invoice else "")
        self._fill_payments()
        self._fill_history()
        self.update_actions()

    def update_actions(self) -> None:
        """Enable what Stripe allows for this status, money actions only online; a disabled
        control carries its reason."""
        status = self.invoice.get("status")
        blocked = self._state.money_blocked_reason()
        no_email = "" if self.invoice.get("customer_email") else self.tr(
            "The customer has no e-mail address.")
        allowed = {
            self.finalize: status == "draft",
            self.send: status == "open",
            self.charge: status in _PAYABLE,
            self.paid_outside: status in _PAYABLE,
            self.void: status in _PAYABLE,
            self.uncollectible: status == "open",
            self.refund: status == "paid" and self._card_payment() is not None,
        }
        for button, ok in allowed.items():
            why = blocked or (no_email if button is self.send else "")
            button.setEnabled(ok and not why)
            button.setToolTip(why if ok else "")
        has_url = bool(self._url())
        self.open_page.setEnabled(has_url)
        self.copy_link.setEnabled(has_url)
        for button in (self.open_page, self.copy_link):
            button.setToolTip("" if has_url or not self.invoice else self.tr(
                "A draft has no hosted page until it is finalized."))
        self.print_button.setEnabled(bool(self.invoice))
        self.pdf.setEnabled(bool(self.invoice))
        self.reason.setText(blocked if self.invoice and status in ("draft", *_PAYABLE)
                            else "")

    async def finalize_invoice(self) -> dict[str, Any] | None:
        """Finalize the draft: it gets its number and hosted page."""
        return await self._act(finalize_invoice)

    def confirm_send(self) -> bool:
        """Ask before *Send* e-mails the invoice (an e-mail cannot be taken back), naming
        the invoice, its amount and the customer."""
        return confirm(
            self, self._state.profile.mode, self.tr("Send invoice"),
            self.tr("E-mail invoice %1 of %2 to %3 (%4)? An e-mail cannot be taken back.")
            .replace("%1", self.title.text()).replace("%2", self.amount.text())
            .replace("%3", self.customer_name())
            .replace("%4", str(self.invoice.get("customer_email") or "")))

    async def send_invoice(self) -> dict[str, Any] | None:
        """E-mail the invoice with its payment link to the customer (*Send* asks first)."""
        result = await self._act(send_invoice)
        if result is not None:
            self.say(self.tr("Sent to %1.").replace("%1", str(
                result.get("customer_email") or "")), "success")
        return result

    async def pay(self, *, out_of_band: bool = False,
                  confirmed: bool = False) -> dict[str, Any] | None:
        """Charge the customer's default card, or record a payment made outside Stripe;
        confirmed first with amount, customer and card (twice in live mode)."""
        if not confirmed and not self._confirm_pay(out_of_band):
            return None
        return await self._act(pay_invoice, out_of_band=out_of_band)

    async def void_invoice(self, confirmed: bool = False) -> dict[str, Any] | None:
        """Void the invoice (it can no longer be paid; cannot be undone)."""
        if not confirmed and not confirm(
                self, self._state.profile.mode, self.tr("Void invoice"),
                self.tr("Void invoice %1 of %2 for %3? It can no longer be paid, and this "
                        "cannot be undone.").replace("%1", self.title.text())
                .replace("%2", self.amount.text()).replace("%3", self.customer_name())):
            return None
        return await self._act(void_invoice)

    async def mark_uncollectible(self, confirmed: bool = False) -> dict[str, Any] | None:
        """Mark the invoice as not expected to be paid (it can still be paid later)."""
        if not confirmed and not confirm(
                self, self._state.profile.mode, self.tr("Mark uncollectible"),
                self.tr("Mark invoice %1 of %2 for %3 as uncollectible? It stays payable.")
                .replace("%1", self.title.text()).replace("%2", self.amount.text())
                .replace("%3", self.customer_name())):
            return None
        return await self._act(mark_uncollectible)

    def open_refund(self) -> RefundDialog:
        """Open the refund dialog on the payment that paid this invoice."""
        dialog = RefundDialog(self._state, str(self.invoice["id"]), self)
        dialog.open()
        return dialog

    def export_pdf(self, path: Path) -> None:
        """Write the invoice as a PDF at `path` (from the cache; works offline)."""
        write_invoice_pdf(self.invoice, self._state.formats, self.seller(), path)
        self.say(self.tr("Saved %1.").replace("%1", str(path)), "muted")

    def customer_name(self) -> str:
        """Who the shown invoice is for."""
        return invoice_customer(self.invoice)

    def card_text(self) -> str:
        """The card a charge would use ("" when the cache does not know it): the invoice's,
        the subscription's, then the customer's default."""
        cache = self._state.cache
        sub_id = self._subscription_id()
        subscription = cache.get("subscriptions", sub_id) if sub_id else None
        customer_id = ref_id(self.invoice.get("customer"))
        customer = cache.get("customers", customer_id) if customer_id else None
        candidates = (self.invoice.get("default_payment_method"),
                      (subscription or {}).get("default_payment_method"),
                      ((customer or {}).get("invoice_settings") or {}).get(
                          "default_payment_method"))
        pm_id = next((r for r in map(ref_id, candidates) if r), None)
        card = ((cache.get("payment_methods", pm_id) if pm_id else None) or {}).get("card")
        if not card:
            return ""
        return card_label_of(card)

    def _confirm_pay(self, out_of_band: bool) -> bool:
        money = self._state.formats.money(self.invoice.get("amount_remaining"),
                                          self.invoice.get("currency"))
        if out_of_band:
            question = self.tr("Record that %1 paid %2 for invoice %3 outside Stripe (cash, "
                               "bank transfer)? No card is charged.")
            return confirm(self, self._state.profile.mode, self.tr("Paid outside Stripe"),
                           question.replace("%1", self.customer_name()).replace("%2", money)
                           .replace("%3", self.title.text()))
        card = self.card_text() or self.tr("their default card")
        question = self.tr("Charge %1 to %2's %3 for invoice %4?")
        return confirm(self, self._state.profile.mode, self.tr("Charge card"),
                       question.replace("%1", money).replace("%2", self.customer_name())
                       .replace("%3", card).replace("%4", self.title.text()),
                       self.tr("This is LIVE: %1 is taken from a real card. Charge it?")
                       .replace("%1", money))

    async def _act(self, fn: Callable[..., dict[str, Any]],
                   **kwargs: Any) -> dict[str, Any] | None:
        invoice_id = str(self.invoice["id"])
        for button in self.money_buttons:
            button.setEnabled(False)
        result = await self.run_action(fn, invoice_id, on_failure=self.update_actions,
                                       **kwargs)
        if result is None:
            return None
        if self.invoice.get("id") == invoice_id:
            self.show_invoice(self._state.cache.get("invoices", invoice_id) or result)
        return result

    def _card_payment(self) -> str | None:
        invoice_id = self.invoice.get("id")
        return invoice_payment(self._state.cache, invoice_id) \
            if isinstance(invoice_id, str) else None

    def _url(self) -> str:
        return str(self.invoice.get("hosted_invoice_url") or "")

    def _subscription_id(self) -> str | None:
        parent = self.invoice.get("parent") or {}
        return ref_id((parent.get("subscription_details") or {}).get("subscription"))

    def seller(self) -> Seller:
        """The profile's business settings; the account's name, business address and
        default tax ID (as last fetched from Stripe) where they leave those empty."""
        profile = self._state.profile
        details = self._state.settings.business(profile.name)
        return Seller(details["name"] or profile.account_name or profile.name,
                      details["address"] or account_address(cached_account(self._state.cache)),
                      seller_tax_id(self._state), details["footer"], details["logo"])

    def _fill_payments(self) -> None:
        self.payments.clear()
        formats = self._state.formats
        cache = self._state.cache
        for payment in (self.invoice.get("payments") or {}).get("data") or []:
            intent_id = ref_id((payment.get("payment") or {}).get("payment_intent"))
            intent = cache.get("payment_intents", intent_id) if intent_id else None
            charge_id = ref_id((intent or {}).get("latest_charge"))
            charge = cache.get("charges", charge_id) if charge_id else None
            card = ((charge or {}).get("payment_method_details") or {}).get("card") or {}
            paid = payment.get("amount_paid") or payment.get("amount_requested")
            parts = [formats.datetime(payment.get("created")),
                     formats.money(paid, payment.get("currency")),
                     str(payment.get("status") or ""),
                     card_label_of(card),
                     str(((intent or {}).get("last_payment_error") or {}).get("message")
                         or "")]
            self.payments.addItem("  ".join(p for p in parts if p))
        outside = self.invoice.get("amount_paid_off_stripe")
        if outside:
            self.payments.addItem(self.tr("%1 paid outside Stripe").replace(
                "%1", formats.money(outside, self.invoice.get("currency"))))

    def _fill_history(self) -> None:
        self.history.clear()
        if not self.invoice:
            return
        formats = self._state.formats
        transitions = self.invoice.get("status_transitions") or {}
        steps = [(self.invoice.get("created"), self.tr("Created as draft")),
                 (transitions.get("finalized_at"), self.tr("Finalized")),
                 (transitions.get("marked_uncollectible_at"), self.tr("Marked uncollectible")),
                 (transitions.get("paid_at"), self.tr("Paid")),
                 (transitions.get("voided_at"), self.tr("Voided"))]
        dated = [(when, what) for when, what in steps if isinstance(when, int) and when]
        for when, what in sorted(dated, key=lambda step: step[0]):
            self.history.addItem(f"{formats.datetime(when)}  {what}")
        events = self._state.cache.page("events", filters={"object_id": str(
            self.invoice["id"])}, limit=HISTORY_LIMIT).rows
        for event in events:
            self.history.addItem(f"{formats.datetime(event.get('created'))}  "
                                 f"{event.get('type', '')}")

    def _reload(self) -> None:
        if self.invoice:
            fresh = self._state.cache.get("invoices", str(self.invoice["id"]))
            if fresh is not None:
                self.show_invoice(fresh)

    def _copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self._url())
        self.say(self.tr("Link copied."), "muted")

    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_invoice(self.invoice, self._state.formats, self.seller(), printer)

    def _ask_pdf(self) -> None:
        name = f"{self.invoice.get('number') or self.invoice.get('id')}.pdf"
        path = choose_save_path(self, self.tr("Export PDF"), name, self.tr("PDF files (*.pdf)"))
        if path is not None:
            self.export_pdf(path)
