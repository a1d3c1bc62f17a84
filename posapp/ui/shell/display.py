"""Before Qt opens a window on Linux: is there a display, and are the libraries of Qt's X11
(xcb) platform plugin installed? Without them Qt aborts the process with a raw plugin
message; PosApp says instead what is missing and which packages provide it.

No Qt import here: the check runs before Qt is asked for anything."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

__all__ = ["XCB_LIBRARIES", "display_problem", "loadable"]

XCB_LIBRARIES: dict[str, str] = {
    # library the xcb plugin loads -> the Debian/Ubuntu package that provides it
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
}


def loadable(library: str) -> bool:
    """Whether the dynamic loader finds `library` (it is loaded, as Qt would load it)."""
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def display_problem(environ: Mapping[str, str] | None = None, platform: str = sys.platform,
                    load: Callable[[str], bool] = loadable) -> str | None:
    """Why Qt could not open a window here, fit to show on a terminal; None when it can (or
    when another platform plugin than X11's is chosen: offscreen, Wayland, macOS, Windows)."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "")
    if (chosen and not chosen.startswith("xcb")) or (not chosen and env.get("WAYLAND_DISPLAY")):
        return None
    if not env.get("DISPLAY"):
        return ("PosApp cannot open its window: no display was found (DISPLAY is not set). "
                "Start it from a desktop session; `posapp sync` works without one, and "
                "`xvfb-run -a posapp --demo` shows the demo on a virtual display.")
    missing = [lib for lib in XCB_LIBRARIES if not load(lib)]
    if not missing:
        return None
    packages = " ".join(XCB_LIBRARIES[lib] for lib in missing)
    return ("PosApp cannot open its window: Qt's X11 (xcb) platform needs libraries that "
            f"are missing: {', '.join(missing)}. On Debian or Ubuntu: sudo apt install "
            f"{packages} (from a source checkout, scripts/demo installs them and opens the "
            "demo).")
