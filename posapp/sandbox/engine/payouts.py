"""Payouts: the automatic daily schedule, manual payouts, and their arrival or failure.

Time drives them, as it drives Stripe's: `tick(state)` runs before every request. At each
midnight UTC that passed since the last tick, an account on the `daily` schedule pays out
its available balance per currency (`automatic: true`); the balance transactions that
payout settles are those available by that midnight and not yet settled, so listing
`/v1/balance_transactions?payout=po_…` gives exactly what adds up to it. A payout arrives
the next midnight (`in_transit` → `paid`, `payout.paid`), or fails when it was sent to the
failing test bank account (`payout.failed`, its money back with a `payout_failure`
balance transaction). Manual payouts are allowed only on the `manual` schedule, and only
up to the available balance.
"""

from __future__ import annotations

from ..errors import invalid
from ..state import BANK_ACCOUNT, FAILING_BANK_ACCOUNT, Obj, State
from .balance import DAY, record
from .clock import clock_time


def schedule(state: State) -> str:
    """The account's payout interval (`daily` or `manual` in the sandbox)."""
    return str(state.account["settings"]["payouts"]["schedule"]["interval"])


def available(state: State, currency: str, by: int | None = None) -> tuple[int, list[Obj]]:
    """The available amount in `currency` not yet paid out (by time `by`), and the balance
    transactions making it up."""
    at = state.now() if by is None else by
    txns = [t for t in state.iter_type("balance_transaction", newest_first=False)
            if t["currency"] == currency and t["id"] not in state.settled_by
            and int(t["available_on"]) <= at]
    return sum(int(t["net"]) for t in txns), txns


def tick(state: State) -> None:
    """Bring payouts up to `state.now()`: automatic payouts for every midnight passed, then
    arrivals and failures of payouts in transit."""
    today = state.now() // DAY
    if state.payout_day is None:
        state.payout_day = today
    while state.payout_day < today:
        state.payout_day += 1
        if schedule(state) == "daily":
            midnight = state.payout_day * DAY
            with clock_time(state, midnight, test_clock=False):
                for currency in _currencies(state):
                    amount, txns = available(state, currency, midnight)
                    if amount > 0:
                        payout = create_payout(state, amount=amount, currency=currency,
                                               automatic=True)
                        for txn in txns:
                            state.settled_by[txn["id"]] = payout["id"]
    for payout_id in list(state.in_transit):
        payout = state.get(payout_id, "payout")
        if int(payout["arrival_date"]) <= state.now():
            with clock_time(state, int(payout["arrival_date"]), test_clock=False):
                _arrive(state, payout)


def _currencies(state: State) -> list[str]:
    return sorted({t["currency"] for t in state.iter_type("balance_transaction")})


def create_payout(state: State, *, amount: int, currency: str, automatic: bool = False,
                  destination: str | None = None, description: str | None = None,
                  metadata: dict[str, str] | None = None,
                  statement_descriptor: str | None = None) -> Obj:
    """A payout of `amount` from the available balance, on its way to the bank."""
    if not automatic:
        if schedule(state) != "manual":
            raise invalid("You cannot create manual payouts on an account with automatic "
                          "payouts enabled. Set the payout schedule to manual first.",
                          code="payouts_not_allowed")
        have, _ = available(state, currency)
        if amount > have:
            raise invalid("You have insufficient funds in your Stripe account for this "
                          "transfer. Your card balance is too low.",
                          code="balance_insufficient", param="amount")
        if amount < 1:
            raise invalid("This value must be greater than or equal to 1.", param="amount")
    if destination not in (None, BANK_ACCOUNT, FAILING_BANK_ACCOUNT):
        raise invalid(f"No such external account: '{destination}'", param="destination",
                      code="resource_missing")
    now = state.now()
    payout_id = state.new_id("po_")
    txn = record(state, amount=-amount, currency=currency, kind="payout", category="payout",
                 source=payout_id, description=description or "STRIPE PAYOUT",
                 available_now=True)
    state.settled_by[txn["id"]] = payout_id
    payout: Obj = {
        "id": payout_id,
        "object": "payout",
        "amount": amount,
        "application_fee": None,
        "application_fee_amount": None,
        "arrival_date": (now // DAY + 1) * DAY,
        "automatic": automatic,
        "balance_transaction": txn["id"],
        "created": now,
        "currency": currency,
        "description": description or "STRIPE PAYOUT",
        "destination": destination or BANK_ACCOUNT,
        "failure_balance_transaction": None,
        "failure_code": None,
        "failure_message": None,
        "livemode": False,
        "metadata": dict(metadata or {}),
        "method": "standard",
        "original_payout": None,
        "payout_method": None,
        "reconciliation_status": "completed" if automatic else "not_applicable",
        "reversed_by": None,
        "source_type": "card",
        "statement_descriptor": statement_descriptor,
        "status": "in_transit",
        "trace_id": {"status": "pending", "value": None},
        "type": "bank_account",
    }
    state.insert(payout)
    state.in_transit.append(payout_id)
    state.emit("payout.created", payout)
    return payout


def _arrive(state: State, payout: Obj) -> None:
    state.in_transit.remove(payout["id"])
    if payout["destination"] == FAILING_BANK_ACCOUNT:
        back = record(state, amount=int(payout["amount"]), currency=payout["currency"],
                      kind="payout_failure", category="payout_reversal", source=payout["id"],
                      description="Payout failure", available_now=True)
        state.update(payout, {"status": "failed", "failure_code": "no_account",
                              "failure_message": "The bank account details on file are "
                              "probably incorrect. No bank account could be located with "
                              "those details.", "failure_balance_transaction": back["id"]},
                     "payout.updated")
        state.emit("payout.failed", payout)
        return
    state.update(payout, {"status": "paid", "trace_id": {
        "status": "supported", "value": "SANDBOX" + payout["id"][3:15].upper()}},
        "payout.updated")
    state.emit("payout.paid", payout)

