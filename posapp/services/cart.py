"""A counter sale's cart: lines, discounts, tax and a tip, priced in minor units the way
Stripe prices the same lines on a Checkout Session, so the total the cashier shows is the
amount Stripe asks of the customer.

Pure: no I/O. How Stripe prices lines (and so this module):
- a line's subtotal is unit amount × quantity, less the manual discounts staff gave by hand
  (the line's own, then its share of a whole-cart one: a percent is taken per line, an
  amount is spread like an `amount_off` coupon); Stripe is sent the reduced subtotal as
  the line's own price (`price_data`) or invoice item amount, and the reasons in metadata;
- a cart coupon applies per line: `percent_off` takes `round(subtotal × p / 100)` off each
  line it applies to; `amount_off` is spread over those lines in proportion to their
  subtotals, the odd minor units going to the largest remainders (earliest first);
- each tax rate is computed per line on the subtotal left after the coupon: exclusive
  `round(base × p / 100)` is added, inclusive `round(base × p / (100 + p))` is the share of
  the base that is tax;
- rounding is half away from zero in the currency's minor unit (JPY's yen, KWD's fils).
The tip is a line of its own, untaxed and never discounted: neither a coupon nor a manual
discount touches it (the tenders keep it out of the discounted lines at Stripe too).
With `automatic_tax` (Stripe Tax) the lines' tax rates are set aside: Stripe works out the
tax at payment from the customer's address, so the cart's tax and total leave it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["TIP_PRESETS", "Cart", "Coupon", "Line", "ManualDiscount", "PricedLine", "TaxRate",
           "Tip", "Totals"]

TIP_PRESETS = (Decimal(10), Decimal(15), Decimal(20))
"""Tip percentages offered as buttons."""

TIP_DESCRIPTION = "Tip"


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class TaxRate:
    """A Stripe tax rate (`txr_…`): `percentage` of the line, included in its price or added."""

    id: str
    name: str
    percentage: Decimal
    inclusive: bool

    def tax(self, base: int) -> int:
        """The tax in `base` (inclusive) or on top of it (exclusive), rounded per line."""
        if self.inclusive:
            return _round(Decimal(base) * self.percentage / (100 + self.percentage))
        return _round(Decimal(base) * self.percentage / 100)


@dataclass(frozen=True)
class Coupon:
    """A whole-cart discount Stripe knows: a coupon, applied directly or redeemed through a
    promotion code (`promotion_code` is then its `promo_…` id and `code` what was typed)."""

    id: str
    name: str
    percent_off: Decimal | None = None
    amount_off: int | None = None
    currency: str | None = None
    products: frozenset[str] = frozenset()
    promotion_code: str | None = None
    code: str | None = None
    other_amounts: frozenset[tuple[str, int]] = frozenset()
    """An amount-off coupon's amount in other currencies (`currency_options`)."""

    def __post_init__(self) -> None:
        if (self.percent_off is None) == (self.amount_off is None):
            raise ValueError("a coupon takes exactly one of percent_off and amount_off")

    def applies_to(self, line: Line) -> bool:
        return not line.is_tip and (not self.products or line.product_id in self.products)

    def amount_in(self, currency: str) -> int | None:
        """The amount off in `currency` (None: this coupon takes nothing off there)."""
        if currency == self.currency:
            return self.amount_off
        return dict(self.other_amounts).get(currency)


@dataclass(frozen=True)
class ManualDiscount:
    """A discount given by hand (staff who may, see docs/ui.md): `amount` minor units or
    `percent` off, always with the `reason` recorded at Stripe and printed on the receipt."""

    reason: str
    amount: int | None = None
    percent: Decimal | None = None

    def __post_init__(self) -> None:
        if (self.amount is None) == (self.percent is None):
            raise ValueError("a manual discount takes exactly one of amount and percent")
        if not self.reason.strip():
            raise ValueError("a manual discount needs a reason")
        if (self.amount is not None and self.amount < 1) or (
                self.percent is not None and not 0 < self.percent <= 100):
            raise ValueError("a manual discount is a positive amount or 0-100 percent")

    def off(self, base: int) -> int:
        """What it takes off `base` (never more than `base`)."""
        if self.percent is not None:
            return min(base, _round(Decimal(base) * self.percent / 100))
        assert self.amount is not None
        return min(base, self.amount)


