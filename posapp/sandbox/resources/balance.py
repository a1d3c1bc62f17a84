"""Balance: `GET /v1/balance` and the balance transactions behind it (engine/balance.py)."""

from __future__ import annotations

from ..engine.balance import balance, current
from ..router import Request, api
from ..state import Obj


@api("GET", "/v1/balance")
def retrieve_balance(req: Request) -> Obj:
    return balance(req.state)


@api("GET", "/v1/balance_transactions/{id}")
def retrieve_balance_transaction(req: Request) -> Obj:
    return current(req.state, req.state.get(req.path_args["id"], "balance_transaction"))


@api("GET", "/v1/balance_transactions", ("type", "source", "currency", "payout", "created",
                                         "limit", "starting_after", "ending_before"))
def list_balance_transactions(req: Request) -> Obj:
    p = req.params
    kind, source = p.string("type"), p.string("source")
    currency = (p.string("currency") or "").lower() or None
    payout = p.string("payout")
    if payout:
        req.state.get(payout, "payout", param="payout")

    def keep(txn: Obj) -> bool:
        current(req.state, txn)
        return ((kind is None or txn["type"] == kind)
                and (source is None or txn["source"] == source)
                and (currency is None or txn["currency"] == currency)
                and (payout is None or req.state.settled_by.get(txn["id"]) == payout))
    return req.state.list_response("balance_transaction", p, "/v1/balance_transactions", keep)
