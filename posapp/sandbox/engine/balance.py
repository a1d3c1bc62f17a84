"""The account's balance: a balance transaction for every movement of money, with fees.

Fees follow Stripe's published standard pricing for card payments in the US, 2.9% + 30¢
per successful charge (in the charge's currency, whatever it is: the sandbox converts
nothing); refunds return no fee; a dispute costs a $15.00 fee, given back when it is won.
Funds become available two days after the movement, at midnight UTC (Stripe's standard
US payout schedule); `/v1/balance` sums what is available and what is still pending.
"""

from __future__ import annotations

from ..state import Obj, State

CARD_FEE_PERCENT = 2.9
CARD_FEE_FIXED = 30
DISPUTE_FEE = 1500
AVAILABLE_AFTER_DAYS = 2
DAY = 86_400


def card_fee(amount: int) -> int:
    """Stripe's standard card fee on `amount` (minor units), rounded half up."""
    return (amount * int(CARD_FEE_PERCENT * 10) + 500) // 1000 + CARD_FEE_FIXED


def record(state: State, *, amount: int, currency: str, kind: str, category: str,
           source: str, fee: int = 0, description: str | None = None,
           available_now: bool = False) -> Obj:
    """Store one balance transaction (`net` = `amount` - `fee`); `available_now` for money
    that is never pending (payouts, transfers, application fees)."""
    now = state.now()
    txn: Obj = {
        "id": state.new_id("txn_"),
        "object": "balance_transaction",
        "amount": amount,
        "available_on": now if available_now else (now // DAY + AVAILABLE_AFTER_DAYS) * DAY,
        "balance_type": "payments",
        "created": now,
        "currency": currency,
        "description": description,
        "exchange_rate": None,
        "fee": fee,
        "fee_details": ([{"amount": fee, "application": None, "currency": currency,
                          "description": "Stripe processing fees" if kind == "charge"
                          else "Dispute fee", "type": "stripe_fee"}] if fee else []),
        "net": amount - fee,
        "reporting_category": category,
        "source": source,
        "status": "available" if available_now else "pending",
        "type": kind,
    }
    return state.insert(txn)


def current(state: State, txn: Obj) -> Obj:
    """`txn` with its status brought up to date (`available` once `available_on` passed)."""
    if txn["status"] == "pending" and state.now() >= txn["available_on"]:
        txn["status"] = "available"
    return txn


def settle_charge(state: State, charge: Obj, amount: int) -> Obj:
    """The captured charge's balance transaction, attached as Stripe attaches it: a moment
    after the charge succeeded, with `charge.updated`."""
    txn = record(state, amount=amount, currency=charge["currency"], kind="charge",
                 category="charge", source=charge["id"], fee=card_fee(amount),
                 description=charge["description"])
    state.update(charge, {"balance_transaction": txn["id"]}, "charge.updated")
    return txn


def refund_moved(state: State, refund: Obj) -> Obj:
    """The balance transaction of a refund (money out, no fee returned)."""
    return record(state, amount=-int(refund["amount"]), currency=refund["currency"],
                  kind="refund", category="refund", source=refund["id"],
                  description="REFUND FOR CHARGE")


def refund_failed(state: State, refund: Obj) -> Obj:
    """The balance transaction giving a failed refund's money back."""
    return record(state, amount=int(refund["amount"]), currency=refund["currency"],
                  kind="refund_failure", category="refund_failure", source=refund["id"],
                  description="REFUND FAILURE")


def dispute_moved(state: State, dispute: Obj, won: bool = False) -> Obj:
    """A dispute's withdrawal (with the dispute fee) or, when won, its reinstatement."""
    sign = 1 if won else -1
    return record(state, amount=sign * int(dispute["amount"]), currency=dispute["currency"],
                  kind="adjustment", category="dispute_reversal" if won else "dispute",
                  source=dispute["id"], fee=-sign * DISPUTE_FEE,
                  description=("Chargeback reversal for " if won else "Chargeback withdrawal "
                               "for ") + dispute["charge"])


def balance(state: State) -> Obj:
    """`/v1/balance`: available and pending sums per currency."""
    sums: dict[str, dict[str, int]] = {}
    for txn in state.iter_type("balance_transaction"):
        current(state, txn)
        per = sums.setdefault(txn["currency"], {"available": 0, "pending": 0})
        per["available" if txn["status"] == "available" else "pending"] += txn["net"]
    currencies = sorted(sums) or [state.account["default_currency"]]

    def part(name: str) -> list[Obj]:
        return [{"amount": sums.get(c, {}).get(name, 0), "currency": c,
                 "source_types": {"card": sums.get(c, {}).get(name, 0)}} for c in currencies]

    return {"object": "balance", "available": part("available"),
            "connect_reserved": [{"amount": 0, "currency": c} for c in currencies],
            "livemode": False, "pending": part("pending")}
