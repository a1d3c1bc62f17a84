"""Stripe Connect: connected accounts, transfers and reversals, application fees and their
refunds, destination and direct charges.

Each connected account is a `State` of its own, held by the platform's state in
`connected` and chosen by the `Stripe-Account` header, so its objects, lists and events
are scoped to it (its events carry `account`). The platform's state also lists the
connected accounts (`/v1/accounts`) and holds the transfers and application fees.

Money, as Stripe moves it: a destination charge (`transfer_data[destination]`) is the
platform's charge; the full amount is transferred to the destination (a `py_` payment
there) and the `application_fee_amount` comes back to the platform as an application fee
(the fee shows on the payment's balance transaction). A direct charge is made on the
connected account (the header), with the application fee added to its fees. A refund may
reverse the transfer (`reverse_transfer`) and refund the application fee
(`refund_application_fee`) in proportion to the amount refunded.
"""

from __future__ import annotations

from ..errors import ApiError, invalid
from ..state import Obj, State, copy_json
from .balance import record, settle_charge

ONBOARDING_DUE = ["business_profile.mcc", "business_profile.url", "external_account",
                  "representative.first_name", "representative.last_name",
                  "tos_acceptance.date", "tos_acceptance.ip"]
LINK_SECONDS = 300
CAPABILITIES = ("card_payments", "transfers")
# Legacy `type` -> the controller properties Stripe gives such an account.
CONTROLLERS: dict[str, Obj] = {
    "standard": {"fees": {"payer": "account"}, "losses": {"payments": "stripe"},
                 "requirement_collection": "stripe", "stripe_dashboard": {"type": "full"}},
    "express": {"fees": {"payer": "application_express"},
                "losses": {"payments": "application"}, "requirement_collection": "stripe",
                "stripe_dashboard": {"type": "express"}},
    "custom": {"fees": {"payer": "application_custom"},
               "losses": {"payments": "application"}, "requirement_collection": "application",
               "stripe_dashboard": {"type": "none"}},
}


def account_type(controller: Obj) -> str:
    """The `type` Stripe reports for an account with these controller properties."""
    for kind, props in CONTROLLERS.items():
        if all(controller.get(k) == v for k, v in props.items()):
            return kind
    return "none"


def connected_state(platform: State, account_id: str) -> State:
    """The state of a connected account (or the platform itself for its own id), or
    Stripe's 403 for an account the platform does not control."""
    if account_id == platform.account["id"]:
        return platform
    child = platform.connected.get(account_id)
    if child is None:
        raise ApiError(403, "The provided key does not have access to account "
                       f"'{account_id}' (or that account does not exist). Application access "
                       "may have been revoked.", type="invalid_request_error",
                       code="account_invalid", executed=False)
    return child


