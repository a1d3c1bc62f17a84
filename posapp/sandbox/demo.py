"""Seed data: `seed_demo` (a coffee shop that also sells software plans) and `seed_bench`.

The demo is built through the same handlers and engine functions as the API, in time order:
each step runs with `state.clock_offset` shifted to its moment in the past, and
subscriptions renew, fail and retry in between, so the events read as the shop's history.
The plans' steady subscribers join over the last year (their renewals are that history,
and the MRR chart grows month by month); everything else happens in the last 60 days.
Customers sign up across the history (at the latest when they first buy); counter sales
fall in opening hours, a few every day, and some earlier today whatever the time of day,
so the cashier's "Today's takings" is never empty. Open disputes are recent, as Stripe
closes those left unanswered past `evidence_details.due_by`. Content and ids are deterministic;
timestamps are relative to the moment of seeding (sales follow the local calendar).
"""

from __future__ import annotations

import random
import string
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from .engine import checkout, invoices, payouts, renewals, subscriptions, terminal
from .engine.cards import attach_payment_method
from .engine.discounts import create_coupon, create_promotion_code, create_tax_rate
from .engine.disputes import decide_dispute
from .engine.payments import capture_payment_intent, create_payment_intent
from .errors import ApiError
from .params import Params, full_address
from .resources import checkout as checkout_routes
from .resources import customers, disputes, payment_links, prices, products, refunds
from .resources import invoices as invoice_routes
from .resources import subscriptions as subscription_routes
from .resources.tax import set_head_office
from .resources.tax_ids import create_tax_id
from .router import Request
from .state import EVENT_RETENTION, Obj, State

DAY = 86_400
# The demo reader is tapped this many seconds after a payment action starts.
DEMO_TAP_SECONDS = 4.0
# Called with (objects so far, objects wanted) while a big seed is built.
Progress = Callable[[int, int], None]
HISTORY_DAYS = 60
YEAR_DAYS = 365

# name, e-mail, phone, address index
CUSTOMERS: tuple[tuple[str, str, str, int], ...] = (
    ("王芳", "wang.fang@example.cn", "+86 138 0013 8001", 5),
    ("李娜", "li.na@example.cn", "+86 139 1234 5678", 6),
    ("张伟", "zhang.wei@example.cn", "+86 137 8888 1234", 5),
    ("刘洋", "liu.yang@example.cn", "+86 136 2222 3333", 7),
    ("陈静", "chen.jing@example.cn", "+86 135 4444 5555", 6),
    ("杨磊", "yang.lei@example.cn", "+86 133 6666 7777", 5),
    ("赵敏", "zhao.min@example.cn", "+86 132 1111 0000", 7),
    ("黄晓明", "huang.xiaoming@example.cn", "+86 131 5555 8888", 6),
    ("周杰", "zhou.jie@example.tw", "+886 912 345 678", 8),
    ("吴婷", "wu.ting@example.cn", "+86 158 0000 1111", 5),
    ("徐磊", "xu.lei@example.cn", "+86 159 2222 4444", 7),
    ("孙丽", "sun.li@example.cn", "+86 186 3333 6666", 6),
    ("马超", "ma.chao@example.cn", "+86 187 7777 9999", 5),
    ("朱琳", "zhu.lin@example.cn", "+86 188 1212 3434", 6),
    ("胡斌", "hu.bin@example.cn", "+86 189 5656 7878", 7),
    ("Li Wei (李伟)", "wei.li@example.com", "+1 415 555 0101", 0),
    ("Anna 陈", "anna.chen@example.com", "+1 212 555 0102", 1),
    ("Kevin Zhang 张凯", "kevin.zhang@example.com", "+1 206 555 0103", 2),
    ("Mei Lin 林美", "mei.lin@example.sg", "+65 6555 0104", 9),
    ("Emma Johnson", "emma.johnson@example.com", "+1 415 555 0105", 0),
    ("Liam Smith", "liam.smith@example.com", "+1 212 555 0106", 1),
    ("Olivia Brown", "olivia.brown@example.com", "+1 206 555 0107", 2),
    ("Noah Williams", "noah.williams@example.com", "+1 512 555 0108", 3),
    ("Ava Jones", "ava.jones@example.com", "+1 415 555 0109", 0),
    ("Lucas Garcia", "lucas.garcia@example.com", "+1 305 555 0110", 4),
    ("Sophia Martinez", "sophia.martinez@example.com", "+1 305 555 0111", 4),
    ("Mason Davis", "mason.davis@example.com", "+1 512 555 0112", 3),
    ("Isabella Rodriguez", "isabella.rodriguez@example.com", "+1 212 555 0113", 1),
    ("Ethan Wilson", "ethan.wilson@example.com", "+1 206 555 0114", 2),
    ("Mia Anderson", "mia.anderson@example.com", "+1 415 555 0115", 0),
    ("James Taylor", "james.taylor@example.co.uk", "+44 20 7946 0116", 10),
    ("Charlotte Thomas", "charlotte.thomas@example.co.uk", "+44 20 7946 0117", 10),
    ("Benjamin Moore", "ben.moore@example.com", "+1 512 555 0118", 3),
    ("Amelia Jackson", "amelia.jackson@example.com", "+1 305 555 0119", 4),
    ("Elijah Martin", "elijah.martin@example.com", "+1 212 555 0120", 1),
    ("Harper Lee", "harper.lee@example.com", "+1 206 555 0121", 2),
    ("Henry White", "henry.white@example.com", "+1 415 555 0122", 0),
    ("Evelyn Harris", "evelyn.harris@example.com", "+1 512 555 0123", 3),
    ("Alexander Clark", "alex.clark@example.com", "+1 305 555 0124", 4),
    ("Sofia Rossi", "sofia.rossi@example.it", "+39 06 5555 0125", 11),
    ("Mateo López", "mateo.lopez@example.es", "+34 91 555 0126", 12),
    ("Yuki Tanaka", "yuki.tanaka@example.jp", "+81 3 5555 0127", 13),
    ("Hiroshi Sato", "hiroshi.sato@example.jp", "+81 3 5555 0128", 13),
    ("Priya Patel", "priya.patel@example.com", "+1 212 555 0129", 1),
    ("Arjun Sharma", "arjun.sharma@example.in", "+91 22 5555 0130", 14),
    ("Fatima Khan", "fatima.khan@example.co.uk", "+44 20 7946 0131", 10),
    ("Omar Haddad", "omar.haddad@example.com", "+1 206 555 0132", 2),
    ("Chloé Dubois", "chloe.dubois@example.fr", "+33 1 55 55 01 33", 15),
    ("Lukas Müller", "lukas.mueller@example.de", "+49 30 5555 0134", 16),
    ("Ingrid Larsen", "ingrid.larsen@example.no", "+47 22 55 01 35", 17),
    ("Björn Svensson", "bjorn.svensson@example.se", "+46 8 555 0136", 17),
    ("Aisha Bello", "aisha.bello@example.com", "+1 512 555 0137", 3),
    ("Kwame Mensah", "kwame.mensah@example.com", "+1 305 555 0138", 4),
    ("Nguyễn Thị Lan", "lan.nguyen@example.vn", "+84 28 5555 0139", 18),
    ("Kim Min-jun", "minjun.kim@example.kr", "+82 2 555 0140", 19),
    ("Park Ji-woo", "jiwoo.park@example.kr", "+82 2 555 0141", 19),
    ("Maria Silva", "maria.silva@example.br", "+55 11 5555 0142", 20),
    ("João Pereira", "joao.pereira@example.br", "+55 11 5555 0143", 20),
    ("Zoë O'Brien", "zoe.obrien@example.ie", "+353 1 555 0144", 21),
    ("Seán Murphy", "sean.murphy@example.ie", "+353 1 555 0145", 21),
)

