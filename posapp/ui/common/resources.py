"""Where the app's icons and translations live, and loading icons from there.

In a source checkout they are the top-level `resources/` folder; an installed wheel carries
the same files as the package `posapp.resources` (see setup.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

_INSTALLED = Path(__file__).resolve().parents[2] / "resources"
_CHECKOUT = Path(__file__).resolve().parents[3] / "resources"
RESOURCES_DIR = _INSTALLED if _INSTALLED.is_dir() else _CHECKOUT
ICONS_DIR = RESOURCES_DIR / "icons"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"


@cache
def icon(name: str) -> QIcon:
    """The SVG icon `resources/icons/<name>.svg` (an empty icon if it is missing)."""
    path = ICONS_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
