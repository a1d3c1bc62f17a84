"""`ProductsPanel`: the catalogue kept at Stripe — products with their price, SKU, barcode
and category; a new amount (Stripe's prices cannot change: a new price is made and the
old one archived, and the panel says so); archive and bring back; coupons with their
promotion code; tax rates. Lists read the cache; every change goes through the worker.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.money import AmountError, parse_amount
from posapp.services import catalogue

from ..common.app_state import AppState
from ..common.errors import error_text

_ALL = 10_000
_CATALOGUE = frozenset(("products", "prices", "coupons", "promotion_codes", "tax_rates"))


class ProductsPanel(QWidget):
    """Manage products and prices, coupons and codes, and tax rates."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.currency = (state.session.profile.default_currency
                         or state.settings.default_currency).lower()
        self.products = self._table([self.tr("Product"), self.tr("Price"), self.tr("SKU"),
                                     self.tr("Barcode"), self.tr("Category"),
                                     self.tr("Status")])
        self.name = QLineEdit()
        self.price = QLineEdit()
        self.sku = QLineEdit()
        self.barcode = QLineEdit()
        self.category = QLineEdit()
        self.add_product = QPushButton(self.tr("Create product"))
        self.new_amount = QLineEdit()
        self.new_amount.setPlaceholderText(self.tr("New amount"))
        self.change_price = QPushButton(self.tr("Change price"))
        self.change_price.setToolTip(self.tr("Stripe prices cannot change: a new price is made "
                                             "and the old one archived"))
        self.archive = QPushButton(self.tr("Archive / restore"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Price"), self.price)
        form.addRow(self.tr("SKU"), self.sku)
        form.addRow(self.tr("Barcode"), self.barcode)
        form.addRow(self.tr("Category"), self.category)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.new_amount)
        edit_row.addWidget(self.change_price)
        edit_row.addWidget(self.archive)
        products_tab = QWidget()
        products_layout = QVBoxLayout(products_tab)
        products_layout.addWidget(self.products, 1)
        products_layout.addLayout(edit_row)
        products_layout.addLayout(form)
        products_layout.addWidget(self.add_product, 0, Qt.AlignmentFlag.AlignRight)

        self.coupons = self._table([self.tr("Coupon"), self.tr("Off"), self.tr("Code"),
                                    self.tr("Redeemed"), self.tr("Status")])
        self.coupon_name = QLineEdit()
        self.percent_off = QLineEdit()
        self.percent_off.setPlaceholderText("10")
        self.code = QLineEdit()
        self.create_coupon = QPushButton(self.tr("Create coupon and code"))
        self.deactivate_code = QPushButton(self.tr("Deactivate code"))
        coupon_form = QFormLayout()
        coupon_form.addRow(self.tr("Name"), self.coupon_name)
        coupon_form.addRow(self.tr("Percent off"), self.percent_off)
        coupon_form.addRow(self.tr("Promotion code"), self.code)
        coupons_tab = QWidget()
        coupons_layout = QVBoxLayout(coupons_tab)
        coupons_layout.addWidget(self.coupons, 1)
        coupons_layout.addWidget(self.deactivate_code, 0, Qt.AlignmentFlag.AlignRight)
        coupons_layout.addLayout(coupon_form)
        coupons_layout.addWidget(self.create_coupon, 0, Qt.AlignmentFlag.AlignRight)

        self.rates = self._table([self.tr("Tax rate"), self.tr("Percent"),
                                  self.tr("Included in prices"), self.tr("Status")])
        self.rate_name = QLineEdit()
        self.rate_percent = QLineEdit()
        self.rate_inclusive = QCheckBox(self.tr("Included in prices"))
        self.create_rate = QPushButton(self.tr("Create tax rate"))
        rate_form = QFormLayout()
        rate_form.addRow(self.tr("Name"), self.rate_name)
        rate_form.addRow(self.tr("Percent"), self.rate_percent)
        rate_form.addRow("", self.rate_inclusive)
        rates_tab = QWidget()
        rates_layout = QVBoxLayout(rates_tab)
        rates_layout.addWidget(self.rates, 1)
        rates_layout.addLayout(rate_form)
        rates_layout.addWidget(self.create_rate, 0, Qt.AlignmentFlag.AlignRight)

        self.tabs = QTabWidget()
        self.tabs.addTab(products_tab, self.tr("Products"))
        self.tabs.addTab(coupons_tab, self.tr("Coupons and codes"))
        self.tabs.addTab(rates_tab, self.tr("Tax rates"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.add_product.clicked.connect(lambda: state.spawn(self.create_product()))
        self.change_price.clicked.connect(lambda: state.spawn(self.change_amount()))
        self.archive.clicked.connect(lambda: state.spawn(self.toggle_archived()))
        self.create_coupon.clicked.connect(lambda: state.spawn(self.make_coupon()))
        self.deactivate_code.clicked.connect(lambda: state.spawn(self.deactivate()))
        self.create_rate.clicked.connect(lambda: state.spawn(self.make_tax_rate()))
        state.connect_tables(_CATALOGUE, self.reload)
        self.reload()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
        table.setRowCount(len(rows))
        for row, (object_id, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, object_id)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()

    def reload(self) -> None:
        """Read the catalogue from the cache again."""
        cache, money = self._state.cache, self._state.formats.money
        rows = []
        for product in cache.page("products", limit=_ALL).rows:
            if not product.get("default_price"):
                continue  # made inline by a sale's custom line or tip (`product_data`)
            price = cache.get("prices", str(product["default_price"])) or {}
            meta = product.get("metadata") or {}
            rows.append((str(product["id"]), [
                str(product.get("name") or ""),
                money(price.get("unit_amount"), price.get("currency")),
                str(meta.get("sku") or ""), str(meta.get("barcode") or ""),
                str(meta.get("category") or ""),
                self.tr("Active") if product.get("active") else self.tr("Archived")]))
        self._fill(self.products, rows)
        coupon_rows = []
        for promo in cache.page("promotion_codes", limit=_ALL).rows:
            coupon = cache.get("coupons", str((promo.get("promotion") or {}).get("coupon"))) \
                or {}
            off = (f"{coupon.get('percent_off')}%" if coupon.get("percent_off") is not None
                   else money(coupon.get("amount_off"), coupon.get("currency")))
            coupon_rows.append((str(promo["id"]), [
                str(coupon.get("name") or coupon.get("id") or ""), off,
                str(promo.get("code") or ""), str(promo.get("times_redeemed") or 0),
                self.tr("Active") if promo.get("active") else self.tr("Inactive")]))
        self._fill(self.coupons, coupon_rows)
        self._fill(self.rates, [(str(r["id"]), [
            str(r.get("display_name") or ""), f"{r.get('percentage')}%",
            self.tr("Yes") if r.get("inclusive") else self.tr("No"),
            self.tr("Active") if r.get("active") else self.tr("Archived")])
            for r in cache.page("tax_rates", limit=_ALL).rows])

    def show_object(self, product_id: str) -> bool:
        """Select the product `product_id` in the list (what search jumps to)."""
        self.tabs.setCurrentIndex(0)
        for row in range(self.products.rowCount()):
            item = self.products.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == product_id:
                self.products.selectRow(row)
                return True
        return False

    def _selected(self, table: QTableWidget) -> str | None:
        item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _amount(self, text: str) -> int | None:
        try:
            return parse_amount(text, self.currency, self._state.language, minimum=False)
        except AmountError as error:
            self.message.setText(error_text(error))
            return None

    async def _do(self, done: str, fn: Any, *args: Any,
                  **kwargs: Any) -> dict[str, Any] | None:
        try:
            result: dict[str, Any] = await self._state.run(fn, self._state.session, *args,
                                                           **kwargs)
        except Exception as error:  # shown to the merchant
            self.message.setText(error_text(error))
            return None
        self.message.setText(done)
        return result

    async def create_product(self) -> dict[str, Any] | None:
        """Create the product typed in the form with its price."""
        amount = self._amount(self.price.text())
        if amount is None:
            return None
        made = await self._do(
            self.tr("Product created."), catalogue.create_product, self.name.text(), amount,
            self.currency, sku=self.sku.text() or None, barcode=self.barcode.text() or None,
            category=self.category.text() or None)
        if made is not None:
            for field in (self.name, self.price, self.sku, self.barcode, self.category):
                field.clear()
        return made

    async def change_amount(self) -> dict[str, Any] | None:
        """Give the selected product a new price amount (a new Stripe price)."""
        product_id = self._selected(self.products)
        amount = self._amount(self.new_amount.text())
        product = self._state.cache.get("products", product_id or "")
        if product is None or amount is None or not product.get("default_price"):
            return None
        return await self._do(
            self.tr("Stripe prices cannot change: a new price was made and the old one "
                    "archived."),
            catalogue.change_price_amount, str(product["default_price"]), amount)

    async def toggle_archived(self) -> dict[str, Any] | None:
        """Archive the selected product (or bring an archived one back)."""
        product = self._state.cache.get("products", self._selected(self.products) or "")
        if product is None:
            return None
        archived = bool(product.get("active"))
        return await self._do(self.tr("Product archived.") if archived
                              else self.tr("Product restored."),
                              catalogue.archive_product, str(product["id"]), archived)

    async def make_coupon(self) -> dict[str, Any] | None:
        """Create a percent-off coupon and its promotion code."""
        try:
            percent = Decimal(self.percent_off.text().strip())
        except InvalidOperation:
            self.message.setText(self.tr("Type the percentage off, e.g. 10."))
            return None
        coupon = await self._do("", catalogue.create_coupon, self.coupon_name.text(),
                                percent_off=percent)
        if coupon is None or not self.code.text().strip():
            return coupon
        return await self._do(self.tr("Coupon and code created."),
                              catalogue.create_promotion_code, str(coupon["id"]),
                              self.code.text())

    async def deactivate(self) -> dict[str, Any] | None:
        """Switch off the selected promotion code."""
        promo_id = self._selected(self.coupons)
        if promo_id is None:
            return None
        return await self._do(self.tr("Code deactivated."),
                              catalogue.set_promotion_code_active, promo_id, False)

    async def make_tax_rate(self) -> dict[str, Any] | None:
        """Create the tax rate typed in the form."""
        try:
            percent = Decimal(self.rate_percent.text().strip())
        except InvalidOperation:
            self.message.setText(self.tr("Type the tax percentage, e.g. 8.875."))
            return None
        return await self._do(self.tr("Tax rate created."), catalogue.create_tax_rate,
                              self.rate_name.text(), percent, self.rate_inclusive.isChecked())