@dataclass(frozen=True)
class Line:
    """One cart line: a catalogue price (`price_id`) or a custom amount (no price id).

    `manual` is a discount given by hand on the whole line; `cart_discount` is the line's
    share of a whole-cart manual discount (set by `Cart.sent_lines`, never by hand).
    """

    description: str
    unit_amount: int
    quantity: int = 1
    price_id: str | None = None
    product_id: str | None = None
    tax_rates: tuple[TaxRate, ...] = ()
    manual: ManualDiscount | None = None
    cart_discount: int = 0
    is_tip: bool = False

    def __post_init__(self) -> None:
        if self.quantity < 1 or self.unit_amount < 0:
            raise ValueError("a line needs a quantity of at least 1 and an amount of 0 or more")

    @property
    def own_discount(self) -> int:
        """The line's own manual discount in minor units (capped at the line)."""
        return self.manual.off(self.gross) if self.manual else 0

    @property
    def discount(self) -> int:
        """All the manual discount on the line: its own and its share of the cart's."""
        return self.own_discount + self.cart_discount

    @property
    def discount_reason(self) -> str:
        return self.manual.reason if self.manual else ""

    @property
    def gross(self) -> int:
        """Unit amount × quantity."""
        return self.unit_amount * self.quantity

    @property
    def subtotal(self) -> int:
        """What Stripe sees as the line's subtotal: gross less the manual discounts."""
        return self.gross - self.discount


@dataclass(frozen=True)
class Tip:
    """A tip: a percentage of the goods' total (after discount, with tax) or an amount."""

    percent: Decimal | None = None
    amount: int | None = None

    def on(self, goods_total: int) -> int:
        if self.amount is not None:
            return self.amount
        if self.percent is not None:
            return _round(Decimal(goods_total) * self.percent / 100)
        return 0


@dataclass(frozen=True)
class PricedLine:
    """A line as Stripe will price it: subtotal, the coupon's share, tax and total."""

    line: Line
    subtotal: int
    coupon_discount: int
    tax: int
    total: int


@dataclass(frozen=True)
class Totals:
    """The cart in figures (all in minor units of the cart's currency).

    `subtotal` is before any discount; `discount` counts line and coupon discounts; `tax`
    includes inclusive tax (already inside the prices) and exclusive tax (added); `tip` is
    the tip charged; `total` is what the customer pays.
    """

    lines: tuple[PricedLine, ...]
    subtotal: int
    discount: int
    tax: int
    tip: int
    total: int


