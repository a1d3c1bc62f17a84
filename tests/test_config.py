"""posapp.config: directories, the settings file and logging."""

from __future__ import annotations

import json
import logging
import logging.handlers
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posapp.config import Paths, Settings, setup_logging
from posapp.keys import KeyVault, ProfileStore, RedactingFilter

SECRET = "sk_live_" + "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6"


def test_default_paths_are_per_user_and_named_for_the_app() -> None:
    paths = Paths.resolve()
    dirs = [paths.config_dir, paths.data_dir, paths.cache_dir, paths.log_dir]
    assert all("PosApp" in d.parts for d in dirs)
    assert len(set(dirs)) == 4
    assert paths.settings_file == paths.config_dir / "settings.json"


def test_data_dir_override_puts_everything_under_it(tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "store")
    root = (tmp_path / "store").resolve()
    assert paths == Paths(root / "config", root / "data", root / "cache", root / "logs")
    paths.create()
    for directory in (paths.config_dir, paths.data_dir, paths.cache_dir, paths.log_dir):
        assert directory.is_dir()
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700


def test_missing_settings_file_gives_defaults(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path / "settings.json")
    assert settings.poll_interval_seconds == 30
    assert settings.default_currency == "usd"
    assert settings.language == ""
    assert settings.profiles == []
    assert settings.last_profile is None
    assert settings.recovered_from is None
    assert not settings.path.exists()


def test_settings_round_trip_keeps_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"window": {"width": 900}, "language": "de_DE"}), encoding="utf-8")
    settings = Settings.load(path)
    settings.poll_interval_seconds = 45
    settings.default_currency = "EUR"
    settings.last_profile = "Shop"
    settings.save()
    reloaded = Settings.load(path)
    assert reloaded.data["window"] == {"width": 900}
    assert reloaded.language == "de_DE"
    assert reloaded.poll_interval_seconds == 45
    assert reloaded.default_currency == "eur"
    assert reloaded.last_profile == "Shop"
    reloaded.last_profile = None
    reloaded.save()
    assert "last_profile" not in json.loads(path.read_text(encoding="utf-8"))


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path, {"language": "fr_FR"})
    settings.save()
    before = path.read_bytes()
    settings.data["broken"] = object()
    with pytest.raises(TypeError):
        settings.save()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", ""])
def test_unreadable_settings_are_moved_aside(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    settings = Settings.load(path)
    assert settings.poll_interval_seconds == 30
    assert settings.recovered_from is not None
    assert settings.recovered_from.read_text(encoding="utf-8") == content
    assert not path.exists()
    settings.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {}


@pytest.mark.parametrize("content", [
    b"\xff\xfe{\x00}", b"null", b'"settings"', b'{"profiles": [{"name": "Shop"}]}',
    b'{"profiles": [null]}', b'{"profiles": {"Shop": {"mode": "test"}}}',
    b'{"profiles": [{"name": 5, "mode": "test"}]}',
    b'{"profiles": [{"name": "Shop", "mode": "prod"}]}',
    b'{"profiles": [{"name": "Shop", "mode": "test", "api_base": 7}]}',
    b'{"profiles": [{"name": "Shop", "mode": "test", "account_id": null}]}',
    b'{"last_profile": ["Shop"]}',
])
def test_settings_of_the_wrong_shape_are_moved_aside(tmp_path: Path, content: bytes,
                                                     memory_keyring: object) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings = Settings.load(path)
    assert settings.recovered_from is not None
    assert settings.recovered_from.read_bytes() == content
    store = ProfileStore(settings, KeyVault())
    assert store.list_profiles() == [] and store.last_used() is None
    settings.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {"profiles": []}


def test_a_well_formed_profile_loads(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"profiles": [{"name": "Shop", "mode": "live", "api_base": None,
                                              "future_field": [1]}], "last_profile": None}),
                    encoding="utf-8")
    settings = Settings.load(path)
    assert settings.recovered_from is None
    assert settings.profiles[0]["future_field"] == [1]


