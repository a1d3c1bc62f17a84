"""The sandbox's contract with Stripe, as the installed stripe-python describes it.

Every JSON answer the sandbox gives is checked against the SDK's resource classes (field
names, types, enum literals, nested classes) and against the fields Stripe's published
fixtures always return; every request the SDK sent and the sandbox accepted is checked
against the SDK's typed params (`stripe.params` TypedDicts). `install()` makes running
sandboxes record their traffic; `differences()` lists what does not match, minus the
documented simplifications in `ALLOWED` (see docs/sandbox.md, "What is still simplified").
"""

from __future__ import annotations

import ast
import importlib
import json
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import stripe
import stripe.params
from stripe._list_object import ListObject
from stripe._object_classes import OBJECT_CLASSES, get_object_class
from stripe._search_result_object import SearchResultObject
from stripe._stripe_object import StripeObject
from typing_extensions import is_typeddict

from posapp.sandbox.params import decode_form
from posapp.sandbox.server import Sandbox

# Fields Stripe always returns, per object type the sandbox serves (nested hashes as
# nested objects): taken from Stripe's published fixtures (stripe/openapi `fixtures3.json`,
# MIT licence).
FIXTURES = Path(__file__).with_name("stripe_fields.json")

# Simplifications docs/sandbox.md admits: (object type or endpoint, field) -> why.
ALLOWED: dict[tuple[str, str], str] = {
    # fixtures3.json still shows fields the current API only returns on request or dropped.
    ("charge", "refunds"): "includable: only with expand[]=refunds (current API)",
    ("invoice", "subscription"): "moved to parent.subscription_details in the current API",
    ("checkout.session", "currency_conversion"): "the sandbox converts no currencies",
    ("checkout.session", "integration_identifier"): "not modelled",
    ("checkout.session", "managed_payments"): "not modelled",
    ("checkout.session", "origin_context"): "not modelled",
    ("checkout.session", "permissions"): "not modelled",
    ("checkout.session", "wallet_options"): "not modelled",
    ("payment_link", "managed_payments"): "not modelled",
    # The fixtures show card payments; a card_present one has card_present in their place.
    ("payment_method", "card"): "a card_present PaymentMethod has card_present instead",
    ("charge", "payment_method_details.card"): "a card_present charge has card_present instead",
}


@dataclass
class Exchange:
    """One request the sandbox answered."""

    method: str
    path: str
    params: dict[str, Any]
    status: int
    body: bytes
    from_sdk: bool


RECORDED: list[Exchange] = []
_listeners: list[list[Exchange]] = []


def install() -> None:
    """Make every sandbox of this process record what it answers (once per session)."""
    if getattr(Sandbox.handle_api, "_records", False):
        return
    original = Sandbox.handle_api

    def handle_api(self: Sandbox, method: str, path: str, query: str, body: str,
                   headers: dict[str, str],
                   over_limit: bool = False) -> tuple[int, bytes, dict[str, str]]:
        status, payload, extra = original(self, method, path, query, body, headers, over_limit)
        try:
            params = decode_form(body if method == "POST" else query)
        except Exception:
            params = {}
        exchange = Exchange(method, path, params, status, payload,
                            "PythonBindings" in headers.get("user-agent", ""))
        RECORDED.append(exchange)
        for listener in _listeners:
            listener.append(exchange)
        return status, payload, extra

    handle_api._records = True  # type: ignore[attr-defined]
    Sandbox.handle_api = handle_api  # type: ignore[method-assign]


@contextmanager
def recording() -> Iterator[list[Exchange]]:
    """What sandboxes answer inside the block."""
    install()
    seen: list[Exchange] = []
    _listeners.append(seen)
    try:
        yield seen
    finally:
        _listeners.remove(seen)


def differences(exchanges: list[Exchange]) -> list[str]:
    """Every difference from the SDK's description, deduplicated, allow-list applied."""
    found: set[str] = set()
    shapes: set[str] = set()
    for exchange in exchanges:
        if exchange.status < 300:
            data = json.loads(exchange.body)
            signature = _signature(data)
            if signature not in shapes:
                shapes.add(signature)
                check_object(data, "", found)
            if exchange.from_sdk:
                check_request(exchange.method, exchange.path, exchange.params, found)
    return sorted(found)


