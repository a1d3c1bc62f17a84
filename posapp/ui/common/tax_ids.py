"""The seller's tax ID as invoices and receipts print it: the business settings' own text
when set, else the account's default tax ID from Stripe as its type's label and its value
("VAT GB123456789"), read from the cache so it prints offline."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from posapp.services.account import cached_account, cached_tax_ids, default_tax_id

from .app_state import AppState

translate = QCoreApplication.translate


def tax_id_label(kind: str) -> str:
    """What a tax ID of Stripe's `type` is called on a document: "VAT" for VAT numbers,
    "GST" for GST ones, else the national name the type ends in (`us_ein` → "EIN",
    `au_abn` → "ABN", `br_cnpj` → "CNPJ")."""
    name = kind.split("_", 1)[-1]
    if name == "oss_vat":
        return translate("TaxId", "VAT (OSS)")
    if name == "vat":
        return translate("TaxId", "VAT")
    if name == "gst":
        return translate("TaxId", "GST")
    if name == "gst_hst":
        return translate("TaxId", "GST/HST")
    if name.startswith("pst_"):
        return translate("TaxId", "PST")
    return name.upper()


def tax_id_text(settings_text: str, account_tax_id: Mapping[str, Any] | None) -> str:
    """The tax ID line of a document: the business settings' text wins; else the account's
    tax ID as label and value; "" when there is neither."""
    if settings_text.strip():
        return translate("TaxId", "Tax ID: %1").replace("%1", settings_text.strip())
    if not account_tax_id or not account_tax_id.get("value"):
        return ""
    return f"{tax_id_label(str(account_tax_id.get('type') or ''))} {account_tax_id['value']}"


def seller_tax_id(state: AppState) -> str:
    """The open profile's tax ID line: its business settings, else its account's default
    tax ID as last fetched from Stripe."""
    settings_text = state.settings.business(state.profile.name)["tax_id"]
    cache = state.cache
    return tax_id_text(settings_text, default_tax_id(cached_account(cache),
                                                     cached_tax_ids(cache)))
