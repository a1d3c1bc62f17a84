"""Where PosApp keeps its files, its settings file, and how it logs.

The settings file holds only non-secret data (profiles without keys, preferences); keys live
in the OS keyring (``posapp.keys.vault``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import logging.handlers
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from posapp.keys.redact import RedactingFilter, redact

__all__ = ["APP_NAME", "BUSINESS_FIELDS", "Paths", "Settings", "log_crash", "private_files",
           "setup_logging"]

APP_NAME = "PosApp"
LOG_FILE_BYTES = 1_000_000
LOG_FILE_BACKUPS = 5
_HANDLER_NAMES = ("posapp.file", "posapp.stderr")
_FILE_ONLY = "posapp_file_only"

# The files PosApp writes in its folders: settings, logs (with rotations), cache and journal
# databases (with -wal/-shm files and damaged copies).
_OWN_PREFIXES = ("settings.json", ".settings-", "posapp.log")
_OWN_PARTS = (".cache.sqlite3", ".journal.sqlite3")
BUSINESS_FIELDS = ("name", "address", "tax_id", "footer", "logo")
"""A profile's seller details on its invoices: name, address (lines), tax id, footer text
and the path of a logo image."""

_DEFAULTS: dict[str, Any] = {
    "poll_interval_seconds": 30,
    "default_currency": "usd",
    "language": "",
    "manual_discount_limit": 0,
}


@dataclass(frozen=True)
class Paths:
    """The directories PosApp writes to."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @classmethod
    def resolve(cls, data_dir: Path | None = None) -> Paths:
        """The platform's per-user directories, or all of them under ``data_dir`` (--data-dir)."""
        if data_dir is not None:
            root = data_dir.expanduser().resolve()
            return cls(root / "config", root / "data", root / "cache", root / "logs")
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            dirs.user_config_path, dirs.user_data_path, dirs.user_cache_path, dirs.user_log_path
        )

    @property
    def log_file(self) -> Path:
        """The current log file (older ones are rotated beside it)."""
        return self.log_dir / "posapp.log"

    @property
    def settings_file(self) -> Path:
        """The settings JSON file in the config directory."""
        return self.config_dir / "settings.json"

    @property
    def folders(self) -> tuple[Path, ...]:
        """The folders PosApp keeps its files in."""
        return (self.config_dir, self.data_dir, self.cache_dir, self.log_dir)

    def create(self) -> None:
        """Create every directory (readable by the user only) that does not exist yet."""
        for directory in self.folders:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)

    def tighten(self) -> list[Path]:
        """On POSIX, take away every permission of others on PosApp's folders and on its own
        files in them (settings, databases, logs: 0600 at most), logging each change;
        returns what changed. Nothing else is touched: with --data-dir the folders may
        hold other things, and links are left alone."""
        if os.name != "posix":
            return []
        changed: list[Path] = []
        for folder in self.folders:
            if not folder.is_dir() or folder.is_symlink():
                continue
            ours = [p for p in folder.iterdir() if p.is_file() and not p.is_symlink()
                    and (p.name.startswith(_OWN_PREFIXES) or any(part in p.name
                                                                  for part in _OWN_PARTS))]
            for path in [folder, *ours]:
                mode = stat.S_IMODE(path.lstat().st_mode)
                if mode & 0o077:
                    path.chmod(mode & 0o700)
                    changed.append(path)
                    logging.getLogger(__name__).warning(
                        "Tightened permissions of %s (was %o, others could read it)", path, mode)
        return changed


def private_files() -> None:
    """Make every file and folder this process creates from now on private to the user
    (umask 077 on POSIX): settings, cache, journal, logs, exports."""
    if os.name == "posix":
        os.umask(0o077)


