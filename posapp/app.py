"""Composition root: the command line, and the wiring of the parts it starts.

`python main.py` and the `posapp` console script both land in `main()`. Qt is imported only
when a window is opened, so `--help`, `sync` and `sandbox` work without a display.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

from posapp import __version__
from posapp.config import Paths, log_crash, private_files, setup_logging
from posapp.keys import redact

DEMO_API_KEY = "sk_test_demo"


class _Parser(argparse.ArgumentParser):
    """argparse, with secrets masked in its error messages (they echo what was typed)."""

    def error(self, message: str) -> NoReturn:
        super().error(redact(message))


def _folder(text: str) -> Path:
    """--data-dir: a folder, or a path where one can be made (nothing on the way a file)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a folder")
    path = Path(text).expanduser()
    for existing in (path, *path.parents):
        if existing.exists():
            if not existing.is_dir():
                raise argparse.ArgumentTypeError(f"{existing} is not a folder")
            break
    return path


def _api_base(text: str) -> str:
    """--api-base: an http:// or https:// address with a host (and a valid port)."""
    parts = urlsplit(text.strip())
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(
            f"“{text}”: give an http:// or https:// address, e.g. http://127.0.0.1:12111")
    if not port_ok:
        raise argparse.ArgumentTypeError(f"“{text}”: the port must be 1 to 65535")
    return text.strip()


def _profile_name(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("give a profile name")
    return text


def _common_options(*, given_only: bool = False) -> _Parser:
    """The options every command takes. `given_only` (for the subcommands) sets only what
    was typed, so `posapp --data-dir DIR sync` keeps DIR instead of the default."""
    common = _Parser(add_help=False, argument_default=argparse.SUPPRESS if given_only else None)
    common.add_argument("--profile", metavar="NAME", type=_profile_name,
                        help="profile to use (default: the last one used)")
    common.add_argument("--data-dir", metavar="DIR", type=_folder,
                        help="keep settings, cache, journal and logs under DIR")
    common.add_argument("--api-base", metavar="URL", type=_api_base,
                        help="a Stripe-compatible API base, e.g. the sandbox's URL")
    common.add_argument("--log-level", choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                        help="log verbosity (default INFO)")
    if not given_only:
        common.set_defaults(log_level="INFO")
    return common


def build_parser(sandbox_options: bool = True) -> argparse.ArgumentParser:
    """The whole command line: the GUI by default; `sync`, `profile` and `sandbox` as
    subcommands. Without `sandbox_options` the sandbox's own options are left out (its
    package is not imported: a start that does not run it is quicker)."""
    top, common = _common_options(), _common_options(given_only=True)
    parser = _Parser(
        prog="posapp", parents=[top],
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

    profile = commands.add_parser(
        "profile", parents=[common], help="add, list or remove profiles (keys in the keyring)",
        description="Manage profiles without the GUI. The key is read from a hidden prompt, "
                    "or from stdin when it is not a terminal; never from the command line.")
    actions = profile.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help="check a key with Stripe and "
                             "keep it in the keyring under NAME")
    add.add_argument("name", metavar="NAME", type=_profile_name)
    actions.add_parser("list", parents=[common], help="list the profiles")
    remove = actions.add_parser("remove", parents=[common],
                                help="remove a profile and its key")
    remove.add_argument("name", metavar="NAME", type=_profile_name)

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
    """Parse the command line and run what it asks for; returns the exit code.

    Nothing ends in a traceback: an unexpected error is one line on stderr (exit 1), its
    traceback in the log file."""
    words = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(sandbox_options="sandbox" in words).parse_args(words)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last line of defence
        logged = log_crash(error)
        where = f"; the details are in {Paths.resolve(args.data_dir).log_file}" if logged else ""
        summary = redact(traceback.format_exception_only(error)[-1].strip())
        sys.stderr.write(f"posapp: stopped unexpectedly: {summary}{where}\n")
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "sandbox":
        from posapp.sandbox import cli as sandbox_cli

        return sandbox_cli.run(args)
    if args.demo and args.command is None:
        return _run_demo(args)
    paths = _prepare(args.data_dir, args.log_level)
    if args.command == "sync":
        return _run_sync(args, paths)
    if args.command == "profile":
        return _run_profile(args, paths)
    _import_services_before_qt()
    from posapp.ui.shell.launch import GuiOptions, launch_gui

    return launch_gui(GuiOptions(paths=paths, profile_name=args.profile,
                                 api_base=args.api_base, demo_api_base=None,
                                 demo_api_key=None))


def _import_services_before_qt() -> None:
    """Import the layers under the UI before Qt: PySide6 reads the source of every module
    imported after it (its `__feature__` check), which made the SDK's and the gateway's
    hundreds of modules about 0.3 s slower to import at start-up."""
    import posapp.services.session  # noqa: F401


def _prepare(data_dir: Path | None, log_level: str) -> Paths:
    """The data folders (created, private to the user) with logging into them."""
    private_files()
    paths = Paths.resolve(data_dir)
    paths.create()
    setup_logging(paths, log_level)
    paths.tighten()
    return paths


def _run_demo(args: argparse.Namespace) -> int:
    """The GUI against an in-process demo sandbox, in a data dir that is thrown away
    (logs included): a demo leaves nothing in the user's own PosApp folders."""
    from posapp.sandbox import running

    _import_services_before_qt()
    from posapp.ui.shell.launch import GuiOptions, launch_gui

    with tempfile.TemporaryDirectory(prefix="posapp-demo-") as tmp, \
            running(seed="demo") as sandbox:
        paths = _prepare(args.data_dir or Path(tmp), args.log_level)
        return launch_gui(GuiOptions(paths=paths, profile_name=None, api_base=None,
                                     demo_api_base=sandbox.url, demo_api_key=DEMO_API_KEY))


def _read_key() -> str:
    """The key from a hidden prompt on a terminal, else the first line of stdin."""
    if sys.stdin.isatty():
        return getpass.getpass("Stripe secret key (not shown): ")
    return sys.stdin.readline()


def _run_profile(args: argparse.Namespace, paths: Paths) -> int:
    from posapp.services.cli_profiles import run_profile_command

    return run_profile_command(paths, args.action, name=getattr(args, "name", None),
                               api_base=args.api_base, read_key=_read_key, out=sys.stdout)


def _run_sync(args: argparse.Namespace, paths: Paths) -> int:
    from posapp.services.cli_sync import run_sync_command

    return run_sync_command(paths, profile_name=args.profile, api_base=args.api_base,
                            once=args.once, verify=args.verify, environ=os.environ,
                            out=sys.stdout, rate=args.rate)