# responses ----------------------------------------------------------------------------


def _signature(data: Any) -> str:
    """A shape signature (keys and value types, not values), so each shape is checked once."""
    if isinstance(data, dict):
        extra = data.get("object") if isinstance(data.get("object"), str) else ""
        inner = ",".join(f"{k}:{_signature(v)}" for k, v in sorted(data.items()))
        return f"{extra}{{{inner}}}"
    if isinstance(data, list):
        return "[" + "|".join(sorted({_signature(v) for v in data})) + "]"
    if isinstance(data, str):
        # Enum-like words are part of the shape (each value is checked); other text is not.
        return data if re.fullmatch(r"[a-z][a-z_.]{0,40}", data) else "s"
    return type(data).__name__


@cache
def _fixtures() -> dict[str, dict[str, Any]]:
    fields: dict[str, dict[str, Any]] = json.loads(FIXTURES.read_text(encoding="utf-8"))
    fields.pop("_source")
    return fields


def _missing(data: dict[str, Any], tree: dict[str, Any], where: str, kind: str,
             found: set[str]) -> None:
    """Fields of Stripe's fixture `tree` (nested hashes included) that `data` lacks."""
    for key, inner in tree.items():
        path = f"{where}.{key}"
        if key not in data:
            if (kind, path.removeprefix(f"{kind}.")) not in ALLOWED:
                found.add(f"{path}: missing (Stripe always returns it)")
        elif isinstance(inner, dict) and isinstance(data[key], dict):
            _missing(data[key], inner, path, kind, found)


@cache
def _classes_by_name() -> dict[str, type]:
    return {name: class_of(kind) for kind, (_, name) in OBJECT_CLASSES.items()}


@cache
def class_of(kind: str) -> type:
    """The SDK class of an API object type."""
    return get_object_class("V1", kind)


def _hints(cls: type) -> dict[str, Any]:
    hints: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        hints.update(getattr(base, "__annotations__", {}))
    return {k: v for k, v in hints.items() if not k.startswith("_") and k.islower()
            and typing.get_origin(v) is not typing.ClassVar}


def check_object(data: Any, where: str, found: set[str], cls: type | None = None) -> None:
    """Check an API object (or list) against its SDK class; differences go into `found`."""
    if not isinstance(data, dict):
        return
    kind = data.get("object")
    if isinstance(kind, str) and kind in ("list", "search_result"):
        for item in data.get("data", []):
            check_object(item, f"{where}{kind}.data[]", found)
        return
    if isinstance(kind, str):
        if kind.startswith("sandbox."):
            return
        if kind not in OBJECT_CLASSES:
            found.add(f"{kind}: no such object type in stripe-python")
            return
        cls = class_of(kind)
        where = kind
        fixture = _fixtures().get(kind)
        if fixture is not None and not data.get("deleted"):
            _missing(data, fixture, where, kind, found)
    if cls is None:
        return
    hints = _hints(cls)
    for key, value in data.items():
        if key not in hints:
            if not (data.get("deleted") and key == "deleted"):
                found.add(f"{where}.{key}: not a field of {cls.__name__}")
            continue
        _check_value(value, hints[key], f"{where}.{key}", found)


def _check_value(value: Any, hint: Any, where: str, found: set[str]) -> None:
    problem = _mismatch(value, hint, where, found)
    if problem:
        found.add(f"{where}: {problem}")


def _resolve(hint: Any) -> Any:
    if isinstance(hint, typing.ForwardRef):
        return _classes_by_name().get(hint.__forward_arg__, Any)
    if isinstance(hint, str):
        return _classes_by_name().get(hint, Any)
    return hint


