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


class Params:
    """Request parameters with Stripe's validation messages."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def check(self, allowed: Iterable[str], required: Iterable[str] = ()) -> None:
        """Reject unknown parameters and missing required ones, as Stripe does."""
        allowed_set = set(allowed) | {"expand"}
        for name in self.data:
            if name not in allowed_set:
                raise unknown_param(name)
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
        raise invalid(f"Invalid integer: {value}", param=name) from None
    if minimum is not None and number < minimum:
        raise invalid(f"This value must be greater than or equal to {minimum}.", param=name)
    if maximum is not None and number > maximum:
        raise invalid(f"This value must be less than or equal to {maximum}.", param=name)
    return number


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