# line1, city, state, postal code, country
ADDRESSES: tuple[tuple[str, str, str, str, str], ...] = (
    ("500 Valencia St", "San Francisco", "CA", "94110", "US"),
    ("200 Bleecker St", "New York", "NY", "10012", "US"),
    ("1520 Pike Pl", "Seattle", "WA", "98101", "US"),
    ("801 Congress Ave", "Austin", "TX", "78701", "US"),
    ("1100 Brickell Ave", "Miami", "FL", "33131", "US"),
    ("南京西路 1266 号", "上海市", "上海市", "200040", "CN"),
    ("朝阳区建国路 88 号", "北京市", "北京市", "100022", "CN"),
    ("天河区天河路 208 号", "广州市", "广东省", "510620", "CN"),
    ("信義路五段 7 號", "台北市", "", "110", "TW"),
    ("1 Raffles Pl", "Singapore", "", "048616", "SG"),
    ("221B Baker St", "London", "", "NW1 6XE", "GB"),
    ("Via del Corso 12", "Roma", "RM", "00186", "IT"),
    ("Calle de Alcalá 45", "Madrid", "M", "28014", "ES"),
    ("1-1 Marunouchi", "Chiyoda-ku", "Tokyo", "100-0005", "JP"),
    ("Marine Dr 20", "Mumbai", "MH", "400020", "IN"),
    ("10 Rue de Rivoli", "Paris", "", "75004", "FR"),
    ("Torstraße 101", "Berlin", "", "10119", "DE"),
    ("Karl Johans gate 5", "Oslo", "", "0154", "NO"),
    ("12 Nguyễn Huệ", "Hồ Chí Minh", "", "700000", "VN"),
    ("Teheran-ro 152", "Seoul", "", "06236", "KR"),
    ("Av. Paulista 1000", "São Paulo", "SP", "01310-100", "BR"),
    ("Grafton St 30", "Dublin", "", "D02 VK65", "IE"),
)

# product name, lookup key, unit amount (USD cents)
COFFEE: tuple[tuple[str, str, int], ...] = (
    ("Espresso", "espresso", 350),
    ("Flat white", "flat_white", 450),
    ("Caffè latte", "latte", 475),
    ("Cappuccino", "cappuccino", 450),
    ("Cold brew", "cold_brew", 500),
    ("Matcha latte", "matcha_latte", 525),
    ("Butter croissant", "croissant", 375),
    ("House blend beans 250 g", "beans_250g", 1600),
    ("Single origin beans 1 kg", "beans_1kg", 5200),
    ("Gift card", "gift_card", 2500),
)
# The sale screen's tabs (product metadata `category`), by lookup key; an EAN-13 barcode
# and a SKU per product (metadata `barcode`, `sku`).
CATEGORIES = {"croissant": "Bakery", "beans_250g": "Beans", "beans_1kg": "Beans",
              "gift_card": "Gifts"}
