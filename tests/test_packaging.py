"""What a Linux desktop needs to show PosApp in its menus: a valid .desktop entry whose
command is the installed console script and whose icon ships with it. (The installed
wheel itself is started by scripts/check-wheel, a CI step.)"""

from __future__ import annotations

import configparser
import tomllib
from pathlib import Path

from posapp.ui.common.resources import ICONS_DIR, TRANSLATIONS_DIR

REPO = Path(__file__).resolve().parent.parent


def test_the_desktop_entry_starts_the_console_script_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(REPO / "resources" / "linux" / "posapp.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert desktop["Exec"] in project["project"]["scripts"]
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")
    icon = REPO / "resources" / "linux" / f"{desktop['Icon']}.svg"
    assert icon.read_bytes() == (ICONS_DIR / "app.svg").read_bytes()
    data_files = project["tool"]["setuptools"]["data-files"]
    assert "resources/linux/posapp.desktop" in data_files["share/applications"]
    assert f"resources/linux/{icon.name}" in data_files["share/icons/hicolor/scalable/apps"]


def test_a_checkout_finds_the_top_level_resources() -> None:
    assert ICONS_DIR == REPO / "resources" / "icons"
    assert (TRANSLATIONS_DIR / "posapp_zh_CN.qm").is_file()
