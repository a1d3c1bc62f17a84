"""HTTP front of the sandbox: auth, rate limits, idempotency, fault injection, dispatch."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import random
import socket
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import orjson

from . import router
from .engine.connect import connected_state
from .engine.payouts import tick
from .errors import REQUEST_LOG_URL, ApiError
from .params import Params, decode_form
from .seed import apply_seed
from .state import API_VERSION, RequestContext, State

TEST_KEY_PREFIXES = ("sk_test_", "rk_test_")
LIVE_KEY_PREFIXES = ("sk_live_", "rk_live_")
IDEMPOTENCY_KEY_MAX = 255


@dataclass
class Options:
    """Reliability knobs for tests and benchmarks."""

    latency_ms: int = 0
    rate_limit: int | None = None
    fail_rate: float = 0.0
    fail_seed: int | None = None
    # The API keys the sandbox knows; None: any well-formed test key (the demo, the tests).
    api_keys: tuple[str, ...] | None = None

    def keys(self) -> frozenset[str] | None:
        return None if self.api_keys is None else frozenset(self.api_keys)

    def __post_init__(self) -> None:
        if self.latency_ms < 0:
            raise ValueError(f"latency_ms must not be negative (got {self.latency_ms})")
        if self.rate_limit is not None and self.rate_limit < 1:
            raise ValueError(f"rate_limit must be at least 1 (got {self.rate_limit})")
        if not 0.0 <= self.fail_rate <= 1.0:
            raise ValueError(f"fail_rate must be between 0 and 1 (got {self.fail_rate})")


@dataclass
class _Stored:
    endpoint: str
    fingerprint: str
    status: int
    body: bytes
    request_id: str


class Sandbox:
    """One running sandbox: state, options and the HTTP server thread."""

    def __init__(self, state: State, options: Options, host: str = "127.0.0.1",
                 port: int = 0) -> None:
        self.state = state
        self.options = options
        self._idempotency: dict[str, _Stored] = {}
        self._inflight: set[str] = set()
        self._window: deque[float] = deque()
        self._window_lock = threading.Lock()
        self._fail_rng = random.Random(options.fail_seed)
        self.requests_served = 0
        self.httpd = _Server((host, port), _Handler)
        self.httpd.sandbox = self
        self.url = f"http://{host}:{self.httpd.server_address[1]}"
        state.api_base = self.url
        self._thread: threading.Thread | None = None

    def start(self) -> Sandbox:
        # A short poll interval keeps stop() (and so every test's teardown) quick.
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,),
                                        name="sandbox-http", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening and drop open connections (the app sees Stripe go offline)."""
        self.httpd.shutdown()
        self.httpd.server_close()
        self.httpd.close_all()
        if self._thread is not None:
            self._thread.join(timeout=5)

    # policy -----------------------------------------------------------------------

    def over_rate_limit(self) -> bool:
        limit = self.options.rate_limit
        if not limit:
            return False
        now = time.monotonic()
        with self._window_lock:
            while self._window and now - self._window[0] >= 1.0:
                self._window.popleft()
            if len(self._window) >= limit:
                return True
            self._window.append(now)
            return False

    def draw_fault(self) -> str | None:
        """None, "error" (500 before doing anything) or "drop" (commit, then hang up)."""
        if self.options.fail_rate <= 0:
            return None
        with self._window_lock:
            if self._fail_rng.random() >= self.options.fail_rate:
                return None
            return "error" if self._fail_rng.random() < 0.5 else "drop"

    def handle_api(self, method: str, path: str, query: str, body: str,
                   headers: dict[str, str],
                   over_limit: bool = False) -> tuple[int, bytes, dict[str, str]]:
        """Answer one /v1 request; returns status, JSON body and extra headers."""
        request_id = "req_" + "".join(random.choices("abcdefghijklmnopqrstuvwxyz0123456789",
                                                     k=14))
        out_headers = {"Request-Id": request_id, "Stripe-Version": API_VERSION}
        idem_key = headers.get("idempotency-key") if method == "POST" else None
        fingerprint = ""  # stays empty when the parameters cannot be read: nothing is stored
        try:
            key = _check_auth(headers.get("authorization", ""), self.options.keys())
            _check_version(headers.get("stripe-version"))
            raw_params = decode_form(body if method == "POST" else query)
            fingerprint = _fingerprint(method, path, raw_params)
            if over_limit:
                raise ApiError(429, "Request rate limit exceeded. You can learn more about "
                               "rate limits here https://stripe.com/docs/rate-limits.",
                               code="rate_limit", headers={"Stripe-Should-Retry": "true"})
            if idem_key and len(idem_key) > IDEMPOTENCY_KEY_MAX:
                raise ApiError(400, f"Invalid idempotency key: it can be at most "
                               f"{IDEMPOTENCY_KEY_MAX} characters long (it has "
                               f"{len(idem_key)}).", param="Idempotency-Key", executed=False)
            if idem_key:
                replay = self._replay(idem_key, fingerprint, f"{method} {path}")
                if replay is not None:
                    return replay[0], replay[1], {**out_headers, **replay[2]}
            try:
                status, payload = 200, self._execute(method, path, raw_params, key,
                                                     request_id, idem_key,
                                                     headers.get("stripe-account"))
            except ApiError:
                raise
            except Exception as bug:
                # A sandbox bug must still answer like Stripe's 500, not drop the connection.
                traceback.print_exc()
                raise ApiError(500, f"The sandbox failed on this request ({type(bug).__name__}: "
                               f"{bug}).", type="api_error") from bug
            finally:
                if idem_key:
                    with self._window_lock:
                        self._inflight.discard(idem_key)
        except ApiError as error:
            if error.missing_id and error.missing_id not in path \
                    and error.param not in ("starting_after", "ending_before"):
                # Stripe: 404 for the URL's object, 400 for an id passed as a parameter.
                error.status = 400
            status = error.status
            payload = _json_body(error.body(REQUEST_LOG_URL.format(request_id=request_id)))
            out_headers.update(error.headers)
            # Stripe saves no idempotent result when the request never started executing.
            if status in (401, 409, 429) or status >= 500 or not error.executed \
                    or not fingerprint:
                return status, payload, out_headers
        if idem_key:
            with self._window_lock:
                self._idempotency.setdefault(
                    idem_key, _Stored(f"{method} {path}", fingerprint, status, payload,
                                      request_id))
        return status, payload, out_headers

    def _execute(self, method: str, path: str, raw_params: dict[str, Any], key: str,
                 request_id: str, idem_key: str | None, account: str | None = None) -> bytes:
        found = router.match(method, path)
        if found is None or not found[0].is_api:
            raise ApiError(404, f"Unrecognized request URL ({method}: {path}). Please see "
                           "https://stripe.com/docs or we can help at "
                           "https://support.stripe.com/.", executed=False)
        route, path_args = found
        if _restricted_readonly(key) and method != "GET":
            raise ApiError(403, f"The provided key '{_mask(key)}' does not have the required "
                           "permissions for this endpoint on account "
                           f"'{self.state.account['id']}'. Having the 'rak_write' permission "
                           "would allow this request to continue.",
                           code="insufficient_permissions", executed=False)
        params = Params(raw_params)
        params.check(route.allowed, route.required)
        with self.state.lock:
            # The `Stripe-Account` header scopes the request to a connected account.
            state = connected_state(self.state, account.strip()) if account else self.state
            tick(state)
            request = router.Request(state, params, path_args, method, path, self.url,
                                     api_key=key, request_id=request_id,
                                     idempotency_key=idem_key)
            state.request = RequestContext(request_id, idem_key)
            try:
                obj = route.handler(request)
                return _json_body(state.render(obj, params.expand()))
            finally:
                state.request = RequestContext()

    def _replay(self, key: str, fingerprint: str,
                endpoint: str) -> tuple[int, bytes, dict[str, str]] | None:
        with self._window_lock:
            stored = self._idempotency.get(key)
            if stored is None:
                if key in self._inflight:
                    raise ApiError(409, "There is currently another in-progress request using "
                                   f"this Stripe-Idempotency-Key ('{key}'). Please try again "
                                   "later.", type="idempotency_error",
                                   code="idempotency_key_in_use",
                                   headers={"Stripe-Should-Retry": "true"})
                self._inflight.add(key)
                return None
        if stored.endpoint != endpoint:
            error = ApiError(400, "Keys for idempotent requests can only be used for the same "
                             f"endpoint they were first used for ('{stored.endpoint}' vs "
                             f"'{endpoint}'). Try using a key other than '{key}' if you meant "
                             "to execute a different request.", type="idempotency_error")
            return 400, _json_body(error.body()), {}
        if stored.fingerprint != fingerprint:
            error = ApiError(400, "Keys for idempotent requests can only be used with the same "
                             "parameters they were first used with. Try using a key other than "
                             f"'{key}' if you meant to execute a different request.",
                             type="idempotency_error")
            return 400, _json_body(error.body()), {}
        return stored.status, stored.body, {"Idempotent-Replayed": "true",
                                            "Original-Request": stored.request_id}


