"""`SalePanel`, the sale screen: a product grid (category tabs, large tiles, a search/scan
box that takes a barcode scanner's keystrokes + Enter) beside the cart (quantities, a
coupon or promotion code, a manual discount with a reason for stations that allow one,
tax, tip, totals). "Collect" hands the cart to the collect screen, which tenders it
through its sale states (one idempotency key per attempt).

Keyboard only: type to filter or scan + Enter to add; Down moves into the cart, where
+ / − change the quantity, a typed number sets it, Delete removes the line; Ctrl+Enter
collects. Everything is read from the cache, so the grid works offline. Each change of
the cart is announced (`cart_changed`) so the station's card reader can show it.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.money import AmountError, parse_amount
from posapp.services.cart import TIP_PRESETS, Cart, Line, ManualDiscount, TaxRate, Tip
from posapp.services.catalogue import (
    Sellable,
    find_by_code,
    line_for,
    promotion_code_coupon,
    sellable,
    stripe_tax_active,
    tax_rates_in_cache,
)

from ..common.app_state import AppState
from ..common.errors import error_text

MAX_TILES = 60
"""Tiles drawn at once; typing narrows the rest (a catalogue may hold thousands)."""
COLUMNS = 4


class SalePanel(QWidget):
    """Ring up a sale from the catalogue into a cart."""

    collect_requested = Signal(object)
    """The cart (`Cart`) to tender."""
    cart_changed = Signal(object)
    """The cart (`Cart`) after each change, for the reader's screen."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.currency = self._shop_currency()
        self.items: list[Sellable] = []
        self.shown: list[Sellable] = []
        self.cart = Cart(self.currency)
        self._rates: list[TaxRate] = []

        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Search or scan a barcode, then Enter"))
        self.scan.setClearButtonEnabled(True)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        tiles = QWidget()
        tiles.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(tiles)
        self.more = QLabel()
        self.more.setObjectName("muted")
        left = QVBoxLayout()
        left.addWidget(self.scan)
        left.addWidget(self.tabs)
        left.addWidget(scroll, 1)
        left.addWidget(self.more)

        self.lines = QTableWidget(0, 3)
        self.lines.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Qty"),
                                              self.tr("Amount")])
        self.lines.verticalHeader().hide()
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.lines.horizontalHeader()
        # The item's name takes what the quantity and amount leave: nothing clips at 1280 px.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.installEventFilter(self)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Promotion code"))
        self.apply_code = QPushButton(self.tr("Apply"))
        self.discount_label = QLabel()
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.apply_code)
        self.manual_amount = QLineEdit()
        self.manual_amount.setPlaceholderText(self.tr("Discount"))
        self.manual_amount.setToolTip(self.tr("An amount (1.50) or a percentage (10%) off, "
                                              "given by hand"))
        self.manual_reason = QLineEdit()
        self.manual_reason.setPlaceholderText(self.tr("Reason"))
        self.discount_line = QPushButton(self.tr("On line"))
        self.discount_line.setToolTip(self.tr("Discount the selected line (an empty amount "
                                              "removes its discount)"))
        self.discount_cart = QPushButton(self.tr("On cart"))
        self.discount_cart.setToolTip(self.tr("Discount the whole cart, never the tip (an "
                                              "empty amount removes it)"))
        manual_row = QHBoxLayout()
        manual_row.setContentsMargins(0, 0, 0, 0)
        manual_row.addWidget(self.manual_amount, 2)
        manual_row.addWidget(self.manual_reason, 3)
        manual_row.addWidget(self.discount_line)
        manual_row.addWidget(self.discount_cart)
        self.manual_box = QWidget()
        self.manual_box.setLayout(manual_row)
        self.custom_amount = QLineEdit()
        self.custom_amount.setPlaceholderText(self.tr("Custom amount, then Enter"))
        self.tax = QComboBox()
        self.tip_buttons = QButtonGroup(self)
        tip_row = QHBoxLayout()
        for index, percent in enumerate((None, *TIP_PRESETS)):
            button = QPushButton(self.tr("No tip") if percent is None else f"{percent}%")
            button.setCheckable(True)
            button.setChecked(percent is None)
            self.tip_buttons.addButton(button, index)
            tip_row.addWidget(button)
        self.custom_tip = QLineEdit()
        self.custom_tip.setPlaceholderText(self.tr("Other tip"))
        tip_row.addWidget(self.custom_tip)
        self.subtotal, self.discount, self.tax_total, self.tip_total, self.total = (
            QLabel() for _ in range(5))
        self.total.setObjectName("title")
        figures = QFormLayout()
        figures.addRow(self.tr("Subtotal"), self.subtotal)
        figures.addRow(self.tr("Discount"), self.discount)
        figures.addRow(self.tr("Tax"), self.tax_total)
        figures.addRow(self.tr("Tip"), self.tip_total)
        figures.addRow(self.tr("Total"), self.total)
        self.message = QLabel()
        self.message.setObjectName("reason")
        self.message.setWordWrap(True)
        self.collect = QPushButton(self.tr("Collect"))
        self.collect.setObjectName("primary")
        self.collect.setToolTip(self.tr("Take payment for the cart (Ctrl+Enter)"))
        self.clear_cart = QPushButton(self.tr("Clear"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_cart)
        buttons.addWidget(self.collect, 1)
        right = QVBoxLayout()
        right.addWidget(self.lines, 1)
        right.addWidget(self.custom_amount)
        right.addLayout(code_row)
        right.addWidget(self.discount_label)
        right.addWidget(self.manual_box)
        right.addWidget(self.tax)
        right.addLayout(tip_row)
        right.addLayout(figures)
        right.addWidget(self.message)
        right.addLayout(buttons)
        right_box = QWidget()
        right_box.setLayout(right)
        right_box.setMaximumWidth(460)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(right_box, 2)

        self.scan.textChanged.connect(lambda _t: self.refresh_grid())
        self.scan.returnPressed.connect(self.scanned)
        self.tabs.currentChanged.connect(lambda _i: self.refresh_grid())
        self.apply_code.clicked.connect(self.apply_promotion_code)
        self.code.returnPressed.connect(self.apply_promotion_code)
        self.custom_amount.returnPressed.connect(self.add_custom)
        self.discount_line.clicked.connect(lambda: self.give_discount(whole_cart=False))
        self.discount_cart.clicked.connect(lambda: self.give_discount(whole_cart=True))
        self.manual_reason.returnPressed.connect(lambda: self.give_discount(
            whole_cart=self.lines.currentRow() < 0))
        self.tax.currentIndexChanged.connect(lambda _i: self._retax())
        self.tip_buttons.idClicked.connect(lambda _i: self._tip_changed())
        self.custom_tip.textChanged.connect(lambda _t: self._tip_changed())
        self.collect.clicked.connect(self.request_collect)
        self.clear_cart.clicked.connect(self.clear)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.request_collect)
        state.connect_tables(frozenset(("products", "prices", "tax_rates")), self.reload)
        self.reload()
        state.spawn(self.choose_tax())

    # --- the catalogue ------------------------------------------------------------------

    def reload(self) -> None:
        """Read the sellable products and tax rates again (the poller changed them)."""
        self.items = sellable(self._state.cache, self.currency)
        self._rates = tax_rates_in_cache(self._state.cache)
        chosen = self.tax.currentData()
        self.tax.blockSignals(True)
        self.tax.clear()
        self.tax.addItem(self.tr("No tax"), None)
        for rate in self._rates:
            kind = self.tr("included") if rate.inclusive else self.tr("added")
            self.tax.addItem(f"{rate.name} {rate.percentage}% ({kind})", rate.id)
        self.tax.setCurrentIndex(max(0, self.tax.findData(chosen)))
        self.tax.blockSignals(False)
        current = self.tabs.tabData(self.tabs.currentIndex()) if self.tabs.count() else None
        categories = sorted({i.category for i in self.items if i.category}, key=str.casefold)
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        self.tabs.addTab(self.tr("All"))
        self.tabs.setTabData(0, None)
        for category in categories:
            self.tabs.setTabData(self.tabs.addTab(category), category)
        self.tabs.setCurrentIndex(max(0, [None, *categories].index(current)
                                      if current in categories else 0))
        self.tabs.blockSignals(False)
        self.refresh_grid()

    def refresh_grid(self) -> None:
        """Show the tiles of the chosen tab matching the typed text."""
        category = self.tabs.tabData(self.tabs.currentIndex())
        words = self.scan.text().casefold().split()
        self.shown = [item for item in self.items
                      if (category is None or item.category == category)
                      and all(w in f"{item.name} {item.sku} {item.barcode}".casefold()
                              for w in words)]
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for index, item in enumerate(self.shown[:MAX_TILES]):
            tile = QPushButton(f"{item.name}\n{self._money(item.unit_amount)}")
            tile.setObjectName("tile")
            tile.setFixedSize(170, 90)
            tile.setToolTip(" · ".join(p for p in (item.sku, item.barcode) if p))
            tile.clicked.connect(lambda _c=False, chosen=item: self.add(chosen))
            self.grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
        hidden = len(self.shown) - MAX_TILES
        self.more.setText(self.tr("%n more: type to narrow them down.", "", hidden)
                          if hidden > 0 else "")

    def scanned(self) -> None:
        """Enter in the search box: the product with that barcode or SKU, or the only one
        the text matches, goes into the cart."""
        text = self.scan.text().strip()
        if not text:
            return
        found = find_by_code(self.items, text) or (self.shown[0] if len(self.shown) == 1
                                                   else None)
        if found is None:
            self.message.setText(self.tr("No product has the code “%1”.").replace("%1", text))
            return
        self.add(found)
        self.scan.clear()

    # --- the cart -----------------------------------------------------------------------

    def add(self, item: Sellable, quantity: int = 1) -> None:
        """Put `quantity` of `item` in the cart (taxed at the chosen rate)."""
        self._set_cart(self.cart.add(line_for(item, quantity, self._chosen_rates())))
        self.message.setText("")

    def add_custom(self) -> None:
        """A line for an amount not in the catalogue (typed in the custom amount box)."""
        text = self.custom_amount.text().strip()
        try:
            amount = parse_amount(text, self.currency, self._state.language)
        except AmountError as error:
            self.message.setText(str(error))
            return
        self._set_cart(self.cart.add(Line(self.tr("Custom amount"), amount,
                                          tax_rates=self._chosen_rates())))
        self.custom_amount.clear()
        self.message.setText("")

    def set_quantity(self, row: int, quantity: int) -> None:
        if 0 <= row < len(self.cart.lines):
            self._set_cart(self.cart.set_quantity(row, quantity))
            if row < self.lines.rowCount():
                self.lines.selectRow(row)

    def clear(self) -> None:
        """Empty the cart for the next customer."""
        self.code.clear()
        self.discount_label.setText("")
        self.manual_amount.clear()
        self.manual_reason.clear()
        self.custom_tip.clear()
        self.tip_buttons.button(0).setChecked(True)
        self._set_cart(Cart(self.currency, automatic_tax=self.cart.automatic_tax))
        self.scan.setFocus()

    def apply_promotion_code(self) -> None:
        """The promotion code typed (or given by the customer) discounts the cart."""
        code = self.code.text().strip()
        coupon = promotion_code_coupon(self._state.cache, code) if code else None
        if code and coupon is None:
            self.discount_label.setText(self.tr("“%1” is not a valid code.").replace("%1", code))
            return
        self.discount_label.setText(coupon.name if coupon else "")
        self._set_cart(self.cart.with_coupon(coupon))

    def give_discount(self, *, whole_cart: bool) -> bool:
        """A manual discount typed as an amount or a percent, with its reason, on the
        selected line or the whole cart; refused above this station's limit (Settings).
        An empty amount takes the discount off again."""
        limit = self._state.settings.manual_discount_limit
        row = self.lines.currentRow()
        text, reason = self.manual_amount.text().strip(), self.manual_reason.text().strip()
        if not limit:
            self.message.setText(self.tr("Manual discounts are not allowed at this station."))
            return False
        if not whole_cart and not 0 <= row < len(self.cart.lines):
            self.message.setText(self.tr("Choose the line to discount first."))
            return False
        discount = None
        if text:
            if not reason:
                self.message.setText(self.tr("Say why: a manual discount needs a reason."))
                return False
            try:
                if text.endswith("%"):
                    discount = ManualDiscount(reason, percent=Decimal(text[:-1].strip()))
                else:
                    discount = ManualDiscount(reason, amount=parse_amount(
                        text, self.currency, self._state.language, minimum=False))
            except (AmountError, ArithmeticError, ValueError):
                self.message.setText(self.tr("Type an amount or a percentage, like 1.50 or "
                                             "10%."))
                return False
        cart = (self.cart.with_manual_discount(discount) if whole_cart
                else self.cart.discount_line(row, discount))
        if discount is not None and not _within(cart, limit, row, whole_cart):
            self.message.setText(self.tr("At most %1% off can be given at this station.")
                                 .replace("%1", str(limit)))
            return False
        self._set_cart(cart)
        self.manual_amount.clear()
        self.manual_reason.clear()
        self.message.setText("")
        return True

    def _shop_currency(self) -> str:
        return (self._state.session.profile.default_currency
                or self._state.settings.default_currency).lower()

    def showEvent(self, event: QShowEvent) -> None:
        """The manual discount row shows only where this station allows one; a changed
        shop currency (profile or settings) takes over once the cart is empty."""
        self.manual_box.setVisible(self._state.settings.manual_discount_limit > 0)
        if self.cart.is_empty and self._shop_currency() != self.currency:
            self.currency = self._shop_currency()
            self.cart = Cart(self.currency, automatic_tax=self.cart.automatic_tax)
            self.reload()
            self._set_cart(self.cart)
        super().showEvent(event)

    async def choose_tax(self) -> bool:
        """Stripe Tax (`automatic_tax`) when the profile chose it and the account's tax
        settings are active; else the merchant's tax rates. Answers whether Stripe Tax is
        used."""
        automatic = False
        if self._state.settings.stripe_tax(self._state.session.profile.name):
            try:
                automatic = bool(await self._state.run(stripe_tax_active, self._state.session))
            except Exception as error:  # offline: the tax rates stay, and the cashier is told
                self.message.setText(error_text(error))
            if not automatic:
                self.message.setText(self.tr(
                    "Stripe Tax is not active on this account (Dashboard → Tax): your tax "
                    "rates apply."))
        self.tax.setEnabled(not automatic)
        self.tax.setToolTip(self.tr("Stripe Tax works out the tax at payment")
                            if automatic else "")
        self._set_cart(self.cart.with_automatic_tax(automatic))
        return automatic

    def _chosen_rates(self) -> tuple[TaxRate, ...]:
        rate_id = self.tax.currentData()
        return tuple(rate for rate in self._rates if rate.id == rate_id)

    def _retax(self) -> None:
        rates = self._chosen_rates()
        lines = tuple(replace(line, tax_rates=rates) for line in self.cart.lines)
        self._set_cart(replace(self.cart, lines=lines))

    def _tip_changed(self) -> None:
        text = self.custom_tip.text().strip()
        tip = Tip()
        if text:
            try:
                tip = Tip(amount=parse_amount(text, self.currency, self._state.language,
                                              minimum=False))
            except AmountError as error:
                self.message.setText(str(error))
                return
            self.tip_buttons.setExclusive(False)
            for button in self.tip_buttons.buttons():
                button.setChecked(False)
            self.tip_buttons.setExclusive(True)
        else:
            index = self.tip_buttons.checkedId()
            if index > 0:
                tip = Tip(percent=Decimal(TIP_PRESETS[index - 1]))
        self._set_cart(self.cart.with_tip(tip))

    def _set_cart(self, cart: Cart) -> None:
        self.cart = cart
        totals = cart.totals()
        self.lines.setRowCount(len(totals.lines))
        for row, priced in enumerate(totals.lines):
            line = priced.line
            name = (f"{line.description} ({self._money(-line.own_discount)}: "
                    f"{line.discount_reason})" if line.manual else line.description)
            for column, text in enumerate((name, str(line.quantity),
                                           self._money(priced.total))):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(row, column, cell)
        self.subtotal.setText(self._money(totals.subtotal))
        discount = self._money(-totals.discount) if totals.discount else "—"
        if cart.manual is not None:
            discount += f" ({cart.manual.reason})"
        self.discount.setText(discount)
        self.tax_total.setText(self.tr("Calculated at payment") if cart.automatic_tax
                               else self._money(totals.tax))
        self.tip_total.setText(self._money(totals.tip))
        self.total.setText(self._money(totals.total))
        self.collect.setEnabled(not cart.is_empty)
        self.collect.setToolTip("" if not cart.is_empty else self.tr("The cart is empty."))
        self.cart_changed.emit(cart)

    def _money(self, amount: int) -> str:
        return self._state.formats.money(amount, self.currency)

    def request_collect(self) -> None:
        """Hand the cart to the collect screen."""
        if not self.cart.is_empty:
            self.collect_requested.emit(self.cart)

    # --- keyboard -----------------------------------------------------------------------

    def eventFilter(self, watched: object, event: object) -> bool:
        """In the cart: + / − change the quantity, digits set it, Delete removes the line,
        Escape goes back to the search box."""
        if watched is self.lines and isinstance(event, QKeyEvent) and \
                event.type() == QKeyEvent.Type.KeyPress:
            row = self.lines.currentRow()
            key, text = event.key(), event.text()
            if row >= 0 and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.set_quantity(row, self.cart.lines[row].quantity + 1)
            elif row >= 0 and key == Qt.Key.Key_Minus:
                self.set_quantity(row, self.cart.lines[row].quantity - 1)
            elif row >= 0 and text.isdigit():
                self.set_quantity(row, int(text))
            elif row >= 0 and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.set_quantity(row, 0)
            elif key == Qt.Key.Key_Escape:
                self.scan.setFocus()
            else:
                return False
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down from the search box goes into the cart."""
        if event.key() == Qt.Key.Key_Down and self.scan.hasFocus() and self.cart.lines:
            self.lines.setFocus()
            self.lines.selectRow(max(0, self.lines.currentRow()))
            event.accept()
            return
        super().keyPressEvent(event)


def _within(cart: Cart, limit: int, row: int, whole_cart: bool) -> bool:
    """Whether the manual discount just given stays within `limit` percent of what it was
    given on (the line's gross, or the lines after their own discounts)."""
    if whole_cart:
        base = sum(line.subtotal for line in cart.lines)
        given = sum(line.cart_discount for line in cart.goods_lines())
    else:
        base, given = cart.lines[row].gross, cart.lines[row].own_discount
    return given * 100 <= base * limit