BARCODE_PREFIX = "200000000"

# product name, lookup key prefix, monthly amount, yearly amount
PLANS: tuple[tuple[str, str, int, int], ...] = (
    ("Coffee Club", "coffee_club", 2900, 29000),
    ("PosApp Cloud Basic", "cloud_basic", 1500, 15000),
    ("PosApp Cloud Pro", "cloud_pro", 4900, 49000),
    ("Team seat", "team_seat", 800, 8000),
)

# People who buy online once (Checkout and Payment Links) and are not customers before.
# name, e-mail
WEB_SHOPPERS: tuple[tuple[str, str], ...] = (
    ("Sakura Yamamoto", "sakura.yamamoto@example.jp"),
    ("Rafael Costa", "rafael.costa@example.pt"),
    ("Elif Yılmaz", "elif.yilmaz@example.tr"),
    ("Hannah Weber", "hannah.weber@example.at"),
    ("Diego Fernández", "diego.fernandez@example.mx"),
)

_CARDS = ("pm_card_visa", "pm_card_visa", "pm_card_mastercard", "pm_card_amex")


def _call(state: State, handler: Callable[[Request], Obj], params: dict[str, Any],
          **path_args: str) -> Obj:
    """Run an API handler as a request would, with form-style parameters."""
    return handler(Request(state, Params(params), path_args, "POST", "", state.api_base))


