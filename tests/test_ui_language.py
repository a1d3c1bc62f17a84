"""Language: the settings (or the system locale) choose zh_CN; switching at run time rebuilds
the window in Chinese, with money and dates in the Chinese locale."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import QLocale
from ui_support import demo_controller, run, wait_until
from ui_support import loop as loop  # fixture
from ui_support import worker as worker  # fixture

from posapp.sandbox import Sandbox
from posapp.ui.i18n import choose_language
from posapp.ui.main_window import MainWindow, Panel
from posapp.worker import Worker


def _nav(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_switching_to_chinese_rebuilds_the_window_in_chinese(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker) -> None:
    controller = demo_controller(tmp_path, sandbox, worker, language="en_US")
    run(loop, controller.start())
    window = controller.window
    assert isinstance(window, MainWindow)
    assert _nav(window)[Panel.COLLECT] == "Collect payment"

    controller.set_language("zh_CN")
    chinese = controller.window
    assert isinstance(chinese, MainWindow) and chinese is not window
    assert _nav(chinese)[:3] == ["概览", "收款", "客户"]
    assert chinese.collect.show_link.text() == "显示付款链接和二维码"
    chinese.collect.amount.text_edit.setText("1234.5")
    assert chinese.collect.amount.amount() == 123450
    assert chinese.state.formats.money(123450, "usd") == "US$1,234.50"
    wait_until(loop, lambda: chinese.state.cache.last_success is not None, "the sync")
    controller.shutdown()


def test_language_follows_settings_then_system(qapp: object) -> None:
    assert choose_language("zh_CN") == "zh_CN"
    assert choose_language("", QLocale(QLocale.Language.Chinese,
                                       QLocale.Country.China)) == "zh_CN"
    assert choose_language("", QLocale(QLocale.Language.Chinese,
                                       QLocale.Script.TraditionalChineseScript,
                                       QLocale.Country.Taiwan)) == "en_US"
    assert choose_language("", QLocale(QLocale.Language.German)) == "en_US"
    assert choose_language("fr_FR", QLocale(QLocale.Language.Chinese)) == "zh_CN"
