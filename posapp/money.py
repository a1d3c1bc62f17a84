"""Money: amounts as integers in the currency's minor unit, parsed and formatted per locale.

Everything below the UI carries amounts as ``int`` minor units exactly as Stripe's API
expects them (cents for USD, yen for JPY, fils for KWD). This module is the only place that
knows how many decimals a currency has and what Stripe will accept as a charge amount.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.numbers import (
    NumberFormatError,
    format_currency,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
    parse_decimal,
)

__all__ = [
    "MAX_AMOUNT",
    "AmountError",
    "check_amount",
    "check_minor_units",
    "exponent",
    "format_amount",
    "from_decimal",
    "max_amount",
    "minimum_charge",
    "parse_amount",
    "step",
    "to_decimal",
]

# Stripe, "Supported currencies" (docs.stripe.com/currencies#zero-decimal): API amounts in
# these currencies are whole units, e.g. 500 charges ¥500.
_ZERO_DECIMAL = frozenset(
    [
        "BIF",
        "CLP",
        "DJF",
        "GNF",
        "JPY",
        "KMF",
        "KRW",
        "MGA",
        "PYG",
        "RWF",
        "UGX",
        "VND",
        "VUV",
        "XAF",
        "XOF",
        "XPF",
    ]
)
# Stripe, three-decimal currencies: amounts are in thousandths, and "to ensure compatibility
# with Stripe's payments partners" the last digit must be 0 (5.124 KWD -> 5120 or 5130).
_THREE_DECIMAL = frozenset(["BHD", "JOD", "KWD", "OMR", "TND"])
# Stripe, special cases: ISK became effectively zero-decimal, but "to maintain backwards
# compatibility" its API amounts keep two decimals and must be evenly divisible by 100
# (5 ISK -> 500). HUF and TWD are zero-decimal for payouts only; charges may carry two
# decimals, so they follow the default rule here.
_WHOLE_UNITS_IN_TWO_DECIMALS = frozenset({"ISK"})

# Stripe: "The amount value supports up to eight digits (e.g., a value of 99999999 for a USD
# charge of $999,999.99)."
MAX_AMOUNT = 99_999_999

# Stripe, "Minimum and maximum charge amounts", in minor units. Other currencies have a
# minimum equivalent to 0.50 USD at the day's rate, which only Stripe can check.
_MINIMUM_CHARGE = {
    "USD": 50, "AED": 200, "AUD": 50, "BGN": 100, "BRL": 50, "CAD": 50, "CHF": 50,
    "CZK": 1500, "DKK": 250, "EUR": 50, "GBP": 30, "HKD": 400, "HUF": 17500, "INR": 50,
    "JPY": 50, "MXN": 1000, "MYR": 200, "NOK": 300, "NZD": 50, "PLN": 200, "RON": 200,
    "SEK": 300, "SGD": 50, "THB": 1000,
}  # fmt: skip

_CURRENCY_CODE = re.compile(r"[A-Za-z]{3}")
_MINUS_SIGNS = ("-", "\u2212", "\u2012", "\u2013", "\u2014", "\ufe63", "\uff0d")


class AmountError(ValueError):
    """An amount that cannot be charged. ``str(err)`` is an English sentence fit to show a
    cashier; ``code`` names the case and ``params`` fill its blanks (amounts already
    formatted), so the UI can say it in the cashier's language."""

    def __init__(self, message: str, code: str = "invalid", **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def _code(currency: str) -> str:
    if not _CURRENCY_CODE.fullmatch(currency):
        raise ValueError(f"not an ISO 4217 currency code: {currency!r}")
    return currency.upper()


def exponent(currency: str) -> int:
    """Number of decimals in Stripe's API amounts for ``currency`` (any case): 0, 2 or 3."""
    code = _code(currency)
    if code in _ZERO_DECIMAL:
        return 0
    if code in _THREE_DECIMAL:
        return 3
    return 2


def step(currency: str) -> int:
    """Smallest chargeable increment in minor units (10 for KWD, 100 for ISK, else 1)."""
    code = _code(currency)
    if code in _THREE_DECIMAL:
        return 10
    if code in _WHOLE_UNITS_IN_TWO_DECIMALS:
        return 100
    return 1


def max_amount(currency: str) -> int:
    """Largest amount Stripe accepts for ``currency``, in minor units."""
    return MAX_AMOUNT - MAX_AMOUNT % step(currency)


def minimum_charge(currency: str) -> int | None:
    """Stripe's minimum charge in minor units, or None where it depends on the exchange rate."""
    return _MINIMUM_CHARGE.get(_code(currency))


def to_decimal(minor: int, currency: str) -> Decimal:
    """Major-unit value of ``minor`` (1250 USD -> Decimal('12.50'))."""
    return Decimal(minor).scaleb(-exponent(currency))


def from_decimal(value: Decimal, currency: str) -> int:
    """Minor units for a major-unit ``value``; AmountError if it has more decimals than allowed."""
    scaled = value.scaleb(exponent(currency))
    if scaled != scaled.to_integral_value():
        raise _too_many_decimals(_code(currency))
    return int(scaled)


def _locale(name: str) -> Locale:
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError) as exc:
        raise ValueError(f"unknown locale: {name!r}") from exc


