"""Hosted pages: Checkout, Payment Links, invoices (HTML and PDF) and the billing portal.

Plain HTML forms, no JavaScript. Every form posts `card` (a test card number such as
`4242424242424242`, spaces allowed, or a token such as `pm_card_visa`); Checkout and
Payment Link forms also take `email` and `name`. Paying runs the same engine as the API
(engine/checkout.py, invoices.py, subscriptions.py). 3D Secure cards send the browser
to the PaymentIntent's challenge page (`/authenticate/{pi}`), which settles the payment and
returns to a `.../return` page here; setup-mode Checkout has its own
`/checkout/{id}/authenticate`.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

from .engine.cards import attach_payment_method, token_for_number
from .engine.charges import display_amount
from .engine.checkout import (
    Outcome,
    authenticate_setup,
    expire_session,
    open_session,
    pay_session,
    resume_session,
    success_url,
)
from .engine.clock import customer_time
from .engine.invoices import attempt_payment
from .engine.links import unavailable_message
from .engine.subscriptions import cancel_subscription
from .errors import ApiError, invalid, state_error
from .router import PageResponse, Request, page
from .state import Obj, State

# (label, number) of the cards a person can choose on every payment form.
TEST_CARDS: tuple[tuple[str, str], ...] = (
    ("Visa: succeeds", "4242424242424242"),
    ("Mastercard: succeeds", "5555555555554444"),
    ("Declined (generic decline)", "4000000000000002"),
    ("Declined (insufficient funds)", "4000000000009995"),
    ("3D Secure: asks to authenticate", "4000002500003155"),
    ("Succeeds, then disputed", "4000000000000259"),
)

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC",sans-serif;
background:#f6f8fa;color:#1a1f36;margin:0}
main{max-width:560px;margin:40px auto;background:#fff;border-radius:10px;padding:28px 32px;
box-shadow:0 2px 12px rgba(0,0,0,.08)}
h1{font-size:1.3rem;margin:0 0 4px}h2{font-size:1rem;margin:24px 0 8px}
.muted{color:#697386;font-size:.9rem}
table{width:100%;border-collapse:collapse;margin:12px 0}
td,th{padding:6px 0;border-bottom:1px solid #e3e8ee;text-align:left}
td.num,th.num{text-align:right}
.total td{font-weight:600;border-bottom:none}
.error{background:#fde8e8;color:#a4161a;padding:10px 12px;border-radius:6px}
.ok{background:#e6f6ec;color:#0e6245;padding:10px 12px;border-radius:6px}
.badge{display:inline-block;padding:2px 8px;border-radius:10px;background:#e3e8ee;
font-size:.8rem}
label{display:block;margin:6px 0}
input[type=email],input[type=text]{width:100%;padding:8px;border:1px solid #c1c9d2;
border-radius:6px;box-sizing:border-box}
button{background:#635bff;color:#fff;border:0;border-radius:6px;padding:10px 16px;
font-size:1rem;margin-top:12px;cursor:pointer}
button.secondary{background:#fff;color:#1a1f36;border:1px solid #c1c9d2}
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _date(timestamp: int | None) -> str:
    if not timestamp:
        return "—"
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).strftime("%d %b %Y")


def _page(state: State, title: str, body: str, status: int = 200) -> PageResponse:
    shop = state.account["business_profile"]["name"]
    text = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width,initial-scale=1'>"
            f"<title>{_e(title)} · {_e(shop)}</title><style>{_CSS}</style></head><body><main>"
            f"<p class='muted'>{_e(shop)} · test mode</p>{body}</main></body></html>")
    return PageResponse(text.encode(), status=status)


def _redirect(url: str) -> PageResponse:
    return PageResponse(b"", status=303, location=url)


def _error(message: str | None) -> str:
    return f"<p class='error' role='alert'>{_e(message)}</p>" if message else ""


def _card_choices(default: str = "4242424242424242") -> str:
    options = "".join(
        f"<label><input type='radio' name='card' value='{number}'"
        f"{' checked' if number == default else ''}> {_e(label)} "
        f"<span class='muted'>{number[:4]} {number[4:8]} {number[8:12]} {number[12:]}</span>"
        f"</label>" for label, number in TEST_CARDS)
    return f"<fieldset><legend>Test card</legend>{options}</fieldset>"


def card_token(form: dict[str, str]) -> str:
    """The test card token a form names (by number or by `pm_card_*` token)."""
    value = (form.get("card") or "").strip()
    if value.startswith("pm_"):
        return value
    token = token_for_number(value)
    if token is None:
        raise invalid(f"Unknown test card: {value!r}. Choose one of the listed test cards.",
                      param="card")
    return token


def _rows(items: Iterable[tuple[str, int, int]], currency: str, total: int) -> str:
    """A table of (description, quantity, amount) rows and their total."""
    body = "".join(
        f"<tr><td>{_e(name)}</td><td class='num'>{_e(quantity)}</td>"
        f"<td class='num'>{_e(display_amount(amount, currency))}</td></tr>"
        for name, quantity, amount in items)
    return (f"<table><tr><th>Item</th><th class='num'>Qty</th><th class='num'>Amount</th>"
            f"</tr>{body}<tr class='total'><td>Total</td><td></td>"
            f"<td class='num'>{_e(display_amount(total, currency))}</td></tr></table>")


# Checkout -----------------------------------------------------------------------------


def _session_items(session: Obj) -> Iterable[tuple[str, int, int]]:
    for item in session["line_items"]["data"]:
        recurring = item["price"]["recurring"]
        every = f" / {recurring['interval']}" if recurring else ""
        yield (f"{item['description'] or 'Item'}{every}", item["quantity"],
               item["amount_total"])


def _checkout_page(state: State, session: Obj, error: str | None = None,
                   status: int = 200) -> PageResponse:
    if session["status"] == "open" and session["expires_at"] <= state.now():
        expire_session(state, session)
    title = {"payment": "Pay", "subscription": "Subscribe",
             "setup": "Save a card"}[session["mode"]]
    parts = [f"<h1>{title}</h1>"]
    if session["mode"] != "setup":
        parts.append(_rows(_session_items(session), session["currency"],
                           session["amount_total"]))
    if session["status"] == "complete":
        parts.append("<p class='ok'>Thank you! This checkout is complete.</p>")
        return _page(state, title, "".join(parts), status)
    if session["status"] == "expired":
        parts.append("<p class='error'>This checkout session has expired.</p>")
        return _page(state, title, "".join(parts), status=410)
    details = session["customer_details"] or {}
    email = session["customer_email"] or details.get("email") or ""
    customer = state.find(session["customer"], "customer")
    who = (f"<p>Customer: {_e(customer['name'] or customer['email'])}</p>" if customer else
           f"<label>Email <input type='email' name='email' value='{_e(email)}' required></label>"
           f"<label>Name <input type='text' name='name' value='{_e(details.get('name'))}'>"
           f"</label>")
    cancel = (f" <a href='{_e(session['cancel_url'])}'>Cancel</a>"
              if session["cancel_url"] else "")
    parts.append(f"{_error(error)}<form method='post' action='/checkout/{_e(session['id'])}'>"
                 f"{who}{_card_choices()}<button type='submit'>{title}</button>{cancel}"
                 f"</form>")
    return _page(state, title, "".join(parts), status)


def _after(state: State, session: Obj, outcome: Outcome) -> PageResponse:
    if outcome.redirect:
        return _redirect(outcome.redirect)
    if outcome.complete:
        return _redirect(success_url(session) or f"/checkout/{session['id']}")
    return _checkout_page(state, session, outcome.error, status=402)


def _session(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "checkout.session")


@page("GET", "/checkout/{id}")
def checkout_page(req: Request) -> PageResponse:
    return _checkout_page(req.state, _session(req))


@page("POST", "/checkout/{id}")
def checkout_submit(req: Request) -> PageResponse:
    """Form fields: `card`, and `email` / `name` when the session has no customer."""
    session = _session(req)
    if session["status"] != "open":
        return _checkout_page(req.state, session, status=409)
    try:
        outcome = pay_session(req.state, session, card_token(req.form),
                              email=req.form.get("email") or None,
                              name=req.form.get("name") or None)
    except ApiError as error:
        return _checkout_page(req.state, session, error.message, status=error.status)
    return _after(req.state, session, outcome)


@page("GET", "/checkout/{id}/return")
def checkout_return(req: Request) -> PageResponse:
    """Where the 3D Secure page sends the browser back to."""
    session = _session(req)
    return _after(req.state, session, resume_session(req.state, session))


@page("GET", "/checkout/{id}/authenticate")
def setup_challenge(req: Request) -> PageResponse:
    session = _session(req)
    body = ("<h1>3D Secure</h1><p>Your bank asks you to confirm this card.</p>"
            f"<form method='post' action='/checkout/{_e(session['id'])}/authenticate'>"
            "<button name='outcome' value='approve'>Complete authentication</button> "
            "<button class='secondary' name='outcome' value='deny'>Fail authentication"
            "</button></form>")
    return _page(req.state, "3D Secure", body)


@page("POST", "/checkout/{id}/authenticate")
def setup_challenge_submit(req: Request) -> PageResponse:
    """Form field: `outcome` = `approve` or `deny`."""
    session = _session(req)
    outcome = authenticate_setup(req.state, session, req.form.get("outcome") == "approve")
    return _after(req.state, session, outcome)


# Payment Links ------------------------------------------------------------------------


def _link(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "payment_link")


@page("GET", "/pay/{id}")
def payment_link_page(req: Request) -> PageResponse:
    link = _link(req)
    if not link["active"]:
        message = unavailable_message(link)
        return _page(req.state, "Unavailable", f"<h1>Unavailable</h1>{_error(message)}",
                     status=410)
    total = sum(item["amount_total"] for item in link["line_items"]["data"])
    body = (f"<h1>Pay</h1>{_rows(_session_items(link), link['currency'], total)}"
            f"<form method='post' action='/pay/{_e(link['id'])}'>"
            "<label>Email <input type='email' name='email' required></label>"
            "<label>Name <input type='text' name='name'></label>"
            f"{_card_choices()}<button type='submit'>Pay</button></form>")
    return _page(req.state, "Pay", body)


@page("POST", "/pay/{id}")
def payment_link_submit(req: Request) -> PageResponse:
    """Form fields: `email`, `name`, `card`. Opens a Checkout Session and pays it."""
    state = req.state
    link = _link(req)
    token = card_token(req.form)
    session = open_session(state, link)
    try:
        outcome = pay_session(state, session, token, email=req.form.get("email") or None,
                              name=req.form.get("name") or None)
    except ApiError as error:
        return _checkout_page(state, session, error.message, status=error.status)
    if outcome.complete and not session["success_url"]:
        message = link["after_completion"].get("hosted_confirmation", {}).get(
            "custom_message") or "Thank you! Your payment was received."
        return _page(state, "Paid", f"<h1>Paid</h1><p class='ok'>{_e(message)}</p>")
    return _after(state, session, outcome)


# Invoices -----------------------------------------------------------------------------


def _invoice(req: Request) -> Obj:
    invoice = req.state.get(req.path_args["id"], "invoice")
    if invoice.get("deleted") or invoice["status"] == "draft":
        raise ApiError(404, "This invoice is not available.")
    return invoice


def _invoice_page(state: State, invoice: Obj, error: str | None = None,
                  status: int = 200) -> PageResponse:
    currency = invoice["currency"]
    lines = ((line["description"], line["quantity"], line["amount"])
             for line in invoice["lines"]["data"])
    parts = [
        f"<h1>Invoice {_e(invoice['number'])} <span class='badge'>{_e(invoice['status'])}"
        "</span></h1>",
        f"<p>Billed to {_e(invoice['customer_name'] or invoice['customer_email'])}"
        f"<br><span class='muted'>Issued {_date(invoice['effective_at'])} · due "
        f"{_date(invoice['due_date'])}</span></p>",
        _rows(lines, currency, invoice["total"]),
        f"<p>Amount paid: {_e(display_amount(invoice['amount_paid'], currency))}<br>"
        f"Amount remaining: {_e(display_amount(invoice['amount_remaining'], currency))}</p>",
        f"<p><a href='/invoice/{_e(invoice['id'])}/pdf'>Download PDF</a></p>",
    ]
    if invoice["status"] == "paid":
        parts.append(f"<p class='ok'>Paid on {_date(invoice['status_transitions']['paid_at'])}"
                     "</p>")
    elif invoice["status"] in ("open", "uncollectible"):
        parts.append(f"{_error(error)}<form method='post' action='/invoice/{_e(invoice['id'])}'>"
                     f"{_card_choices()}<button type='submit'>Pay "
                     f"{_e(display_amount(invoice['amount_remaining'], currency))}</button>"
                     "</form>")
    else:
        parts.append(_error(error or "This invoice was voided and cannot be paid."))
    return _page(state, f"Invoice {invoice['number']}", "".join(parts), status)


@page("GET", "/invoice/{id}")
def invoice_page(req: Request) -> PageResponse:
    return _invoice_page(req.state, _invoice(req))


@page("POST", "/invoice/{id}")
def invoice_submit(req: Request) -> PageResponse:
    """Form field: `card`. Pays the open invoice as `POST /v1/invoices/{id}/pay` would."""
    state = req.state
    invoice = _invoice(req)
    if invoice["status"] not in ("open", "uncollectible"):
        return _invoice_page(state, invoice, f"This invoice is {invoice['status']} and cannot "
                             "be paid.", status=400)
    try:
        customer = state.find(invoice["customer"], "customer")
        with customer_time(state, customer):
            error = attempt_payment(state, invoice, payment_method=card_token(req.form),
                                    off_session=False,
                                    return_url=f"{state.api_base}/invoice/{invoice['id']}/return")
    except ApiError as failure:
        return _invoice_page(state, invoice, failure.message, status=failure.status)
    if error is not None:
        return _invoice_page(state, invoice, error.message, status=402)
    payment = invoice["payments"]["data"][0]
    pi = state.get(payment["payment"]["payment_intent"], "payment_intent")
    if pi["status"] == "requires_action":
        return _redirect(pi["next_action"]["redirect_to_url"]["url"])
    return _redirect(f"/invoice/{invoice['id']}")


@page("GET", "/invoice/{id}/return")
def invoice_return(req: Request) -> PageResponse:
    """Back from the 3D Secure page (which settled the invoice): paid, or why not."""
    state = req.state
    invoice = _invoice(req)
    payment = invoice["payments"]["data"][0] if invoice["payments"]["data"] else None
    if payment is None:
        return _redirect(f"/invoice/{invoice['id']}")
    pi = state.get(payment["payment"]["payment_intent"], "payment_intent")
    if invoice["status"] == "paid":
        return _redirect(f"/invoice/{invoice['id']}")
    message = (pi["last_payment_error"] or {}).get("message") or "Authentication failed."
    return _invoice_page(state, invoice, message, status=402)


@page("GET", "/invoice/{id}/pdf")
def invoice_pdf(req: Request) -> PageResponse:
    invoice = _invoice(req)
    currency = invoice["currency"]
    lines = [
        req.state.account["business_profile"]["name"],
        f"Invoice {invoice['number']}   status: {invoice['status']}",
        f"Billed to: {invoice['customer_name'] or ''} {invoice['customer_email'] or ''}",
        f"Issued: {_date(invoice['effective_at'])}   Due: {_date(invoice['due_date'])}",
        "",
    ]
    lines += [f"{line['quantity']} x {line['description']}   "
              f"{display_amount(line['amount'], currency)}"
              for line in invoice["lines"]["data"]]
    lines += ["", f"Total: {display_amount(invoice['total'], currency)}",
              f"Amount paid: {display_amount(invoice['amount_paid'], currency)}",
              f"Amount remaining: {display_amount(invoice['amount_remaining'], currency)}"]
    return PageResponse(text_pdf(lines), content_type="application/pdf")


def text_pdf(lines: list[str]) -> bytes:
    """A one-page A4 PDF showing `lines` in Helvetica (characters outside Latin-1 become ?)."""
    def escape(text: str) -> str:
        text = text.encode("latin-1", "replace").decode("latin-1")
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shown = " T* ".join(f"({escape(line)}) Tj" for line in lines[:48])
    stream = f"BT /F1 11 Tf 16 TL 56 780 Td {shown} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(out)


# Billing portal -----------------------------------------------------------------------


def _portal(req: Request) -> tuple[Obj, Obj]:
    session = req.state.get(req.path_args["id"], "billing_portal.session")
    customer = req.state.get(session["customer"], "customer")
    return session, customer


def _portal_page(state: State, session: Obj, customer: Obj, message: str | None = None,
                 error: str | None = None, status: int = 200) -> PageResponse:
    base = f"/portal/{_e(session['id'])}"
    pm = state.find(customer["invoice_settings"].get("default_payment_method"),
                    "payment_method")
    card = (f"{_e(pm['card']['brand'])} •••• {_e(pm['card']['last4'])}" if pm
            else "none")
    subs = [s for s in state.iter_type("subscription")
            if s["customer"] == customer["id"] and s["status"] not in
            ("canceled", "incomplete_expired")]
    rows = []
    for sub in subs:
        item = sub["items"]["data"][0]
        product = state.find(item["price"]["product"], "product")
        end = _date(item["current_period_end"])
        note = (f"cancels on {_date(sub['cancel_at'])}" if sub["cancel_at"]
                else f"renews on {end}")
        rows.append(
            f"<li><strong>{_e(product['name'] if product else item['price']['id'])}</strong> "
            f"<span class='badge'>{_e(sub['status'])}</span> "
            f"<span class='muted'>{_e(note)}</span>"
            f"<form method='post' action='{base}/cancel'>"
            f"<input type='hidden' name='subscription' value='{_e(sub['id'])}'>"
            "<button class='secondary' name='when' value='period_end'>Cancel at period end"
            "</button> <button class='secondary' name='when' value='now'>Cancel now</button>"
            "</form></li>")
    back = (f"<p><a href='{_e(session['return_url'])}'>Return</a></p>"
            if session["return_url"] else "")
    notice = f"<p class='ok'>{_e(message)}</p>" if message else ""
    body = (f"<h1>{_e(customer['name'] or customer['email'])}</h1>{_error(error)}{notice}"
            f"<h2>Subscriptions</h2><ul>{''.join(rows) or '<li>None</li>'}</ul>"
            f"<h2>Payment method</h2><p>Default card: {card}</p>"
            f"<form method='post' action='{base}/payment_method'>{_card_choices()}"
            "<button type='submit'>Use this card</button></form>" + back)
    return _page(state, "Billing", body, status)


@page("GET", "/portal/{id}")
def portal_page(req: Request) -> PageResponse:
    session, customer = _portal(req)
    return _portal_page(req.state, session, customer)


@page("POST", "/portal/{id}/cancel")
def portal_cancel(req: Request) -> PageResponse:
    """Form fields: `subscription`, `when` = `period_end` or `now`."""
    state = req.state
    session, customer = _portal(req)
    sub = state.get(req.form.get("subscription", ""), "subscription")
    if sub["customer"] != customer["id"]:
        raise state_error("This subscription belongs to another customer.")
    with customer_time(state, customer):
        if req.form.get("when") == "now":
            cancel_subscription(state, sub)
            message = "Subscription canceled."
        else:
            end = sub["items"]["data"][0]["current_period_end"]
            state.update(sub, {"cancel_at_period_end": True, "cancel_at": end},
                         "customer.subscription.updated")
            message = f"Subscription will cancel on {_date(end)}."
    return _portal_page(state, session, customer, message=message)


@page("POST", "/portal/{id}/payment_method")
def portal_payment_method(req: Request) -> PageResponse:
    """Form field: `card`. Attaches it and makes it the customer's default."""
    state = req.state
    session, customer = _portal(req)
    try:
        pm = attach_payment_method(state, card_token(req.form), customer)
    except ApiError as error:
        return _portal_page(state, session, customer, error=error.message, status=error.status)
    settings = {**customer["invoice_settings"], "default_payment_method": pm["id"]}
    state.update(customer, {"invoice_settings": settings}, "customer.updated")
    for sub in state.iter_type("subscription"):
        if sub["customer"] == customer["id"] and sub["default_payment_method"]:
            state.update(sub, {"default_payment_method": pm["id"]},
                         "customer.subscription.updated")
    return _portal_page(state, session, customer,
                        message=f"Default card is now {pm['card']['brand']} "
                                f"•••• {pm['card']['last4']}.")
