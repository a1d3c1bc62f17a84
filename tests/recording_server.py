"""A stand-in for a server the app must not trust: it answers like a tiny Stripe and records
every request it receives (method, path, headers, body), so a test can say what reached it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ACCOUNT = {"id": "acct_1Recorded000001", "object": "account", "email": "shop@example.com",
           "default_currency": "usd", "settings": {"dashboard": {"display_name": "Recorded"}}}


@dataclass(frozen=True)
class Received:
    """One request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def text(self) -> str:
        """Everything the client sent, as one string to search."""
        head = "\n".join(f"{k}: {v}" for k, v in self.headers.items())
        return f"{self.method} {self.path}\n{head}\n\n{self.body.decode('utf-8', 'replace')}"


class RecordingServer:
    """The server's address (`url`) and what it has received (`requests`)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.requests: list[Received] = []


@contextmanager
def recording_server() -> Iterator[RecordingServer]:
    """A recording server on a free loopback port, stopped after the block."""
    handle: RecordingServer | None = None

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            assert handle is not None
            handle.requests.append(Received(self.command, self.path, dict(self.headers), body))
            if self.path.startswith("/v1/account"):
                payload: dict[str, object] = ACCOUNT
            else:
                payload = {"object": "list", "data": [], "has_more": False, "url": self.path}
            data = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Request-Id", "req_recorded")
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_DELETE = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    handle = RecordingServer(f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield handle
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