@dataclass(frozen=True)
class Cart:
    """An immutable cart in one currency; each change answers a new cart."""

    currency: str
    lines: tuple[Line, ...] = ()
    coupon: Coupon | None = None
    tip: Tip = field(default_factory=Tip)
    manual: ManualDiscount | None = None
    """A whole-cart discount given by hand, shared over the lines (never the tip)."""
    automatic_tax: bool = False

    def add(self, line: Line) -> Cart:
        """Add a line; a catalogue price already in the cart (undiscounted) gains quantity."""
        for index, existing in enumerate(self.lines):
            if line.price_id and existing.price_id == line.price_id and not existing.manual:
                return self.set_quantity(index, existing.quantity + line.quantity)
        return replace(self, lines=(*self.lines, line))

    def set_quantity(self, index: int, quantity: int) -> Cart:
        """Change line `index`'s quantity; 0 removes it."""
        if quantity <= 0:
            return self.remove(index)
        changed = replace(self.lines[index], quantity=quantity)
        return replace(self, lines=self._with(index, changed))

    def remove(self, index: int) -> Cart:
        return replace(self, lines=self.lines[:index] + self.lines[index + 1:])

    def discount_line(self, index: int, discount: ManualDiscount | None) -> Cart:
        """A manual discount on line `index` (capped at the line), or none."""
        changed = replace(self.lines[index], manual=discount)
        return replace(self, lines=self._with(index, changed))

    def with_manual_discount(self, discount: ManualDiscount | None) -> Cart:
        """A manual discount on the whole cart (shared over the lines), or none."""
        return replace(self, manual=discount)

    def with_coupon(self, coupon: Coupon | None) -> Cart:
        return replace(self, coupon=coupon)

    def with_tip(self, tip: Tip) -> Cart:
        return replace(self, tip=tip)

    def with_automatic_tax(self, enabled: bool) -> Cart:
        """Stripe Tax works out the tax at payment (the lines' rates are not used)."""
        return replace(self, automatic_tax=enabled)

    def _with(self, index: int, line: Line) -> tuple[Line, ...]:
        return (*self.lines[:index], line, *self.lines[index + 1:])

    @property
    def is_empty(self) -> bool:
        return not self.lines

    def goods_lines(self) -> tuple[Line, ...]:
        """The cart's lines, each carrying its share of the whole-cart manual discount."""
        if self.manual is None:
            return self.lines
        bases = [line.subtotal for line in self.lines]
        if self.manual.percent is not None:
            cuts = [self.manual.off(base) for base in bases]
        else:
            cuts = _spread(self.manual.off(sum(bases)), bases)
        return tuple(replace(line, cart_discount=cut)
                     for line, cut in zip(self.lines, cuts, strict=True))

    def priced_lines(self) -> tuple[Line, ...]:
        """The lines Stripe is sent: the cart's (discounted), then the tip, untaxed."""
        lines = self.goods_lines()
        tip = self.tip.on(sum(p.total for p in self._price(lines)))
        if tip <= 0:
            return lines
        return (*lines, Line(TIP_DESCRIPTION, tip, is_tip=True))

    @property
    def discount_reasons(self) -> tuple[str, ...]:
        """The reasons for the manual discounts, each once: the lines', then the cart's."""
        reasons = [line.discount_reason for line in self.lines if line.manual]
        if self.manual is not None:
            reasons.append(self.manual.reason)
        return tuple(dict.fromkeys(reasons))

    def priced(self) -> tuple[PricedLine, ...]:
        """Every line Stripe is sent (the tip last), priced as Stripe will."""
        return self._price(self.priced_lines())

    def totals(self) -> Totals:
        """Price every line as Stripe will (see the module's docstring)."""
        priced = self.priced()
        goods = priced[:len(self.lines)]
        tip = sum(p.total for p in priced[len(self.lines):])
        total = sum(p.total for p in priced)
        return Totals(
            goods,
            subtotal=sum(line.gross for line in self.lines),
            discount=sum(p.line.discount + p.coupon_discount for p in goods),
            tax=sum(p.tax for p in priced),
            tip=tip,
            total=total,
        )

    def _price(self, lines: tuple[Line, ...]) -> tuple[PricedLine, ...]:
        cuts = self._coupon_cuts(lines)
        priced = []
        for line, cut in zip(lines, cuts, strict=True):
            base = line.subtotal - cut
            rates = () if self.automatic_tax else line.tax_rates
            taxes = [(rate, rate.tax(base)) for rate in rates]
            added = sum(amount for rate, amount in taxes if not rate.inclusive)
            priced.append(PricedLine(line, line.subtotal, cut,
                                     sum(amount for _, amount in taxes), base + added))
        return tuple(priced)

    def _coupon_cuts(self, lines: tuple[Line, ...]) -> list[int]:
        coupon = self.coupon
        if coupon is None:
            return [0] * len(lines)
        eligible = [coupon.applies_to(line) for line in lines]
        if coupon.percent_off is not None:
            return [_round(Decimal(line.subtotal) * coupon.percent_off / 100) if ok else 0
                    for line, ok in zip(lines, eligible, strict=True)]
        amount_off = coupon.amount_in(self.currency)
        if amount_off is None:
            return [0] * len(lines)
        bases = [line.subtotal if ok else 0 for line, ok in zip(lines, eligible, strict=True)]
        return _spread(min(amount_off, sum(bases)), bases)


def _spread(amount: int, bases: list[int]) -> list[int]:
    """`amount` shared over `bases` in proportion, the odd minor units going to the largest
    remainders (earliest first), as Stripe spreads an `amount_off` coupon."""
    whole = sum(bases)
    if not whole:
        return [0] * len(bases)
    shares = [Decimal(amount) * base / whole for base in bases]
    cuts = [int(share) for share in shares]
    order = sorted(range(len(bases)), key=lambda i: (-(shares[i] - cuts[i]), i))
    for index in order[:amount - sum(cuts)]:
        cuts[index] += 1
    return cuts
