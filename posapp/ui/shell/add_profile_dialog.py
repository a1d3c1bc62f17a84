"""`AddProfileDialog`: paste a Stripe key, have it checked with Stripe, keep it in the keyring.

The key is validated (`GET /v1/account`) on the worker; the dialog then shows the account's
name and mode. The secret goes only to the OS keyring (through `services.add_profile`).
"""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from posapp.keys import KeyVault, Profile, ProfileStore
from posapp.services.profiles import add_profile
from posapp.worker import Worker

from ..common.errors import error_text
from ..common.theme import DisplayMode, badge_style, set_role
from .top_bar import mode_badge_text


class AddProfileDialog(QDialog):
    """Name + secret key (+ optional API base); `profile` is set once it was saved."""

    def __init__(self, store: ProfileStore, vault: KeyVault, worker: Worker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add your Stripe key"))
        self.setMinimumWidth(520)
        self._store = store
        self._vault = vault
        self._worker = worker
        self.profile: Profile | None = None
        self._task: asyncio.Future[Profile | None] | None = None

        intro = QLabel(self.tr(
            "Paste a secret key (sk_…) or a restricted key (rk_…) from the Stripe Dashboard, "
            "Developers → API keys. It is checked with Stripe and kept in your system keyring, "
            "never in a file."))
        intro.setWordWrap(True)
        self.name = QLineEdit(self.tr("My shop"))
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText("sk_test_… / sk_live_… / rk_…")
        self.api_base = QLineEdit()
        self.api_base.setPlaceholderText(self.tr("Optional: a Stripe-compatible server URL"))
        self.api_base.setToolTip(self.tr(
            "Empty means Stripe itself (https://api.stripe.com), the only server a live key "
            "is ever sent to. A test key may use a sandbox on this computer "
            "(http://localhost:…) or a server with an https:// address."))
        form = QFormLayout()
        form.addRow(self.tr("Profile name"), self.name)
        form.addRow(self.tr("Secret key"), self.key)
        form.addRow(self.tr("API base URL"), self.api_base)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setObjectName("badge")
        self.badge.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(self.tr("Check and save"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setDefault(True)
        self.open_button = self.buttons.addButton(self.tr("Open"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.hide()
        self.save_button.clicked.connect(self._start)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.badge)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _start(self) -> None:
        self._task = asyncio.ensure_future(self.save())

    async def save(self) -> Profile | None:
        """Check the key with Stripe and save the profile; the result shows in the dialog."""
        self.save_button.setEnabled(False)
        set_role(self.status, "muted")
        self.status.setText(self.tr("Checking the key with Stripe…"))
        try:
            profile = await self._worker.run(
                add_profile, self._store, self._vault, self.name.text(), self.key.text(),
                self.api_base.text().strip() or None)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # every failure is shown; nothing was stored
            set_role(self.status, "error")
            self.status.setText(error_text(error))
            self.save_button.setEnabled(True)
            return None
        self.profile = profile
        mode = DisplayMode(profile.mode)
        self.key.clear()
        self.key.setEnabled(False)
        self.name.setEnabled(False)
        self.badge.setText(mode_badge_text(mode))
        self.badge.setStyleSheet(badge_style(mode))
        self.badge.show()
        set_role(self.status, "")
        self.status.setText(self.tr("Connected to %1 (%2). The key is in your keyring.")
                            .replace("%1", profile.account_name or profile.account_id)
                            .replace("%2", profile.account_id))
        self.save_button.hide()
        self.open_button.show()
        self.open_button.setFocus()
        return profile

    def _cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self.reject()
