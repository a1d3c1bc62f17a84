"""Every module under posapp/ follows the import rules table in docs/architecture.md.

The rules below are that table in code. Each module is parsed with `ast` (never imported), so
imports inside functions and under `TYPE_CHECKING` count too: a layer that needs another
layer's types asks that layer to re-export them.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "posapp"
ARCHITECTURE = REPO / "docs" / "architecture.md"


@dataclass(frozen=True)
class Rule:
    """What one layer may import besides the standard library and itself."""

    internal: frozenset[str]
    third_party: frozenset[str]
    package_root: bool = True  # the `posapp` package itself (its version string)


def rule(internal: set[str], third_party: set[str]) -> Rule:
    """A rule allowing these posapp packages and these third-party distributions."""
    return Rule(frozenset(internal), frozenset(third_party))


STANDALONE = Rule(frozenset(), frozenset(), package_root=False)
SHARED = {"posapp.money", "posapp.keys", "posapp.config"}
SHARED_THIRD_PARTY = {"babel", "keyring", "orjson", "platformdirs"}
GUI_THIRD_PARTY = {"PySide6", "qasync", "segno"}
CORE = SHARED | {"posapp.store", "posapp.gateway", "posapp.sync", "posapp.services"}

RULES: dict[str, Rule] = {
    "posapp": STANDALONE,
    "posapp.money": rule(SHARED, SHARED_THIRD_PARTY),
    "posapp.keys": rule(SHARED, SHARED_THIRD_PARTY),
    "posapp.config": rule(SHARED, SHARED_THIRD_PARTY),
    "posapp.store": rule(SHARED, SHARED_THIRD_PARTY | {"sqlite_utils"}),
    # Only the store writes SQL, so the gateway gets the journal and not sqlite_utils.
    "posapp.gateway": rule(SHARED | {"posapp.store.journal"}, SHARED_THIRD_PARTY | {"stripe"}),
    "posapp.sync": rule({"posapp.gateway", "posapp.store", "posapp.money"}, set()),
    "posapp.services": rule(CORE - {"posapp.services"}, {"xlsxwriter"}),
    "posapp.worker": STANDALONE,
    "posapp.ui": rule(
        CORE | {"posapp.worker"}, SHARED_THIRD_PARTY | {"sqlite_utils"} | GUI_THIRD_PARTY
    ),
    # orjson writes the sandbox's answers (a quarter of its CPU was json.dumps).
    "posapp.sandbox": Rule(frozenset(), frozenset({"orjson"}), package_root=False),
    "posapp.app": rule(
        CORE | {"posapp.worker", "posapp.ui", "posapp.sandbox"},
        SHARED_THIRD_PARTY | {"sqlite_utils"} | GUI_THIRD_PARTY,
    ),
    # `python -m posapp`: only hands over to the composition root.
    "posapp.__main__": rule({"posapp.app"}, set()),
}


# Inside posapp.ui: which other ui packages each one may import (besides itself). Entity
# packages sit on common and widgets; one imports another only where its screen shows that
# entity. The order must stay a DAG (test_ui_packages_form_no_cycle).
UI = "posapp.ui"
UI_BASE = {"common", "widgets"}
UI_RULES: dict[str, set[str]] = {
    "common": set(),
    "widgets": {"common"},
    "refunds": UI_BASE,
    "disputes": UI_BASE,
    "invoices": UI_BASE | {"refunds"},
    "subscriptions": UI_BASE | {"invoices"},
    "dashboard": UI_BASE | {"refunds", "disputes"},
    "catalogue": UI_BASE,
    "payments": UI_BASE | {"refunds", "dashboard", "catalogue"},
    "customers": UI_BASE | {"payments", "invoices", "subscriptions", "refunds"},
    "activity": UI_BASE | {"payments"},
    "backoffice": UI_BASE | {"refunds", "activity"},
    "shell": {
        "common", "widgets", "customers", "payments", "subscriptions", "invoices",
        "refunds", "disputes", "dashboard", "activity", "backoffice", "catalogue",
    },
}

# Imports inside a function are allowed only here, each for a reason other than dodging a
# cycle: modules that are slow to import and not needed to start (docs/performance.md).
FUNCTION_LEVEL_IMPORTS: dict[str, str] = {
    "posapp/app.py": "the composition root loads the GUI, sandbox and CLI commands on demand",
    "posapp/ui/widgets/qr_code.py": "segno, only when a code is first drawn (not at start-up)",
    "posapp/services/exports.py": "xlsxwriter, only when an XLSX export is written",
    "posapp/ui/shell/panels.py": "each panel's module, when the window first shows or needs "
    "that panel (start-up builds only the one it opens on and the collect screen)",
}


def module_name(path: Path, package_dir: Path) -> str:
    """`posapp/store/cache.py` -> `posapp.store.cache`; a package's `__init__` is the package."""
    parts = [package_dir.name, *path.relative_to(package_dir).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def known_modules(package_dir: Path) -> set[str]:
    """Every module and package (including directories without `__init__`) in the tree."""
    names = {package_dir.name}
    for path in package_dir.rglob("*.py"):
        name = module_name(path, package_dir)
        while name:
            names.add(name)
            name = name.rpartition(".")[0]
    return names


def layer_of(module: str) -> str:
    """The row of the table a module falls under: `posapp.store.cache` -> `posapp.store`."""
    return ".".join(module.split(".")[:2])


def imported_modules(
    tree: ast.Module, module: str, is_package: bool, known: set[str]
) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import in a parsed module."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0]
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.append((node.lineno, submodule if submodule in known else base))
        elif (
            isinstance(node, ast.Call)
            and ast.unparse(node.func) in {"importlib.import_module", "import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and not node.args[0].value.startswith(".")
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def is_within(target: str, allowed: str) -> bool:
    """Whether module `target` is `allowed` or inside it."""
    return target == allowed or target.startswith(allowed + ".")


def violations(path: Path, package_dir: Path = PACKAGE) -> list[str]:
    """`file:line: ...` for every import in `path` that its layer's rule does not allow."""
    shown = path.relative_to(package_dir.parent).as_posix()
    module = module_name(path, package_dir)
    layer = layer_of(module)
    if layer not in RULES:
        return [
            f"{shown}:1: {layer} has no row in the import rules table of docs/architecture.md "
            "(add one there and in tests/test_layers.py)"
        ]
    allowed = RULES[layer]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = []
    known = known_modules(package_dir)
    for line, target in imported_modules(tree, module, path.name == "__init__.py", known):
        root, top = package_dir.name, target.partition(".")[0]
        if target == layer or (layer != root and is_within(target, layer)):
            ok = True
        elif target == root:
            ok = allowed.package_root
        elif top == root:
            ok = any(is_within(target, a) for a in allowed.internal)
        else:
            ok = top in sys.stdlib_module_names or top in allowed.third_party
        if not ok:
            problems.append(f"{shown}:{line}: {layer} must not import {target}")
    return problems


def ui_package_of(module: str) -> str | None:
    """`posapp.ui.refunds.refund_dialog` -> `refunds`; None outside the ui's sub-packages."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and ".".join(parts[:2]) == UI else None


def ui_violations(path: Path, package_dir: Path = PACKAGE) -> list[str]:
    """`file:line: ...` for every import of another ui package that the UI_RULES forbid."""
    shown = path.relative_to(package_dir.parent).as_posix()
    module = module_name(path, package_dir)
    own = ui_package_of(module)
    if own is None:
        return []
    if own not in UI_RULES or path.parent == package_dir / "ui":
        return [f"{shown}:1: {UI}.{own} has no row in the ui packages table of "
                "docs/architecture.md (add one there and in tests/test_layers.py)"]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    known = known_modules(package_dir)
    problems = []
    for line, target in imported_modules(tree, module, path.name == "__init__.py", known):
        other = ui_package_of(target) if is_within(target, UI) else own
        if other != own and other not in UI_RULES[own]:
            problems.append(f"{shown}:{line}: {UI}.{own} must not import {target}")
    return problems


def function_level_imports(tree: ast.Module) -> list[int]:
    """Lines of the imports made inside a function or method body."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines.update(inner.lineno for inner in ast.walk(node)
                         if isinstance(inner, ast.Import | ast.ImportFrom))
    return sorted(lines)


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[p.relative_to(REPO).as_posix() for p in MODULES])
def test_module_follows_the_import_rules(path: Path) -> None:
    problems = violations(path)
    assert not problems, "\n".join(problems)


UI_MODULES = [p for p in MODULES if p.is_relative_to(PACKAGE / "ui")]


@pytest.mark.parametrize(
    "path", UI_MODULES, ids=[p.relative_to(REPO).as_posix() for p in UI_MODULES]
)
def test_ui_module_imports_only_the_ui_packages_its_row_allows(path: Path) -> None:
    problems = ui_violations(path)
    assert not problems, "\n".join(problems)


def test_ui_packages_form_no_cycle() -> None:
    placed: list[str] = []
    waiting = dict(UI_RULES)
    while waiting:
        ready = [name for name, needs in waiting.items() if needs <= set(placed)]
        assert ready, f"the ui packages {sorted(waiting)} import each other in a cycle"
        placed.extend(ready)
        for name in ready:
            del waiting[name]


def test_ui_packages_table_matches_the_architecture_doc() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split("## UI packages", 1)[1].split("\n## ", 1)[0]
    rows = {
        cells[1].strip(" `"): set(re.findall(r"`(\w+)`", cells[2]))
        for cells in (row.split("|") for row in section.splitlines() if row.startswith("| `"))
    }
    assert rows == UI_RULES


@pytest.mark.parametrize("path", MODULES, ids=[p.relative_to(REPO).as_posix() for p in MODULES])
def test_no_module_imports_inside_a_function_unless_listed_with_a_reason(path: Path) -> None:
    shown = path.relative_to(REPO).as_posix()
    lines = function_level_imports(ast.parse(path.read_text(encoding="utf-8")))
    if shown in FUNCTION_LEVEL_IMPORTS:
        assert lines, f"{shown} no longer imports inside a function: drop it from the list"
    else:
        assert not lines, (
            f"{shown}:{lines[0]}: imports inside a function, which hides a cycle or a "
            "dependency: import at module level (FUNCTION_LEVEL_IMPORTS lists the few "
            "with a reason)"
        )


@pytest.mark.parametrize(
    ("relative_path", "source", "expected"),
    [
        ("ui/refunds/refund_dialog.py", "from ..common.errors import error_text\n", []),
        (
            "ui/refunds/refund_dialog.py",
            "from posapp.ui.payments.payment_detail import PaymentDetail\n",
            ["posapp/ui/refunds/refund_dialog.py:1: posapp.ui.refunds must not import "
             "posapp.ui.payments.payment_detail"],
        ),
        (
            "ui/common/confirm.py",
            "def ask():\n    from ..shell import main_window\n",
            ["posapp/ui/common/confirm.py:2: posapp.ui.common must not import "
             "posapp.ui.shell.main_window"],
        ),
        (
            "ui/orders/orders_panel.py",
            "import csv\n",
            ["posapp/ui/orders/orders_panel.py:1: posapp.ui.orders has no row in the ui packages "
             "table of docs/architecture.md (add one there and in tests/test_layers.py)"],
        ),
    ],
)
def test_ui_checker_reports_each_forbidden_import_with_file_and_line(
    tmp_path: Path, relative_path: str, source: str, expected: list[str]
) -> None:
    package_dir = tmp_path / "posapp"
    for sibling in ("ui/shell/main_window.py", "ui/payments/payment_detail.py",
                    "ui/common/errors.py"):
        (package_dir / sibling).parent.mkdir(parents=True, exist_ok=True)
        (package_dir / sibling).touch()
    path = package_dir / relative_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    assert ui_violations(path, package_dir) == expected


def test_rules_cover_exactly_the_packages_of_the_architecture_table() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split("## Import rules", 1)[1].split("\n## ", 1)[0]
    first_cells = [row.split("|")[1] for row in section.splitlines() if row.startswith("| `")]
    in_table = {name for cell in first_cells for name in re.findall(r"`(posapp\.\w+)`", cell)}
    # The package root and the composition root (and its `-m` door) are not layers of it.
    assert in_table == set(RULES) - {"posapp", "posapp.app", "posapp.__main__"}


@pytest.mark.parametrize(
    ("relative_path", "source", "expected"),
    [
        (
            "services/refunds.py",
            '"""Refunds."""\n\nimport stripe\n',
            ["posapp/services/refunds.py:3: posapp.services must not import stripe"],
        ),
        (
            "services/checkout.py",
            "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
            "    from stripe.params import CheckoutSessionCreateParams\n",
            ["posapp/services/checkout.py:4: posapp.services must not import stripe.params"],
        ),
        (
            "gateway/customers.py",
            "from posapp.store import journal\nfrom ..store import cache\n"
            "from . import errors\nimport stripe\n",
            ["posapp/gateway/customers.py:2: posapp.gateway must not import posapp.store.cache"],
        ),
        (
            "gateway/refunds.py",
            "import sqlite_utils\n",
            ["posapp/gateway/refunds.py:1: posapp.gateway must not import sqlite_utils"],
        ),
        (
            "store/cache.py",
            "def notify():\n    from PySide6.QtCore import QTimer\n",
            ["posapp/store/cache.py:2: posapp.store must not import PySide6.QtCore"],
        ),
        (
            "worker.py",
            "import asyncio\nimport qasync\n",
            ["posapp/worker.py:2: posapp.worker must not import qasync"],
        ),
        (
            "sync/poller.py",
            "from posapp.ui import main_window\n",
            ["posapp/sync/poller.py:1: posapp.sync must not import posapp.ui.main_window"],
        ),
        ("sync/backfill.py", "from posapp import money, __version__\n", []),
        (
            "sandbox/cli.py",
            "from posapp import __version__\n",
            ["posapp/sandbox/cli.py:1: posapp.sandbox must not import posapp"],
        ),
        (
            "sandbox/server.py",
            "from posapp.money import exponent\nfrom .state import State\n",
            ["posapp/sandbox/server.py:1: posapp.sandbox must not import posapp.money"],
        ),
        (
            "keys/vault.py",
            "import importlib\nimportlib.import_module('PySide6.QtWidgets')\n",
            ["posapp/keys/vault.py:2: posapp.keys must not import PySide6.QtWidgets"],
        ),
        (
            "ui/invoice_list.py",
            "import segno\nimport qasync\nfrom PySide6 import QtCore\n"
            "from posapp.worker import Worker\nfrom posapp.gateway.errors import GatewayError\n",
            [],
        ),
        (
            "ui/payment_panel.py",
            "import stripe\n",
            ["posapp/ui/payment_panel.py:1: posapp.ui must not import stripe"],
        ),
        (
            "reports.py",
            "import csv\n",
            [
                "posapp/reports.py:1: posapp.reports has no row in the import rules table of "
                "docs/architecture.md (add one there and in tests/test_layers.py)"
            ],
        ),
    ],
)
def test_checker_reports_each_forbidden_import_with_file_and_line(
    tmp_path: Path, relative_path: str, source: str, expected: list[str]
) -> None:
    package_dir = tmp_path / "posapp"
    siblings = (
        "money.py",
        "store/journal.py",
        "store/cache.py",
        "gateway/errors.py",
        "sandbox/state.py",
        "ui/main_window.py",
    )
    for sibling in siblings:
        (package_dir / sibling).parent.mkdir(parents=True, exist_ok=True)
        (package_dir / sibling).touch()
    path = package_dir / relative_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    assert violations(path, package_dir) == expected


def test_only_app_state_announces_changed_tables() -> None:
    # Services' writes are announced by AppState.run, events by the poller: a panel or
    # dialog that emitted tables_changed itself would be a second, forgettable path.
    by_hand = [p.relative_to(REPO).as_posix() for p in UI_MODULES
               if "tables_changed.emit" in p.read_text(encoding="utf-8")
               and p.name != "app_state.py"]
    assert by_hand == []


# The sandbox: an engine under the routes -------------------------------------------------

SANDBOX = PACKAGE / "sandbox"
# The engine (shared state transitions) sits on the sandbox's core and nothing above it.
ENGINE_MAY_IMPORT = ("posapp.sandbox.engine", "posapp.sandbox.errors", "posapp.sandbox.params",
                     "posapp.sandbox.state")
def test_function_level_import_check_finds_nested_imports() -> None:
    tree = ast.parse("import json\n\ndef f():\n    def g():\n        from . import x\n"
                     "    import os\n")
    assert function_level_imports(tree) == [5, 6]


ENGINE_MODULES = sorted((SANDBOX / "engine").rglob("*.py"))


@pytest.mark.parametrize("path", ENGINE_MODULES,
                         ids=[p.relative_to(REPO).as_posix() for p in ENGINE_MODULES])
def test_sandbox_engine_never_imports_routes_pages_or_the_server(path: Path) -> None:
    module = module_name(path, PACKAGE)
    known = known_modules(PACKAGE)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = [f"{line}: {target}" for line, target in
             imported_modules(tree, module, path.name == "__init__.py", known)
             if target.startswith("posapp")
             and not any(is_within(target, allowed) for allowed in ENGINE_MAY_IMPORT)]
    assert not wrong, f"{module} imports above the engine: {wrong}"