def _display_digits(minor: int, code: str) -> int:
    if code in _WHOLE_UNITS_IN_TWO_DECIMALS and minor % 100 == 0:
        return 0
    return exponent(code)


def format_amount(minor: int, currency: str, locale: str = "en_US") -> str:
    """Localized text for ``minor`` units, with the currency's own number of decimals."""
    code = _code(currency)
    babel_locale = _locale(locale)
    pattern = copy.copy(babel_locale.currency_formats["standard"])
    digits = _display_digits(minor, code)
    pattern.frac_prec = (digits, digits)
    text: str = format_currency(
        to_decimal(minor, code), code, format=pattern, locale=babel_locale, currency_digits=False
    )
    return text


def _allowed_decimals(code: str) -> int:
    return 0 if code in _WHOLE_UNITS_IN_TWO_DECIMALS else exponent(code)


def _too_many_decimals(code: str) -> AmountError:
    allowed = _allowed_decimals(code)
    if allowed == 0:
        return AmountError(f"{code} has no decimal places.", "no_decimals", currency=code)
    return AmountError(
        f"{code} allows at most {allowed} decimal places.",
        "too_many_decimals",
        currency=code,
        decimals=str(allowed),
    )


def _currency_markers(code: str, babel_locale: Locale) -> list[str]:
    symbols = {code, get_currency_symbol(code, babel_locale), get_currency_symbol(code, "en")}
    normalized = {unicodedata.normalize("NFKC", s) for s in symbols}
    return sorted(normalized, key=len, reverse=True)


def _plain_text(text: str, babel_locale: Locale) -> str:
    """``text`` NFKC-normalised (full-width "４．５０" -> "4.50"), with digits of any script
    made ASCII (Arabic-Indic, Devanagari, Thai, ...), the ideographic full stop a Chinese
    IME types made ".", and the Arabic separators made the locale's own."""
    signs = {
        "\u3002": ".",
        "\u066b": get_decimal_symbol(babel_locale),
        "\u066c": get_group_symbol(babel_locale),
    }
    return "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() else signs.get(c, c)
        for c in unicodedata.normalize("NFKC", text)
    )


def _number_text(text: str, code: str, babel_locale: Locale) -> str:
    """The bare number in ``text``: currency markers removed, spaces made group separators."""
    normalized = _plain_text(text, babel_locale).strip()
    markers = "|".join(re.escape(m) for m in _currency_markers(code, babel_locale))
    bare = re.sub(markers, " ", normalized, flags=re.IGNORECASE).strip()
    group = get_group_symbol(babel_locale)
    if unicodedata.normalize("NFKC", group).isspace():
        # fr_FR groups with U+202F; people type a plain or no-break space.
        bare = re.sub(r"\s+", group, bare)
    return bare


