"""Payouts and Stripe Connect in the sandbox, through the official SDK: the daily schedule
and manual payouts, connected accounts and onboarding, the `Stripe-Account` header's scope,
destination and direct charges with application fees, transfers, reversals, fee refunds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
import stripe
from sdk_support import SANDBOX_ACCOUNT, TEST_KEY, advance_time

from posapp.sandbox import Sandbox, running

DAY = 86_400


@pytest.fixture()
def sandbox() -> Iterator[Sandbox]:
    with running() as server:
        yield server


@pytest.fixture()
def client(sandbox: Sandbox) -> stripe.StripeClient:
    return stripe.StripeClient(TEST_KEY, base_addresses={"api": sandbox.url})


def pay(client: stripe.StripeClient, amount: int, account: str | None = None,
        **extra: object) -> stripe.PaymentIntent:
    params = {"amount": amount, "currency": "usd", "payment_method": "pm_card_visa",
              "confirm": True, **extra}
    options = {"stripe_account": account} if account else {}
    return client.v1.payment_intents.create(params=params,  # type: ignore[arg-type]
                                            options=options)  # type: ignore[arg-type]


def onboarded_account(client: stripe.StripeClient, name: str = "Tea Stall",
                      dashboard: str = "express") -> stripe.Account:
    account = client.v1.accounts.create(params={
        "controller": {"stripe_dashboard": {"type": dashboard}, "fees": {"payer": "application"},
                       "losses": {"payments": "application"},
                       "requirement_collection": "stripe"},
        "business_profile": {"name": name}, "email": "owner@tea.example",
        "capabilities": {"card_payments": {"requested": True},
                         "transfers": {"requested": True}}})
    link = client.v1.account_links.create(params={
        "account": account.id, "type": "account_onboarding",
        "refresh_url": "https://app.example/refresh", "return_url": "https://app.example/done"})
    assert requests.post(link.url, timeout=10).status_code == 200
    return client.v1.accounts.retrieve(account.id)


def test_daily_payout_settles_exactly_the_balance_transactions_it_adds_up_to(
        sandbox: Sandbox, client: stripe.StripeClient) -> None:
    first = pay(client, 2000)
    pay(client, 3550)
    client.v1.refunds.create(params={"payment_intent": first.id, "amount": 500})
    advance_time(sandbox, 3 * DAY)
    payouts = list(client.v1.payouts.list().auto_paging_iter())
    assert len(payouts) == 1
    payout = payouts[0]
    assert payout.automatic and payout.status == "paid" and payout.currency == "usd"
    settled = list(client.v1.balance_transactions.list(
        params={"payout": payout.id, "limit": 100}).auto_paging_iter())
    kinds = sorted(t.type for t in settled)
    assert kinds == ["charge", "charge", "payout", "refund"]
    assert sum(t.net for t in settled if t.type != "payout") == payout.amount
    fees = 2000 * 29 // 1000 + 30 + (3550 * 29 + 500) // 1000 + 30
    assert payout.amount == 2000 + 3550 - 500 - fees
    balance = client.v1.balance.retrieve()
    assert [b.amount for b in balance.available] == [0]
    events = [e.type for e in client.v1.events.list(params={"type": "payout.*"})]
    assert events == ["payout.paid", "payout.updated", "payout.created"]


def test_manual_payouts_need_the_manual_schedule_and_funds_and_can_fail(
        sandbox: Sandbox, client: stripe.StripeClient) -> None:
    pay(client, 10_000)
    with pytest.raises(stripe.InvalidRequestError, match="automatic payouts enabled"):
        client.v1.payouts.create(params={"amount": 100, "currency": "usd"})
    client.v1.accounts.update(SANDBOX_ACCOUNT, params={
        "settings": {"payouts": {"schedule": {"interval": "manual"}}}})
    with pytest.raises(stripe.InvalidRequestError, match="insufficient funds"):
        client.v1.payouts.create(params={"amount": 100, "currency": "usd"})
    advance_time(sandbox, 3 * DAY)
    assert client.v1.payouts.list().data == []  # no automatic payout on a manual schedule
    net = client.v1.balance.retrieve().available[0].amount
    assert net == 10_000 - 320
    with pytest.raises(stripe.InvalidRequestError, match="insufficient funds"):
        client.v1.payouts.create(params={"amount": net + 1, "currency": "usd"})
    payout = client.v1.payouts.create(params={
        "amount": net, "currency": "usd", "destination": "ba_1PosAppSandboxFails116"})
    assert payout.status == "in_transit" and not payout.automatic
    assert client.v1.balance.retrieve().available[0].amount == 0
    advance_time(sandbox, DAY)
    failed = client.v1.payouts.retrieve(payout.id)
    assert failed.status == "failed" and failed.failure_code == "no_account"
    back = client.v1.balance_transactions.retrieve(failed.failure_balance_transaction)
    assert (back.type, back.amount) == ("payout_failure", net)
    assert client.v1.balance.retrieve().available[0].amount == net


def test_a_connected_account_is_onboarded_through_its_link(client: stripe.StripeClient) -> None:
    created = client.v1.accounts.create(params={"type": "standard",
                                                "business_profile": {"name": "Bakery"},
                                                "capabilities": {"transfers": {"requested": True}}})
    assert created.type == "standard" and created.controller.type == "application"
    assert not created.charges_enabled and "external_account" in \
        created.requirements.currently_due
    with pytest.raises(stripe.InvalidRequestError, match="Express Dashboard"):
        client.v1.accounts.login_links.create(created.id)
    link = client.v1.account_links.create(params={
        "account": created.id, "type": "account_onboarding",
        "refresh_url": "https://app.example/r", "return_url": "https://app.example/d"})
    assert link.expires_at > link.created
    assert requests.post(link.url, timeout=10).status_code == 200
    done = client.v1.accounts.retrieve(created.id)
    assert done.charges_enabled and done.payouts_enabled and done.details_submitted
    assert done.requirements.currently_due == [] and done.capabilities.transfers == "active"
    assert [a.id for a in client.v1.accounts.list()] == [created.id]
    express = onboarded_account(client)
    login = client.v1.accounts.login_links.create(express.id)
    assert express.id in login.url


def test_the_stripe_account_header_scopes_objects_and_events(
        client: stripe.StripeClient) -> None:
    tea, bakery = onboarded_account(client, "Tea"), onboarded_account(client, "Bakery")
    mine = pay(client, 1000)
    teas = pay(client, 2000, tea.id)
    as_tea = {"stripe_account": tea.id}
    assert [p.id for p in client.v1.payment_intents.list()] == [mine.id]
    assert [p.id for p in client.v1.payment_intents.list(options=as_tea)] == [teas.id]
    assert client.v1.payment_intents.list(options={"stripe_account": bakery.id}).data == []
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.payment_intents.retrieve(teas.id)
    tea_events = list(client.v1.events.list(options=as_tea))
    assert tea_events and all(e.account == tea.id for e in tea_events)
    assert teas.id not in {e.data.object.to_dict().get("id") for e in client.v1.events.list()}
    with pytest.raises(stripe.PermissionError, match="does not have access"):
        client.v1.payment_intents.list(options={"stripe_account": "acct_1NotMine0000000"})


def test_destination_charge_fee_transfer_and_refund_reversing_both(
        client: stripe.StripeClient) -> None:
    tea = onboarded_account(client)
    pi = pay(client, 10_000, application_fee_amount=500,
             transfer_data={"destination": tea.id}, on_behalf_of=tea.id)
    charge = client.v1.charges.retrieve(pi.latest_charge)
    assert charge.application_fee_amount == 500 and charge.on_behalf_of == tea.id
    transfer = client.v1.transfers.retrieve(charge.transfer)
    assert (transfer.amount, transfer.destination, transfer.source_transaction) == \
        (10_000, tea.id, charge.id)
    fee = client.v1.application_fees.retrieve(charge.application_fee)
    assert (fee.amount, fee.account, fee.originating_transaction) == (500, tea.id, charge.id)
    platform = {t.type: t.net for t in client.v1.balance_transactions.list()}
    assert platform == {"charge": 10_000 - 320, "transfer": -10_000, "application_fee": 500}
    payment = client.v1.balance_transactions.list(options={"stripe_account": tea.id}).data[0]
    assert (payment.type, payment.amount, payment.fee, payment.net) == \
        ("payment", 10_000, 500, 9_500)
    refund = client.v1.refunds.create(params={"payment_intent": pi.id, "amount": 4000,
                                              "reverse_transfer": True,
                                              "refund_application_fee": True})
    reversal = client.v1.transfers.reversals.list(transfer.id).data[0]
    assert refund.transfer_reversal == reversal.id and reversal.amount == 4000
    assert client.v1.transfers.retrieve(transfer.id).amount_reversed == 4000
    assert client.v1.application_fees.retrieve(fee.id).amount_refunded == 200
    types = {e.type for e in client.v1.events.list(params={"limit": 50})}
    assert {"transfer.created", "transfer.reversed", "application_fee.created",
            "application_fee.refunded"} <= types
    client.v1.refunds.create(params={"payment_intent": pi.id, "reverse_transfer": True})
    assert client.v1.transfers.retrieve(transfer.id).reversed


def test_direct_charge_pays_the_platform_its_fee_and_refunds_it_on_request(
        client: stripe.StripeClient) -> None:
    tea = onboarded_account(client)
    as_tea = {"stripe_account": tea.id}
    pi = pay(client, 2000, tea.id, application_fee_amount=150)
    charge = client.v1.charges.retrieve(pi.latest_charge, options=as_tea)
    txn = client.v1.balance_transactions.retrieve(charge.balance_transaction, options=as_tea)
    assert txn.fee == 88 + 150 and txn.net == 2000 - 238
    assert sorted(d.type for d in txn.fee_details) == ["application_fee", "stripe_fee"]
    fee = client.v1.application_fees.retrieve(charge.application_fee)
    assert (fee.account, fee.charge, fee.amount) == (tea.id, charge.id, 150)
    client.v1.refunds.create(params={"charge": charge.id, "refund_application_fee": True},
                             options=as_tea)
    assert client.v1.application_fees.retrieve(fee.id).refunded


def test_connect_parameters_are_refused_where_stripe_refuses_them(
        client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError, match="application_fee_amount"):
        pay(client, 1000, application_fee_amount=100)
    pending = client.v1.accounts.create(params={"type": "express"})
    with pytest.raises(stripe.InvalidRequestError, match="capabilities"):
        pay(client, 1000, transfer_data={"destination": pending.id})
    plain = pay(client, 1000)
    with pytest.raises(stripe.InvalidRequestError, match="no transfer"):
        client.v1.refunds.create(params={"payment_intent": plain.id, "reverse_transfer": True})
    assert client.v1.refunds.list().data == []