def create_account(platform: State, *, controller: Obj | None, kind: str | None,
                   country: str, email: str | None, business_type: str | None,
                   name: str | None, metadata: dict[str, str],
                   default_currency: str | None) -> Obj:
    """A connected account, not yet onboarded: requirements due, charges and payouts off,
    its capabilities (the sandbox has card payments and transfers) inactive until then."""
    if platform.platform is not None:
        raise invalid("Connected accounts cannot create accounts of their own.",
                      code="platform_api_key_expired")
    if kind is not None and controller is not None:
        raise invalid("You cannot specify both `type` and `controller`.", param="type")
    props: Obj = copy_json(CONTROLLERS[kind or "standard"]) if controller is None else {
        "fees": {"payer": (controller.get("fees") or {}).get("payer", "account")},
        "losses": {"payments": (controller.get("losses") or {}).get("payments", "stripe")},
        "requirement_collection": controller.get("requirement_collection", "stripe"),
        "stripe_dashboard": {"type": (controller.get("stripe_dashboard") or {})
                             .get("type", "full")},
    }
    props.update(is_controller=True, type="application")
    account_id = "acct_1" + platform.new_id("", 15)
    child = State(seed=int.from_bytes(account_id.encode(), "big"), api_base=platform.api_base)
    child.platform, child.lock = platform, platform.lock
    child.clock_offset = platform.clock_offset
    now = platform.now()
    account: Obj = copy_json(platform.account)
    requirements = {**account["requirements"], "currently_due": list(ONBOARDING_DUE),
                    "eventually_due": list(ONBOARDING_DUE),
                    "disabled_reason": "requirements.past_due"}
    account.update({
        "id": account_id,
        "business_profile": {**account["business_profile"], "mcc": None, "name": name,
                             "product_description": None, "support_email": None},
        "business_type": business_type,
        "capabilities": {c: "inactive" for c in CAPABILITIES},
        "charges_enabled": False,
        "controller": props,
        "country": country,
        "created": now,
        "default_currency": default_currency or "usd",
        "details_submitted": False,
        "email": email,
        "external_accounts": {**account["external_accounts"],
                              "url": f"/v1/accounts/{account_id}/external_accounts"},
        "metadata": dict(metadata),
        "payouts_enabled": False,
        "requirements": requirements,
        "tos_acceptance": {"date": None, "ip": None, "user_agent": None},
        "type": account_type(props),
    })
    account["settings"]["dashboard"]["display_name"] = name
    account["settings"]["payments"]["statement_descriptor"] = None
    child.account = account
    platform.connected[account_id] = child
    platform.insert(account)
    child.emit("account.updated", account)
    return account


def complete_onboarding(platform: State, account: Obj) -> None:
    """The account holder finished onboarding: nothing due, capabilities active."""
    child = connected_state(platform, account["id"])
    requirements = {**account["requirements"], "currently_due": [], "eventually_due": [],
                    "past_due": [], "disabled_reason": None}
    child.update(account, {
        "requirements": requirements, "details_submitted": True, "charges_enabled": True,
        "payouts_enabled": True,
        "capabilities": {c: "active" for c in account["capabilities"]},
        "tos_acceptance": {"date": platform.now(), "ip": "127.0.0.1", "user_agent": None},
        "business_profile": {**account["business_profile"],
                             "mcc": account["business_profile"]["mcc"] or "5734",
                             "url": account["business_profile"]["url"]
                             or "https://sandbox.example"},
    }, "account.updated")


def account_link(platform: State, account: Obj, base_url: str, kind: str) -> Obj:
    """An onboarding (or update) link to the sandbox's hosted onboarding page."""
    now = platform.now()
    return {"object": "account_link", "created": now, "expires_at": now + LINK_SECONDS,
            "url": f"{base_url}/connect/onboarding/{account['id']}?type={kind}"}


def login_link(platform: State, account: Obj, base_url: str) -> Obj:
    """A login link to the Express dashboard; other accounts have none."""
    if account["controller"]["stripe_dashboard"]["type"] != "express":
        raise invalid("Cannot create a login link for an account that does not have access "
                      "to the Express Dashboard.", param="account")
    return {"object": "login_link", "created": platform.now(),
            "url": f"{base_url}/connect/express/{account['id']}"}


# transfers ------------------------------------------------------------------------------


def check_destination(platform: State, destination: str, param: str) -> State:
    """The connected state money can be sent to, with Stripe's errors otherwise."""
    child = platform.connected.get(destination)
    if child is None:
        raise invalid(f"No such destination: '{destination}'", param=param,
                      code="resource_missing")
    if child.account["capabilities"].get("transfers") != "active":
        raise invalid("Your destination account needs to have at least one of the following "
                      "capabilities enabled: transfers, crypto_transfers, legacy_payments",
                      param=param, code="insufficient_capabilities_for_transfer")
    return child


