"""The back office and platforms against a live sandbox: balances, payouts that add up,
fees and nets equal to Stripe's balance transactions, manual payouts paid once, connected
accounts with caches of their own, destination and direct charges and their refunds."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from sdk_support import SANDBOX_ACCOUNT, advance_time, lose_answers
from services_support import assert_audited, customer_with_card

from posapp.gateway import GatewayError, payment_intents, payouts
from posapp.sandbox import Sandbox
from posapp.services import balance, connect, payments
from posapp.services.errors import ServiceError
from posapp.services.refunds import refund_payment
from posapp.services.session import Session
from posapp.store.journal import JournalState
from posapp.sync.poller import Poller

DAY = 86_400


def charge(session: Session, amount: int, key: str | None = None,
           platform: connect.PlatformCharge | None = None) -> str:
    customer_id, card_id = customer_with_card(session)
    outcome = payments.charge_saved_card(session, customer_id, card_id, amount, "usd", "Order",
                                         idempotency_key=key, platform=platform)
    assert outcome.state == "succeeded" and outcome.payment_intent_id is not None
    return outcome.payment_intent_id


def charge_of(session: Session, intent_id: str) -> dict[str, Any]:
    intent = session.cache.get("payment_intents", intent_id)
    assert intent is not None
    found = session.cache.get("charges", intent["latest_charge"])
    assert found is not None
    return found


def sync(session: Session) -> None:
    Poller(session.gateway, session.cache).poll_once()


def manual_schedule(session: Session) -> None:
    session.gateway.client.v1.accounts.update(SANDBOX_ACCOUNT, params={
        "settings": {"payouts": {"schedule": {"interval": "manual"}}}})


def onboarded(session: Session, name: str) -> str:
    account = connect.create_connected_account(session, name, f"{name.lower()}@example.com")
    url = connect.onboarding_link(session, account["id"], refresh_url="https://app.example/r",
                                  return_url="https://app.example/d")
    assert requests.post(url, timeout=10).status_code == 200
    return str(account["id"])


def test_a_payout_adds_up_to_the_transactions_it_settled_online_and_offline(
        session: Session, sandbox: Sandbox) -> None:
    first = charge(session, 2000)
    charge(session, 3550)
    refund_payment(session, first, 500)
    advance_time(sandbox, 3 * DAY)
    assert balance.refresh_payouts(session) == 1
    [payout] = session.cache.page("payouts").rows
    assert payout["status"] == "paid" and payout["automatic"]

    online = balance.payout_reconciliation(session, payout["id"])
    offline = balance.payout_reconciliation(session, payout["id"], online=False)

    for found in (online, offline):
        assert found.adds_up and found.settled_net == payout["amount"]
        assert sorted(t["type"] for t in found.transactions) == \
            ["charge", "charge", "payout", "refund"]
    with pytest.raises(ServiceError) as unknown:
        balance.payout_reconciliation(session, "po_unknown", online=False)
    assert unknown.value.code == "payout_not_cached"


def test_fee_and_net_shown_equal_the_balance_transactions(session: Session) -> None:
    intent_id = charge(session, 2000)
    refund = refund_payment(session, intent_id, 500)
    sync(session)
    paid = balance.fee_and_net(session, charge_of(session, intent_id))
    assert paid is not None
    txn = session.gateway.client.v1.balance_transactions.retrieve(
        charge_of(session, intent_id)["balance_transaction"])
    assert (paid.amount, paid.fee, paid.net) == (txn.amount, txn.fee, txn.net) == \
        (2000, 88, 1912)
    refunded = balance.fee_and_net(session, session.cache.get("refunds", refund["id"]),
                                   online=True)
    assert refunded is not None and (refunded.amount, refunded.fee, refunded.net) == \
        (-500, 0, -500)
    assert balance.fee_and_net(session, {"balance_transaction": None}) is None
    [volume] = session.cache.net_volume(since=0)
    assert (volume.currency, volume.amount) == ("usd", 1912 - 500)


def test_balance_is_kept_for_offline_reading(session: Session) -> None:
    assert balance.balance_summary(session) == []
    charge(session, 1000)
    lines = balance.refresh_balance(session)
    assert lines == [balance.BalanceLine("usd", 0, 1000 - 59)]
    assert balance.balance_summary(session) == lines


def test_manual_payout_over_the_available_balance_is_refused_before_sending(
        session: Session, sandbox: Sandbox) -> None:
    manual_schedule(session)
    charge(session, 10_000)
    advance_time(sandbox, 3 * DAY)
    [line] = balance.refresh_balance(session)
    assert line.available == 10_000 - 320
    sent = session.gateway.request_count
    with pytest.raises(ServiceError) as refused:
        balance.create_manual_payout(session, line.available + 1, "usd")
    assert refused.value.code == "payout_over_available"
    assert session.gateway.request_count == sent


def test_a_confirmed_manual_payout_pays_out_once_however_often_it_is_sent(
        session: Session, sandbox: Sandbox) -> None:
    manual_schedule(session)
    charge(session, 10_000)
    advance_time(sandbox, 3 * DAY)
    balance.refresh_balance(session)
    gw = session.gateway
    lose_answers(gw, "/v1/payouts", once=True)
    with pytest.raises(GatewayError) as lost:
        balance.create_manual_payout(session, 5000, "usd", idempotency_key="payout-1")
    assert lost.value.idempotency_key == "payout-1"
    first = balance.create_manual_payout(session, 5000, "usd", idempotency_key="payout-1")
    again = balance.create_manual_payout(session, 5000, "usd", idempotency_key="payout-1")
    assert first["id"] == again["id"]
    listed, _ = payouts.list_payouts(gw)
    assert [p["id"] for p in listed] == [first["id"]]
    assert session.journal.entries(JournalState.UNKNOWN) == []
    assert_audited(session, "payout.create")
    assert balance.balance_summary(session)[0].available == 10_000 - 320 - 5000


def test_connected_accounts_are_listed_onboarded_and_logged_into(session: Session) -> None:
    tea = onboarded(session, "Tea")
    bakery = connect.create_connected_account(session, "Bakery", dashboard="full")
    listed = connect.list_connected_accounts(session)
    assert [a["id"] for a in listed] == [bakery["id"], tea]
    row = session.cache.get("accounts", tea)
    assert row is not None and row["charges_enabled"] and row["requirements"][
        "currently_due"] == []
    assert session.cache.get("accounts", bakery["id"])["requirements"]["currently_due"]
    assert tea in connect.login_link(session, tea)
    with pytest.raises(ServiceError) as empty:
        connect.create_connected_account(session, "  ")
    assert empty.value.code == "account_name_empty"


def test_a_connected_accounts_objects_stay_in_its_own_cache(session: Session) -> None:
    tea, bakery = onboarded(session, "Tea"), onboarded(session, "Bakery")
    charge(session, 1000)
    as_tea = connect.act_as(session, tea)
    as_bakery = connect.act_as(session, bakery)
    try:
        assert as_tea.acting_as == tea and as_tea.platform == session.profile
        assert as_tea.cache.path != session.cache.path != as_bakery.cache.path
        tea_sale = charge(as_tea, 2500)
        for each in (session, as_tea, as_bakery):
            sync(each)
        assert as_tea.cache.get("payment_intents", tea_sale) is not None
        assert session.cache.get("payment_intents", tea_sale) is None
        assert as_bakery.cache.get("payment_intents", tea_sale) is None
        assert as_bakery.cache.count("payment_intents") == 0
        assert session.cache.count("payment_intents") == 1
        tea_customers = {r["id"] for r in as_tea.cache.page("customers").rows}
        assert tea_customers and not tea_customers & {
            r["id"] for r in session.cache.page("customers").rows}
        assert as_tea.cache.events_cursor != session.cache.events_cursor
        with pytest.raises(ServiceError):
            connect.act_as(as_tea, bakery)
    finally:
        as_tea.close()
        as_bakery.close()


def test_destination_charge_makes_fee_and_transfer_and_its_refund_reverses_them(
        session: Session) -> None:
    tea = onboarded(session, "Tea")
    split = connect.PlatformCharge(application_fee=500, destination=tea)
    customer_id, card_id = customer_with_card(session)
    first, again = (payments.charge_saved_card(
        session, customer_id, card_id, 10_000, "usd", "Order", idempotency_key="sale-9/1",
        platform=split) for _ in range(2))
    assert first.state == again.state == "succeeded"
    assert first.payment_intent_id == again.payment_intent_id is not None
    intent_id = first.payment_intent_id
    sync(session)
    paid = charge_of(session, intent_id)
    fee = session.cache.get("application_fees", paid["application_fee"])
    transfer = session.cache.get("transfers", paid["transfer"])
    assert fee is not None and (fee["amount"], fee["account"]) == (500, tea)
    assert transfer is not None and (transfer["amount"], transfer["destination"]) == \
        (10_000, tea)
    with pytest.raises(ServiceError) as too_much:
        charge(session, 100, platform=connect.PlatformCharge(101, tea))
    assert too_much.value.code == "application_fee_too_large"

    refund = refund_payment(session, intent_id, 4000, reverse_transfer=True,
                            refund_application_fee=True)

    assert refund["transfer_reversal"].startswith("trr_")
    sync(session)
    assert session.cache.get("transfers", transfer["id"])["amount_reversed"] == 4000
    assert session.cache.get("application_fees", fee["id"])["amount_refunded"] == 200
    assert connect.refresh_platform_lists(session) == (1, 1)


def test_direct_charge_while_acting_as_an_account_pays_the_platform_its_fee(
        session: Session) -> None:
    tea = onboarded(session, "Tea")
    as_tea = connect.act_as(session, tea)
    try:
        intent_id = charge(as_tea, 2000, platform=connect.PlatformCharge(150))
        sync(as_tea)
        shown = balance.fee_and_net(as_tea, charge_of(as_tea, intent_id), online=True)
        assert shown is not None and (shown.fee, shown.net) == (88 + 150, 2000 - 238)
        sync(session)
        [fee] = session.cache.page("application_fees").rows
        assert (fee["account"], fee["amount"]) == (tea, 150)
        assert as_tea.cache.count("application_fees") == 0
    finally:
        as_tea.close()


def test_a_destination_charge_left_unknown_is_settled_with_its_own_key(
        session: Session) -> None:
    tea = onboarded(session, "Tea")
    customer_id, card_id = customer_with_card(session)
    split = connect.PlatformCharge(application_fee=300, destination=tea)
    lose_answers(session.gateway, "/v1/payment_intents", method=None, once=True)
    unknown = payments.charge_saved_card(session, customer_id, card_id, 3000, "usd", "Order",
                                         idempotency_key="sale-7/1", platform=split)
    assert unknown.state == "unknown"
    settled = payments.charge_saved_card(session, customer_id, card_id, 3000, "usd", "Order",
                                         idempotency_key="sale-7/1", platform=split)
    assert settled.state == "succeeded"
    intents, _ = payment_intents.list_payment_intents(session.gateway,
                                                      {"customer": customer_id})
    assert [i["id"] for i in intents] == [settled.payment_intent_id]
    transfers = session.gateway.client.v1.transfers.list().data
    assert [(t.amount, t.destination) for t in transfers] == [(3000, tea)]