def parse_amount(text: str, currency: str, locale: str = "en_US", *, minimum: bool = True) -> int:
    """Minor units for an amount typed in ``locale`` (e.g. "1.234,50 €" in de_DE -> 123450).

    Accepts the locale's decimal and grouping separators, an optional currency symbol or
    code, and surrounding whitespace. Raises AmountError, with a message for the cashier,
    for anything Stripe would not charge: empty, not a number, negative, zero, too many
    decimals, off the currency's step, above Stripe's maximum, or (when ``minimum``) below
    Stripe's minimum charge.
    """
    code = _code(currency)
    babel_locale = _locale(locale)
    if not text.strip():
        raise AmountError("Enter an amount.", "empty")
    bare = _number_text(text, code, babel_locale)
    if bare.startswith(_MINUS_SIGNS) or bare.endswith(_MINUS_SIGNS):
        raise AmountError("The amount cannot be negative.", "negative")
    decimal_sign = get_decimal_symbol(babel_locale)
    not_a_number = AmountError(
        f"“{text.strip()}” is not an amount (decimals go after “{decimal_sign}”).",
        "not_a_number",
        text=text.strip(),
        decimal_sign=decimal_sign,
    )
    allowed = re.escape(decimal_sign + get_group_symbol(babel_locale))
    if not re.fullmatch(rf"[0-9{allowed}]+", bare) or not re.search(r"[0-9]", bare):
        raise not_a_number
    try:
        value = parse_decimal(bare, babel_locale, strict=True)
    except (NumberFormatError, InvalidOperation) as exc:
        raise not_a_number from exc
    # Bounding the value first keeps the decimal arithmetic below within Decimal's precision.
    if value > to_decimal(max_amount(code), code):
        raise _too_large(code, locale)
    if value.scaleb(_allowed_decimals(code)) % 1:
        raise _too_many_decimals(code)
    return check_amount(from_decimal(value, code), code, locale, minimum=minimum)


def check_minor_units(amount: int) -> int:
    """``amount`` if it is a whole number of minor units (an ``int``, not a ``bool``) in
    1..MAX_AMOUNT, whatever the currency; else AmountError. The guard at the services'
    boundary where the currency is not known yet."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise AmountError(
            f"An amount must be a whole number of minor units, not {amount!r}.",
            "not_minor_units",
        )
    if amount <= 0:
        raise AmountError("Enter an amount greater than zero.", "not_positive")
    if amount > MAX_AMOUNT:
        raise AmountError(
            f"The amount must be no more than {MAX_AMOUNT:,} minor units.",
            "too_large",
            maximum=f"{MAX_AMOUNT:,}",
        )
    return amount


def check_amount(amount: int, currency: str, locale: str = "en_US", *, minimum: bool = True) -> int:
    """``amount`` (minor units) if Stripe can charge it, else AmountError fit for a cashier:
    not an ``int`` (floats and bools are refused), not positive, above Stripe's maximum, off
    the currency's step, or (when ``minimum``) below Stripe's minimum charge."""
    code = _code(currency)
    if isinstance(amount, int) and not isinstance(amount, bool) and amount > max_amount(code):
        raise _too_large(code, locale)
    check_minor_units(amount)
    increment = step(code)
    if amount % increment:
        shown = format_amount(increment, code, locale)
        raise AmountError(
            f"{code} amounts go in steps of {shown}.", "step", currency=code, step=shown
        )
    floor = minimum_charge(code)
    if minimum and floor is not None and amount < floor:
        shown = format_amount(floor, code, locale)
        raise AmountError(
            f"The minimum charge in {code} is {shown}.", "minimum", currency=code, minimum=shown
        )
    return amount


def _too_large(code: str, locale: str) -> AmountError:
    shown = format_amount(max_amount(code), code, locale)
    return AmountError(f"The amount must be no more than {shown}.", "too_large", maximum=shown)
