"""Sessions against a live sandbox: files per profile, the audit trail of every change, the
Dashboard links, and the headless sync command.

The helpers here (`customer_with_card`, `cached`, `assert_audited`) serve every
`test_services_*` module; the `session` fixture is in conftest.py.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from keyring_support import MemoryKeyring
from sdk_support import SANDBOX_ACCOUNT, TEST_KEY, open_test_session, sandbox_profile
from services_support import assert_audited, cached

from posapp.config import Paths, Settings
from posapp.gateway import ErrorKind, GatewayError
from posapp.keys import KeyVault, Profile, ProfileStore
from posapp.sandbox import Sandbox
from posapp.services import customers
from posapp.services.cli_sync import run_sync_command
from posapp.services.session import (
    Session,
    cache_path,
    clear_cache,
    dashboard_url,
    journal_path,
    open_session,
)
from posapp.store.journal import JournalState


def test_session_files_live_in_the_data_dir_per_account_and_mode(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    paths = Paths.resolve(tmp_path)
    profile = sandbox_profile()
    opened = open_session(paths, profile, TEST_KEY, api_base=sandbox.url)
    opened.close()
    cache = cache_path(paths, profile, sandbox.url)
    journal = journal_path(paths, profile, sandbox.url)
    assert cache.parent == journal.parent == paths.data_dir
    assert cache.exists() and journal.exists()
    assert SANDBOX_ACCOUNT in cache.name and "-test" in cache.name
    # Renaming the profile keeps its files; another server gets files of its own.
    renamed = Profile("Front desk", "test", SANDBOX_ACCOUNT, "Sandbox Coffee")
    assert cache_path(paths, renamed, sandbox.url) == cache
    assert cache_path(paths, renamed, "http://127.0.0.1:1") != cache


def test_change_is_cached_audited_and_journaled(session: Session) -> None:
    created = customers.create_customer(session, name="Grace Hopper", email="grace@example.com")

    assert cached(session, "customers", created["id"])["name"] == "Grace Hopper"
    row = assert_audited(session, "customer.create")
    assert row.object_id == created["id"]


def test_refused_change_is_audited_with_the_reason(session: Session) -> None:
    with pytest.raises(GatewayError) as raised:
        customers.update_customer(session, "cus_missing", name="Nobody")

    assert raised.value.kind is ErrorKind.NOT_FOUND
    row = assert_audited(session, "customer.update", outcome="not_found")
    assert row.object_id == "cus_missing"
    assert "cus_missing" in row.detail


def test_journal_and_audit_survive_clearing_the_cache(session: Session) -> None:
    created = customers.create_customer(session, name="Alan Turing")

    clear_cache(session)

    assert session.cache.get("customers", created["id"]) is None
    assert session.journal.list_audit(action="customer.create")
    customers.update_customer(session, created["id"], phone="+44 20 7946 0000")
    assert cached(session, "customers", created["id"])["phone"] == "+44 20 7946 0000"


def test_open_session_settles_a_request_left_pending_by_a_crash(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    first = open_test_session(sandbox, tmp_path)
    # A crash between journaling and sending: the row is pending, nothing reached Stripe.
    first.journal.begin(
        "crashed-key", "customers.create", {"ids": [], "params": {"name": "After the crash"}}
    )
    first.close()

    reopened = open_test_session(sandbox, tmp_path)
    try:
        entry = reopened.journal.get("crashed-key")
        assert entry is not None and entry.state is JournalState.SUCCEEDED
        assert entry.object_id is not None and entry.object_id.startswith("cus_")
        row = reopened.journal.list_audit(action="customers.create")[0]
        assert (row.outcome, row.object_id, row.idempotency_key) == (
            "succeeded", entry.object_id, "crashed-key"
        )
        assert "after an interruption" in row.detail
    finally:
        reopened.close()


def test_session_opens_offline_and_keeps_the_pending_request_for_later(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    first = open_test_session(sandbox, tmp_path)
    first.journal.begin(
        "offline-key", "customers.create", {"ids": [], "params": {"name": "Later"}}
    )
    first.close()
    sandbox.stop()

    reopened = open_test_session(sandbox, tmp_path)
    try:
        entry = reopened.journal.get("offline-key")
        assert entry is not None and entry.state is JournalState.PENDING
        assert reopened.journal.list_audit() == []
    finally:
        reopened.close()


def test_dashboard_url_knows_test_and_live_mode(session: Session) -> None:
    assert (
        dashboard_url(session, "pi_123")
        == "https://dashboard.stripe.com/test/payments/pi_123"
    )
    assert dashboard_url(session, "cus_9").endswith("/test/customers/cus_9")
    assert dashboard_url(session, "in_7").endswith("/test/invoices/in_7")
    assert dashboard_url(session, "sub_1").endswith("/test/subscriptions/sub_1")
    assert dashboard_url(session, "cs_test_1") == (
        "https://dashboard.stripe.com/test/search?query=cs_test_1"
    )
    session.profile = sandbox_profile(mode="live")
    assert dashboard_url(session, "pi_123") == "https://dashboard.stripe.com/payments/pi_123"


def _sync_setup(tmp_path: Path, keyring: MemoryKeyring) -> tuple[Paths, KeyVault]:
    paths = Paths.resolve(tmp_path)
    vault = KeyVault(keyring)
    store = ProfileStore(Settings.load(paths.settings_file), vault)
    store.add(sandbox_profile(), TEST_KEY)
    store.set_last_used("Counter")
    return paths, vault


def test_sync_once_fills_the_cache_of_the_last_profile(
    sandbox: Sandbox, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths, vault = _sync_setup(tmp_path, memory_keyring)
    seeded = open_test_session(sandbox, tmp_path / "elsewhere")
    made = customers.create_customer(seeded, name="Synced Customer")
    seeded.close()
    out = io.StringIO()

    code = run_sync_command(paths, profile_name=None, api_base=sandbox.url, once=True,
                            verify=False, environ={}, out=out, vault=vault)

    assert code == 0
    assert "customers" in out.getvalue()
    synced = open_test_session(sandbox, tmp_path)
    try:
        assert synced.cache.get("customers", made["id"]) is not None
    finally:
        synced.close()
    out = io.StringIO()
    assert run_sync_command(paths, profile_name="Counter", api_base=sandbox.url, once=False,
                            verify=True, environ={}, out=out, vault=vault) == 0
    assert "0 differences" in out.getvalue()


def test_sync_once_keeps_to_the_rate_asked_for(
    sandbox: Sandbox, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths, vault = _sync_setup(tmp_path, memory_keyring)
    out = io.StringIO()

    code = run_sync_command(paths, profile_name=None, api_base=sandbox.url, once=True,
                            verify=False, environ={}, out=out, vault=vault, rate=7)

    assert code == 0
    assert "(at most 7/s)" in out.getvalue()
    out = io.StringIO()
    assert run_sync_command(paths, profile_name=None, api_base=sandbox.url, once=True,
                            verify=False, environ={}, out=out, vault=vault) == 0
    assert "(at most 25/s)" in out.getvalue()


def test_sync_polls_until_stopped(
    sandbox: Sandbox, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths, vault = _sync_setup(tmp_path, memory_keyring)
    stop = threading.Event()
    out = io.StringIO()
    codes: list[int] = []
    syncing = threading.Thread(target=lambda: codes.append(run_sync_command(
        paths, profile_name="Counter", api_base=sandbox.url, once=False, verify=False,
        environ={}, out=out, vault=vault, stop=stop)))
    syncing.start()
    try:
        _wait_for(lambda: "updated:" in out.getvalue())  # the backfill
        seeded = open_test_session(sandbox, tmp_path / "elsewhere")
        made = customers.create_customer(seeded, name="Arrives While Polling")
        seeded.close()
        # A customer made after the backfill arrives by the events the loop keeps polling.
        _wait_for(lambda: "updated: customers, events" in out.getvalue())
    finally:
        stop.set()
        syncing.join(60)
    assert not syncing.is_alive() and codes == [0]
    synced = open_test_session(sandbox, tmp_path)
    try:
        assert synced.cache.get("customers", made["id"]) is not None
    finally:
        synced.close()


def _wait_for(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the sync loop did not get there"
        time.sleep(0.05)


def test_sync_explains_a_missing_profile_or_key(
    sandbox: Sandbox, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths = Paths.resolve(tmp_path)
    out = io.StringIO()
    assert run_sync_command(paths, profile_name=None, api_base=sandbox.url, once=True,
                            verify=False, environ={}, out=out,
                            vault=KeyVault(memory_keyring)) == 2
    assert "No profile" in out.getvalue()

    paths, vault = _sync_setup(tmp_path, memory_keyring)
    out = io.StringIO()
    assert run_sync_command(paths, profile_name="Nobody", api_base=sandbox.url, once=True,
                            verify=False, environ={}, out=out, vault=vault) == 2
    assert "Nobody" in out.getvalue()
