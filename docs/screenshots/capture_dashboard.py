"""Take the dashboard, refunds, disputes and activity screenshots in this folder (and the
dashboard in Chinese): the demo window under Xvfb.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/capture_dashboard.py

Starts the demo sandbox in-process, opens the window as `--demo` does, refunds part of a
payment and saves a dispute's evidence draft (so the audit log has rows), then saves each
screen; finally switches the language to zh_CN and saves the dashboard again.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

import qasync

from posapp.config import Paths
from posapp.sandbox import running
from posapp.ui.launch import GuiOptions, application, make_controller
from posapp.ui.main_window import MainWindow, Panel
from posapp.ui.refund_dialog import RefundDialog
from posapp.worker import Worker

HERE = Path(__file__).resolve().parent
SIZE = (1360, 860)


async def until(condition: object, what: str, limit: float = 60.0) -> None:
    """Wait for `condition()` (a callable) to hold."""
    waited = 0.0
    while not condition():  # type: ignore[operator]
        if waited > limit:
            raise SystemExit(f"gave up waiting for {what}")
        await asyncio.sleep(0.1)
        waited += 0.1


async def save(window: MainWindow, name: str) -> None:
    """Dismiss the toasts, let them go, and grab the window into `name`.png here."""
    window.toasts.clear()
    await asyncio.sleep(0.5)
    path = HERE / f"{name}.png"
    window.grab().save(str(path))
    print("saved", path)


async def dashboard_shown(window: MainWindow) -> None:
    """Show the dashboard once its figures are computed and painted."""
    window.toasts.clear()
    window.show_panel(Panel.DASHBOARD)
    await window.dashboard.refresh()
    await asyncio.sleep(0.8)


async def shoot(window: MainWindow) -> None:
    """Act as a merchant would, then save each screen."""
    window.resize(*SIZE)
    await until(lambda: window.state.cache.last_success is not None, "the demo sync")
    await dashboard_shown(window)
    await save(window, "dashboard")

    payments = window.payments.model
    payment = next(p for r in range(payments.rowCount())
                   if (p := payments.object_at(r) or {}).get("status") == "succeeded"
                   and not (payments.charge_of(p) or {}).get("amount_refunded")
                   and not (payments.charge_of(p) or {}).get("disputed"))
    dialog = RefundDialog(window.state, str(payment["id"]), window)
    dialog.amount.text_edit.setText("2")
    dialog.note.setText("Spilled drink, replaced")
    refund = await dialog.send(confirmed=True)
    assert refund is not None
    # The poller applies the refund's events soon after; its toast must be gone first.
    await until(lambda: window.activity.notices.count() > 0, "the refund's notification")

    window.show_panel(Panel.DISPUTES)
    disputes = window.disputes
    disputes.list.status_filter.setCurrentIndex(0)
    open_one = next((d for r in range(disputes.model.rowCount())
                     if (d := disputes.model.object_at(r) or {}).get("status")
                     == "needs_response"), None)
    if open_one is not None:
        disputes.list.select_id(str(open_one["id"]))
        form = disputes.detail.form
        form.fields["product_description"].set_text(
            "Flat white and almond croissant, served at the counter.")
        await disputes.detail.save_draft()
        form.fields["refund_policy_disclosure"].set_text(
            "Our refund policy is printed on every receipt and shown at the till.")
    await save(window, "disputes")

    window.show_panel(Panel.REFUNDS)
    window.refunds.show_object(str(refund["id"]))
    await save(window, "refunds")

    window.show_panel(Panel.ACTIVITY)
    events = window.activity.events_model
    await until(lambda: events.rowCount() > 0, "the poller to apply the new events")
    window.activity.audit.selectRow(1)
    window.activity.events.table.selectRow(0)
    await save(window, "activity")


async def shoot_chinese(window: MainWindow) -> None:
    """The dashboard in Chinese."""
    window.resize(*SIZE)
    await dashboard_shown(window)
    await save(window, "dashboard-zh")


def main() -> int:
    app = application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with running(seed="demo") as sandbox, Worker() as worker:
        paths = Paths.resolve(Path(tempfile.mkdtemp(prefix="posapp-shots-")))
        controller = make_controller(GuiOptions(paths=paths, demo_api_base=sandbox.url,
                                                demo_api_key="sk_test_demo"), worker)
        with loop:
            loop.run_until_complete(controller.start())
            window = controller.window
            assert isinstance(window, MainWindow)
            loop.run_until_complete(shoot(window))
            controller.set_language("zh_CN")
            chinese = controller.window
            assert isinstance(chinese, MainWindow)
            loop.run_until_complete(shoot_chinese(chinese))
            controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