class Settings:
    """The settings file: a JSON object whose unknown keys are kept as they are.

    A file that cannot be read as JSON is moved aside (``recovered_from`` names where) and
    PosApp starts from defaults, so a damaged file never stops the app from opening.
    """

    def __init__(self, path: Path, data: dict[str, Any] | None = None) -> None:
        self.path = path
        self.data: dict[str, Any] = dict(data or {})
        self.recovered_from: Path | None = None

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read ``path``; a missing file gives defaults, a damaged one is moved aside."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(path)
        try:
            data = json.loads(raw.decode("utf-8"))
            clean = _without_secrets(data)
            problem = _shape_problem(clean)
            if problem is not None:
                raise ValueError(problem)
        except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError included
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            aside = path.with_name(f"{path.name}.damaged-{stamp}")
            os.replace(path, aside)
            logging.getLogger(__name__).warning("Unreadable settings (%s) moved to %s",
                                                str(exc)[:200], aside)
            settings = cls(path)
            settings.recovered_from = aside
            return settings
        settings = cls(path, clean)
        if clean != data:
            # Keys live in the keyring only: one pasted into this file is taken out at once.
            logging.getLogger(__name__).warning(
                "A Stripe key was found in %s and removed from it; keep keys in the keyring "
                "(posapp profile add) or in STRIPE_API_KEY", path)
            settings.save()
        return settings

    @property
    def recovery_notice(self) -> str | None:
        """What to tell the user when the file was damaged and moved aside, else None."""
        if self.recovered_from is None:
            return None
        return (f"The settings file could not be read and was moved to {self.recovered_from}; "
                "PosApp started with default settings. Keys stay in the keyring: add the "
                "profile again with the same name to use its key.")

    def save(self) -> None:
        """Write atomically: a temporary file in the same directory replaces the old one."""
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as tmp:
                json.dump(self.data, tmp, ensure_ascii=False, indent=2, sort_keys=True)
                tmp.write("\n")
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp_name, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
            raise

    def _get(self, key: str, kind: type) -> Any:
        value = self.data.get(key)
        # bool is an int subclass; a stray true/false is not a poll interval.
        if isinstance(value, kind) and not isinstance(value, bool):
            return value
        return _DEFAULTS[key]

    @property
    def poll_interval_seconds(self) -> int:
        """Seconds between Events API polls (default 30)."""
        value: int = self._get("poll_interval_seconds", int)
        return value if value > 0 else _DEFAULTS["poll_interval_seconds"]

    @poll_interval_seconds.setter
    def poll_interval_seconds(self, value: int) -> None:
        if value <= 0:
            raise ValueError("poll interval must be a positive number of seconds")
        self.data["poll_interval_seconds"] = value

    @property
    def default_currency(self) -> str:
        """Lowercase ISO code used for new amounts (default "usd")."""
        value: str = self._get("default_currency", str)
        return value.lower()

    @default_currency.setter
    def default_currency(self, value: str) -> None:
        self.data["default_currency"] = value.lower()

    @property
    def language(self) -> str:
        """UI language as a locale name; "" follows the system."""
        value: str = self._get("language", str)
        return value

    @language.setter
    def language(self, value: str) -> None:
        self.data["language"] = value

    @property
    def manual_discount_limit(self) -> int:
        """The largest manual discount a cashier at this station may give, in percent of the
        line or cart (0: none, the default; 100: any)."""
        value: int = self._get("manual_discount_limit", int)
        return max(0, min(100, value))

    @manual_discount_limit.setter
    def manual_discount_limit(self, value: int) -> None:
        self.data["manual_discount_limit"] = max(0, min(100, value))

    def business(self, profile: str) -> dict[str, str]:
        """The seller details a profile's invoices print (`BUSINESS_FIELDS`; "" when unset)."""
        stored = self.data.get("business")
        record = stored.get(profile) if isinstance(stored, dict) else None
        record = record if isinstance(record, dict) else {}
        return {k: str(record.get(k) or "") for k in BUSINESS_FIELDS}

    def set_business(self, profile: str, details: dict[str, str]) -> None:
        """Store a profile's seller details (only `BUSINESS_FIELDS`)."""
        stored = self.data.get("business")
        if not isinstance(stored, dict):
            stored = self.data["business"] = {}
        stored[profile] = {k: str(details.get(k) or "") for k in BUSINESS_FIELDS}

    def stripe_tax(self, profile: str) -> bool:
        """Whether the profile's counter asks Stripe Tax (`automatic_tax`) to work out the
        tax instead of applying the merchant's tax rates."""
        stored = self.data.get("stripe_tax")
        return isinstance(stored, dict) and stored.get(profile) is True

    def set_stripe_tax(self, profile: str, enabled: bool) -> None:
        """Choose Stripe Tax (or the merchant's tax rates) for the profile's counter."""
        stored = self.data.get("stripe_tax")
        if not isinstance(stored, dict):
            stored = self.data["stripe_tax"] = {}
        stored[profile] = enabled

    @property
    def profiles(self) -> list[dict[str, Any]]:
        """The stored (non-secret) profile records, as a live list to edit in place."""
        records = self.data.get("profiles")
        if not isinstance(records, list):
            records = []
            self.data["profiles"] = records
        return records

    @property
    def last_profile(self) -> str | None:
        """Name of the profile used last, if any."""
        value = self.data.get("last_profile")
        return value if isinstance(value, str) else None

    @last_profile.setter
    def last_profile(self, value: str | None) -> None:
        if value is None:
            self.data.pop("last_profile", None)
        else:
            self.data["last_profile"] = value


