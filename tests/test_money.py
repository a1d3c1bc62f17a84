"""posapp.money: exponents, Stripe's limits, locale-aware parsing and formatting."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol
from hypothesis import given
from hypothesis import strategies as st

from posapp.money import (
    MAX_AMOUNT,
    AmountError,
    check_amount,
    check_minor_units,
    exponent,
    format_amount,
    from_decimal,
    max_amount,
    minimum_charge,
    parse_amount,
    step,
    to_decimal,
)

LOCALES = ["en_US", "de_DE", "fr_FR", "zh_CN", "ja_JP"]
CURRENCIES = ["usd", "eur", "gbp", "jpy", "krw", "vnd", "ugx", "kwd", "bhd", "tnd", "isk", "huf"]


@pytest.mark.parametrize(
    ("currency", "expected"),
    [("usd", 2), ("EUR", 2), ("jpy", 0), ("KRW", 0), ("ugx", 0), ("xpf", 0), ("kwd", 3),
     ("bhd", 3), ("isk", 2), ("huf", 2), ("twd", 2)],
)  # fmt: skip
def test_exponent_follows_stripe(currency: str, expected: int) -> None:
    assert exponent(currency) == expected


def test_exponent_rejects_non_codes() -> None:
    with pytest.raises(ValueError, match="currency code"):
        exponent("dollars")


def test_steps_and_maximum() -> None:
    assert step("usd") == 1
    assert step("kwd") == 10
    assert step("isk") == 100
    assert max_amount("usd") == MAX_AMOUNT == 99_999_999
    assert max_amount("kwd") == 99_999_990
    assert max_amount("isk") == 99_999_900


def test_minimum_charge() -> None:
    assert minimum_charge("usd") == 50
    assert minimum_charge("GBP") == 30
    assert minimum_charge("jpy") == 50
    assert minimum_charge("huf") == 17500
    assert minimum_charge("kwd") is None


def test_decimal_conversions() -> None:
    assert to_decimal(1250, "usd") == Decimal("12.50")
    assert to_decimal(500, "jpy") == Decimal(500)
    assert to_decimal(5120, "kwd") == Decimal("5.120")
    assert from_decimal(Decimal("12.5"), "usd") == 1250
    assert from_decimal(Decimal("5.12"), "kwd") == 5120
    with pytest.raises(AmountError, match="JPY has no decimal places"):
        from_decimal(Decimal("1.5"), "jpy")


@pytest.mark.parametrize(
    ("minor", "currency", "locale", "expected"),
    [
        (1250, "usd", "en_US", "$12.50"),
        (123450, "eur", "de_DE", "1.234,50\xa0€"),
        (123450, "eur", "fr_FR", "1\u202f234,50\xa0€"),
        (1000, "jpy", "ja_JP", "￥1,000"),
        (1000, "jpy", "en_US", "¥1,000"),
        (5120, "kwd", "en_US", "KWD5.120"),
        (500, "isk", "de_DE", "5\xa0ISK"),
        (4010, "isk", "en_US", "ISK40.10"),
        (99, "usd", "zh_CN", "US$0.99"),
    ],
)
def test_format_amount(minor: int, currency: str, locale: str, expected: str) -> None:
    assert format_amount(minor, currency, locale) == expected


@pytest.mark.parametrize(
    ("text", "currency", "locale", "expected"),
    [
        ("12.50", "usd", "en_US", 1250),
        ("  $1,234.5 ", "usd", "en_US", 123450),
        ("USD 12", "usd", "en_US", 1200),
        ("12,50 €", "eur", "de_DE", 1250),
        ("1.234,50", "eur", "de_DE", 123450),
        ("1 234,50 €", "eur", "fr_FR", 123450),
        ("1\xa0234,50", "eur", "fr_FR", 123450),
        ("1234", "eur", "fr_FR", 123400),
        ("￥1,000", "jpy", "ja_JP", 1000),
        ("¥1000", "jpy", "ja_JP", 1000),
        ("１２３", "jpy", "ja_JP", 123),
        ("1000.00", "jpy", "en_US", 1000),
        ("5.12", "kwd", "en_US", 5120),
        ("5", "isk", "en_US", 500),
        ("US$9.99", "usd", "zh_CN", 999),
    ],
)
def test_parse_amount_accepts(text: str, currency: str, locale: str, expected: int) -> None:
    assert parse_amount(text, currency, locale) == expected


@pytest.mark.parametrize(
    ("text", "currency", "locale", "message"),
    [
        ("", "usd", "en_US", "Enter an amount."),
        ("   ", "usd", "en_US", "Enter an amount."),
        ("twelve", "usd", "en_US", "“twelve” is not an amount (decimals go after “.”)."),
        ("1,23", "usd", "en_US", "“1,23” is not an amount (decimals go after “.”)."),
        ("12.5", "eur", "de_DE", "“12.5” is not an amount (decimals go after “,”)."),
        ("NaN", "usd", "en_US", "“NaN” is not an amount (decimals go after “.”)."),
        ("1e3", "usd", "en_US", "“1e3” is not an amount (decimals go after “.”)."),
        ("$", "usd", "en_US", "“$” is not an amount (decimals go after “.”)."),
        ("-5", "usd", "en_US", "The amount cannot be negative."),
        ("$-5.00", "usd", "en_US", "The amount cannot be negative."),
        ("−5", "usd", "en_US", "The amount cannot be negative."),
        ("0", "usd", "en_US", "Enter an amount greater than zero."),
        ("0,00 €", "eur", "de_DE", "Enter an amount greater than zero."),
        ("12.5", "jpy", "en_US", "JPY has no decimal places."),
        ("5.5", "isk", "en_US", "ISK has no decimal places."),
        ("1.2345", "kwd", "en_US", "KWD allows at most 3 decimal places."),
        ("12.505", "usd", "en_US", "USD allows at most 2 decimal places."),
        ("5.124", "kwd", "en_US", "KWD amounts go in steps of KWD0.010."),
        ("1000000", "usd", "en_US", "The amount must be no more than $999,999.99."),
        ("1.000.000,00", "eur", "de_DE", "The amount must be no more than 999.999,99\xa0€."),
        ("1" * 40, "usd", "en_US", "The amount must be no more than $999,999.99."),
        ("0." + "1" * 100, "usd", "en_US", "USD allows at most 2 decimal places."),
        ("0.49", "usd", "en_US", "The minimum charge in USD is $0.50."),
        ("49", "jpy", "ja_JP", "The minimum charge in JPY is ￥50."),
    ],
)
def test_parse_amount_rejects(text: str, currency: str, locale: str, message: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text, currency, locale)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "message"),
    [
        (0, "usd", "en_US", "Enter an amount greater than zero."),
        (-5, "eur", "de_DE", "Enter an amount greater than zero."),
        (100_000_000, "usd", "en_US", "The amount must be no more than $999,999.99."),
        (5125, "kwd", "en_US", "KWD amounts go in steps of KWD0.010."),
        (1250, "isk", "en_US", "ISK amounts go in steps of ISK1."),
        (49, "usd", "en_US", "The minimum charge in USD is $0.50."),
        (49, "jpy", "ja_JP", "The minimum charge in JPY is ￥50."),
    ],
)
def test_check_amount_rejects(amount: int, currency: str, locale: str, message: str) -> None:
    with pytest.raises(AmountError) as caught:
        check_amount(amount, currency, locale)
    assert str(caught.value) == message


def test_check_amount_returns_what_stripe_can_charge() -> None:
    assert check_amount(50, "usd") == 50
    assert check_amount(5120, "KWD") == 5120
    assert check_amount(10, "usd", minimum=False) == 10
    assert check_amount(99_999_999, "usd") == 99_999_999


def test_amount_error_is_a_value_error() -> None:
    assert issubclass(AmountError, ValueError)


def test_minimum_can_be_waived() -> None:
    assert parse_amount("0.10", "usd", minimum=False) == 10


def test_unknown_locale_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown locale"):
        parse_amount("1", "usd", "xx_YY")
    with pytest.raises(ValueError, match="unknown locale"):
        format_amount(100, "usd", "xx_YY")


@st.composite
def chargeable(draw: st.DrawFn) -> tuple[int, str]:
    currency = draw(st.sampled_from(CURRENCIES))
    increment = step(currency)
    low = (minimum_charge(currency) or 1) + increment - 1
    units = draw(st.integers(low // increment, max_amount(currency) // increment))
    return units * increment, currency


@given(chargeable(), st.sampled_from(LOCALES))
def test_format_then_parse_round_trips(amount: tuple[int, str], locale: str) -> None:
    minor, currency = amount
    assert parse_amount(format_amount(minor, currency, locale), currency, locale) == minor


@given(st.text(max_size=20), st.sampled_from(CURRENCIES), st.sampled_from(LOCALES))
def test_parse_returns_positive_or_raises(text: str, currency: str, locale: str) -> None:
    try:
        minor = parse_amount(text, currency, locale, minimum=False)
    except AmountError:
        return
    assert 0 < minor <= MAX_AMOUNT


@given(
    st.sampled_from(CURRENCIES),
    st.integers(1, 999),
    st.integers(1, 9),
    st.sampled_from(LOCALES),
)
def test_too_many_decimals_always_rejected(
    currency: str, whole: int, extra_digit: int, locale: str
) -> None:
    allowed = 0 if currency == "isk" else exponent(currency)
    decimal_sign = "," if locale in ("de_DE", "fr_FR") else "."
    text = f"{whole}{decimal_sign}{'0' * allowed}{extra_digit}"
    with pytest.raises(AmountError, match="decimal places"):
        parse_amount(text, currency, locale, minimum=False)


@pytest.mark.parametrize(
    "amount", [50.0, 1.5, True, False, Decimal(500), "500", None, 10**30, -(10**30)]
)
def test_check_amount_refuses_anything_but_whole_minor_units(amount: object) -> None:
    with pytest.raises(AmountError) as raised:
        check_amount(amount, "usd")  # type: ignore[arg-type]

    assert raised.value.code in {"not_minor_units", "too_large", "not_positive"}


def test_check_minor_units_bounds_any_currency() -> None:
    assert check_minor_units(MAX_AMOUNT) == MAX_AMOUNT
    with pytest.raises(AmountError, match="no more than"):
        check_minor_units(MAX_AMOUNT + 1)
    with pytest.raises(AmountError, match="whole number of minor units"):
        check_minor_units(12.5)  # type: ignore[arg-type]


def _in_script(text: str, zero: str, decimal_sign: str, group_sign: str, locale: str) -> str:
    """`text` with its digits written from `zero` on, and the locale's separators replaced;
    with full-width digits, every ASCII sign is full width too."""
    if zero == "０":
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    ours = {get_decimal_symbol(locale): decimal_sign, get_group_symbol(locale): group_sign}
    return "".join(
        chr(ord(zero) + int(c)) if c.isascii() and c.isdigit() else ours.get(c, c) for c in text
    )


# (zero digit, decimal sign, group sign): None keeps the locale's own sign.
SCRIPTS = [
    ("0", None, None),
    ("０", None, None),  # full width, as a Chinese or Japanese IME types it
    ("\u0660", "\u066b", "\u066c"),  # Arabic-Indic, with the Arabic separators
    ("\u06f0", "\u066b", "\u066c"),  # Extended Arabic-Indic (Persian, Urdu)
    ("\u0966", None, None),  # Devanagari
    ("\u09e6", None, None),  # Bengali
    ("\u0e50", None, None),  # Thai
    ("\U0001d7ce", None, None),  # mathematical bold (NFKC folds it)
]


@given(chargeable(), st.sampled_from([*LOCALES, "ar_EG", "hi_IN", "th_TH"]),
       st.sampled_from(SCRIPTS))
def test_digits_of_any_script_parse_as_the_same_amount(
    amount: tuple[int, str], locale: str, script: tuple[str, str | None, str | None]
) -> None:
    minor, currency = amount
    zero, decimal_sign, group_sign = script
    digits = 0 if currency == "isk" and minor % 100 == 0 else exponent(currency)
    pattern = copy.copy(Locale.parse(locale).decimal_formats[None])
    pattern.frac_prec = (digits, digits)
    number = format_decimal(to_decimal(minor, currency), pattern, locale=locale)
    typed = _in_script(number, zero, decimal_sign or get_decimal_symbol(locale),
                       group_sign or get_group_symbol(locale), locale)

    assert parse_amount(typed, currency, locale) == minor


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [("４．５０", "zh_CN", 450), ("４．５０", "en_US", 450), ("４。５０", "zh_CN", 450),
     ("４｡５０", "ja_JP", 450), ("４，５０", "de_DE", 450), ("￥４．５０", "zh_CN", 450),
     ("٤٫٥٠", "en_US", 450), ("१२.३४", "hi_IN", 1234)],
)  # fmt: skip
def test_full_width_and_other_scripts_mean_the_same_amount(
    text: str, locale: str, expected: int
) -> None:
    assert parse_amount(text, "usd" if "￥" not in text else "cny", locale) == expected