def create_transfer(platform: State, *, amount: int, currency: str, destination: str,
                    source_transaction: str | None = None, transfer_group: str | None = None,
                    description: str | None = None, metadata: dict[str, str] | None = None,
                    fee: int = 0) -> Obj:
    """Send `amount` to a connected account: the platform's `transfer` balance transaction,
    and a `py_` payment (with its `payment` balance transaction, less the application
    `fee` of a destination charge) on the connected account."""
    child = check_destination(platform, destination, "destination")
    transfer_id = platform.new_id("tr_")
    txn = record(platform, amount=-amount, currency=currency, kind="transfer",
                 category="transfer", source=transfer_id, available_now=True)
    payment_id = child.new_id("py_")
    payment_txn = record(child, amount=amount, currency=currency, kind="payment",
                         category="charge", source=payment_id, fee=fee)
    if fee:
        payment_txn["fee_details"] = [{"amount": fee, "application": None,
                                       "currency": currency, "description": "Application fee",
                                       "type": "application_fee"}]
    payment = _payment(child, payment_id, amount, currency, transfer_id, payment_txn["id"])
    transfer: Obj = {
        "id": transfer_id, "object": "transfer", "amount": amount, "amount_reversed": 0,
        "balance_transaction": txn["id"], "created": platform.now(), "currency": currency,
        "description": description, "destination": destination,
        "destination_payment": payment["id"], "livemode": False,
        "metadata": dict(metadata or {}),
        "reversals": {"object": "list", "data": [], "has_more": False, "total_count": 0,
                      "url": f"/v1/transfers/{transfer_id}/reversals"},
        "reversed": False, "source_transaction": source_transaction, "source_type": "card",
        "transfer_group": transfer_group,
    }
    platform.insert(transfer)
    platform.emit("transfer.created", transfer)
    return transfer


def _payment(child: State, payment_id: str, amount: int, currency: str, transfer_id: str,
             txn_id: str) -> Obj:
    """The `py_` charge a transfer makes on the connected account."""
    now = child.now()
    payment: Obj = {
        "id": payment_id, "object": "charge", "amount": amount, "amount_captured": amount,
        "amount_refunded": 0, "application": None, "application_fee": None,
        "application_fee_amount": None, "balance_transaction": txn_id,
        "billing_details": {"address": {"city": None, "country": None, "line1": None,
                                        "line2": None, "postal_code": None, "state": None},
                            "email": None, "name": None, "phone": None, "tax_id": None},
        "calculated_statement_descriptor": None, "captured": True, "created": now,
        "currency": currency, "customer": None, "description": None, "disputed": False,
        "failure_balance_transaction": None, "failure_code": None, "failure_message": None,
        "fraud_details": {}, "livemode": False, "metadata": {}, "on_behalf_of": None,
        "outcome": None, "paid": True, "payment_intent": None, "payment_method": None,
        "payment_method_details": {"stripe_account": {}, "type": "stripe_account"},
        "receipt_email": None, "receipt_number": None, "receipt_url": None, "refunded": False,
        "review": None, "shipping": None, "source": None, "source_transfer": transfer_id,
        "statement_descriptor": None, "statement_descriptor_suffix": None,
        "status": "succeeded", "transfer_data": None, "transfer_group": None,
    }
    return child.insert(payment)


def reverse_transfer(platform: State, transfer: Obj, amount: int | None = None,
                     source_refund: str | None = None,
                     metadata: dict[str, str] | None = None) -> Obj:
    """Take (part of) a transfer back from the connected account."""
    remaining = int(transfer["amount"]) - int(transfer["amount_reversed"])
    value = remaining if amount is None else amount
    if value < 1 or value > remaining:
        raise invalid(f"The reversal amount must be between 1 and the {remaining} not yet "
                      "reversed.", param="amount")
    child = connected_state(platform, transfer["destination"])
    reversal_id = platform.new_id("trr_")
    txn = record(platform, amount=value, currency=transfer["currency"], kind="transfer_refund",
                 category="transfer_reversal", source=reversal_id, available_now=True)
    record(child, amount=-value, currency=transfer["currency"], kind="payment_refund",
           category="refund", source=transfer["destination_payment"], available_now=True)
    reversal: Obj = {
        "id": reversal_id, "object": "transfer_reversal", "amount": value,
        "balance_transaction": txn["id"], "created": platform.now(),
        "currency": transfer["currency"], "destination_payment_refund": None,
        "metadata": dict(metadata or {}), "source_refund": source_refund,
        "transfer": transfer["id"],
    }
    platform.insert(reversal)
    reversed_total = int(transfer["amount_reversed"]) + value
    reversals = transfer["reversals"]
    platform.update(transfer, {
        "amount_reversed": reversed_total, "reversed": reversed_total >= int(transfer["amount"]),
        "reversals": {**reversals, "data": [reversal, *reversals["data"]],
                      "total_count": int(reversals.get("total_count", 0)) + 1}},
        "transfer.updated")
    platform.emit("transfer.reversed", transfer)
    return reversal