# orjson serialises only what json does natively; anything else (a subclass, a dataclass, a
# datetime) it refuses and `_json_body` hands to json, as before.
_ORJSON_AS_JSON = (orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATACLASS
                   | orjson.OPT_PASSTHROUGH_DATETIME)


def _json_body(value: Any) -> bytes:
    """`value` as an answer's JSON: by orjson (8x json.dumps on a page of 100 objects, where
    json.dumps was a quarter of the sandbox's CPU), compact and UTF-8; what orjson refuses
    (integers beyond 64 bits, lone surrogates, non-string keys, the types above) by json,
    with its errors."""
    try:
        return orjson.dumps(value, option=_ORJSON_AS_JSON)
    except orjson.JSONEncodeError:
        return json.dumps(value).encode()


def _fingerprint(method: str, path: str, params: dict[str, Any]) -> str:
    text = json.dumps([method, path, params], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _mask(key: str) -> str:
    prefix = key[: key.find("_", 3) + 1] if key.count("_") >= 2 else key[:3]
    return f"{prefix}{'*' * 12}{key[-4:]}"


def _restricted_readonly(key: str) -> bool:
    return key.startswith("rk_") and "readonly" in key


def _key_of(header: str) -> str:
    """The API key of `Authorization: Bearer KEY` or of HTTP Basic auth (`KEY:`), as Stripe
    reads it."""
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(value.strip(), validate=True).decode().partition(":")[0]
        except (ValueError, UnicodeDecodeError):
            return ""
    return ""


def _check_auth(header: str, keys: frozenset[str] | None) -> str:
    """The API key of the request, or Stripe's 401: none given, a live key, or a key this
    sandbox does not know (any well-formed test key when `keys` is None)."""
    key = _key_of(header)
    if not key:
        raise ApiError(401, "You did not provide an API key. You need to provide your API key "
                       "in the Authorization header, using Bearer auth (e.g. 'Authorization: "
                       "Bearer YOUR_SECRET_KEY').")
    if key.startswith(LIVE_KEY_PREFIXES):
        raise ApiError(401, "This PosApp sandbox only accepts test mode keys (sk_test_… or "
                       f"rk_test_…); a live mode key was provided: {_mask(key)}.",
                       code="api_key_expired" if "expired" in key else None)
    suffix = key.split("_", 2)[-1]
    well_formed = key.startswith(TEST_KEY_PREFIXES) and suffix.replace("_", "").isalnum()
    known = key in keys if keys is not None else well_formed
    if not well_formed or not known or "expired" in key:
        raise ApiError(401, f"Invalid API Key provided: {_mask(key)}")
    return key


def _check_version(requested: str | None) -> None:
    """The sandbox renders one API version: another `Stripe-Version` is refused."""
    if requested is not None and requested.strip() != API_VERSION:
        raise ApiError(400, f"Invalid Stripe API version: {requested.strip()}. This sandbox "
                       f"serves {API_VERSION} only.", param="Stripe-Version", executed=False)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
    sandbox: Sandbox

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self._connections: set[socket.socket] = set()
        self._conn_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._conn_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._conn_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up (a timeout, a test stopping) is normal; anything else is not."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    def close_all(self) -> None:
        with self._conn_lock:
            connections = list(self._connections)
        for connection in connections:
            with suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle's algorithm and delayed ACKs
    # every keep-alive request would wait ~40 ms for the second one.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the sandbox's callers have their own logs."""

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        sandbox = self.server.sandbox
        parts = urlsplit(self.path)
        try:
            body = self._read_body()
        except ApiError as refused:
            # The body's end is unknown: answer and close rather than read on.
            self.close_connection = True
            self._send(refused.status, _json_body(refused.body()), "application/json", {})
            return
        except ConnectionAbortedError:
            # The client went away mid-request (killed): nothing arrived to act on.
            self.close_connection = True
            return
        # Counted once the whole request is in, so a test that kills the client after it
        # knows the server has what it needs to act.
        sandbox.requests_served += 1
        headers = {k.lower(): v for k, v in self.headers.items()}
        # Counted on arrival, as Stripe does, not after the simulated latency.
        over_limit = parts.path.startswith("/v1/") and sandbox.over_rate_limit()
        if sandbox.options.latency_ms:
            time.sleep(sandbox.options.latency_ms / 1000)
        if not parts.path.startswith("/v1/"):
            self._page(method, parts.path, parts.query, body)
            return
        fault = sandbox.draw_fault()
        if fault == "error":
            error = ApiError(500, "An unknown error occurred (injected by the sandbox's "
                             "--fail-rate).", type="api_error")
            self._send(500, _json_body(error.body()), "application/json",
                       {"Stripe-Should-Retry": "true"})
            return
        status, payload, extra = sandbox.handle_api(method, parts.path, parts.query, body,
                                                    headers, over_limit)
        if fault == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._send(status, payload, "application/json", extra)

    def _read_body(self) -> str:
        """The request body as text; a malformed length or non-UTF-8 bytes are Stripe's 400,
        and a body cut short (the client gone) is `ConnectionAbortedError`."""
        declared = self.headers.get("Content-Length")
        if declared is None:
            return ""
        if not declared.strip().isdigit():
            raise ApiError(400, f"Invalid request: Content-Length must be a number of bytes, "
                           f"not {declared[:40]!r}.")
        length = int(declared)
        try:
            body = self.rfile.read(length) if length else b""
            if len(body) < length:
                raise ConnectionAbortedError("the request body ended early")
            return body.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "Invalid request: the request body is not valid UTF-8.") \
                from None

    def _page(self, method: str, path: str, query: str, body: str) -> None:
        sandbox = self.server.sandbox
        found = router.match(method, path)
        if found is None or found[0].is_api:
            self._send(404, b"<h1>Not found</h1>", "text/html; charset=utf-8", {})
            return
        route, args = found
        with sandbox.state.lock:
            try:
                form = {k: v for k, v in decode_form(body or query).items()
                        if isinstance(v, str)}
                request = router.Request(sandbox.state, Params(decode_form(query)), args,
                                         method, path, sandbox.url, form=form)
                response = route.handler(request)
            except ApiError as error:
                response = router.PageResponse(
                    f"<h1>{error.status}</h1><p>{html.escape(error.message)}</p>".encode(),
                    status=error.status)
        headers = {"Location": response.location} if response.location else {}
        self._send(response.status, response.body, response.content_type, headers)

    def _send(self, status: int, payload: bytes, content_type: str,
              headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)


@contextmanager
def running(seed: str = "empty", *, latency_ms: int = 0, rate_limit: int | None = None,
            fail_rate: float = 0.0, fail_seed: int | None = None, port: int = 0,
            api_keys: tuple[str, ...] | None = None) -> Iterator[Sandbox]:
    """Run a sandbox in this process on a free port; `.url` is its API base. It accepts any
    test key unless `api_keys` names the ones it knows."""
    state = State()
    sandbox = Sandbox(state, Options(latency_ms, rate_limit, fail_rate, fail_seed, api_keys),
                      port=port)
    apply_seed(state, seed)
    sandbox.start()
    try:
        yield sandbox
    finally:
        sandbox.stop()