class _Timeline:
    """Steps at moments in the past, run in time order with subscriptions kept up to date."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.start = int(time.time()) - HISTORY_DAYS * DAY
        self.steps: list[tuple[int, int, Callable[[], object]]] = []

    @property
    def end(self) -> int:
        """The moment of seeding, where the history ends."""
        return self.start + HISTORY_DAYS * DAY

    def at(self, day: float, step: Callable[[], object]) -> None:
        """Schedule `step` at `day` days after the start of the history (0..60)."""
        self.at_moment(self.start + int(day * DAY), step)

    def ago(self, days: float, step: Callable[[], object]) -> None:
        """Schedule `step` `days` days before the moment of seeding (up to a year)."""
        self.at_moment(self.end - int(days * DAY), step)

    def at_moment(self, when: int, step: Callable[[], object]) -> None:
        """Schedule `step` at Unix time `when`, within the history."""
        self.steps.append((when, len(self.steps), step))

    def run(self) -> None:
        state = self.state
        for when, _, step in sorted(self.steps):
            self._subscriptions_until(when)
            state.clock_offset = when - int(time.time())
            step()
        self._subscriptions_until(int(time.time()))
        state.clock_offset = 0

    def _subscriptions_until(self, moment: int) -> None:
        subs = list(self.state.iter_type("subscription", newest_first=False))
        renewals.run_subscriptions(self.state, subs, moment)
        self.state.clock_offset = 0


class _Shop:
    """The demo shop being built: its catalogue, customers and a random source."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.rng = random.Random(2026)
        self.coffee: list[Obj] = []
        self.monthly: dict[str, Obj] = {}
        self.yearly: dict[str, Obj] = {}
        self.customers: dict[int, Obj] = {}  # by index in CUSTOMERS, in signup order
        self.intents: list[Obj] = []

    def catalogue(self) -> None:
        for number, (name, key, amount) in enumerate(COFFEE):
            product = _call(self.state, products.create_product_route, {
                "name": name, "metadata": {"category": CATEGORIES.get(key, "Coffee"),
                                           "sku": key.upper().replace("_", "-"),
                                           "barcode": ean13(f"{BARCODE_PREFIX}{number:03d}")},
                "default_price_data": {"currency": "usd", "unit_amount": amount}})
            price = self.state.get(product["default_price"], "price")
            _call(self.state, prices.update_price, {"lookup_key": key}, id=price["id"])
            self.coffee.append(price)
        for name, key, month, year in PLANS:
            product = _call(self.state, products.create_product_route, {
                "name": name, "metadata": {"category": "saas"}})
            self.monthly[key] = _call(self.state, prices.create_price_route, {
                "product": product["id"], "currency": "usd", "unit_amount": month,
                "recurring": {"interval": "month"}, "lookup_key": f"{key}_monthly",
                "nickname": "Monthly"})
            self.yearly[key] = _call(self.state, prices.create_price_route, {
                "product": product["id"], "currency": "usd", "unit_amount": year,
                "recurring": {"interval": "year"}, "lookup_key": f"{key}_yearly",
                "nickname": "Yearly"})
            _call(self.state, products.update_product,
                  {"default_price": self.monthly[key]["id"]}, id=product["id"])
        legacy = _call(self.state, prices.create_price_route, {
            "product": self.monthly["coffee_club"]["product"], "currency": "usd",
            "unit_amount": 2500, "recurring": {"interval": "month"},
            "nickname": "Founders (retired)"})
        _call(self.state, prices.update_price, {"active": "false"}, id=legacy["id"])

    def customer(self, index: int) -> Obj:
        """Customer `index` of CUSTOMERS, signing them up now if they have not yet."""
        if index in self.customers:
            return self.customers[index]
        name, email, phone, where = CUSTOMERS[index]
        line1, city, region, postal, country = ADDRESSES[where]
        card = "pm_card_chargeCustomerFail" if index in _FAILING_CUSTOMERS else \
            _CARDS[index % len(_CARDS)]
        customer = _call(self.state, customers.create_customer_route, {
            "name": name, "email": email, "phone": phone, "payment_method": card,
            "address": {"line1": line1, "city": city, "state": region or None,
                        "postal_code": postal, "country": country},
            "preferred_locales": ["zh-CN" if country in ("CN", "TW") else "en"],
            "metadata": {"loyalty_id": f"L{1000 + index}"}})
        pm = next(self.state.iter_type("payment_method"))
        _call(self.state, customers.update_customer,
              {"invoice_settings": {"default_payment_method": pm["id"]}}, id=customer["id"])
        self.customers[index] = customer
        return customer

    def new_card(self, index: int, token: str) -> None:
        customer = self.customer(index)
        pm = attach_payment_method(self.state, token, customer)
        _call(self.state, customers.update_customer,
              {"invoice_settings": {"default_payment_method": pm["id"]}}, id=customer["id"])

    def subscribe(self, index: int, key: str, *, yearly: bool = False, quantity: int = 1,
                  **extra: Any) -> None:
        price = (self.yearly if yearly else self.monthly)[key]
        params = {"customer": self.customer(index)["id"],
                  "items": [{"price": price["id"], "quantity": quantity}],
                  "metadata": {"channel": "counter" if index % 2 else "web"}, **extra}
        _call(self.state, subscription_routes.create_subscription_route, params)

    def subscription_of(self, index: int) -> Obj:
        customer_id = self.customer(index)["id"]
        return next(s for s in self.state.iter_type("subscription")
                    if s["customer"] == customer_id)

    def sale(self, token: str | None = None, known: bool = False,
             manual: bool = False) -> Obj | None:
        """One counter sale of a few coffee items (to a known customer or a walk-in); a
        declined card leaves a failed payment."""
        picks = self.rng.sample(self.coffee, self.rng.randint(1, 3))
        quantities = [self.rng.randint(1, 2) for _ in picks]
        amount = sum(p["unit_amount"] * q for p, q in zip(picks, quantities, strict=True))
        names = ", ".join(f"{q} × {self.state.objects[p['product']]['name']}"
                          for p, q in zip(picks, quantities, strict=True))
        try:
            pi = create_payment_intent(
                self.state, amount=amount, currency="usd",
                customer=self.rng.choice(list(self.customers.values()))["id"]
                if known and self.customers else None,
                payment_method=token or self.rng.choice(_CARDS), confirm=True,
                description=names, capture_method="manual" if manual else "automatic",
                metadata={"register": f"till-{self.rng.randint(1, 3)}"})
        except ApiError:
            return None
        self.intents.append(pi)
        return pi

    def invoice(self, index: int, outcome: str) -> None:
        """A one-off invoice for beans, ending `paid`, `open`, `void`, `uncollectible` or
        `draft`."""
        customer = self.customer(index)
        beans = self.coffee[7]
        for price, quantity in ((beans, self.rng.randint(2, 6)), (self.coffee[8], 1)):
            _call(self.state, invoice_routes.create_invoice_item_route, {
                "customer": customer["id"], "pricing": {"price": price["id"]},
                "quantity": quantity})
        send = outcome in ("open", "uncollectible")
        params: dict[str, Any] = {
            "customer": customer["id"], "pending_invoice_items_behavior": "include",
            "description": "Wholesale beans for the office",
            "collection_method": "send_invoice" if send else "charge_automatically"}
        if send:
            params["days_until_due"] = 30
        invoice = _call(self.state, invoice_routes.create_invoice_route, params)
        if outcome == "draft":
            return
        _call(self.state, invoice_routes.finalize_route, {}, id=invoice["id"])
        if outcome == "paid":
            _call(self.state, invoice_routes.pay_route, {}, id=invoice["id"])
        elif outcome == "open":
            _call(self.state, invoice_routes.send_route, {}, id=invoice["id"])
        elif outcome == "void":
            _call(self.state, invoice_routes.void_route, {}, id=invoice["id"])
        else:
            _call(self.state, invoice_routes.mark_uncollectible_route, {}, id=invoice["id"])


# Customers whose saved card fails every charge (past_due, unpaid, incomplete stories).
_FAILING_CUSTOMERS = frozenset({44, 45})


