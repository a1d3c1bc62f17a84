"""Before Qt opens a window on Linux: without a display, or without the libraries of Qt's
X11 (xcb) plugin, PosApp says what is missing and which packages to install, instead of
Qt aborting with its raw plugin message."""

from __future__ import annotations

from pathlib import Path

from cli_support import run_posapp

from posapp.ui.shell.display import display_problem, loadable


def test_missing_xcb_libraries_are_named_with_their_packages() -> None:
    missing = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}
    problem = display_problem({"DISPLAY": ":0"}, "linux", lambda lib: lib not in missing)
    assert problem is not None
    assert "libxcb-cursor.so.0" in problem and "libxkbcommon-x11.so.0" in problem
    assert "sudo apt install libxkbcommon-x11-0 libxcb-cursor0" in problem
    assert "scripts/demo" in problem


def test_nothing_is_said_when_qt_can_start() -> None:
    assert display_problem({"DISPLAY": ":0"}, "linux", lambda lib: True) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda lib: False) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda lib: False) is None
    assert display_problem({}, "darwin", lambda lib: False) is None
    assert display_problem({}, "win32", lambda lib: False) is None


def test_the_libraries_are_really_looked_for() -> None:
    assert loadable("libc.so.6")
    assert not loadable("libposapp-not-installed.so.0")


def test_without_a_display_the_app_says_so_instead_of_aborting(tmp_path: Path) -> None:
    done = run_posapp(["--data-dir", str(tmp_path)], env={"QT_QPA_PLATFORM": ""})
    assert done.returncode == 1
    assert "no display was found" in done.stderr
    assert "qt.qpa" not in done.stderr and "Traceback" not in done.stderr
