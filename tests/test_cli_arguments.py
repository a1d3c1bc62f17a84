"""Bad command-line arguments end in one line saying what is wrong (exit 2), never in a
traceback; an unexpected failure ends in one line naming the log file (exit 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run_posapp

from posapp.app import build_parser, main


@pytest.mark.parametrize(("args", "said"), [
    (["sync", "--once", "--data-dir", "/dev/null"], "/dev/null is not a folder"),
    (["--data-dir", "{file}"], "is not a folder"),
    (["sync", "--data-dir", "{file}/below"], "is not a folder"),
    (["sync", "--data-dir", ""], "give a folder"),
    (["sync", "--api-base", "localhost:12111"], "http:// or https://"),
    (["sync", "--api-base", "ftp://127.0.0.1"], "http:// or https://"),
    (["sync", "--api-base", "http://"], "http:// or https://"),
    (["sync", "--api-base", "http://127.0.0.1:99999"], "port"),
    (["--profile", " ", "sync"], "profile name"),
    (["profile", "add", "", "--data-dir", "{dir}"], "profile name"),
    (["sync", "--log-level", "LOUD"], "invalid choice"),
])
def test_bad_arguments_are_named_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    args = [a.format(file=tmp_path / "file", dir=tmp_path / "d") for a in args]
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert said in err
    assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("posapp")


def test_a_data_dir_on_dev_null_stops_cleanly_in_a_real_process() -> None:
    done = run_posapp(["sync", "--once", "--data-dir", "/dev/null"],
                      env={"STRIPE_API_KEY": "sk_test_x"})
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        "posapp sync: error: argument --data-dir: /dev/null is not a folder")


@pytest.mark.parametrize("args", [
    ["--data-dir", "{dir}", "--profile", "Shop", "sync", "--once"],
    ["sync", "--data-dir", "{dir}", "--profile", "Shop", "--once"],
    ["--data-dir", "/elsewhere", "sync", "--data-dir", "{dir}", "--profile", "Shop"],
])
def test_common_options_count_before_or_after_the_command(tmp_path: Path,
                                                           args: list[str]) -> None:
    parsed = build_parser().parse_args([a.format(dir=tmp_path) for a in args])
    assert (parsed.data_dir, parsed.profile) == (tmp_path, "Shop")