def test_values_of_the_wrong_type_fall_back_to_defaults(tmp_path: Path) -> None:
    settings = Settings(
        tmp_path / "settings.json",
        {"poll_interval_seconds": True, "default_currency": 5, "language": None,
         "profiles": "oops", "last_profile": 3},
    )  # fmt: skip
    assert settings.poll_interval_seconds == 30
    assert settings.default_currency == "usd"
    assert settings.language == ""
    assert settings.profiles == []
    assert settings.last_profile is None
    assert Settings(settings.path, {"poll_interval_seconds": -5}).poll_interval_seconds == 30
    with pytest.raises(ValueError, match="positive"):
        settings.poll_interval_seconds = 0


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    """The root logger, with its handlers and level restored after the test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_setup_logging_writes_redacted_file_and_stderr(
    tmp_path: Path, root_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = Paths.resolve(tmp_path)
    file_handler, stderr_handler = setup_logging(paths, "DEBUG")
    assert root_logger.level == logging.DEBUG
    assert isinstance(file_handler, logging.handlers.RotatingFileHandler)
    assert (file_handler.maxBytes, file_handler.backupCount) == (1_000_000, 5)
    assert Path(file_handler.baseFilename) == paths.log_dir / "posapp.log"
    for handler in (file_handler, stderr_handler):
        assert any(isinstance(f, RedactingFilter) for f in handler.filters)

    logging.getLogger("posapp.gateway").debug("key %s rejected", SECRET)
    file_handler.flush()
    log_text = (paths.log_dir / "posapp.log").read_text(encoding="utf-8")
    assert "DEBUG posapp.gateway: key sk_live_…G5h6 rejected" in log_text
    assert "sk_live_…G5h6" in capsys.readouterr().err
    assert SECRET not in log_text


def test_setup_logging_twice_replaces_its_handlers(
    tmp_path: Path, root_logger: logging.Logger
) -> None:
    first = setup_logging(Paths.resolve(tmp_path / "a"))
    second = setup_logging(Paths.resolve(tmp_path / "b"), logging.WARNING)
    ours = [h for h in root_logger.handlers if h in first or h in second]
    assert ours == second
    assert root_logger.level == logging.WARNING


def test_log_file_rotates_at_one_megabyte(tmp_path: Path, root_logger: logging.Logger) -> None:
    paths = Paths.resolve(tmp_path)
    file_handler, stderr_handler = setup_logging(paths)
    root_logger.removeHandler(stderr_handler)
    line = "x" * 1000
    for _ in range(1100):
        logging.getLogger("posapp.sync").info(line)
    file_handler.flush()
    assert (paths.log_dir / "posapp.log.1").exists()
    assert (paths.log_dir / "posapp.log").stat().st_size <= 1_000_000


def test_sdk_request_and_body_lines_stay_out_of_the_log(
    tmp_path: Path, root_logger: logging.Logger
) -> None:
    sdk = logging.getLogger("stripe")
    level = sdk.level
    try:
        file_handler, _ = setup_logging(Paths.resolve(tmp_path))
        sdk.info("message='Request to Stripe api' method=get")
        sdk.warning("retrying after a connection error")
        file_handler.flush()
        log_text = Path(file_handler.baseFilename).read_text(encoding="utf-8")
        assert "Request to Stripe api" not in log_text
        assert "retrying after a connection error" in log_text
        setup_logging(Paths.resolve(tmp_path), "DEBUG")
        assert not sdk.isEnabledFor(logging.DEBUG)
    finally:
        sdk.setLevel(level)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
    | st.sampled_from(["test", "live", "name", "mode", "Shop"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["profiles", "last_profile", "name", "mode", "api_base", "account_id",
                         "language", "poll_interval_seconds", "x"]), inner, max_size=5),
    max_leaves=12)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=_JSON | st.binary(max_size=40).map(lambda b: b"\x00raw" + b))
def test_any_settings_file_loads_or_is_moved_aside(tmp_path: Path, content: object) -> None:
    path = tmp_path / "fuzz" / "settings.json"
    path.parent.mkdir(exist_ok=True)
    for old in path.parent.iterdir():
        old.unlink()
    raw = content if isinstance(content, bytes) else json.dumps(content).encode()
    path.write_bytes(raw)
    loaded = Settings.load(path)
    store = ProfileStore(loaded, KeyVault())
    profiles = store.list_profiles()  # never raises, whatever the file held
    assert (loaded.recovered_from is None) == path.exists()
    assert loaded.poll_interval_seconds > 0 and isinstance(loaded.language, str)
    assert all(p.mode in ("test", "live") for p in profiles)
    store.last_used()
