"""The account's own tax IDs (`/v1/tax_ids`): created, listed, retrieved and deleted through
the SDK as at Stripe, the country Stripe derives, its errors, the account's invoice
defaults, and the demo café's VAT number."""

from __future__ import annotations

import pytest
import stripe
from sandbox_support import event_types

from posapp.sandbox import Sandbox


def test_account_tax_id_round_trip(client: stripe.StripeClient) -> None:
    vat = client.v1.tax_ids.create(params={"type": "gb_vat", "value": "GB123456789"})
    ein = client.v1.tax_ids.create(params={"type": "us_ein", "value": "12-3456789",
                                           "owner": {"type": "self"}})
    assert vat.id.startswith("txi_") and vat.object == "tax_id"
    assert (vat.type, vat.value, vat.country) == ("gb_vat", "GB123456789", "GB")
    assert ein.country == "US" and ein.livemode is False and ein.created > 0
    assert vat.owner is not None and vat.owner.type == "self" and vat.owner.customer is None
    assert vat.customer is None and vat.verification is None
    listed = client.v1.tax_ids.list(params={"owner": {"type": "self"}})
    assert [t.id for t in listed] == [ein.id, vat.id]  # newest first
    assert client.v1.tax_ids.retrieve(vat.id).value == "GB123456789"

    deleted = client.v1.tax_ids.delete(vat.id)
    assert deleted.deleted is True and deleted.id == vat.id
    assert [t.id for t in client.v1.tax_ids.list()] == [ein.id]
    assert client.v1.tax_ids.retrieve(vat.id).deleted is True
    with pytest.raises(stripe.InvalidRequestError) as again:
        client.v1.tax_ids.delete(vat.id)
    assert again.value.http_status == 404 and again.value.code == "resource_missing"
    assert event_types(client) == []  # Stripe's tax ID events are customers' only


@pytest.mark.parametrize(("kind", "value", "country"), [
    ("eu_vat", "DE123456789", "DE"), ("eu_vat", "EL123456789", "GR"),
    ("au_abn", "12345678912", "AU"), ("ch_vat", "CHE-123.456.789 MWST", "CH"),
    ("eu_oss_vat", "EU123456789", None), ("jp_trn", "T1234567891234", "JP"),
])
def test_country_is_derived_as_stripe_derives_it(client: stripe.StripeClient, kind: str,
                                                 value: str, country: str | None) -> None:
    created = client.v1.tax_ids.create(params={"type": kind, "value": value})
    assert created.country == country


def test_unknown_type_bad_value_and_missing_value_get_stripes_errors(
        client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as unknown:
        client.v1.tax_ids.create(params={"type": "xx_vat", "value": "1"})
    assert unknown.value.param == "type" and "must be one of" in str(unknown.value)
    with pytest.raises(stripe.InvalidRequestError) as bad:
        client.v1.tax_ids.create(params={"type": "gb_vat", "value": "123"})
    assert (bad.value.code, bad.value.param) == ("tax_id_invalid", "value")
    assert "Invalid value for gb_vat." in str(bad.value)
    with pytest.raises(stripe.InvalidRequestError) as missing:
        client.v1.tax_ids.create(params={"type": "gb_vat"})  # type: ignore[typeddict-item]
    assert missing.value.code == "parameter_missing" and missing.value.param == "value"
    with pytest.raises(stripe.InvalidRequestError) as no_such:
        client.v1.tax_ids.retrieve("txi_missing")
    assert no_such.value.http_status == 404
    assert client.v1.tax_ids.list().data == []


def test_invoice_defaults_name_existing_tax_ids_and_lose_deleted_ones(
        client: stripe.StripeClient) -> None:
    vat = client.v1.tax_ids.create(params={"type": "gb_vat", "value": "GB123456789"})
    account = client.v1.accounts.retrieve_current()
    updated = client.v1.accounts.update(account.id, params={
        "settings": {"invoices": {"default_account_tax_ids": [vat.id]}}})
    assert updated.settings is not None and updated.settings.invoices is not None
    assert updated.settings.invoices.default_account_tax_ids == [vat.id]
    with pytest.raises(stripe.InvalidRequestError) as unknown:
        client.v1.accounts.update(account.id, params={
            "settings": {"invoices": {"default_account_tax_ids": ["txi_nope"]}}})
    assert unknown.value.param == "settings[invoices][default_account_tax_ids][0]"
    client.v1.tax_ids.delete(vat.id)
    invoices = client.v1.accounts.retrieve_current().settings.invoices  # type: ignore[union-attr]
    assert invoices is not None and invoices.default_account_tax_ids is None


def test_demo_cafe_has_a_uk_vat_number(demo: Sandbox) -> None:
    client = stripe.StripeClient("sk_test_demo", base_addresses={"api": demo.url},
                                 max_network_retries=0)
    [vat] = client.v1.tax_ids.list().data
    assert (vat.type, vat.value, vat.country) == ("gb_vat", "GB123456789", "GB")
