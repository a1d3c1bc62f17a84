"""Composition root: the command line, and the wiring of the parts it starts.

`python main.py` and the `posapp` console script both land in `main()`. Qt is imported only
when a window is opened, so `--help`, `sync` and `sandbox` work without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from posapp import __version__
from posapp.config import Paths, setup_logging

DEMO_API_KEY = "sk_test_demo"


def build_parser(sandbox_options: bool = True) -> argparse.ArgumentParser:
    """The whole command line: the GUI by default, `sync` and `sandbox` as subcommands.
    Without `sandbox_options` the sandbox's own options are left out (its package is not
    imported: a start that does not run it is quicker)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", metavar="NAME",
                        help="profile to use (default: the last one used)")
    common.add_argument("--data-dir", metavar="DIR", type=Path,
                        help="keep settings, cache, journal and logs under DIR")
    common.add_argument("--api-base", metavar="URL",
                        help="a Stripe-compatible API base, e.g. the sandbox's URL")
    common.add_argument("--log-level", default="INFO",
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                        help="log verbosity (default INFO)")

    parser = argparse.ArgumentParser(
        prog="posapp", parents=[common],
        description="PosApp: point of sale and billing admin for Stripe merchants.",
        epilog="The API key comes from the profile's keyring entry, or from STRIPE_API_KEY.")
    parser.add_argument("--version", action="version", version=f"PosApp {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="open the app on a built-in demo shop (local sandbox, no Stripe "
                             "account needed, nothing kept)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sync = commands.add_parser("sync", parents=[common], help="sync the local cache headless",
                               description="Mirror the Stripe account into the local cache.")
    mode = sync.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true",
                      help="backfill, apply pending events, print counts and exit")
    mode.add_argument("--verify", action="store_true",
                      help="compare the cache with Stripe and repair differences")
    sync.add_argument("--rate", metavar="N", type=_positive_rate,
                      help="requests per second at most (default: Stripe's limit for the "
                           "key's mode, 25 test / 100 live)")

    sandbox = commands.add_parser("sandbox", help="run the local Stripe-compatible sandbox",
                                  description="Local Stripe-compatible API server.")
    if sandbox_options:
        from posapp.sandbox import cli as sandbox_cli

        sandbox_cli.add_arguments(sandbox)
    return parser


def _positive_rate(text: str) -> float:
    """`--rate`: a positive number of requests per second."""
    try:
        rate = float(text)
    except ValueError:
        rate = 0.0
    if not 0 < rate < float("inf"):
        raise argparse.ArgumentTypeError(f"not a positive number of requests per second: {text!r}")
    return rate


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run what it asks for; returns the exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(sandbox_options="sandbox" in words).parse_args(words)
    if args.command == "sandbox":
        from posapp.sandbox import cli as sandbox_cli

        return sandbox_cli.run(args)
    if args.demo and args.command is None:
        return _run_demo(args)
    paths = _prepare(args.data_dir, args.log_level)
    if args.command == "sync":
        return _run_sync(args, paths)
    _import_services_before_qt()
    from posapp.ui.launch import GuiOptions, launch_gui

    return launch_gui(GuiOptions(paths=paths, profile_name=args.profile,
                                 api_base=args.api_base, demo_api_base=None,
                                 demo_api_key=None))


def _import_services_before_qt() -> None:
    """Import the layers under the UI before Qt: PySide6 reads the source of every module
    imported after it (its `__feature__` check), which made the SDK's and the gateway's
    hundreds of modules about 0.3 s slower to import at start-up."""
    import posapp.services.session  # noqa: F401


def _prepare(data_dir: Path | None, log_level: str) -> Paths:
    """The data folders (created) with logging into them."""
    paths = Paths.resolve(data_dir)
    paths.create()
    setup_logging(paths, log_level)
    return paths


def _run_demo(args: argparse.Namespace) -> int:
    """The GUI against an in-process demo sandbox, in a data dir that is thrown away
    (logs included): a demo leaves nothing in the user's own PosApp folders."""
    from posapp.sandbox import running

    _import_services_before_qt()
    from posapp.ui.launch import GuiOptions, launch_gui

    with tempfile.TemporaryDirectory(prefix="posapp-demo-") as tmp, \
            running(seed="demo") as sandbox:
        paths = _prepare(args.data_dir or Path(tmp), args.log_level)
        return launch_gui(GuiOptions(paths=paths, profile_name=None, api_base=None,
                                     demo_api_base=sandbox.url, demo_api_key=DEMO_API_KEY))


def _run_sync(args: argparse.Namespace, paths: Paths) -> int:
    from posapp.services.cli_sync import run_sync_command

    return run_sync_command(paths, profile_name=args.profile, api_base=args.api_base,
                            once=args.once, verify=args.verify, environ=os.environ,
                            out=sys.stdout, rate=args.rate)