def ean13(twelve: str) -> str:
    """`twelve` digits and their EAN-13 check digit (what a barcode scanner types)."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(twelve))
    return twelve + str((10 - total % 10) % 10)


def seed_demo(state: State) -> None:
    """Fill `state` with the demo shop and its history (a year of subscriptions, 60 days of
    everything else)."""
    shop = _Shop(state)
    line = _Timeline(state)
    line.ago(YEAR_DAYS, shop.catalogue)
    signups = random.Random(60)
    for index in range(len(CUSTOMERS)):
        line.at(signups.uniform(0.1, HISTORY_DAYS - 1), partial(shop.customer, index))
    _subscription_stories(line, shop)
    _sales(line, shop)
    _invoice_stories(line, shop)
    _checkout_stories(line, shop)
    _counter_stories(line, shop)
    line.run()
    _counter_reader(state)
    set_head_office(state, full_address({"country": "US", "state": "NY", "city": "New York"}))
    # The daily automatic payouts of the history, each settling what was available by then.
    state.payout_day = (int(time.time()) - HISTORY_DAYS * DAY) // DAY
    payouts.tick(state)
    # Stripe lists 30 days of events: older history lives in the objects only.
    state.expire_events(state.now() - EVENT_RETENTION)
    # The café's UK VAT number (its support address is in London), which its invoices and
    # receipts print by default.
    create_tax_id(state, "gb_vat", "GB123456789")


def _counter_reader(state: State) -> None:
    """The café's location with one simulated reader; in the demo a card is tapped on it
    by itself a few seconds after a payment starts."""
    place = terminal.create_location(state, "PosApp Sandbox Coffee", {
        "city": "Portland", "country": "US", "line1": "12 Harbour Street", "line2": None,
        "postal_code": "97201", "state": "OR"})
    terminal.register_reader(state, "simulated-wpe", label="Counter", location=place["id"])
    state.auto_present_after = DEMO_TAP_SECONDS


def _subscription_stories(line: _Timeline, shop: _Shop) -> None:
    sub = shop.subscribe
    # Steady subscribers, joining over the year (days ago), two of whom left again.
    for ago, index, key in ((350, 0, "coffee_club"), (320, 8, "cloud_basic"),
                            (290, 19, "coffee_club"), (260, 9, "cloud_pro"),
                            (230, 2, "coffee_club"), (200, 10, "coffee_club"),
                            (170, 20, "coffee_club"), (140, 11, "cloud_basic"),
                            (110, 3, "coffee_club"), (80, 12, "cloud_pro"),
                            (50, 21, "coffee_club")):
        line.ago(ago + 0.4, partial(sub, index, key))
    line.ago(335.5, lambda: sub(22, "cloud_pro", yearly=True))
    line.ago(185.5, lambda: sub(4, "cloud_basic", yearly=True))

    def leave(index: int) -> None:
        _call(shop.state, subscription_routes.cancel_subscription_route, {},
              id=shop.subscription_of(index)["id"])

    for start, end, index in ((340, 220, 13), (300, 130, 14)):
        line.ago(start + 0.6, partial(sub, index, "coffee_club"))
        line.ago(end + 0.6, partial(leave, index))
    line.at(15.5, lambda: sub(23, "cloud_basic", cancel_at_period_end="true"))
    line.at(16.5, lambda: sub(24, "cloud_pro", collection_method="send_invoice",
                              days_until_due=14))
    line.ago(95.5, lambda: sub(25, "team_seat", quantity=3))
    line.at(40.2, lambda: _call(shop.state, subscription_routes.update_subscription_route, {
        "items": [{"id": shop.subscription_of(25)["items"]["data"][0]["id"], "quantity": 5}],
        "proration_behavior": "always_invoice"}, id=shop.subscription_of(25)["id"]))
    line.at(13.5, lambda: sub(26, "coffee_club"))
    line.at(30.0, lambda: _call(shop.state, subscription_routes.update_subscription_route, {
        "pause_collection": {"behavior": "void"}}, id=shop.subscription_of(26)["id"]))
    # trialing
    line.at(55.3, lambda: sub(5, "cloud_pro", trial_period_days=14))
    line.at(58.1, lambda: sub(27, "cloud_basic", trial_period_days=30))
    # paused: a trial that ended without a card
    line.at(40.6, lambda: _call(shop.state, customers.update_customer, {
        "invoice_settings": {"default_payment_method": ""}}, id=shop.customer(28)["id"]))
    line.at(40.7, lambda: sub(28, "coffee_club", trial_period_days=7,
                              trial_settings={"end_behavior": {
                                  "missing_payment_method": "pause"}}))
    # past_due: the card on file starts failing before a renewal
    for moment, index in ((20.3, 6), (21.3, 29)):
        line.at(moment, partial(sub, index, "coffee_club"))
        line.at(moment + 20, partial(shop.new_card, index, "pm_card_chargeCustomerFail"))
    # unpaid: four failed attempts at the first renewal
    line.at(2.3, lambda: sub(30, "cloud_basic"))
    line.at(25.0, lambda: shop.new_card(30, "pm_card_chargeCustomerFail"))
    # incomplete (recent) and incomplete_expired (older), declined at sign-up
    line.at(59.8, lambda: sub(44, "cloud_pro"))
    line.at(50.0, lambda: sub(45, "coffee_club"))
    # canceled
    line.ago(245.5, lambda: sub(7, "coffee_club"))
    line.ago(155.5, lambda: sub(31, "cloud_basic"))
    line.at(38.0, lambda: _call(shop.state, subscription_routes.cancel_subscription_route, {
        "cancellation_details": {"feedback": "too_expensive",
                                 "comment": "Moving to a cheaper plan"}},
        id=shop.subscription_of(7)["id"]))
    line.at(52.0, lambda: _call(shop.state, subscription_routes.cancel_subscription_route,
                                {"prorate": "true", "invoice_now": "true"},
                                id=shop.subscription_of(31)["id"]))


def _sales(line: _Timeline, shop: _Shop) -> None:
    rng = random.Random(7)
    midnight = datetime.fromtimestamp(line.end).replace(hour=0, minute=0, second=0,
                                                        microsecond=0)
    for days_ago in range(HISTORY_DAYS - 1, 0, -1):
        opening = int((midnight - timedelta(days=days_ago, hours=-7)).timestamp())
        for _ in range(rng.randint(2, 5)):
            line.at_moment(opening + rng.randrange(12 * 3600),
                           partial(shop.sale, known=rng.random() < 0.4))
    today = int(midnight.timestamp())
    for share in (0.3, 0.55, 0.75, 0.9):
        line.at_moment(today + int((line.end - today) * share),
                       partial(shop.sale, known=rng.random() < 0.4))
    for moment, token in ((6.5, "pm_card_chargeDeclined"),
                       (17.5, "pm_card_chargeDeclinedInsufficientFunds"),
                       (33.5, "pm_card_chargeDeclinedExpiredCard"),
                       (48.5, "pm_card_chargeDeclined"),
                       (57.5, "pm_card_chargeDeclinedInsufficientFunds")):
        line.at(moment, partial(shop.sale, token))
    # Disputes: two awaiting a response (one due in under 3 days: disputes give 7), then
    # older ones answered within days: one still under review, one won, one lost.
    for opened, answered, decided, outcome in ((55.3, None, None, "needs_response"),
                                               (59.2, None, None, "needs_response"),
                                               (31.4, 33.4, None, "under_review"),
                                               (12.2, 14.2, 40.2, "won"),
                                               (22.2, 24.1, 51.6, "lost")):
        _dispute_story(line, shop, opened, answered, decided, outcome)
    # Refunds: full and partial.
    for moment, share in ((9.9, 1.0), (19.9, 0.5), (29.9, 1.0), (39.9, 0.25), (49.9, 1.0),
                       (58.9, 0.5)):
        line.at(moment, partial(_refund_story, shop, share))
    # Authorised at the counter, captured (or not yet) later.
    authorised: list[Obj] = []

    def authorise(token: str) -> None:
        pi = shop.sale(token, manual=True)
        assert pi is not None
        authorised.append(pi)

    line.at(58.6, partial(authorise, "pm_card_visa"))
    line.at(59.6, partial(authorise, "pm_card_mastercard"))
    line.at(59.7, lambda: capture_payment_intent(shop.state, authorised[0]))


def _dispute_story(line: _Timeline, shop: _Shop, opened: float, answered: float | None,
                   decided: float | None, outcome: str) -> None:
    """A disputed counter sale at day `opened`, answered with evidence and decided by the
    network (`won`/`lost`) at the given days, or left awaiting a response."""
    state = shop.state
    sales: list[Obj] = []

    def dispute() -> Obj:
        return next(d for d in state.iter_type("dispute")
                    if d["payment_intent"] == sales[0]["id"])

    def sell() -> None:
        pi = shop.sale("pm_card_createDispute")
        assert pi is not None
        sales.append(pi)

    line.at(opened, sell)
    if answered is not None:
        line.at(answered, lambda: _call(state, disputes.update_dispute, {
            "evidence": {"customer_name": "Walk-in customer",
                         "product_description": "Coffee and pastries served at the counter",
                         "uncategorized_text": "Till receipt and CCTV timestamp attached."},
            "submit": "true"}, id=dispute()["id"]))
    if decided is not None:
        line.at(decided, lambda: decide_dispute(state, dispute(), outcome))


def _refund_story(shop: _Shop, share: float) -> None:
    state = shop.state
    for pi in reversed(shop.intents):
        charge = state.find(pi["latest_charge"], "charge")
        if (pi["status"] == "succeeded" and charge is not None and not charge["disputed"]
                and not charge["amount_refunded"]):
            amount = None if share == 1.0 else int(charge["amount"] * share)
            refunds.create_refund(state, payment_intent=pi["id"], amount=amount,
                                  reason="requested_by_customer")
            return


def _invoice_stories(line: _Timeline, shop: _Shop) -> None:
    for day, index, outcome in ((4.0, 32, "paid"), (16.0, 33, "paid"), (27.0, 34, "paid"),
                                (44.0, 35, "paid"), (47.0, 36, "open"), (53.0, 37, "open"),
                                (56.0, 38, "open"), (15.0, 39, "void"), (35.0, 40, "void"),
                                (10.0, 41, "uncollectible"), (22.0, 42, "uncollectible"),
                                (59.0, 43, "draft")):
        line.at(day, partial(shop.invoice, index, outcome))


def _checkout_stories(line: _Timeline, shop: _Shop) -> None:
    state = shop.state

    def session(mode: str, items: list[tuple[Obj, int]], **extra: Any) -> Obj:
        params: dict[str, Any] = {
            "mode": mode, "success_url": "https://shop.example/thanks?cs={CHECKOUT_SESSION_ID}",
            "cancel_url": "https://shop.example/cart", **extra,
            "line_items": [{"price": p["id"], "quantity": q} for p, q in items]}
        return _call(state, checkout_routes.create_session_route, params)

    def paid_online(day: float, who: int, items: list[tuple[int, int]]) -> None:
        def run() -> None:
            name, email = WEB_SHOPPERS[who]
            cs = session("payment", [(shop.coffee[i], q) for i, q in items],
                         customer_email=email, customer_creation="always")
            checkout.pay_session(state, cs, _CARDS[who % len(_CARDS)], name=name)
        line.at(day, run)

    paid_online(23.4, 0, [(7, 2)])
    paid_online(41.4, 1, [(8, 1), (9, 1)])
    paid_online(57.4, 2, [(7, 1)])
    line.at(45.0, lambda: checkout.expire_session(state, session("payment", [(shop.coffee[9], 1)])))
    line.at(59.9, lambda: session("payment", [(shop.coffee[7], 3)],
                                  customer=shop.customer(49)["id"]))

    def links() -> None:
        for index, message in ((7, "Your beans ship tomorrow."), (9, None), (4, None)):
            after = ({"type": "hosted_confirmation",
                      "hosted_confirmation": {"custom_message": message}} if message else None)
            payment_links.create_payment_link(
                state, [checkout.line_item(state, shop.coffee[index], 1)],
                metadata={"placement": "counter QR"}, after_completion=after)
        payment_links.create_payment_link(
            state, [checkout.line_item(state, shop.monthly["coffee_club"], 1)],
            metadata={"placement": "website"})
        retired = payment_links.create_payment_link(
            state, [checkout.line_item(state, shop.coffee[5], 2)],
            metadata={"placement": "summer promo"})
        state.update(retired, {"active": False}, "payment_link.updated")

    def buy_through_link(who: int) -> None:
        link = next(state.iter_type("payment_link", newest_first=False))
        cs = checkout.open_session(state, link)
        name, email = WEB_SHOPPERS[who]
        checkout.pay_session(state, cs, "pm_card_visa", email=email, name=name)

    line.at(30.5, links)
    line.at(34.5, lambda: buy_through_link(3))
    line.at(51.5, lambda: buy_through_link(4))


def _counter_stories(line: _Timeline, shop: _Shop) -> None:
    """Discounts and tax arrive: a sales tax, two coupons with their codes, and counter
    sales rung up through the cart (itemised, taxed, some discounted, some tipped)."""
    state = shop.state
    made: dict[str, Obj] = {}

    def setup() -> None:
        made["tax"] = create_tax_rate(state, Params({
            "display_name": "Sales tax", "percentage": "8.875", "inclusive": "false",
            "country": "US", "state": "NY", "jurisdiction": "New York City"}))
        for coupon_id, params, code in (
                ("HAPPYHOUR", {"percent_off": "10", "name": "Happy hour 10%"}, "HAPPY10"),
                ("WELCOME2", {"amount_off": "200", "currency": "usd",
                              "name": "Welcome $2 off", "max_redemptions": "100"},
                 "WELCOME")):
            made[coupon_id] = create_coupon(state, Params({"id": coupon_id, **params}))
            create_promotion_code(state, Params({
                "promotion": {"type": "coupon", "coupon": coupon_id}, "code": code}))

    def sale(items: list[tuple[int, int]], coupon: str | None, tip: int, card: str) -> None:
        lines: list[dict[str, Any]] = [
            {"price": shop.coffee[i]["id"], "quantity": q, "tax_rates": [made["tax"]["id"]]}
            for i, q in items]
        if tip:
            lines.append({"quantity": 1, "price_data": {
                "currency": "usd", "unit_amount": tip, "product_data": {"name": "Tip"}}})
        cs = _call(state, checkout_routes.create_session_route, {
            "mode": "payment", "line_items": lines,
            "discounts": [{"coupon": coupon}] if coupon else [],
            "payment_intent_data": {"metadata": {"posapp_tip": str(tip)}}})
        checkout.pay_session(state, cs, card, email="counter@sandbox.example")

    line.at(52.0, setup)
    line.at(52.4, lambda: sale([(0, 2), (6, 1)], None, 100, "pm_card_visa"))
    line.at(54.4, lambda: sale([(2, 1), (6, 2)], "HAPPYHOUR", 0, "pm_card_mastercard"))
    line.at(56.4, lambda: sale([(7, 1)], "WELCOME2", 150, "pm_card_visa"))
    line.at(58.4, lambda: sale([(1, 3), (5, 1)], None, 200, "pm_card_amex"))


# bench --------------------------------------------------------------------------------


def seed_bench(state: State, n: int, progress: Progress | None = None) -> None:
    """About `n` Stripe-shaped objects across the main types, for benchmarks.

    Built with the engine functions but without events (a benchmark wants the objects, and
    events would double the count): customers and their cards (~20%), PaymentIntents with
    their charges and refunds (~45%), open invoices with their items, payments and
    PaymentIntents (~25%), subscriptions with their first invoice (~10%), the catalogue.
    Objects are created in `created` order, so every list is newest first as on Stripe.
    `progress(objects so far, n)` is called at every tenth of the way.
    """
    if n < 0:
        raise ValueError("bench seed count must not be negative")
    with _events_off(state), _quick_ids(state), _billed_items_aside(state) as set_aside:
        _bench(state, n, set_aside, progress or (lambda _done, _total: None))


@contextmanager
def _events_off(state: State) -> Iterator[None]:
    emit = state.emit
    setattr(state, "emit", lambda *_args, **_kwargs: {})  # noqa: B010
    try:
        yield
    finally:
        setattr(state, "emit", emit)  # noqa: B010


@contextmanager
def _quick_ids(state: State) -> Iterator[None]:
    """Ids drawn in one call per id (`random.choices`) rather than one per character: a
    third of a bench seed's time went to `new_id`."""
    alphabet = string.ascii_letters + string.digits
    rng = random.Random(len(state.objects))
    setattr(state, "new_id", lambda prefix, length=24:  # noqa: B010
            prefix + "".join(rng.choices(alphabet, k=length)))
    try:
        yield
    finally:
        delattr(state, "new_id")