# application fees -------------------------------------------------------------------------


def create_application_fee(platform: State, *, account: str, amount: int, currency: str,
                           charge: str, originating: str | None = None) -> Obj:
    """The platform's fee on a charge of `account` (its `application_fee` balance
    transaction on the platform)."""
    fee_id = platform.new_id("fee_")
    txn = record(platform, amount=amount, currency=currency, kind="application_fee",
                 category="platform_earning", source=fee_id)
    fee: Obj = {
        "id": fee_id, "object": "application_fee", "account": account, "amount": amount,
        "amount_refunded": 0, "application": "ca_" + platform.account["id"][5:],
        "balance_transaction": txn["id"], "charge": charge, "created": platform.now(),
        "currency": currency, "fee_source": {"charge": charge, "type": "charge"},
        "livemode": False, "originating_transaction": originating,
        "refunded": False,
        "refunds": {"object": "list", "data": [], "has_more": False, "total_count": 0,
                    "url": f"/v1/application_fees/{fee_id}/refunds"},
    }
    platform.insert(fee)
    platform.emit("application_fee.created", fee)
    return fee


def refund_application_fee(platform: State, fee: Obj, amount: int | None = None,
                           metadata: dict[str, str] | None = None) -> Obj:
    """Give (part of) an application fee back to the connected account."""
    remaining = int(fee["amount"]) - int(fee["amount_refunded"])
    value = remaining if amount is None else amount
    if value < 1 or value > remaining:
        raise invalid(f"Refund amount must be between 1 and the {remaining} not yet "
                      "refunded.", param="amount")
    refund_id = platform.new_id("fr_")
    txn = record(platform, amount=-value, currency=fee["currency"],
                 kind="application_fee_refund", category="platform_earning_refund",
                 source=refund_id, available_now=True)
    record(connected_state(platform, fee["account"]), amount=value, currency=fee["currency"],
           kind="application_fee_refund", category="fee", source=refund_id,
           available_now=True)
    refund: Obj = {"id": refund_id, "object": "fee_refund", "amount": value,
                   "balance_transaction": txn["id"], "created": platform.now(),
                   "currency": fee["currency"], "fee": fee["id"],
                   "metadata": dict(metadata or {})}
    platform.insert(refund)
    refunded = int(fee["amount_refunded"]) + value
    refunds = fee["refunds"]
    platform.update(fee, {
        "amount_refunded": refunded, "refunded": refunded >= int(fee["amount"]),
        "refunds": {**refunds, "data": [refund, *refunds["data"]],
                    "total_count": int(refunds.get("total_count", 0)) + 1}})
    platform.emit("application_fee.refunded", fee)
    return refund


# charges and refunds ------------------------------------------------------------------------


