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
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from posapp.keys.redact import RedactingFilter

__all__ = ["APP_NAME", "BUSINESS_FIELDS", "Paths", "Settings", "setup_logging"]

APP_NAME = "PosApp"
LOG_FILE_BYTES = 1_000_000
LOG_FILE_BACKUPS = 5
_HANDLER_NAMES = ("posapp.file", "posapp.stderr")
BUSINESS_FIELDS = ("name", "address", "tax_id", "footer", "logo")
"""A profile's seller details on its invoices: name, address (lines), tax id, footer text
and the path of a logo image."""

_DEFAULTS: dict[str, Any] = {
    "poll_interval_seconds": 30,
    "default_currency": "usd",
    "language": "",
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
    def settings_file(self) -> Path:
        """The settings JSON file in the config directory."""
        return self.config_dir / "settings.json"

    def create(self) -> None:
        """Create every directory (readable by the user only) that does not exist yet."""
        for directory in (self.config_dir, self.data_dir, self.cache_dir, self.log_dir):
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)


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
        """Read ``path``; a missing file gives defaults."""
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path)
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("settings must be a JSON object")
        except ValueError:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            aside = path.with_name(f"{path.name}.damaged-{stamp}")
            os.replace(path, aside)
            logging.getLogger(__name__).warning("Unreadable settings moved to %s", aside)
            settings = cls(path)
            settings.recovered_from = aside
            return settings
        return cls(path, data)

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


def setup_logging(paths: Paths, level: int | str = logging.INFO) -> list[logging.Handler]:
    """Log to a rotating file in the log dir (1 MB x 5) and to stderr, secrets redacted.

    Calling it again replaces the handlers it installed before. Returns the new handlers.
    """
    paths.log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() in _HANDLER_NAMES]:
        root.removeHandler(old)
        old.close()
    file_handler = logging.handlers.RotatingFileHandler(
        paths.log_dir / "posapp.log",
        maxBytes=LOG_FILE_BYTES,
        backupCount=LOG_FILE_BACKUPS,
        encoding="utf-8",
    )
    stderr_handler = logging.StreamHandler(sys.stderr)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [file_handler, stderr_handler]
    for name, handler in zip(_HANDLER_NAMES, handlers, strict=True):
        handler.set_name(name)
        handler.setFormatter(formatter)
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    root.setLevel(level)
    # The SDK logs every request URL (query strings included) at INFO and whole request and
    # response bodies (customer details, client secrets) at DEBUG: keep both out of our logs.
    logging.getLogger("stripe").setLevel(logging.WARNING)
    return handlers
