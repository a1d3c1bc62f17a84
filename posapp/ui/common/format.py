"""How the UI writes things: numbers, dates and money in the chosen locale, a card as
"Visa •••• 4242", and (re-exported from the store, which needs it too) an expandable
field's id."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QByteArray, QCoreApplication, QDate, QDateTime, QLocale, QTimeZone

from posapp.money import format_amount
from posapp.services.payments import brand_name
from posapp.store.refs import ref_id as ref_id

if TYPE_CHECKING:
    from posapp.services.balance import FeeAndNet


class Formats:
    """Formatting for one locale (`en_US`, `zh_CN`): money via Babel, the rest via QLocale;
    times in the account's time zone (`zone`; None: the machine's)."""

    def __init__(self, language: str, zone: ZoneInfo | None = None) -> None:
        self.language = language
        self._qlocale = QLocale(language)
        self.zone = zone

    @property
    def zone(self) -> ZoneInfo | None:
        """The time zone dates are shown, filtered and exported in (None: the machine's)."""
        return self._zone

    @zone.setter
    def zone(self, zone: ZoneInfo | None) -> None:
        self._zone = zone
        self._qzone = QTimeZone(QByteArray(zone.key.encode())) if zone is not None else None

    def _moment(self, timestamp: int | float) -> QDateTime:
        if self._qzone is not None and self._qzone.isValid():
            return QDateTime.fromSecsSinceEpoch(int(timestamp), self._qzone)
        return QDateTime.fromSecsSinceEpoch(int(timestamp))

    def now(self) -> datetime:
        """The time now in `zone` (the machine's when None), aware of its offset."""
        return datetime.now(self._zone) if self._zone is not None else datetime.now().astimezone()

    def start_of_today(self) -> int:
        """Unix time of midnight today in `zone`."""
        return int(self.now().replace(hour=0, minute=0, second=0, microsecond=0).timestamp())

    def utc_offset(self) -> int:
        """`zone`'s current offset from UTC, in seconds."""
        offset = self.now().utcoffset()
        return int(offset.total_seconds()) if offset else 0

    def day(self, timestamp: int | float) -> QDate:
        """The day a Unix time falls on in `zone`."""
        return self._moment(timestamp).date()

    def money(self, minor: int | None, currency: str | None) -> str:
        """`minor` units of `currency` as the locale writes them ("" when unknown)."""
        if minor is None or not currency:
            return ""
        return format_amount(minor, currency, self.language)

    def number(self, value: int) -> str:
        """An integer with the locale's grouping."""
        return self._qlocale.toString(value)

    def datetime(self, timestamp: int | float | None) -> str:
        """A Unix time as a date and time in `zone`, short form."""
        if not timestamp:
            return ""
        return self._qlocale.toString(self._moment(timestamp), QLocale.FormatType.ShortFormat)

    def date(self, timestamp: int | float | None) -> str:
        """A Unix time as a date in `zone`."""
        if not timestamp:
            return ""
        moment = self._moment(timestamp).date()
        return self._qlocale.toString(moment, QLocale.FormatType.ShortFormat)

    def time(self, timestamp: int | float | None) -> str:
        """A Unix time as a time of day in `zone`."""
        if not timestamp:
            return ""
        moment = self._moment(timestamp).time()
        return self._qlocale.toString(moment, QLocale.FormatType.ShortFormat)


def card_label(brand: str | None, last4: str | None) -> str:
    """"American Express •••• 0005" for a card's brand and last four digits ("" without them)."""
    if not last4:
        return ""
    return f"{brand_name(brand)} •••• {last4}"


def card_label_of(card: Mapping[str, Any] | None) -> str:
    """`card_label` of a Stripe card hash (`payment_method.card`, a charge's card details)."""
    card = card or {}
    return card_label(card.get("brand"), card.get("last4"))


def fee_net_text(formats: Formats, found: FeeAndNet | None) -> str:
    """"Fee $0.88 · net $19.12 (available 3 Dec)" of a payment's or refund's balance
    transaction ("—" while it has none)."""
    if found is None:
        return "—"
    text = (QCoreApplication.translate("FeeNet", "Fee %1 · net %2")
            .replace("%1", formats.money(found.fee, found.currency))
            .replace("%2", formats.money(found.net, found.currency)))
    if found.status != "available":
        text += " " + QCoreApplication.translate("FeeNet", "(available %1)").replace(
            "%1", formats.date(found.available_on))
    return text
