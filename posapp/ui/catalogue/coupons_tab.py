"""`CouponsTab`: coupons and their promotion codes, kept at Stripe. A coupon takes a
percentage or an amount off (in a currency, and optionally in others), once, for some
months or forever, at most so many times, until a date; a promotion code is what a
customer types for a coupon, with its own limit, expiry, and first-order or minimum-amount
restrictions. The lists show times redeemed, validity and expiry from the cache; every
change goes through the worker."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from posapp.money import AmountError, parse_amount
from posapp.services import catalogue

from ..common.app_state import AppState
from ..common.errors import error_text
from ..widgets.amount_edit import AmountEdit
from .tables import fill_table, read_only_table, selected_id

_ALL = 10_000
Run = Callable[..., Awaitable[dict[str, Any] | None]]


def _limit_box(unlimited: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 1_000_000)
    box.setSpecialValueText(unlimited)
    return box


class _Expiry(QWidget):
    """An optional last day: unticked means no expiry; ticked, the end of the chosen day."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.enabled = QCheckBox(label)
        self.day = QDateEdit(QDate.currentDate().addMonths(1))
        self.day.setCalendarPopup(True)
        self.day.setMinimumDate(QDate.currentDate())
        self.day.setEnabled(False)
        self.enabled.toggled.connect(self.day.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.day, 1)

    def timestamp(self) -> int | None:
        """The end of the chosen local day as a Unix time, or None when there is no expiry."""
        if not self.enabled.isChecked():
            return None
        return int(QDateTime(self.day.date(), QTime(23, 59, 59)).toSecsSinceEpoch())

    def reset(self) -> None:
        self.enabled.setChecked(False)


