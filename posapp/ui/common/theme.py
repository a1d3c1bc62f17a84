"""The look: Fusion style following the system's light or dark palette, mode accents.

Colours are taken from the palette wherever possible so the app reads well in light and dark
themes; only the mode accents (TEST amber, LIVE red, DEMO blue) and status colours are fixed.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QApplication, QWidget


class DisplayMode(StrEnum):
    """How a profile is shown: which account the app is moving money on."""

    TEST = "test"
    LIVE = "live"
    DEMO = "demo"


MODE_COLORS: dict[DisplayMode, str] = {
    DisplayMode.TEST: "#d97706",
    DisplayMode.LIVE: "#dc2626",
    DisplayMode.DEMO: "#2563eb",
}
SUCCESS_COLOR = "#16a34a"
DANGER_COLOR = "#dc2626"
WARNING_COLOR = "#d97706"

_STYLE = """
QListWidget#navigation { border: none; padding: 6px; font-size: 14px; }
QListWidget#navigation::item { padding: 8px 10px; border-radius: 6px; }
QListWidget#navigation::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
QLabel#badge { color: white; font-weight: bold; border-radius: 4px; padding: 2px 8px; }
QLabel#title { font-size: 20px; font-weight: 600; }
QLabel#bigAmount { font-size: 30px; font-weight: 700; }
QLabel#muted { color: palette(placeholder-text); }
QLabel#reason { color: #d97706; }
QLabel#error { color: #dc2626; }
QLabel#success { color: #16a34a; font-size: 22px; font-weight: 700; }
QFrame#card { border: 1px solid palette(mid); border-radius: 8px; }
QFrame#toast { background: palette(tool-tip-base); border: 1px solid palette(mid);
    border-radius: 8px; }
QPushButton#primary { font-weight: 600; padding: 6px 16px; }
QLineEdit#amount { font-size: 26px; padding: 6px; }
"""


def apply_theme(app: QApplication) -> None:
    """Fusion style with the system palette, plus the app's small style sheet."""
    app.setStyle("Fusion")
    app.setStyleSheet(_STYLE)


def badge_style(mode: DisplayMode) -> str:
    """Style sheet for a mode badge label."""
    return f"background: {MODE_COLORS[mode]};"


def accent_style(mode: DisplayMode) -> str:
    """Style sheet for the window's accent strip under the top bar."""
    return f"background: {MODE_COLORS[mode]}; min-height: 3px; max-height: 3px;"


def set_role(widget: QWidget, role: str) -> None:
    """Give `widget` a style role (`error`, `success`, `muted`, `reason`, "" for none) and
    restyle it now (Qt only re-reads object-name selectors on a re-polish)."""
    widget.setObjectName(role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
