"""The Simplified Chinese translation covers every visible string, and the shipped `.qm` is
compiled from the `.ts` source as it is (a new `self.tr` string without a translation, or a
forgotten `lrelease`, would show English in the Chinese UI)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "posapp_zh_CN.ts"
QM = TS.with_suffix(".qm")
TOOLS = Path(sys.executable).parent


def _tool(name: str, *args: str) -> None:
    subprocess.run([str(TOOLS / name), *args], check=True, capture_output=True,  # noqa: S603
                   cwd=REPO)


def test_every_ui_string_has_a_chinese_translation(tmp_path: Path) -> None:
    scanned = tmp_path / "scanned.ts"
    shutil.copy(TS, scanned)
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "posapp" / "ui").rglob("*.py"))
    _tool("pyside6-lupdate", *sources, "-ts", str(scanned), "-no-obsolete")
    text = scanned.read_text(encoding="utf-8")
    untranslated = text.count('type="unfinished"')
    assert untranslated == 0, f"{untranslated} UI string(s) lack a zh_CN translation: run " \
        "pyside6-lupdate and translate them (docs/ui.md, Languages)"


def test_shipped_qm_is_compiled_from_the_ts_source(tmp_path: Path) -> None:
    compiled = tmp_path / "posapp_zh_CN.qm"
    _tool("pyside6-lrelease", str(TS), "-qm", str(compiled))
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease (docs/ui.md)"


EN_TS = TS.with_name("posapp_en.ts")


def test_every_plural_has_its_english_forms(tmp_path: Path) -> None:
    scanned = tmp_path / "scanned_en.ts"
    shutil.copy(EN_TS, scanned)
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "posapp" / "ui").rglob("*.py"))
    _tool("pyside6-lupdate", *sources, "-ts", str(scanned), "-pluralonly", "-no-obsolete")
    text = scanned.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "a %n string lacks its English plural forms: " \
        "see docs/ui.md, Languages"
    compiled = tmp_path / "posapp_en.qm"
    _tool("pyside6-lrelease", str(EN_TS), "-qm", str(compiled))
    assert compiled.read_bytes() == EN_TS.with_suffix(".qm").read_bytes()
