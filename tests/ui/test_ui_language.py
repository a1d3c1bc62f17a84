"""Language: the settings (or the system locale) choose zh_CN; switching at run time rebuilds
the window in Chinese, with money and dates in the Chinese locale."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import qasync
import stripe
from PySide6.QtCore import QCoreApplication, QLocale
from ui_support import DEMO_KEY, demo_controller, first_sync, run, wait_until

from posapp.gateway import ErrorKind, GatewayError
from posapp.money import AmountError, parse_amount
from posapp.sandbox import Sandbox
from posapp.services.payments import PaymentStatus
from posapp.services.refunds import RefundTooLarge
from posapp.ui.activity.audit_list_model import outcome_text
from posapp.ui.activity.object_detail import ObjectDetail
from posapp.ui.common.errors import error_text
from posapp.ui.common.format import Formats
from posapp.ui.common.i18n import Translations, choose_language
from posapp.ui.disputes.dispute_list_model import countdown_text
from posapp.ui.payments.payment_list_model import request_status_text, status_text
from posapp.ui.shell.main_window import MainWindow, Panel
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
    first_sync(loop, chinese, "the sync")
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


def _dispute_due_in(seconds: int) -> dict[str, object]:
    return {"status": "needs_response",
            "evidence_details": {"due_by": int(time.time()) + seconds}}


def test_errors_statuses_and_counts_are_said_in_chinese(loop: qasync.QEventLoop) -> None:
    assert Translations().install("zh_CN")
    with pytest.raises(AmountError) as small:
        parse_amount("0.49", "usd", "zh_CN")
    assert error_text(small.value) == "USD 的最低收费金额为 US$0.50。"
    with pytest.raises(AmountError) as typed:
        parse_amount("abc", "usd", "zh_CN")
    assert error_text(typed.value) == "“abc”不是有效金额（小数点请用“.”）。"
    too_large = RefundTooLarge("$16.00 is more than…", "refund_too_large", asked="US$16.00",
                               remaining="US$15.00", amount="US$20.00", refunded="US$5.00")
    assert error_text(too_large) == \
        "US$16.00 超过可退款金额：US$20.00 中尚余 US$15.00（已退款 US$5.00）。"
    missing = GatewayError(ErrorKind.NOT_FOUND, "No such customer: 'cus_1'", code="not_found")
    assert error_text(missing) == "Stripe 上找不到该对象：No such customer: 'cus_1'"
    for code in ("not_found", "invalid_request", "card_declined", "unknown", "succeeded"):
        assert "_" not in outcome_text(code) and outcome_text(code).strip()
        assert not outcome_text(code).isascii(), code
    assert status_text("requires_payment_method") == "失败"
    assert countdown_text(_dispute_due_in(2 * 86_400 + 60), time.time()) == "还剩 2 天"
    assert countdown_text(_dispute_due_in(5 * 3600 + 60), time.time()) == "还剩 5 小时"
    waiting = PaymentStatus("waiting", "Waiting for the customer to pay.")
    assert request_status_text(waiting) == "正在等待客户付款。"
    placeholder = ObjectDetail(Formats("zh_CN"), lambda _id: "")
    assert "选择一行" in placeholder.text.toPlainText()


def test_counts_are_proper_english_plurals(loop: qasync.QEventLoop) -> None:
    Translations().install("en_US")
    translate = QCoreApplication.translate
    assert translate("DashboardPanel", "%n payment(s)", "", 1) == "1 payment"
    assert translate("DashboardPanel", "%n payment(s)", "", 2) == "2 payments"
    assert translate("CacheListView", "%n item(s)", "", 1) == "1 item"
    assert translate("CacheListView", "%n item(s)", "", 0) == "0 items"
    assert countdown_text(_dispute_due_in(86_400 + 60), time.time()) == "1 day left"


def test_switching_language_keeps_the_notifications_the_place_and_the_panel(
        loop: qasync.QEventLoop, tmp_path: Path, sandbox: Sandbox, worker: Worker) -> None:
    controller = demo_controller(tmp_path, sandbox, worker, language="en_US")
    run(loop, controller.start())
    window = controller.window
    assert isinstance(window, MainWindow)
    first_sync(loop, window, "the sync")
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
    assert [n for _at, n in chinese.notices] == [n for _at, n in window.notices]
    assert any(getattr(n, "payment_intent", None) == paid.id for _at, n in chinese.notices)
    controller.shutdown()
