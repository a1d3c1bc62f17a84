"""What a search text means besides words: an amount ("4.50", "$4.50", "¥1000",
"1.500 KWD") or a date range ("yesterday", "last week", "12/3", "2026-11-02..2026-11-05").

Amounts are read with `posapp.money`, so each currency's exponent is respected: "4.50" is
450 cents but no yen amount, "1.500 KWD" is 1500 fils. Dates are local days in a given
time zone (the one the dashboard's "today" uses), as `[start, end)` Unix times.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from babel.numbers import get_currency_symbol, list_currencies

from posapp.money import AmountError, exponent, parse_amount

__all__ = ["AmountTerm", "DateRange", "midnight", "parse_amount_term", "parse_date_range"]

# One number with an optional currency code or symbol before or after it.
_AMOUNT = re.compile(r"([^\d\s]*)\s*(\d[\d.,'\s\u00a0\u202f]*?)\s*([^\d\s]*)")
_CODE = re.compile(r"[A-Za-z]{3}")
# A currency of each exponent, to read a number typed without a currency.
_REFERENCE = {0: "jpy", 2: "usd", 3: "kwd"}


@dataclass(frozen=True)
class AmountTerm:
    """An amount typed as a search: `(currency, minor units)` pairs for a named currency
    (lower case, as Stripe writes it), or, for a bare number, `(None, minor)` per exponent
    the number fits, matching every currency of that exponent."""

    named: tuple[tuple[str, int], ...] = ()
    by_exponent: tuple[tuple[int, int], ...] = ()


def parse_amount_term(text: str, locale: str = "en_US") -> AmountTerm | None:
    """The amount `text` is, or None when it is not one amount (words, dates, ids)."""
    text = unicodedata.normalize("NFKC", text).strip()
    match = _AMOUNT.fullmatch(text)
    if match is None:
        return None
    marker = (match.group(1) + match.group(3)).strip()
    if not marker:
        fits = tuple((e, m) for e, ref in _REFERENCE.items()
                     if (m := _parse(text, ref, locale)) is not None)
        return AmountTerm(by_exponent=fits) if fits else None
    codes = [marker.lower()] if _CODE.fullmatch(marker) else _currencies_for(marker, locale)
    named = tuple((c, m) for c in codes if (m := _parse(text, c, locale)) is not None)
    return AmountTerm(named=named) if named else None


def _parse(text: str, currency: str, locale: str) -> int | None:
    try:
        exponent(currency)
        return parse_amount(text, currency, locale, minimum=False)
    except (AmountError, ValueError):
        return None


@functools.lru_cache(maxsize=8)
def _symbols(locale: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for code in list_currencies():
        for where in {locale, "en"}:
            symbol = unicodedata.normalize("NFKC", get_currency_symbol(code, where))
            if symbol != code and code.lower() not in found.get(symbol, []):
                found.setdefault(symbol, []).append(code.lower())
    return {symbol: tuple(codes) for symbol, codes in found.items()}


def _currencies_for(symbol: str, locale: str) -> list[str]:
    return list(_symbols(locale).get(symbol, ()))


DateRange = tuple[int, int]
"""`[start, end)` in Unix time."""

_WORDS = {
    "today": ("day", 0), "今天": ("day", 0),
    "yesterday": ("day", -1), "昨天": ("day", -1),
    "this week": ("week", 0), "本周": ("week", 0),
    "last week": ("week", -1), "上周": ("week", -1),
    "this month": ("month", 0), "本月": ("month", 0),
    "last month": ("month", -1), "上月": ("month", -1), "上个月": ("month", -1),
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?")
_RANGE = re.compile(r"\s*(?:\.\.|–|—|~|\bto\b|至|到|\s-\s)\s*", re.IGNORECASE)


def parse_date_range(text: str, now: datetime, tz: tzinfo | None = None) -> DateRange | None:
    """The local days `text` names, relative to `now`: "today", "yesterday", "this/last
    week" (Monday to Sunday), "this/last month", one day ("2026-12-03", "12/3" = month/day,
    the latest such day not in the future, "12/3/2026"), or a range of them ("12/1 to
    12/3", "12/1-12/3", "2026-11-01..2026-11-30"). `tz` is the time zone of those days (None:
    the system's). None when `text` is not a date."""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    today = now.astimezone(tz).date() if tz is not None else now.astimezone().date()
    days = _days(text, today)
    if days is None:
        parts = _RANGE.split(text)
        if len(parts) != 2 and "-" in text and not _ISO.fullmatch(text):
            parts = text.split("-")
        if len(parts) != 2:
            return None
        first, last = _days(parts[0].strip(), today), _days(parts[1].strip(), today)
        if first is None or last is None:
            return None
        days = (min(first[0], last[0]), max(first[1], last[1]))
    return midnight(days[0], tz), midnight(days[1] + timedelta(days=1), tz)


def _days(text: str, today: date) -> tuple[date, date] | None:
    """The first and last day `text` names."""
    if text in _WORDS:
        unit, shift = _WORDS[text]
        if unit == "day":
            day = today + timedelta(days=shift)
            return day, day
        if unit == "week":
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=shift)
            return monday, monday + timedelta(days=6)
        first = today.replace(day=1)
        if shift:
            first = (first - timedelta(days=1)).replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)
    try:
        if match := _ISO.fullmatch(text):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return day, day
        if match := _SLASHED.fullmatch(text):
            month, day_of_month = int(match[1]), int(match[2])
            if match[3]:
                year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
                day = date(year, month, day_of_month)
            else:
                day = date(today.year, month, day_of_month)
                if day > today:
                    day = date(today.year - 1, month, day_of_month)
            return day, day
    except ValueError:  # 2/30, 13/1
        return None
    return None


def midnight(day: date, tz: tzinfo | None) -> int:
    """Unix time of the midnight starting `day` in `tz` (None: the system's zone)."""
    if tz is not None:
        return int(datetime(day.year, day.month, day.day, tzinfo=tz).timestamp())
    return int(datetime(day.year, day.month, day.day).astimezone().timestamp())