def _mismatch(value: Any, hint: Any, where: str, found: set[str]) -> str | None:
    """Why `value` does not fit `hint` (None when it does); nested objects are checked into
    `found` directly."""
    hint = _resolve(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any or hint is object:
        return None
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None if type(None) in args else "null, not allowed here"
        literals = [a for a in args if typing.get_origin(a) is typing.Literal]
        if isinstance(value, str) and literals:
            allowed = {v for lit in literals for v in typing.get_args(lit)}
            if value not in allowed:
                return f"{value!r} is not one of {sorted(allowed)}"
            return None
        options = [a for a in args if a is not type(None)]
        reasons = []
        for option in options:
            trial: set[str] = set()
            reason = _mismatch(value, option, where, trial)
            if reason is None:
                found.update(trial)
                return None
            reasons.append(reason)
        return reasons[0] if len(reasons) == 1 else f"fits none of {len(options)} types"
    if origin is typing.Literal:
        return None if value in args else f"{value!r} is not one of {list(args)}"
    if value is None:
        return "null, not allowed here"
    if hint is bool:
        return None if isinstance(value, bool) else f"{type(value).__name__}, not bool"
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else f"{type(value).__name__}, not int"
    if hint is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return None if ok else f"{type(value).__name__}, not float"
    if hint is str:
        return None if isinstance(value, str) else f"{type(value).__name__}, not str"
    if origin in (list, typing.List):  # noqa: UP006
        if not isinstance(value, list):
            return f"{type(value).__name__}, not a list"
        for item in value:
            _check_value(item, args[0] if args else Any, f"{where}[]", found)
        return None
    if origin in (dict, typing.Dict):  # noqa: UP006
        return None if isinstance(value, dict) else f"{type(value).__name__}, not a hash"
    base = origin or hint
    if isinstance(base, type) and issubclass(base, ListObject | SearchResultObject):
        if not isinstance(value, dict) or value.get("object") not in ("list", "search_result"):
            return "not a list object"
        for item in value.get("data", []):
            _check_value(item, args[0] if args else Any, f"{where}.data[]", found)
        return None
    if isinstance(base, type) and issubclass(base, StripeObject):
        if not isinstance(value, dict):
            return f"{type(value).__name__}, not a {base.__name__}"
        untyped = base.__name__ == "UntypedStripeObject"
        if not untyped:
            check_object(value, where, found, base)
        return None
    return None


# requests -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    method: str
    pattern: re.Pattern[str]
    params: str
    module: str


@cache
def endpoints() -> tuple[Endpoint, ...]:
    """Every SDK method's HTTP method, path and typed params, read from its service code."""
    root = Path(stripe.__file__).parent
    found: list[Endpoint] = []
    for source in root.rglob("*_service.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        modules = {alias.name: node.module for node in ast.walk(tree)
                   if isinstance(node, ast.ImportFrom) and node.module
                   for alias in node.names}
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            params = next((a.annotation for a in function.args.args if a.arg == "params"), None)
            name = re.search(r"['\"](\w+Params)['\"]", ast.unparse(params)) if params else None
            call = next((n for n in ast.walk(function) if isinstance(n, ast.Call)
                         and ast.unparse(n.func).endswith("._request")), None)
            if name is None or call is None or len(call.args) < 2:
                continue
            method, path = call.args[0], call.args[1]
            if isinstance(path, ast.Call) and isinstance(path.func, ast.Attribute):
                path = path.func.value
            if not (isinstance(method, ast.Constant) and isinstance(path, ast.Constant)):
                continue
            regex = re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(str(path.value)))
            found.append(Endpoint(str(method.value).upper(), re.compile(f"^{regex}$"),
                                  name.group(1), modules.get(name.group(1), "stripe.params")))
    # Literal paths before placeholders (/v1/customers/search before /v1/customers/{id}).
    found.sort(key=lambda e: e.pattern.pattern.count("[^/]+"))
    return tuple(found)


class _Namespace(dict[str, Any]):
    """Names for evaluating the params' string annotations; unknown ones mean Any."""

    def __missing__(self, key: str) -> Any:
        return getattr(stripe.params, key, None) or _params_class(key) or Any


@cache
def _params_class(name: str) -> Any:
    for module in list(sys.modules.values()):
        if module is not None and module.__name__.startswith("stripe.params"):
            found = getattr(module, name, None)
            if found is not None:
                return found
    return None


_NAMES = _Namespace(Literal=typing.Literal, List=list, Dict=dict, Union=typing.Union,
                    Optional=typing.Optional, Any=Any, NotRequired=typing.NotRequired,
                    Required=typing.Required, str=str, int=int, bool=bool, float=float,
                    dict=dict, list=list)