class CouponsTab(QWidget):
    """Create coupons and promotion codes, deactivate codes, delete coupons."""

    def __init__(self, state: AppState, currency: str, run: Run, show: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        """`run(done, fn, *args)` runs a catalogue service in the worker and says `done` (or
        the error); `show` puts a message under the panel."""
        super().__init__(parent)
        self._state = state
        self._do, self._show = run, show
        self.coupons = read_only_table([self.tr("Coupon"), self.tr("Off"), self.tr("Duration"),
                                        self.tr("Redeemed"), self.tr("Redeem by"),
                                        self.tr("Status")], stretch=0)
        self.codes = read_only_table([self.tr("Code"), self.tr("Coupon"), self.tr("Redeemed"),
                                      self.tr("Expires"), self.tr("Restrictions"),
                                      self.tr("Status")], stretch=1)

        self.coupon_name = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Percent off"), "percent")
        self.kind.addItem(self.tr("Amount off"), "amount")
        self.percent_off = QLineEdit()
        self.percent_off.setPlaceholderText("10")
        self.amount_off = AmountEdit(currency, state.language)
        self.other_amounts = QLineEdit()
        self.other_amounts.setPlaceholderText(self.tr("e.g. EUR 4.50, JPY 700"))
        self.other_amounts.setToolTip(self.tr("The amount off in other currencies, for "
                                              "carts in those currencies"))
        self.duration = QComboBox()
        self.duration.addItem(self.tr("Once"), "once")
        self.duration.addItem(self.tr("Several months"), "repeating")
        self.duration.addItem(self.tr("Forever"), "forever")
        self.duration.setToolTip(self.tr("How long a subscription keeps the discount; a "
                                         "sale at the counter is discounted once"))
        self.months = QSpinBox()
        self.months.setRange(1, 120)

        self.coupon_limit = _limit_box(self.tr("No limit"))
        self.redeem_by = _Expiry(self.tr("Last day"))
        self.create_coupon = QPushButton(self.tr("Create coupon"))
        coupon_form = QFormLayout()
        coupon_form.addRow(self.tr("Name"), self.coupon_name)
        coupon_form.addRow(self.tr("Discount"), self.kind)
        coupon_form.addRow(self.tr("Percent off"), self.percent_off)
        coupon_form.addRow(self.tr("Amount off"), self.amount_off)
        coupon_form.addRow(self.tr("Other currencies"), self.other_amounts)
        duration_row = QHBoxLayout()
        duration_row.addWidget(self.duration, 1)
        duration_row.addWidget(self.months)
        duration_row.addWidget(QLabel(self.tr("months")))
        coupon_form.addRow(self.tr("Duration"), duration_row)
        coupon_form.addRow(self.tr("Times it can be used"), self.coupon_limit)
        coupon_form.addRow(self.tr("Redeem by"), self.redeem_by)
        coupon_form.addRow("", self.create_coupon)

        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. SUMMER10"))
        self.code_limit = _limit_box(self.tr("No limit"))
        self.expires = _Expiry(self.tr("Last day"))
        self.first_time = QCheckBox(self.tr("First order only"))
        self.minimum = AmountEdit(currency, state.language)
        for edit in (self.amount_off, self.minimum):
            edit.text_edit.setObjectName("")  # a form field, not the collect screen's amount
        self.create_code = QPushButton(self.tr("Create code for the selected coupon"))
        code_form = QFormLayout()
        code_form.addRow(self.tr("Promotion code"), self.code)
        code_form.addRow(self.tr("Times it can be used"), self.code_limit)
        code_form.addRow(self.tr("Expires"), self.expires)
        code_form.addRow("", self.first_time)
        code_form.addRow(self.tr("Minimum order"), self.minimum)
        code_form.addRow("", self.create_code)

        self.delete_coupon = QPushButton(self.tr("Delete coupon"))
        self.delete_coupon.setToolTip(self.tr("A deleted coupon cannot be redeemed again, nor "
                                              "its codes; past discounts stay"))
        self.deactivate_code = QPushButton(self.tr("Deactivate code"))
        layout = QGridLayout(self)
        layout.addWidget(QLabel(self.tr("Coupons")), 0, 0)
        layout.addWidget(QLabel(self.tr("Promotion codes")), 0, 1)
        layout.addWidget(self.coupons, 1, 0)
        layout.addWidget(self.codes, 1, 1)
        layout.addWidget(self.delete_coupon, 2, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.deactivate_code, 2, 1, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(coupon_form, 3, 0)
        layout.addLayout(code_form, 3, 1, Qt.AlignmentFlag.AlignTop)
        layout.setRowStretch(1, 1)

        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.duration.currentIndexChanged.connect(
            lambda _i: self.months.setEnabled(self.duration.currentData() == "repeating"))
        self.create_coupon.clicked.connect(lambda: state.spawn(self.make_coupon()))
        self.create_code.clicked.connect(lambda: state.spawn(self.make_code()))
        self.deactivate_code.clicked.connect(lambda: state.spawn(self.deactivate()))
        self.delete_coupon.clicked.connect(lambda: state.spawn(self.remove_coupon()))
        self._kind_changed()
        self.months.setEnabled(False)

    def _kind_changed(self) -> None:
        percent = self.kind.currentData() == "percent"
        self.percent_off.setEnabled(percent)
        self.amount_off.setEnabled(not percent)
        self.other_amounts.setEnabled(not percent)

    # the lists ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read coupons and promotion codes from the cache again."""
        cache, now = self._state.cache, int(time.time())
        coupons = {str(c["id"]): c for c in cache.page("coupons", limit=_ALL).rows
                   if not c.get("deleted")}
        fill_table(self.coupons, [(coupon_id, [
            str(c.get("name") or coupon_id), self._off(c), self._duration(c),
            self._redeemed(c), self._state.formats.date(c.get("redeem_by")),
            self._coupon_status(c, now)]) for coupon_id, c in coupons.items()])
        rows = []
        for promo in cache.page("promotion_codes", limit=_ALL).rows:
            coupon = coupons.get(str((promo.get("promotion") or {}).get("coupon")))
            rows.append((str(promo["id"]), [
                str(promo.get("code") or ""),
                str(coupon.get("name") or coupon["id"]) if coupon else self.tr("(deleted)"),
                self._redeemed(promo), self._state.formats.date(promo.get("expires_at")),
                self._restrictions(promo), self._code_status(promo, coupon, now)]))
        fill_table(self.codes, rows)

    def _off(self, coupon: dict[str, Any]) -> str:
        if coupon.get("percent_off") is not None:
            return f"{coupon['percent_off']}%"
        return self._state.formats.money(coupon.get("amount_off"), coupon.get("currency"))

    def _duration(self, coupon: dict[str, Any]) -> str:
        if coupon.get("duration") == "repeating":
            return self.tr("%n month(s)", "", int(coupon.get("duration_in_months") or 0))
        return self.tr("Forever") if coupon.get("duration") == "forever" else self.tr("Once")

    def _redeemed(self, obj: dict[str, Any]) -> str:
        times, limit = int(obj.get("times_redeemed") or 0), obj.get("max_redemptions")
        return f"{times} / {limit}" if limit else str(times)

    @staticmethod
    def _used_up(obj: dict[str, Any]) -> bool:
        limit = int(obj.get("max_redemptions") or 0)
        return bool(limit) and int(obj.get("times_redeemed") or 0) >= limit

    def _coupon_status(self, coupon: dict[str, Any], now: int) -> str:
        if coupon.get("redeem_by") and int(coupon["redeem_by"]) <= now:
            return self.tr("Expired")
        if self._used_up(coupon):
            return self.tr("Used up")
        return self.tr("Valid") if coupon.get("valid", True) else self.tr("Not valid")

    def _code_status(self, promo: dict[str, Any], coupon: dict[str, Any] | None,
                     now: int) -> str:
        if not promo.get("active"):
            return self.tr("Inactive")
        if promo.get("expires_at") and int(promo["expires_at"]) <= now:
            return self.tr("Expired")
        if self._used_up(promo):
            return self.tr("Used up")
        if coupon is None or self._coupon_status(coupon, now) != self.tr("Valid"):
            return self.tr("Coupon not valid")
        return self.tr("Active")

    def _restrictions(self, promo: dict[str, Any]) -> str:
        rules = promo.get("restrictions") or {}
        found = []
        if rules.get("first_time_transaction"):
            found.append(self.tr("first order"))
        if rules.get("minimum_amount"):
            found.append(self.tr("from %1").replace("%1", self._state.formats.money(
                rules["minimum_amount"], rules.get("minimum_amount_currency"))))
        return ", ".join(found)

    # actions -----------------------------------------------------------------------

    def _other_amounts(self, main_currency: str) -> dict[str, int] | None:
        """`EUR 4.50, JPY 700` as minor units per currency; None (and a message) if wrong."""
        found: dict[str, int] = {}
        for part in filter(None, (p.strip() for p in self.other_amounts.text().split(","))):
            code, _, amount = part.partition(" ")
            code = code.strip().lower()
            if len(code) != 3 or not code.isalpha() or code == main_currency:
                self._show(self.tr("Write other currencies as a code and an amount, e.g. "
                                   "EUR 4.50, JPY 700."))
                return None
            try:
                found[code] = parse_amount(amount.strip(), code, self._state.language,
                                           minimum=False)
            except AmountError as error:
                self._show(error_text(error))
                return None
        return found

    async def make_coupon(self) -> dict[str, Any] | None:
        """Create the coupon described by the form."""
        terms: dict[str, Any] = {}
        if self.kind.currentData() == "percent":
            try:
                terms["percent_off"] = Decimal(self.percent_off.text().strip())
            except InvalidOperation:
                self._show(self.tr("Type the percentage off, e.g. 10."))
                return None
        else:
            amount, currency = self.amount_off.amount(), self.amount_off.currency
            others = self._other_amounts(currency)
            if amount is None or others is None:
                if amount is None:
                    self._show(self.tr("Type the amount off."))
                return None
            terms.update(amount_off=amount, currency=currency, currency_options=others or None)
        duration = str(self.duration.currentData())
        made = await self._do(
            self.tr("Coupon created."), catalogue.create_coupon, self.coupon_name.text().strip(),
            duration=duration,
            duration_in_months=self.months.value() if duration == "repeating" else None,
            max_redemptions=self.coupon_limit.value() or None,
            redeem_by=self.redeem_by.timestamp(), **terms)
        if made is not None:
            for field in (self.coupon_name, self.percent_off, self.other_amounts):
                field.clear()
            self.amount_off.clear()
            self.coupon_limit.setValue(0)
            self.redeem_by.reset()
        return made

    async def make_code(self) -> dict[str, Any] | None:
        """Create a promotion code for the selected coupon."""
        coupon_id = selected_id(self.coupons)
        if coupon_id is None:
            self._show(self.tr("Select the coupon the code is for."))
            return None
        minimum = self.minimum.amount()
        if self.minimum.text_edit.text().strip() and minimum is None:
            self._show(self.tr("Type the minimum order amount, or leave it empty."))
            return None
        made = await self._do(
            self.tr("Promotion code created."), catalogue.create_promotion_code, coupon_id,
            self.code.text(), max_redemptions=self.code_limit.value() or None,
            expires_at=self.expires.timestamp(), first_time_only=self.first_time.isChecked(),
            minimum_amount=minimum, minimum_currency=self.minimum.currency if minimum else None)
        if made is not None:
            self.code.clear()
            self.minimum.clear()
            self.code_limit.setValue(0)
            self.first_time.setChecked(False)
            self.expires.reset()
        return made

    async def deactivate(self) -> dict[str, Any] | None:
        """Switch off the selected promotion code."""
        promo_id = selected_id(self.codes)
        if promo_id is None:
            self._show(self.tr("Select the code to deactivate."))
            return None
        return await self._do(self.tr("Code deactivated."),
                              catalogue.set_promotion_code_active, promo_id, False)

    async def remove_coupon(self) -> dict[str, Any] | None:
        """Delete the selected coupon: neither it nor its codes can be redeemed again."""
        coupon_id = selected_id(self.coupons)
        if coupon_id is None:
            self._show(self.tr("Select the coupon to delete."))
            return None
        return await self._do(self.tr("Coupon deleted: it and its codes can no longer be "
                                      "redeemed."), catalogue.delete_coupon, coupon_id)
