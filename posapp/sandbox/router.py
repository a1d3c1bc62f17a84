"""The sandbox's route table: handlers register with `@api(...)` or `@page(...)`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .params import Params
from .state import Obj, State


@dataclass
class Request:
    """What a handler sees of one request."""

    state: State
    params: Params
    path_args: dict[str, str]
    method: str
    path: str
    base_url: str
    api_key: str = ""
    request_id: str = ""
    idempotency_key: str | None = None
    form: dict[str, str] = field(default_factory=dict)


ApiHandler = Callable[[Request], Obj]


@dataclass
class PageResponse:
    """A non-API answer: an HTML page, a PDF, or a redirect."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None


PageHandler = Callable[[Request], PageResponse]


@dataclass
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Callable[[Request], Any]
    allowed: frozenset[str]
    required: tuple[str, ...]
    is_api: bool
    template: str


ROUTES: list[Route] = []


def _add(route: Route) -> None:
    # Literal paths win over placeholders: /v1/customers/search before /v1/customers/{id}.
    ROUTES.append(route)
    ROUTES.sort(key=lambda r: r.template.count("{"))


def _compile(template: str) -> re.Pattern[str]:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
    return re.compile(f"^{regex}$")


def api(method: str, template: str, params: Iterable[str] = (),
        required: Iterable[str] = ()) -> Callable[[ApiHandler], ApiHandler]:
    """Register a JSON API handler; unknown and missing parameters are rejected before it runs."""
    def register(handler: ApiHandler) -> ApiHandler:
        _add(Route(method, _compile(template), handler, frozenset(params), tuple(required),
                   True, template))
        return handler
    return register


def page(method: str, template: str) -> Callable[[PageHandler], PageHandler]:
    """Register a hosted page (Checkout, invoice, portal): no API key, HTML in and out."""
    def register(handler: PageHandler) -> PageHandler:
        _add(Route(method, _compile(template), handler, frozenset(), (), False, template))
        return handler
    return register


def match(method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    """The route for a request, with its path arguments."""
    for route in ROUTES:
        if route.method != method:
            continue
        found = route.pattern.match(path)
        if found:
            return route, found.groupdict()
    return None

