"""Command line of the sandbox: `python -m posapp.sandbox` and `python main.py sandbox`."""

from __future__ import annotations

import argparse
import sys
import threading

from .seed import apply_seed
from .server import Options, Sandbox
from .state import State


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The sandbox's options, shared by both entry points."""
    parser.add_argument("--port", type=int, default=12111,
                        help="port on 127.0.0.1 (0 picks a free one; default 12111)")
    parser.add_argument("--seed", default="empty",
                        help="initial data: empty, demo, or bench:N (default empty)")
    parser.add_argument("--latency-ms", type=int, default=0,
                        help="delay every API request by this many milliseconds")
    parser.add_argument("--rate-limit", type=int, default=None,
                        help="answer 429 beyond N requests per second")
    parser.add_argument("--fail-rate", type=float, default=0.0,
                        help="share of requests (0..1) answered 500 or committed then dropped")


def run(args: argparse.Namespace) -> int:
    """Start the sandbox in the foreground until interrupted; prints the base URL first."""
    if not 0.0 <= args.fail_rate <= 1.0:
        print("--fail-rate must be between 0 and 1", file=sys.stderr)
        return 2
    state = State()
    try:
        sandbox = Sandbox(state, Options(args.latency_ms, args.rate_limit, args.fail_rate),
                          port=args.port)
    except OSError as error:
        print(f"cannot listen on 127.0.0.1:{args.port}: {error.strerror}", file=sys.stderr)
        return 1
    try:
        # Seed after the server exists: seeded objects carry URLs built on its address.
        apply_seed(state, args.seed)
    except ValueError as error:
        sandbox.httpd.server_close()
        print(error, file=sys.stderr)
        return 2
    print(sandbox.url, flush=True)
    print(f"PosApp Stripe sandbox ({args.seed}); test keys only, e.g. sk_test_123. "
          "Ctrl-C stops.", flush=True)
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