def _evaluated(hint: Any) -> Any:
    if isinstance(hint, typing.ForwardRef):
        hint = hint.__forward_arg__
    if isinstance(hint, str):
        hint = eval(hint, {}, _NAMES)  # noqa: S307 - the SDK's own annotations
    origin = typing.get_origin(hint)
    if origin in (typing.NotRequired, typing.Required):
        return _evaluated(typing.get_args(hint)[0])
    return hint


def check_request(method: str, path: str, params: dict[str, Any], found: set[str]) -> None:
    """Check one accepted SDK request against the typed params of its endpoint."""
    if path.startswith("/v1/test_helpers/sandbox/"):
        return
    endpoint = next((e for e in endpoints() if e.method == method and e.pattern.match(path)),
                    None)
    if endpoint is None:
        found.add(f"{method} {path}: no stripe-python method sends this request")
        return
    typed = getattr(importlib.import_module(endpoint.module), endpoint.params)
    _check_form(params, typed, endpoint.params, found)


def _check_form(value: Any, hint: Any, where: str, found: set[str]) -> None:
    hint = _evaluated(hint)
    if is_typeddict(hint):
        if not isinstance(value, dict):
            found.add(f"{where}: {type(value).__name__}, not a hash")
            return
        fields = hint.__annotations__
        for key, inner in value.items():
            if key not in fields:
                found.add(f"{where}[{key}]: not a parameter of {hint.__name__}")
            else:
                _check_form(inner, fields[key], f"{where}[{key}]", found)
        return
    problem = _form_mismatch(value, hint, where, found)
    if problem:
        found.add(f"{where}: {problem}")


def _form_mismatch(value: Any, hint: Any, where: str, found: set[str]) -> str | None:
    """Form encoding sends every leaf as text: check the text fits the type."""
    hint = _evaluated(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return None
    if origin in (typing.Union, types.UnionType):
        options = [_evaluated(a) for a in args]
        hashes = [o for o in options if is_typeddict(o)]
        if isinstance(value, dict) and len(hashes) == 1:
            _check_form(value, hashes[0], where, found)
            return None
        literals = {str(v) for o in options if typing.get_origin(o) is typing.Literal
                    for v in typing.get_args(o)}
        for option in options:
            if option is str or typing.get_origin(option) is typing.Literal:
                continue
            trial: set[str] = set()
            if _form_mismatch(value, option, where, trial) is None and not trial:
                return None
        if isinstance(value, str) and (value in literals
                                       or (str in options and literals <= {""})):
            return None
        if isinstance(value, str) and literals:
            return f"{value!r} is not one of {sorted(literals)}"
        return f"{value!r} fits none of {hint}"
    if origin is typing.Literal:
        ok = isinstance(value, str) and value in {str(a) for a in args}
        return None if ok else f"{value!r} not in {list(args)}"
    if is_typeddict(hint):
        trial = set()
        _check_form(value, hint, where, trial)
        found.update(trial)
        return None if isinstance(value, dict) else "not a hash"
    if origin in (list, typing.List):  # noqa: UP006
        if not isinstance(value, list):
            return "not a list"
        for item in value:
            problem = _form_mismatch(item, args[0] if args else Any, f"{where}[]", found)
            if problem:
                return problem
        return None
    if origin in (dict, typing.Dict):  # noqa: UP006
        return None if isinstance(value, dict) else "not a hash"
    if hint is bool:
        return None if value in ("true", "false") else f"{value!r} is not a boolean"
    if hint is int:
        return None if isinstance(value, str) and re.fullmatch(r"-?\d+", value) \
            else f"{value!r} is not an integer"
    if hint is float:
        return None if isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value) \
            else f"{value!r} is not a number"
    if hint is str:
        return None if isinstance(value, str) else f"{type(value).__name__}, not text"
    return None


ReportLine = Callable[[str], None]


def report(exchanges: list[Exchange], write: ReportLine) -> int:
    """Write the differences found in `exchanges`; returns how many."""
    found = differences(exchanges)
    if found:
        write(f"Sandbox contract: {len(found)} difference(s) from stripe-python "
              f"({len(exchanges)} exchanges checked):")
        for line in found:
            write(f"  {line}")
    return len(found)
