"""Command line of the sandbox: `python -m posapp.sandbox` and `python main.py sandbox`."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable

from .seed import apply_seed
from .server import Options, Sandbox
from .state import State

MAX_BENCH = 10_000_000
DEFAULT_API_KEY = "sk_test_posapp_sandbox"


def test_key(text: str) -> str:
    """An argparse type: a test-mode secret or restricted key."""
    if not text.startswith(("sk_test_", "rk_test_")) or len(text) <= len("sk_test_"):
        raise argparse.ArgumentTypeError(f"{text[:12]!r}… is not a test key (sk_test_… or "
                                         "rk_test_…)")
    return text


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: an integer from `low` to `high`, or a message saying so."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range: use {low} to {high}")
        return value
    return parse


def share(text: str) -> float:
    """An argparse type: a share from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is out of range: use 0 to 1")
    return value


def seed_name(text: str) -> str:
    """An argparse type: `empty`, `demo` or `bench:N` (N up to MAX_BENCH)."""
    name, colon, count = text.partition(":")
    if name in ("empty", "demo") and not colon:
        return text
    if name == "bench" and colon:
        whole_number(0, MAX_BENCH)(count)
        return text
    raise argparse.ArgumentTypeError(f"unknown seed {text!r}: use empty, demo or bench:N "
                                     f"(N from 0 to {MAX_BENCH:,})")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The sandbox's options, shared by both entry points."""
    parser.add_argument("--port", type=whole_number(0, 65535), default=12111,
                        help="port on 127.0.0.1 (0 picks a free one; default 12111)")
    parser.add_argument("--seed", type=seed_name, default="empty",
                        help="initial data: empty, demo, or bench:N (default empty)")
    parser.add_argument("--latency-ms", type=whole_number(0, 60_000), default=0,
                        help="delay every API request by this many milliseconds (0-60000)")
    parser.add_argument("--rate-limit", type=whole_number(1, 1_000_000), default=None,
                        help="answer 429 beyond N requests per second (N >= 1)")
    parser.add_argument("--fail-rate", type=share, default=0.0,
                        help="share of requests (0..1) answered 500 or committed then dropped")
    keys = parser.add_mutually_exclusive_group()
    keys.add_argument("--api-key", action="append", type=test_key, metavar="KEY",
                      help=f"a test key the sandbox accepts (repeatable; default "
                           f"{DEFAULT_API_KEY}); others get 401 Invalid API Key")
    keys.add_argument("--any-test-key", action="store_true",
                      help="accept any well-formed test key (sk_test_… or rk_test_…)")


def report_progress(done: int, total: int) -> None:
    """One stderr line on how far a big seed has come."""
    print(f"seeding: {done:,} of {total:,} objects", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    """Start the sandbox in the foreground until interrupted; prints the base URL first."""
    state = State()
    try:
        keys = None if args.any_test_key else tuple(args.api_key or (DEFAULT_API_KEY,))
        sandbox = Sandbox(state, Options(args.latency_ms, args.rate_limit, args.fail_rate,
                                         api_keys=keys), port=args.port)
    except OSError as error:
        print(f"cannot listen on 127.0.0.1:{args.port}: {error.strerror}", file=sys.stderr)
        return 1
    try:
        # Seed after the server exists: seeded objects carry URLs built on its address.
        apply_seed(state, args.seed, report_progress)
    except KeyboardInterrupt:
        sandbox.httpd.server_close()
        print("stopped while seeding", file=sys.stderr)
        return 130
    print(sandbox.url, flush=True)
    accepted = "any test key" if keys is None else "API key " + ", ".join(keys)
    print(f"PosApp Stripe sandbox ({args.seed}); {accepted}. Ctrl-C stops.", flush=True)
    sandbox.start()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m posapp.sandbox",
                                     description="Local Stripe-compatible API server.")
    add_arguments(parser)
    return run(parser.parse_args(argv))
