"""Decoding of Stripe's form encoding (`items[0][price]=x`) and typed access to parameters."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl

from .errors import ApiError, invalid, missing_param, unknown_param

_KEY = re.compile(r"([^\[\]]+)|\[([^\[\]]*)\]")

METADATA_MAX_KEYS = 50
METADATA_KEY_MAX = 40
METADATA_VALUE_MAX = 500
# More form fields than any Stripe request needs: refused before they are decoded.
MAX_FIELDS = 10_000


def decode_form(body: str) -> dict[str, Any]:
    """Turn a form-encoded body or query string into nested dicts and lists; percent-escapes
    that are not UTF-8 are Stripe's 400."""
    root: dict[str, Any] = {}
    try:
        pairs = parse_qsl(body, keep_blank_values=True, errors="strict",
                          max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError:
        raise invalid("Invalid request: the parameters are not valid UTF-8.") from None
    except ValueError:
        raise invalid(f"Invalid request: more than {MAX_FIELDS} parameters.") from None
    for raw_key, value in pairs:
        parts = [m.group(1) if m.group(1) is not None else m.group(2)
                 for m in _KEY.finditer(raw_key)]
        if not parts:
            continue
        node = root
        for part in parts[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = {}
                node[part] = child
            node = child
        last = parts[-1]
        if last == "":
            # `types[]=a&types[]=b`: append-style arrays.
            node.setdefault("", []).append(value)
        else:
            node[last] = value
    decoded: dict[str, Any] = _listify(root)
    return decoded


def _listify(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    if set(node) == {""}:
        return [_listify(v) for v in node[""]]
    if node and all(k.isdigit() for k in node):
        return [_listify(node[k]) for k in sorted(node, key=int)]
    return {k: _listify(v) for k, v in node.items()}


ADDRESS_KEYS = frozenset(("city", "country", "line1", "line2", "postal_code", "state"))
_ANY = None  # a hash whose own keys are not checked here
# Known keys of the hashes many endpoints take: anything else is Stripe's parameter_unknown.
NESTED: dict[str, Any] = {
    "address": ADDRESS_KEYS,
    "shipping": {"address": ADDRESS_KEYS, "name": _ANY, "phone": _ANY},
    "billing_details": {"address": ADDRESS_KEYS, "email": _ANY, "name": _ANY, "phone": _ANY,
                        "tax_id": _ANY},
    "invoice_settings": {"custom_fields": _ANY, "default_payment_method": _ANY,
                         "footer": _ANY, "rendering_options": _ANY},
    "automatic_payment_methods": {"allow_redirects": _ANY, "enabled": _ANY},
    "cancellation_details": {"comment": _ANY, "feedback": _ANY},
    "process_config": {"allow_redisplay": _ANY, "enable_customer_cancellation": _ANY,
                       "return_url": _ANY, "skip_tipping": _ANY,
                       "tipping": {"amount_eligible": _ANY}},
    "cart": {"currency": _ANY, "line_items": _ANY, "tax": _ANY, "total": _ANY},
    "card_present": {"number": _ANY},
    "payment_method_options": {"card": {
        "capture_method": _ANY, "cvc_token": _ANY, "installments": _ANY,
        "mandate_options": _ANY, "moto": _ANY, "network": _ANY,
        "request_extended_authorization": _ANY, "request_incremental_authorization": _ANY,
        "request_multicapture": _ANY, "request_overcapture": _ANY,
        "request_three_d_secure": _ANY, "require_cvc_recollection": _ANY,
        "setup_credential_usage": _ANY, "setup_future_usage": _ANY,
        "statement_descriptor_suffix_kana": _ANY, "statement_descriptor_suffix_kanji": _ANY}},
}


def full_address(value: Any) -> Any:
    """An address hash as Stripe returns it: every key present, unset ones null."""
    if not isinstance(value, dict):
        return value
    return {key: value.get(key) or None for key in sorted(ADDRESS_KEYS)}


def check_nested(name: str, value: Any, shape: Any) -> None:
    """Refuse keys of the hash `value` (named `name`) that `shape` does not know."""
    if shape is None or not isinstance(value, dict):
        return
    for key, inner in value.items():
        if key not in shape:
            raise unknown_param(f"{name}[{key}]")
        check_nested(f"{name}[{key}]", inner, shape[key] if isinstance(shape, dict) else None)


class Params:
    """Request parameters with Stripe's validation messages."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def check(self, allowed: Iterable[str], required: Iterable[str] = ()) -> None:
        """Reject unknown parameters and missing required ones, as Stripe does."""
        allowed_set = set(allowed) | {"expand"}
        for name, value in self.data.items():
            if name not in allowed_set:
                raise unknown_param(name)
            check_nested(name, value, NESTED.get(name))
        for name in required:
            if self.data.get(name) in (None, ""):
                raise missing_param(name)

    def __contains__(self, name: str) -> bool:
        return name in self.data

    def raw(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)

    def string(self, name: str, default: str | None = None) -> str | None:
        value = self.data.get(name, default)
        if value is None or isinstance(value, str):
            return value
        raise invalid(f"Invalid string: {name}", param=name)

    def req_string(self, name: str) -> str:
        value = self.string(name)
        if not value:
            raise missing_param(name)
        return value

    def integer(self, name: str, default: int | None = None, *, minimum: int | None = None,
            maximum: int | None = None) -> int | None:
        value = self.data.get(name)
        if value is None or value == "":
            return default
        return parse_int(value, name, minimum=minimum, maximum=maximum)

    def boolean(self, name: str, default: bool = False) -> bool:
        return parse_bool(self.data.get(name), name, default)

    def enum(self, name: str, choices: Iterable[str], default: str | None = None) -> str | None:
        value = self.string(name, default)
        options = list(choices)
        if value is not None and value not in options:
            raise invalid(f"Invalid {name}: must be one of {', '.join(options)}", param=name)
        return value

    def hash(self, name: str) -> dict[str, Any] | None:
        value = self.data.get(name)
        if value is None or value == "":
            return None
        if not isinstance(value, dict):
            raise invalid(f"Invalid object: {name}", param=name)
        return value

    def array(self, name: str) -> list[Any]:
        value = self.data.get(name)
        if value is None or value == "":
            return []
        if isinstance(value, dict):
            return list(value.values())
        if not isinstance(value, list):
            return [value]
        return value

    def expand(self) -> list[str]:
        return [str(v) for v in self.array("expand")]


def parse_int(value: Any, name: str, *, minimum: int | None = None,
              maximum: int | None = None) -> int:
    """An integer parameter, with Stripe's messages for bad and out-of-range values."""
    try:
        number = int(str(value))
    except ValueError:
        raise invalid(f"Invalid integer: {value}", param=name,
                      code="parameter_invalid_integer") from None
    if minimum is not None and number < minimum:
        raise invalid(f"This value must be greater than or equal to {minimum}.", param=name)
    if maximum is not None and number > maximum:
        raise invalid(f"This value must be less than or equal to {maximum}.", param=name)
    return number


# The currencies Stripe accepts for card payments (its "supported currencies" list).
CURRENCIES = frozenset((
    "usd", "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd",
    "bdt", "bgn", "bhd", "bif", "bmd", "bnd", "bob", "brl", "bsd", "bwp", "byn", "bzd", "cad",
    "cdf", "chf", "clp", "cny", "cop", "crc", "cve", "czk", "djf", "dkk", "dop", "dzd", "egp",
    "etb", "eur", "fjd", "fkp", "gbp", "gel", "gip", "gmd", "gnf", "gtq", "gyd", "hkd", "hnl",
    "htg", "huf", "idr", "ils", "inr", "isk", "jmd", "jod", "jpy", "kes", "kgs", "khr", "kmf",
    "krw", "kwd", "kyd", "kzt", "lak", "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mga", "mkd",
    "mmk", "mnt", "mop", "mur", "mvr", "mwk", "mxn", "myr", "mzn", "nad", "ngn", "nio", "nok",
    "npr", "nzd", "omr", "pab", "pen", "pgk", "php", "pkr", "pln", "pyg", "qar", "ron", "rsd",
    "rub", "rwf", "sar", "sbd", "scr", "sek", "sgd", "shp", "sle", "sos", "srd", "std", "szl",
    "thb", "tjs", "tnd", "top", "try", "ttd", "twd", "tzs", "uah", "ugx", "uyu", "uzs", "vnd",
    "vuv", "wst", "xaf", "xcd", "xof", "xpf", "yer", "zar", "zmw",
))


def currency_code(value: str, param: str = "currency") -> str:
    """A currency Stripe supports, lowercased, or Stripe's 400 listing them."""
    code = value.lower()
    if code not in CURRENCIES:
        raise invalid(f"Invalid currency: {value}. Stripe currently supports these currencies: "
                      f"{', '.join(sorted(CURRENCIES, key=lambda c: (c != 'usd', c)))}",
                      param=param)
    return code


def parse_bool(value: Any, name: str, default: bool = False) -> bool:
    if value is None or value == "":
        return default
    if value in ("true", True):
        return True
    if value in ("false", False):
        return False
    raise invalid(f"Invalid boolean: {value}", param=name)


def merge_metadata(current: dict[str, str], update: Any, param: str = "metadata") -> dict[str, str]:
    """Apply a metadata update as Stripe does: empty string unsets a key; limits enforced."""
    if update is None:
        return current
    if update == "":
        return {}
    if not isinstance(update, dict):
        raise invalid("Invalid object", param=param)
    merged = dict(current)
    for key, value in update.items():
        if len(key) > METADATA_KEY_MAX:
            raise invalid(
                f"Metadata keys can have up to {METADATA_KEY_MAX} characters. "
                f"The key '{key}' is too long.", param=f"{param}[{key}]")
        text = "" if value is None else str(value)
        if len(text) > METADATA_VALUE_MAX:
            raise invalid(
                f"Metadata values can have up to {METADATA_VALUE_MAX} characters, but you "
                f"passed in a value that is {len(text)} characters. Invalid value: "
                f"{text[:40]}...", param=f"{param}[{key}]")
        if text == "":
            merged.pop(key, None)
        else:
            merged[key] = text
    if len(merged) > METADATA_MAX_KEYS:
        raise ApiError(400, f"You can specify up to {METADATA_MAX_KEYS} metadata keys.",
                       param=param)
    return merged