_PROFILE_TEXT_FIELDS = ("account_id", "account_name", "default_currency")


def _without_secrets(value: Any) -> Any:
    """`value` without any string that holds a Stripe secret (at any depth)."""
    if isinstance(value, dict):
        return {k: _without_secrets(v) for k, v in value.items() if not _is_secret(v)}
    if isinstance(value, list):
        return [_without_secrets(v) for v in value if not _is_secret(v)]
    return value


def _is_secret(value: Any) -> bool:
    return isinstance(value, str) and redact(value) != value


def _shape_problem(data: Any) -> str | None:
    """What keeps `data` from being a settings object PosApp can use, or None.

    Profiles and the last profile are checked strictly (a profile is unusable without them);
    preferences of the wrong type fall back to their defaults where they are read."""
    if not isinstance(data, dict):
        return "settings must be a JSON object"
    last = data.get("last_profile")
    if last is not None and not isinstance(last, str):
        return "last_profile must be a name"
    profiles = data.get("profiles", [])
    if not isinstance(profiles, list):
        return "profiles must be a list"
    for record in profiles:
        if not isinstance(record, dict) or not isinstance(record.get("name"), str):
            return "every profile needs a name"
        if record.get("mode") not in ("test", "live"):
            return f"profile {record['name']!r} has no mode (test or live)"
        base = record.get("api_base")
        texts = [record[f] for f in _PROFILE_TEXT_FIELDS if f in record]
        if not all(isinstance(t, str) for t in texts) or not isinstance(base, str | None):
            return f"profile {record['name']!r} has a field of the wrong type"
    return None


class _OneLineFormatter(logging.Formatter):
    """A record as one line: tracebacks are for the log file, never for the user's terminal."""

    def format(self, record: logging.LogRecord) -> str:
        kept = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = kept


def log_crash(error: BaseException, what: str = "PosApp stopped unexpectedly") -> bool:
    """Write `error`'s traceback (secrets masked) to the log file only; False when logging
    to a file is not set up yet (then nothing is written)."""
    if not any(h.get_name() == _HANDLER_NAMES[0] for h in logging.getLogger().handlers):
        return False
    logging.getLogger("posapp.crash").error(
        what, exc_info=(type(error), error, error.__traceback__), extra={_FILE_ONLY: True})
    return True


def setup_logging(paths: Paths, level: int | str = logging.INFO) -> list[logging.Handler]:
    """Log to a rotating file in the log dir (1 MB x 5) and to stderr, secrets redacted.

    Tracebacks go to the file only: stderr gets one line per record.

    Calling it again replaces the handlers it installed before. Returns the new handlers.
    """
    paths.log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() in _HANDLER_NAMES]:
        root.removeHandler(old)
        old.close()
    file_handler = logging.handlers.RotatingFileHandler(
        paths.log_file,
        maxBytes=LOG_FILE_BYTES,
        backupCount=LOG_FILE_BACKUPS,
        encoding="utf-8",
    )
    stderr_handler = logging.StreamHandler(sys.stderr)
    stderr_handler.addFilter(lambda record: not getattr(record, _FILE_ONLY, False))
    line = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handlers: list[logging.Handler] = [file_handler, stderr_handler]
    formatters = [logging.Formatter(line), _OneLineFormatter(line)]
    for name, handler, formatter in zip(_HANDLER_NAMES, handlers, formatters, strict=True):
        handler.set_name(name)
        handler.setFormatter(formatter)
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    root.setLevel(level)
    # The SDK logs every request URL (query strings included) at INFO and whole request and
    # response bodies (customer details, client secrets) at DEBUG: keep both out of our logs.
    logging.getLogger("stripe").setLevel(logging.WARNING)
    return handlers