@contextmanager
def _billed_items_aside(state: State) -> Iterator[Callable[[], None]]:
    """Keep invoice items already on an invoice out of the `invoiceitem` list while a bench
    seed runs (call the function yielded after each step), and put them all back in
    creation order after. Every new subscription looks for its customer's pending items
    through that whole list, which made seeding quadratic (bench:300000: 238 s, nearly all
    of it there); nothing else lists invoice items while seeding, and pending items stay."""
    order: list[str] = []
    seen: set[str] = set()

    def keep(ids: list[str]) -> None:
        state.relist("invoiceitem", ids)

    def note_new() -> list[str]:
        ids = state._lists["invoiceitem"].ids if "invoiceitem" in state._lists else []
        fresh = [i for i in ids if i not in seen]
        order.extend(fresh)
        seen.update(fresh)
        return ids

    def set_aside() -> None:
        ids = note_new()
        if ids:
            keep([i for i in ids if not state.objects[i]["invoice"]])

    try:
        yield set_aside
    finally:
        if note_new() or order:
            keep(order)


# One bench step of each kind, in turn: five counter sales (the first refunded), three
# open invoices, a subscription.
_BENCH_KINDS = 9
_SIGNUP_DAYS = 30


def _bench(state: State, n: int, after_step: Callable[[], None], progress: Progress) -> None:
    rng = random.Random(n)
    shop = _Shop(state)
    shop.catalogue()
    now = int(time.time())
    start = now - HISTORY_DAYS * DAY
    count = max(1, n // 10) if n > len(state.objects) else 0
    # Customers sign up over the month before the history, so they exist for every sale.
    for index in range(count):
        state.clock_offset = start - (count - index) * _SIGNUP_DAYS * DAY // count - now
        _bench_customer(state, shop, index)
    made = _objects_per_kind()
    steps: list[tuple[int, int, int]] = []
    total = len(state.objects)
    while count and total < n:
        kind = len(steps) % _BENCH_KINDS
        # Subscriptions start within the last 25 days: their first period is still current.
        window = 25 * DAY if kind == _BENCH_KINDS - 1 else HISTORY_DAYS * DAY
        steps.append((now - rng.randrange(window), len(steps), rng.randint(300, 20000)))
        total += made[kind]
    tenth = max(1, len(steps) // 10)
    for done, (moment, index, amount) in enumerate(sorted(steps), 1):
        state.clock_offset = moment - now
        _bench_step(state, shop, shop.customers[index % count], index, amount)
        after_step()
        if done % tenth == 0 or done == len(steps):
            progress(len(state.objects), n)
    state.clock_offset = 0


def _objects_per_kind() -> list[int]:
    """How many objects one bench step of each kind creates, measured on a scratch state."""
    scratch = State()
    shop = _Shop(scratch)
    with _events_off(scratch):
        shop.catalogue()
        _bench_customer(scratch, shop, 0)
        made = []
        for kind in range(_BENCH_KINDS):
            before = len(scratch.objects)
            _bench_step(scratch, shop, shop.customers[0], kind, 1000)
            made.append(len(scratch.objects) - before)
    return made


def _bench_customer(state: State, shop: _Shop, index: int) -> None:
    name, email, phone, _ = CUSTOMERS[index % len(CUSTOMERS)]
    customer = _call(state, customers.create_customer_route, {
        "name": name, "email": f"{index}.{email}", "phone": phone})
    pm = attach_payment_method(state, "pm_card_visa", customer)
    customer["invoice_settings"]["default_payment_method"] = pm["id"]
    shop.customers[index] = customer


def _bench_step(state: State, shop: _Shop, customer: Obj, index: int, amount: int) -> None:
    kind = index % _BENCH_KINDS
    if kind < 5:
        pi = create_payment_intent(state, amount=amount, currency="usd",
                                   customer=customer["id"],
                                   payment_method=customer["invoice_settings"][
                                       "default_payment_method"],
                                   confirm=True, description="Counter sale")
        if kind == 0:
            refunds.create_refund(state, payment_intent=pi["id"],
                                  amount=None if index % 2 else pi["amount"] // 2)
    elif kind < 8:
        item = invoices.create_invoice_item(state, customer, currency="usd",
                                            unit_amount=amount)
        invoice = invoices.create_invoice(state, customer, currency="usd",
                                          collection_method="send_invoice",
                                          days_until_due=30, items=[item])
        invoices.finalize_invoice(state, invoice)
    else:
        subscriptions.create_subscription(state, customer, [(shop.monthly["cloud_basic"], 1,
                                                             None)])
