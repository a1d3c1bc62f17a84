"""`ProductsPanel`: the catalogue kept at Stripe — products with their price, SKU, barcode
and category; a new amount (Stripe's prices cannot change: a new price is made and the
old one archived, and the panel says so); archive and bring back; a tiered price's tiers,
read-only (the counter does not sell it as a tile); coupons and promotion codes
(coupons_tab.py); tax rates. Lists read the cache; every change goes through the worker.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.money import AmountError, parse_amount
from posapp.services import catalogue

from ..common.app_state import AppState
from ..common.errors import error_text
from .coupons_tab import CouponsTab
from .tables import fill_table, read_only_table, selected_id

_ALL = 10_000
_CATALOGUE = frozenset(("products", "prices", "coupons", "promotion_codes", "tax_rates"))


class ProductsPanel(QWidget):
    """Manage products and prices, coupons and codes, and tax rates."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.currency = (state.session.profile.default_currency
                         or state.settings.default_currency).lower()
        self.products = read_only_table([self.tr("Product"), self.tr("Price"), self.tr("SKU"),
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
        self.tiers = read_only_table([self.tr("Up to (quantity)"), self.tr("Per unit"),
                                      self.tr("Flat fee")])
        self.tiers.setMaximumHeight(160)
        self.tier_note = QLabel()
        self.tier_note.setWordWrap(True)
        products_tab = QWidget()
        products_layout = QVBoxLayout(products_tab)
        products_layout.addWidget(self.products, 1)
        products_layout.addWidget(self.tier_note)
        products_layout.addWidget(self.tiers)
        products_layout.addLayout(edit_row)
        products_layout.addLayout(form)
        products_layout.addWidget(self.add_product, 0, Qt.AlignmentFlag.AlignRight)

        self.rates = read_only_table([self.tr("Tax rate"), self.tr("Percent"),
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

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(products_tab, self.tr("Products"))
        self.coupons_tab = CouponsTab(state, self.currency, self._do, self.message.setText)
        self.tabs.addTab(self.coupons_tab, self.tr("Coupons and codes"))
        self.tabs.addTab(rates_tab, self.tr("Tax rates"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.add_product.clicked.connect(lambda: state.spawn(self.create_product()))
        self.change_price.clicked.connect(lambda: state.spawn(self.change_amount()))
        self.archive.clicked.connect(lambda: state.spawn(self.toggle_archived()))
        self.products.itemSelectionChanged.connect(self._show_tiers)
        self.create_rate.clicked.connect(lambda: state.spawn(self.make_tax_rate()))
        state.connect_tables(_CATALOGUE, self.reload)
        self.reload()

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
                self._tiered(price) if price.get("billing_scheme") == "tiered"
                else money(price.get("unit_amount"), price.get("currency")),
                str(meta.get("sku") or ""), str(meta.get("barcode") or ""),
                str(meta.get("category") or ""),
                self.tr("Active") if product.get("active") else self.tr("Archived")]))
        fill_table(self.products, rows)
        self._show_tiers()
        self.coupons_tab.reload()
        fill_table(self.rates, [(str(r["id"]), [
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

    def _tiered(self, price: dict[str, Any]) -> str:
        return (self.tr("Tiered (graduated)") if price.get("tiers_mode") == "graduated"
                else self.tr("Tiered (volume)"))

    def _show_tiers(self) -> None:
        """The tiers of the selected product's tiered price, read-only (or nothing)."""
        product = self._state.cache.get("products", selected_id(self.products) or "") or {}
        price = self._state.cache.get("prices", str(product.get("default_price") or "")) or {}
        tiers = price.get("tiers") or [] if price.get("billing_scheme") == "tiered" else []
        money, currency = self._state.formats.money, price.get("currency")
        fill_table(self.tiers, [(str(price.get("id")), [
            str(tier["up_to"]) if tier.get("up_to") else self.tr("and above"),
            money(tier.get("unit_amount"), currency), money(tier.get("flat_amount"), currency)])
            for tier in tiers])
        self.tiers.setVisible(bool(tiers))
        self.tier_note.setVisible(bool(tiers))
        self.tier_note.setText(self.tr(
            "%1 has a tiered price, shown here read-only. The counter does not sell it as a "
            "tile; change it in the Stripe Dashboard.")
            .replace("%1", str(product.get("name") or "")) if tiers else "")

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
        product_id = selected_id(self.products)
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
        product = self._state.cache.get("products", selected_id(self.products) or "")
        if product is None:
            return None
        archived = bool(product.get("active"))
        return await self._do(self.tr("Product archived.") if archived
                              else self.tr("Product restored."),
                              catalogue.archive_product, str(product["id"]), archived)

    async def make_tax_rate(self) -> dict[str, Any] | None:
        """Create the tax rate typed in the form."""
        try:
            percent = Decimal(self.rate_percent.text().strip())
        except InvalidOperation:
            self.message.setText(self.tr("Type the tax percentage, e.g. 8.875."))
            return None
        return await self._do(self.tr("Tax rate created."), catalogue.create_tax_rate,
                              self.rate_name.text(), percent, self.rate_inclusive.isChecked())
