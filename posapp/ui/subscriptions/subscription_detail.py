"""`SubscriptionDetail`: one subscription — customer, status, collection, its items, the
upcoming invoice (Stripe's preview, fetched when the subscription is shown and online), its
invoices and events — and its actions: change, cancel, undo a scheduled cancellation, pause
and resume collection, resume a paused subscription, and a billing portal link for the
customer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.services.customers import collect_card_link
from posapp.services.subscriptions import (
    ENDED,
    PauseBehavior,
    billing_portal_link,
    has_card_to_charge,
    next_charge,
    pause_collection,
    period_end,
    preview_next_invoice,
    price_list_amount,
    resume_collection,
    resume_subscription,
    undo_cancellation,
)

from ..common.action_detail import ActionDetail
from ..common.app_state import AppState
from ..common.confirm import confirm
from ..common.errors import error_text
from ..common.resources import icon
from ..common.theme import set_role
from ..invoices.invoice_list_model import InvoiceListModel
from ..widgets.card_link_dialog import CardLinkDialog
from .portal_link_dialog import LinkDialog, portal_link_dialog
from .subscription_cancel_dialog import SubscriptionCancelDialog
from .subscription_change_dialog import SubscriptionChangeDialog
from .subscription_list_model import (
    customer_name,
    items_of,
    next_charge_text,
    price_text,
    product_name,
    subscription_status_text,
)

EVENTS_LIMIT = 100
INVOICE_DAYS = 30
"""Days to pay the invoice sent when a paused subscription is resumed without a card."""


class SubscriptionDetail(ActionDetail):
    """The selected subscription and what can be done with it."""

    open_object = Signal(str, str)
    """(table, id) of a related object (the customer, an invoice) to show."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.subscription: dict[str, Any] = {}
        self.customer = QLabel()
        self.customer.linkActivated.connect(lambda cid: self.open_object.emit("customers", cid))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.collection = QLabel()
        self.period = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Collection"), self.collection)
        form.addRow(self.tr("Current period"), self.period)

        self.change = QPushButton(self.tr("Change price or quantity…"))
        self.cancel = QPushButton(self.tr("Cancel…"))
        self.undo_cancel = QPushButton(self.tr("Undo cancellation"))
        self.pause = QPushButton(self.tr("Pause collection"))
        pause_menu = QMenu(self.pause)
        for label, behavior in ((self.tr("Void invoices made meanwhile"), "void"),
                                (self.tr("Keep invoices made meanwhile as drafts"),
                                 "keep_as_draft"),
                                (self.tr("Mark invoices made meanwhile uncollectible"),
                                 "mark_uncollectible")):
            action = pause_menu.addAction(label)
            action.triggered.connect(
                lambda _c=False, b=behavior: self._state.spawn(self.pause_collection(b)))
        self.pause.setMenu(pause_menu)
        self.resume = QPushButton(self.tr("Resume collection"))
        self.resume_paused = QPushButton(self.tr("Resume subscription…"))
        # Offered instead of resuming when the customer has no card to charge.
        self.collect_card = QPushButton(self.tr("Collect a card…"))
        self.resume_invoiced = QPushButton(self.tr("Resume and send an invoice…"))
        self.portal = QPushButton(icon("qr"), self.tr("Billing portal link…"))
        self.copy_id = QPushButton(icon("copy"), self.tr("Copy id"))
        self.dashboard = QPushButton(icon("open"), self.tr("Open in Stripe Dashboard"))
        self.change.clicked.connect(self.open_change)
        self.cancel.clicked.connect(self.open_cancel)
        self.undo_cancel.clicked.connect(lambda: self._state.spawn(self.undo_cancellation()))
        self.resume.clicked.connect(lambda: self._state.spawn(self.resume_collection()))
        self.resume_paused.clicked.connect(
            lambda: self._state.spawn(self.resume_subscription()))
        self.collect_card.clicked.connect(
            lambda: self._state.spawn(self.start_card_collection()))
        self.resume_invoiced.clicked.connect(
            lambda: self._state.spawn(self.resume_with_invoice()))
        self.portal.clicked.connect(lambda: self._state.spawn(self.send_portal_link()))
        self.copy_id.clicked.connect(lambda: QGuiApplication.clipboard().setText(
            str(self.subscription.get("id", ""))))
        self.dashboard.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl(self._state.dashboard_url(str(self.subscription.get("id", ""))))))
        self.action_buttons = (self.change, self.cancel, self.undo_cancel, self.pause,
                               self.resume, self.resume_paused, self.collect_card,
                               self.resume_invoiced, self.portal)

        self.items = QTableWidget(0, 4)
        self.items.setHorizontalHeaderLabels([self.tr("Product"), self.tr("Price"),
                                              self.tr("Quantity"), self.tr("Period ends")])
        self.items.verticalHeader().setVisible(False)
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.upcoming_summary = QLabel()
        self.upcoming_summary.setWordWrap(True)
        self.upcoming_lines = QListWidget()
        upcoming = QWidget()
        upcoming_layout = QVBoxLayout(upcoming)
        upcoming_layout.addWidget(self.upcoming_summary)
        upcoming_layout.addWidget(self.upcoming_lines, 1)
        self.invoices_model = InvoiceListModel(state.cache, state.formats, self)
        self.invoices = QTableView()
        self.invoices.setModel(self.invoices_model)
        self.invoices.verticalHeader().setVisible(False)
        self.invoices.horizontalHeader().setStretchLastSection(True)
        self.invoices.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.invoices.doubleClicked.connect(self._open_invoice)
        self.events = QListWidget()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.items, self.tr("Items"))
        self.tabs.addTab(upcoming, self.tr("Next invoice"))
        self.tabs.addTab(self.invoices, self.tr("Invoices"))
        self.tabs.addTab(self.events, self.tr("Events"))

        self.lay_out(form, (*self.action_buttons, self.copy_id, self.dashboard), 2, self.tabs)
        state.connect_tables(frozenset(("subscriptions", "events", "products", "prices",
                                        "customers")), self._reload)
        state.connect_tables(frozenset(("invoices",)), self.invoices_model.reload)
        self.show_subscription({})
        state.follow_online(self.update_actions)

    def show_subscription(self, subscription: dict[str, Any]) -> None:
        """Show `subscription` (an empty dict clears the pane); fetch its upcoming invoice
        when it is another one than shown before."""
        changed = subscription.get("id") != self.subscription.get("id")
        self.subscription = subscription
        formats = self._state.formats
        cache = self._state.cache
        customer_id = subscription.get("customer")
        name = customer_name(cache, customer_id)
        self.title.setText(name)
        self.customer.setText(f"<a href='{customer_id}'>{name}</a>"
                              if isinstance(customer_id, str) else "")
        self.status.setText(self._status_text())
        if next_charge(subscription).kind in ("collection_paused", "paused"):
            self.collection.setText(self.tr("Collection paused: nothing is charged until "
                                            "resumed"))
        elif subscription.get("collection_method") == "send_invoice":
            self.collection.setText(self.tr("Invoices e-mailed, due in %1 days").replace(
                "%1", str(subscription.get("days_until_due"))))
        elif subscription:
            self.collection.setText(self.tr("Default card charged automatically"))
        else:
            self.collection.clear()
        starts = [i.get("current_period_start") for i in items_of(subscription)]
        start = min((s for s in starts if isinstance(s, int)), default=None)
        self.period.setText(f"{formats.date(start)} – {formats.date(period_end(subscription))}"
                            if start else "")
        self._fill_items()
        self.invoices_model.set_filters({"subscription": subscription.get("id", "\x00none")})
        self._fill_events()
        self._show_upcoming()
        if changed and subscription and self._can_preview():
            self._state.spawn(self.fetch_upcoming())
        self.update_actions()

    @property
    def upcoming(self) -> dict[str, Any] | None:
        """Stripe's preview of the shown subscription's next invoice, once fetched."""
        return self._state.previews.get(str(self.subscription.get("id", "")))

    def update_actions(self) -> None:
        """Enable what this status allows, only online; a disabled control says why."""
        sub = self.subscription
        status = sub.get("status")
        live = bool(sub) and status not in ENDED
        paused = bool(sub.get("pause_collection"))
        no_card = status == "paused" and not has_card_to_charge(sub, self._customer())
        self.collect_card.setVisible(no_card)
        self.resume_invoiced.setVisible(no_card)
        allowed = {
            self.change: live and status != "incomplete",
            self.cancel: live,
            self.undo_cancel: live and bool(sub.get("cancel_at_period_end")),
            self.pause: live and not paused and status not in ("incomplete", "paused"),
            self.resume: live and paused,
            self.resume_paused: status == "paused" and not no_card,
            self.collect_card: no_card,
            self.resume_invoiced: no_card,
            self.portal: bool(sub.get("customer")),
        }
        blocked = self._state.money_blocked_reason()
        why_not = self.tr("%1 has no card on file: collect a card, or resume and send an "
                          "invoice.").replace("%1", customer_name(self._state.cache,
                                                                  sub.get("customer")))
        for button, ok in allowed.items():
            button.setEnabled(ok and not blocked)
            button.setToolTip(blocked if ok else "")
        if no_card:
            self.resume_paused.setToolTip(blocked or why_not)
        self.copy_id.setEnabled(bool(sub))
        self.dashboard.setEnabled(bool(sub))
        self.reason.setText(blocked or (why_not if no_card else "") if live else "")
        set_role(self.reason, "reason")

    async def fetch_upcoming(self) -> dict[str, Any] | None:
        """Fetch Stripe's preview of the next invoice and show it (if this subscription is
        still the one shown)."""
        sub_id = str(self.subscription.get("id", ""))
        self.upcoming_summary.setText(self.tr("Asking Stripe for the next invoice…"))
        try:
            upcoming: dict[str, Any] = await self._state.run(
                preview_next_invoice, self._state.session, sub_id)
        except Exception as error:  # offline or nothing to invoice: said in the tab
            if self.subscription.get("id") == sub_id:
                self.upcoming_summary.setText(error_text(error))
            return None
        self._state.remember_preview(sub_id, upcoming)
        if self.subscription.get("id") == sub_id:
            self._show_upcoming()
        return upcoming

    def open_change(self) -> SubscriptionChangeDialog:
        """Open the change dialog (price or quantity, with the proration preview)."""
        dialog = SubscriptionChangeDialog(self._state, self.subscription, self)
        dialog.accepted.connect(lambda: self._after(dialog.subscription))
        dialog.open()
        return dialog

    def open_cancel(self) -> SubscriptionCancelDialog:
        """Open the cancel dialog (now or at the period end)."""
        dialog = SubscriptionCancelDialog(self._state, self.subscription, self)
        dialog.accepted.connect(lambda: self._after(dialog.subscription))
        dialog.open()
        return dialog

    async def undo_cancellation(self) -> dict[str, Any] | None:
        """Keep the subscription running past the period end after all."""
        return await self._act(undo_cancellation)

    async def pause_collection(self, behavior: PauseBehavior) -> dict[str, Any] | None:
        """Stop collecting payment; invoices made meanwhile are handled as `behavior` says.
        It can be undone, so nothing is asked: the toast offers "Undo" (resume)."""
        sub_id, who = str(self.subscription["id"]), self._customer_name()
        result = await self._act(pause_collection, behavior)
        if result is not None:
            self._offer_undo(self.tr("Collection paused for %1's subscription.")
                             .replace("%1", who), sub_id, resume_collection)
        return result

    async def resume_collection(self) -> dict[str, Any] | None:
        """Collect payment again; the toast offers "Undo" (pause again, as before)."""
        sub_id, who = str(self.subscription["id"]), self._customer_name()
        paused = self.subscription.get("pause_collection") or {}
        behavior = paused.get("behavior") or "void"
        result = await self._act(resume_collection)
        if result is not None:
            self._offer_undo(self.tr("Collection resumed for %1's subscription.")
                             .replace("%1", who), sub_id, pause_collection, behavior)
        return result

    def _customer_name(self) -> str:
        return customer_name(self._state.cache, self.subscription.get("customer"))

    def _offer_undo(self, text: str, sub_id: str, undo: Callable[..., dict[str, Any]],
                    *args: Any) -> None:
        """Say what was done in a toast whose "Undo" runs `undo` on that subscription,
        whichever one is shown by then."""
        self._state.toast.emit(text, (self.tr("Undo"), lambda: self._state.spawn(
            self._act_on(sub_id, undo, *args))))

    async def resume_subscription(self, confirmed: bool = False) -> dict[str, Any] | None:
        """Restart a paused subscription (its trial ended without a payment method) after
        the user confirms (tests pass `confirmed`): a new period starts now and its invoice
        is charged or sent at once."""
        sub = self.subscription
        amount = self._state.formats.money(price_list_amount(sub), sub.get("currency"))
        if not confirmed and not confirm(
                self, self._state.profile.mode, self.tr("Resume subscription"),
                self.tr("Resume %1's subscription? A new period starts now and its invoice "
                        "of %2 is collected at once.")
                .replace("%1", customer_name(self._state.cache, sub.get("customer")))
                .replace("%2", amount)):
            return None
        return await self._act(resume_subscription)

    async def resume_with_invoice(self, confirmed: bool = False) -> dict[str, Any] | None:
        """For a customer without a card: after the user confirms, set the subscription to
        e-mail its invoices (due in 30 days) and resume it, so the new period's invoice is
        sent to the customer."""
        sub = self.subscription
        if not confirmed and not confirm(
                self, self._state.profile.mode, self.tr("Resume subscription"),
                self.tr("Resume %1's subscription and e-mail them an invoice of %2 for the new "
                        "period, due in %3 days? Later invoices are e-mailed too.")
                .replace("%1", customer_name(self._state.cache, sub.get("customer")))
                .replace("%2", self._state.formats.money(price_list_amount(sub),
                                                         sub.get("currency")))
                .replace("%3", str(INVOICE_DAYS))):
            return None
        result = await self.run_action(resume_subscription, str(sub["id"]),
                                       send_invoice_days=INVOICE_DAYS)
        if result is not None:
            self.say("")
            self._after(result)
        return result

    async def start_card_collection(self) -> CardLinkDialog | None:
        """Make a Stripe-hosted page where the customer saves a card and show it as link
        and QR code; resuming is offered once the card is saved."""
        customer_id = str(self.subscription.get("customer", ""))
        checkout = await self.run_action(collect_card_link, customer_id)
        if checkout is None:
            return None
        self.update_actions()
        dialog = CardLinkDialog(self._state, self._customer() or {"id": customer_id},
                                checkout, self)
        dialog.open()
        return dialog

    def _customer(self) -> dict[str, Any] | None:
        customer_id = self.subscription.get("customer")
        return self._state.cache.get("customers", customer_id) \
            if isinstance(customer_id, str) else None

    async def send_portal_link(self) -> LinkDialog | None:
        """Create a billing portal session for the customer and show its link and QR code."""
        customer_id = str(self.subscription["customer"])
        self.say(self.tr("Working…"), "muted")
        try:
            url = await self._state.run(billing_portal_link, self._state.session, customer_id)
        except Exception as error:  # offline or refused: said under the buttons
            self.say(error_text(error), "error")
            return None
        self.say("", "reason")
        dialog = portal_link_dialog(url, customer_name(self._state.cache, customer_id), self)
        dialog.open()
        return dialog

    def _status_text(self) -> str:
        sub = self.subscription
        if not sub:
            return ""
        formats = self._state.formats
        parts = [subscription_status_text(sub.get("status"))]
        if sub.get("status") == "trialing" and sub.get("trial_end"):
            parts.append(self.tr("trial ends %1").replace("%1", formats.date(sub["trial_end"])))
        if sub.get("cancel_at_period_end") or sub.get("cancel_at"):
            parts.append(self.tr("cancels on %1").replace(
                "%1", formats.date(sub.get("cancel_at") or period_end(sub))))
        if sub.get("canceled_at"):
            parts.append(self.tr("canceled on %1").replace(
                "%1", formats.date(sub["canceled_at"])))
        pause = sub.get("pause_collection")
        if isinstance(pause, dict):
            parts.append(self.tr("collection paused (%1)").replace("%1", {
                "void": self.tr("invoices voided"),
                "keep_as_draft": self.tr("invoices kept as drafts"),
                "mark_uncollectible": self.tr("invoices marked uncollectible"),
            }.get(str(pause.get("behavior")), str(pause.get("behavior")))))
        return ", ".join(parts)

    def _can_preview(self) -> bool:
        """Whether Stripe's preview can say more: a charge is expected, and we are online."""
        return next_charge(self.subscription).amount is not None and not \
            self._state.money_blocked_reason()

    def _show_upcoming(self) -> None:
        """The next charge as `next_charge` tells it (the list shows the same amount), with
        the preview's lines when Stripe's preview is at hand."""
        self.upcoming_lines.clear()
        sub = self.subscription
        if not sub:
            self.amount.clear()
            self.upcoming_summary.clear()
            return
        upcoming = self.upcoming
        coming = next_charge(sub, upcoming)
        money = self._state.formats.money
        self.amount.setText(money(coming.amount, coming.currency))
        if coming.estimated and coming.amount is not None and \
                self._state.money_blocked_reason():
            self.upcoming_summary.setText(self.tr("The next invoice can be previewed "
                                                  "when online."))
        else:
            self.upcoming_summary.setText(next_charge_text(coming, self._state.formats))
        if upcoming is None or coming.amount is None:
            return
        currency = upcoming.get("currency")
        for line in (upcoming.get("lines") or {}).get("data") or []:
            self.upcoming_lines.addItem(f"{money(line.get('amount'), currency)}  "
                                        f"{line.get('description') or ''}")

    def _fill_items(self) -> None:
        items = items_of(self.subscription)
        self.items.setRowCount(len(items))
        formats = self._state.formats
        for row, item in enumerate(items):
            price = item.get("price") or {}
            cells = (product_name(self._state.cache, price), price_text(price, formats),
                     formats.number(int(item.get("quantity") or 1)),
                     formats.date(item.get("current_period_end")))
            for column, text in enumerate(cells):
                self.items.setItem(row, column, QTableWidgetItem(text))
        self.items.resizeColumnsToContents()

    def _fill_events(self) -> None:
        self.events.clear()
        if not self.subscription:
            return
        formats = self._state.formats
        events = self._state.cache.page("events", filters={"object_id": str(
            self.subscription["id"])}, limit=EVENTS_LIMIT).rows
        for event in events:
            self.events.addItem(f"{formats.datetime(event.get('created'))}  "
                                f"{event.get('type', '')}")

    async def _act(self, fn: Callable[..., dict[str, Any]],
                   *args: Any) -> dict[str, Any] | None:
        return await self._act_on(str(self.subscription["id"]), fn, *args)

    async def _act_on(self, sub_id: str, fn: Callable[..., dict[str, Any]],
                      *args: Any) -> dict[str, Any] | None:
        result = await self.run_action(fn, sub_id, *args)
        if result is None:
            return None
        self.say("")
        self._after(result)
        return result

    def _after(self, result: dict[str, Any] | None) -> None:
        """Show the subscription as Stripe now has it, and its fresh next invoice."""
        if result is None:
            return
        self._state.forget_preview(str(result.get("id")))
        if self.subscription.get("id") == result.get("id"):
            self.show_subscription(self._state.cache.get("subscriptions", str(result["id"]))
                                   or result)
            if self._can_preview():
                self._state.spawn(self.fetch_upcoming())

    def _reload(self) -> None:
        if self.subscription:
            fresh = self._state.cache.get("subscriptions", str(self.subscription["id"]))
            if fresh is not None:
                self.show_subscription(fresh)

    def _open_invoice(self) -> None:
        invoice = self.invoices_model.object_at(self.invoices.currentIndex().row())
        if invoice is not None:
            self.open_object.emit("invoices", str(invoice["id"]))
