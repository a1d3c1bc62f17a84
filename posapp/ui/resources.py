"""Where the app's icons and translations live, and loading icons from there."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"
ICONS_DIR = RESOURCES_DIR / "icons"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"


@cache
def icon(name: str) -> QIcon:
    """The SVG icon `resources/icons/<name>.svg` (an empty icon if it is missing)."""
    path = ICONS_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