def check_payment_intent(state: State, *, fee: int | None, destination: str | None,
                         on_behalf_of: str | None) -> None:
    """Stripe's checks on a PaymentIntent's Connect parameters before it is created."""
    platform = state.platform or state
    if destination is not None:
        if state.platform is not None:
            raise invalid("A connected account cannot make destination charges.",
                          param="transfer_data[destination]")
        check_destination(platform, destination, "transfer_data[destination]")
    if on_behalf_of is not None and on_behalf_of != destination:
        raise invalid("The `on_behalf_of` account must be the same as "
                      "`transfer_data[destination]`.", param="on_behalf_of")
    if fee is not None:
        if destination is None and state.platform is None:
            raise invalid("Can only apply an application_fee_amount when the PaymentIntent is "
                          "attempting a direct payment (using an OAuth key or Stripe-Account "
                          "header) or destination payment (using `transfer_data[destination]`).",
                          param="application_fee_amount")
        if fee < 0:
            raise invalid("This value must be greater than or equal to 0.",
                          param="application_fee_amount")


def settle(state: State, charge: Obj, amount: int) -> Obj:
    """A captured charge's balance transaction, then what Connect does with it: a
    destination charge's transfer and application fee, a direct charge's application fee."""
    txn = settle_charge(state, charge, amount)
    pi = state.find(charge["payment_intent"], "payment_intent")
    if pi is None:
        return txn
    fee_amount = pi["application_fee_amount"]
    destination = (pi["transfer_data"] or {}).get("destination")
    changes: Obj = {}
    if destination is not None:
        transfer = create_transfer(state, amount=amount, currency=charge["currency"],
                                   destination=destination, source_transaction=charge["id"],
                                   transfer_group=pi["transfer_group"],
                                   fee=int(fee_amount or 0))
        changes.update(transfer=transfer["id"], transfer_data=copy_json(pi["transfer_data"]),
                       on_behalf_of=pi["on_behalf_of"], transfer_group=pi["transfer_group"])
        if fee_amount:
            application_fee = create_application_fee(
                state, account=destination, amount=int(fee_amount), currency=charge["currency"],
                charge=transfer["destination_payment"], originating=charge["id"])
            changes.update(application_fee=application_fee["id"],
                           application_fee_amount=fee_amount)
    elif state.platform is not None and fee_amount:
        application_fee = create_application_fee(
            state.platform, account=state.account["id"], amount=int(fee_amount),
            currency=charge["currency"], charge=charge["id"])
        txn["fee"] = int(txn["fee"]) + int(fee_amount)
        txn["net"] = int(txn["amount"]) - int(txn["fee"])
        txn["fee_details"].append({"amount": int(fee_amount), "application": None,
                                   "currency": charge["currency"],
                                   "description": "Application fee", "type": "application_fee"})
        changes.update(application_fee=application_fee["id"],
                       application_fee_amount=fee_amount)
    if changes:
        state.update(charge, changes, "charge.updated")
    return txn


def refund_connect(state: State, charge: Obj, refund: Obj, *, reverse: bool,
                   refund_fee: bool) -> None:
    """What a refund with `reverse_transfer` / `refund_application_fee` moves, in proportion
    to the refunded amount; refused before anything moves when there is nothing to undo."""
    platform = state.platform or state
    transfer = state.find(charge.get("transfer"), "transfer") if reverse else None
    fee = platform.find(charge.get("application_fee"), "application_fee") if refund_fee \
        else None
    if reverse and transfer is None:
        raise invalid("This charge has no transfer to reverse.", param="reverse_transfer")
    if refund_fee and fee is None:
        raise invalid("This charge has no application fee to refund.",
                      param="refund_application_fee")
    share, whole = int(refund["amount"]), int(charge["amount"])
    if transfer is not None:
        value = min(int(transfer["amount"]) * share // whole,
                    int(transfer["amount"]) - int(transfer["amount_reversed"]))
        if value > 0:
            refund["transfer_reversal"] = reverse_transfer(
                state, transfer, value, source_refund=refund["id"])["id"]
    if fee is not None:
        value = min(int(fee["amount"]) * share // whole,
                    int(fee["amount"]) - int(fee["amount_refunded"]))
        if value > 0:
            refund_application_fee(platform, fee, value)
