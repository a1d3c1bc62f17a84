"""`SubscriptionChangeDialog`: change an item's price or quantity. Stripe's preview of the
next invoice (with the proration the chosen behaviour makes) is shown before the change can
be confirmed, and the change is priced at the previewed moment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posapp.services.subscriptions import (
    ChangePreview,
    ProrationBehavior,
    change_subscription,
    preview_change,
)

from ..common.app_state import AppState
from ..common.confirm import confirm
from ..common.dialog_parts import dialog_buttons
from ..common.errors import error_text
from ..common.theme import set_role
from .subscription_action_dialog import SubscriptionActionDialog
from .subscription_dialog import PricePicker, default_card_text
from .subscription_list_model import customer_name, items_of, price_text, product_name

_Inputs = tuple[str, str | None, int | None, str]


class SubscriptionChangeDialog(SubscriptionActionDialog):
    """Preview, then make, a price or quantity change; `subscription` holds the result."""

    def __init__(self, state: AppState, subscription: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(state, subscription, parent)
        self.preview_result: ChangePreview | None = None
        self._previewed: _Inputs | None = None
        self.setWindowTitle(self.tr("Change subscription"))
        self.setMinimumWidth(560)
        self.item = QComboBox()
        for item in items_of(subscription):
            price = item.get("price") or {}
            self.item.addItem(f"{item.get('quantity', 1)} × {product_name(state.cache, price)}"
                              f" — {price_text(price, state.formats)}", item)
        self.price = PricePicker(state.cache, state.formats, subscription.get("currency"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 9999)
        self.proration = QComboBox()
        self.proration.addItem(self.tr("Prorate: credit the unused time and charge the rest "
                                       "on the next invoice"), "create_prorations")
        self.proration.addItem(self.tr("Prorate and invoice the difference now"),
                               "always_invoice")
        self.proration.addItem(self.tr("No proration: the new price applies from the next "
                                       "period"), "none")
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(lambda: state.spawn(self.preview()))
        form = QFormLayout()
        if self.item.count() > 1:
            form.addRow(self.tr("Item"), self.item)
        form.addRow(self.tr("Price"), self.price)
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow(self.tr("Proration"), self.proration)
        self.summary = QLabel()
        self.summary.setObjectName("title")
        self.summary.setWordWrap(True)
        self.lines = QListWidget()
        self.buttons, self.change_button = dialog_buttons(self, state, self.tr("Change…"),
                                                          self.send)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Next invoice with this change")))
        layout.addWidget(self.summary)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._auto = QTimer(self, singleShot=True, interval=400)
        self._auto.timeout.connect(lambda: state.spawn(self.preview()))
        self.item.currentIndexChanged.connect(lambda _i: self._item_chosen())
        self.price.currentTextChanged.connect(lambda _t: self._changed())
        self.quantity.valueChanged.connect(lambda _v: self._changed())
        self.proration.currentIndexChanged.connect(lambda _i: self._changed())
        self._item_chosen()
        state.follow_online(self._changed)

    def inputs(self) -> _Inputs | None:
        """(item, new price or None, new quantity or None, proration) — None while nothing
        would change."""
        item = self.item.currentData() or {}
        price = self.price.price()
        current_price = (item.get("price") or {}).get("id")
        price_id = price["id"] if price and price["id"] != current_price else None
        quantity = self.quantity.value() if self.quantity.value() != item.get("quantity") \
            else None
        if not item or (price_id is None and quantity is None):
            return None
        return str(item["id"]), price_id, quantity, str(self.proration.currentData())

    async def preview(self) -> ChangePreview | None:
        """Ask Stripe what the change would invoice, and show it."""
        inputs = self.inputs()
        if inputs is None or self._state.money_blocked_reason():
            return None
        item_id, price_id, quantity, behavior = inputs
        self._say(self.tr("Asking Stripe for the preview…"), "muted")
        try:
            result = await self._state.run(
                preview_change, self._state.session, str(self._current["id"]),
                item_id=item_id, price_id=price_id, quantity=quantity,
                proration_behavior=_behavior(behavior))
        except Exception as error:  # refused (e.g. mixed intervals) or offline
            self._say(error_text(error), "error")
            return None
        if self.inputs() != inputs:
            return None  # the user changed something meanwhile; that preview follows
        self.preview_result = result
        self._previewed = inputs
        self._show_preview(result)
        self._update_button()
        self._say("", "reason")
        return result

    def confirm_text(self) -> str:
        """The confirmation: who, what, and what the next invoice will be and charge."""
        sub = self._current
        price = self.price.price() or {}
        card = default_card_text(self._state.cache, self._state.cache.get(
            "customers", str(sub.get("customer"))) or {}) or self.tr("the default card")
        return self.tr("Change %1's subscription to %2 × %3?").replace(
            "%1", customer_name(self._state.cache, sub.get("customer"))).replace(
            "%2", str(self.quantity.value())).replace(
            "%3", f"{product_name(self._state.cache, price)} "
                  f"({price_text(price, self._state.formats)})") + "\n\n" + \
            self.summary.text() + "\n" + self.tr("Collected with: %1").replace("%1", card)

    async def send(self, confirmed: bool = False) -> dict[str, Any] | None:
        """Make the previewed change after confirmation (twice in live mode)."""
        inputs = self.inputs()
        preview = self.preview_result
        if inputs is None or inputs != self._previewed or preview is None:
            return None
        if not confirmed and not confirm(self, self._state.profile.mode,
                                         self.tr("Change subscription"), self.confirm_text()):
            return None
        item_id, price_id, quantity, behavior = inputs
        return await self._perform(
            self.change_button, self.tr("Changing the subscription…"), change_subscription,
            on_failure=self._update_button, item_id=item_id, price_id=price_id,
            quantity=quantity, proration_behavior=_behavior(behavior),
            proration_date=preview.proration_date)

    def _item_chosen(self) -> None:
        item = self.item.currentData() or {}
        self.price.select_price(str((item.get("price") or {}).get("id")))
        self.quantity.setValue(int(item.get("quantity") or 1))
        self._changed()

    def _changed(self) -> None:
        inputs = self.inputs()
        blocked = self._state.money_blocked_reason()
        if inputs != self._previewed:
            self.summary.clear()
            self.lines.clear()
        self.preview_button.setEnabled(inputs is not None and not blocked)
        if blocked:
            self._say(blocked, "reason")
        elif inputs is None:
            self._say(self.tr("Choose a new price or quantity."), "reason")
        elif inputs != self._previewed:
            self._say("", "reason")
            self._auto.start()
        self._update_button()

    def _update_button(self) -> None:
        blocked = self._state.money_blocked_reason()
        ready = self.inputs() is not None and self.inputs() == self._previewed
        self.change_button.setEnabled(ready and not blocked)
        self.change_button.setToolTip(blocked or ("" if ready else self.tr(
            "See the preview of the next invoice first.")))

    def _show_preview(self, preview: ChangePreview) -> None:
        money = self._state.formats.money
        due = money(preview.amount_due, preview.currency)
        if preview.proration_amount >= 0:
            text = self.tr("Next invoice: %1, of which %2 for the change.").replace(
                "%2", money(preview.proration_amount, preview.currency))
        else:
            text = self.tr("Next invoice: %1, after a credit of %2 for the change.").replace(
                "%2", money(-preview.proration_amount, preview.currency))
        self.summary.setText(text.replace("%1", due))
        self.lines.clear()
        for line in preview.lines:
            self.lines.addItem(f"{money(line.get('amount'), preview.currency)}  "
                               f"{line.get('description') or ''}")

    def _say(self, text: str, role: str) -> None:
        set_role(self.message, role)
        self.message.setText(text)


def _behavior(value: str) -> ProrationBehavior:
    behaviors: dict[str, ProrationBehavior] = {
        "create_prorations": "create_prorations", "always_invoice": "always_invoice",
        "none": "none"}
    return behaviors[value]
