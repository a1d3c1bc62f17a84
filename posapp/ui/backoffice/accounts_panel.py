"""`AccountsPanel`: a platform's connected accounts (name, dashboard, charges and payouts
enabled, requirements due), a new account, its onboarding link, its Express dashboard, and
"Act as" (the whole window then works on that account, under a banner saying so)."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.services import connect

from ..activity.object_detail import ObjectDetail
from ..common.app_state import AppState
from ..common.errors import error_text
from ..common.theme import set_role
from ..widgets.list_panel import ListPanel
from .models import AccountListModel, dashboard_text

ONBOARDING_RETURN = "https://posapp.invalid/onboarding-done"
"""Where Stripe sends the account holder after onboarding (the app has no web page)."""


class NewAccountDialog(QDialog):
    """Name, e-mail and dashboard of a new connected account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New connected account"))
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.dashboard = QComboBox()
        for kind in ("express", "full", "none"):
            self.dashboard.addItem(dashboard_text(kind), kind)
        form = QFormLayout()
        form.addRow(self.tr("Business name"), self.name)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Dashboard"), self.dashboard)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


class AccountsPanel(ListPanel[AccountListModel]):
    """The platform's connected accounts and what can be done with them."""

    act_as_requested = Signal(str)
    """The id of the connected account the window should now work on."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, AccountListModel(state.cache, state.formats),
                         "lists/accounts", (), parent)
        acting = state.session.acting_as is not None
        self.new = QPushButton(self.tr("New account…"))
        self.new.clicked.connect(self._ask_new)
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(lambda: state.spawn(self.load()))
        self.add_money_button(self.new, lambda: not acting)
        self.add_money_button(self.refresh, lambda: not acting)
        self.detail = ObjectDetail(state.formats, lambda a: state.dashboard_url(a["id"]))
        self.act_as = QPushButton(self.tr("Act as this account"))
        self.onboarding = QPushButton(self.tr("Onboarding link"))
        self.login = QPushButton(self.tr("Express dashboard"))
        self.link = QLineEdit()
        self.link.setReadOnly(True)
        self.link.setPlaceholderText(self.tr("Links open in the browser and are copied here."))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        note = QLabel(self.tr("You are acting as a connected account: go back to the "
                              "platform to manage accounts.") if acting else "")
        note.setWordWrap(True)
        layout.addWidget(note)
        for button in (self.act_as, self.onboarding, self.login):
            layout.addWidget(button)
        layout.addWidget(self.link)
        layout.addWidget(self.detail, 1)
        self.act_as.clicked.connect(self._act_as)
        self.onboarding.clicked.connect(lambda: state.spawn(self.open_link("onboarding")))
        self.login.clicked.connect(lambda: state.spawn(self.open_link("login")))
        self.list.selected.connect(self._selected)
        self._selected({})
        self.finish_layout(box, (760, 480), ("accounts",),
                           placeholder=self.tr("Select a connected account."))

    def _selected(self, account: dict[str, Any]) -> None:
        self.detail.show_object(account)
        acting = self._state.session.acting_as is not None
        express = ((account.get("controller") or {}).get("stripe_dashboard") or {}).get(
            "type") == "express"
        self.act_as.setEnabled(bool(account) and not acting)
        self.onboarding.setEnabled(bool(account) and not acting
                                   and not account.get("details_submitted"))
        self.login.setEnabled(bool(account) and express and not acting)
        self.link.clear()

    async def load(self) -> None:
        """The connected accounts from Stripe into the cache."""
        try:
            await self._state.run(connect.list_connected_accounts, self._state.session)
        except Exception as error:  # shown inline: offline, not a platform
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            return
        self.model.reload()

    def _ask_new(self) -> None:
        dialog = NewAccountDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        dashboard = cast(connect.Dashboard, dialog.dashboard.currentData())
        self._state.spawn(self.create_account(dialog.name.text(),
                                              dialog.email.text().strip() or None, dashboard))

    async def create_account(self, name: str, email: str | None,
                             dashboard: connect.Dashboard) -> None:
        """Create a connected account and select it."""
        try:
            account = await self._state.run(connect.create_connected_account,
                                            self._state.session, name, email,
                                            dashboard=dashboard)
        except Exception as error:  # shown inline: empty name, refused, offline
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            return
        self.model.reload()
        self.list.select_id(str(account["id"]))

    async def open_link(self, which: str) -> str | None:
        """Make the selected account's onboarding or Express login link, show, copy and
        open it."""
        account = self.list.current_object()
        if not account:
            return None
        session = self._state.session
        try:
            if which == "onboarding":
                url = await self._state.run(connect.onboarding_link, session, account["id"],
                                            refresh_url=ONBOARDING_RETURN,
                                            return_url=ONBOARDING_RETURN)
            else:
                url = await self._state.run(connect.login_link, session, account["id"])
        except Exception as error:  # shown inline
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            return None
        self.link.setText(url)
        QGuiApplication.clipboard().setText(url)
        QDesktopServices.openUrl(QUrl(url))
        return url

    def _act_as(self) -> None:
        account = self.list.current_object()
        if account:
            self.act_as_requested.emit(str(account["id"]))
