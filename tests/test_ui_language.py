"""Language: the settings (or the system locale) choose zh_CN; switching at run time rebuilds
the window in Chinese, with money and dates in the Chinese locale."""

from __future__ import annotations

from pathlib import Path

import qasync
import stripe
from PySide6.QtCore import QLocale
from ui_support import DEMO_KEY, demo_controller, run, wait_until
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


def test_switching_language_keeps_the_notifications_the_place_and_the_panel(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker) -> None:
    controller = demo_controller(tmp_path, sandbox, worker, language="en_US")
    run(loop, controller.start())
    window = controller.window
    assert isinstance(window, MainWindow)
    wait_until(loop, lambda: window.state.cache.last_success is not None, "the sync")
    client = stripe.StripeClient(DEMO_KEY, base_addresses={"api": sandbox.url},
                                 max_network_retries=0)
    paid = client.v1.payment_intents.create(params={
        "amount": 1250, "currency": "usd", "payment_method": "pm_card_visa", "confirm": True})
    window.state.expect_activity()
    wait_until(loop, lambda: window.unread > 0, "the payment's notification")
    window.show_panel(Panel.PAYMENTS)
    window.setGeometry(120, 90, 1300, 820)
    before = window.activity.notices.item(0).text()
    assert "$12.50" in before

    controller.set_language("zh_CN")
    chinese = controller.window
    assert isinstance(chinese, MainWindow) and chinese is not window
    assert chinese.geometry().size() == window.geometry().size()
    assert chinese.geometry().topLeft() == window.geometry().topLeft()
    assert chinese.current_panel() is Panel.PAYMENTS
    assert chinese.unread == window.unread
    texts = [chinese.activity.notices.item(i).text()
             for i in range(chinese.activity.notices.count())]
    # The same notification, now worded in Chinese and stamped with the time it came.
    assert len(texts) == window.activity.notices.count()
    assert texts[0] != before and "US$12.50" in texts[0]
    assert [n for _at, n in chinese.activity.history] == [
        n for _at, n in window.activity.history]
    assert any(getattr(n, "payment_intent", None) == paid.id
               for _at, n in chinese.activity.history)
    controller.shutdown()
