"""`ReadersDialog`: the account's Terminal readers and this station's reader settings.

Readers are listed with their status (online/offline) and current action; a reader is
registered with the code its screen shows (`simulated-wpe` or `simulated-s700` make a
simulated one in test mode) at a location (one is made from the name and country typed when
the account has none), renamed or deleted. This station's options: "authorise only"
(capture later, manual capture) and "offer tips on the reader"; they and the chosen reader
are remembered per profile on this machine.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.services.terminal import (
    create_location,
    delete_reader,
    list_locations,
    list_readers,
    register_reader,
    rename_reader,
)

from ..common.app_state import AppState
from ..common.confirm import confirm
from ..common.errors import error_text
from ..common.theme import set_role


def station_key(state: AppState, name: str) -> str:
    """The settings key of this station's reader option `name` (per profile, per machine)."""
    return f"terminal/{state.session.profile.name}/{name}"


def reader_label(reader: dict[str, Any]) -> str:
    """`Counter · online` or `Counter · offline`, as the reader choice shows it."""
    status = (QCoreApplication.translate("ReadersDialog", "online")
              if reader.get("status") == "online"
              else QCoreApplication.translate("ReadersDialog", "offline"))
    return f"{reader.get('label') or reader.get('serial_number')} · {status}"


class ReadersDialog(QDialog):
    """Manage the account's readers and this station's reader options."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.readers: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Card readers"))
        self.setMinimumWidth(520)
        self.list = QListWidget()
        self.rename = QPushButton(self.tr("Rename…"))
        self.delete = QPushButton(self.tr("Delete…"))
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.rename)
        actions.addWidget(self.delete)

        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("The code the reader shows, e.g. simulated-wpe"))
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("Counter"))
        self.location = QComboBox()
        self.location_name = QLineEdit()
        self.location_name.setPlaceholderText(self.tr("New location's name"))
        self.location_country = QLineEdit()
        self.location_country.setPlaceholderText(self.tr("Country code, e.g. US"))
        self.location_country.setMaxLength(2)
        self.register = QPushButton(self.tr("Register reader"))
        form = QFormLayout()
        form.addRow(self.tr("Registration code"), self.code)
        form.addRow(self.tr("Name"), self.label)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("New location"), self.location_name)
        form.addRow(self.tr("Country"), self.location_country)
        form.addRow("", self.register)

        self.authorise_only = QCheckBox(self.tr("Authorise only: capture reader payments "
                                                "later"))
        self.tipping = QCheckBox(self.tr("Offer tips on the reader"))
        self.authorise_only.setChecked(self._flag("authorise_only"))
        self.tipping.setChecked(self._flag("tipping"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Readers of this account")))
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("This station")))
        layout.addWidget(self.authorise_only)
        layout.addWidget(self.tipping)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.register.clicked.connect(lambda: state.spawn(self.register_reader()))
        self.rename.clicked.connect(self._ask_rename)
        self.delete.clicked.connect(self._ask_delete)
        self.authorise_only.toggled.connect(lambda on: self._set_flag("authorise_only", on))
        self.tipping.toggled.connect(lambda on: self._set_flag("tipping", on))
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self._update()
        state.spawn(self.reload())

    def _flag(self, name: str) -> bool:
        return str(self._state.ui_settings.value(station_key(self._state, name),
                                                 "false")) == "true"

    def _set_flag(self, name: str, on: bool) -> None:
        self._state.ui_settings.setValue(station_key(self._state, name),
                                         "true" if on else "false")

    def _say(self, text: str, role: str = "") -> None:
        set_role(self.message, role)
        self.message.setText(text)

    def _update(self) -> None:
        chosen = self.current() is not None
        self.rename.setEnabled(chosen)
        self.delete.setEnabled(chosen)
        new_location = self.location.count() == 0
        self.location_name.setEnabled(new_location)
        self.location_country.setEnabled(new_location)

    def current(self) -> dict[str, Any] | None:
        """The reader selected in the list."""
        row = self.list.currentRow()
        return self.readers[row] if 0 <= row < len(self.readers) else None

    async def reload(self) -> None:
        """List the readers (status, current action) and the locations."""
        try:
            readers, locations = await self._state.run(_readers_and_locations,
                                                       self._state.session)
        except Exception as error:  # offline: say why, keep the dialog usable
            self._say(error_text(error), "error")
            return
        self.readers = readers
        self.list.clear()
        for reader in readers:
            self.list.addItem(QListWidgetItem(f"{reader_label(reader)} · "
                                              f"{self._action_text(reader)}"))
        self.location.clear()
        for location in locations:
            self.location.addItem(str(location.get("display_name")), location["id"])
        self._update()

    def _action_text(self, reader: dict[str, Any]) -> str:
        action = reader.get("action") or {}
        if not action:
            return self.tr("idle")
        kind = {"process_payment_intent": self.tr("payment"),
                "set_reader_display": self.tr("showing a cart")}.get(
            str(action.get("type")), str(action.get("type")))
        status = {"in_progress": self.tr("in progress"), "succeeded": self.tr("succeeded"),
                  "failed": self.tr("failed")}.get(str(action.get("status")), "")
        return f"{kind} {status}".strip()

    async def register_reader(self) -> dict[str, Any] | None:
        """Register the reader whose code was typed, at the chosen (or a new) location."""
        code, label = self.code.text().strip(), self.label.text().strip()
        location = self.location.currentData()
        try:
            if not location:
                place = await self._state.run(
                    create_location, self._state.session, self.location_name.text(),
                    {"country": self.location_country.text().strip().upper()})
                location = place["id"]
            reader: dict[str, Any] = await self._state.run(
                register_reader, self._state.session, code, str(location), label)
        except Exception as error:  # a wrong code, offline: say why
            self._say(error_text(error), "error")
            return None
        self.code.clear()
        self.label.clear()
        self._say(self.tr("Reader “%1” registered.").replace("%1", str(reader.get("label"))),
                  "success")
        await self.reload()
        return reader

    def _ask_rename(self) -> None:
        reader = self.current()
        if reader is None:
            return
        label, ok = QInputDialog.getText(self, self.tr("Rename reader"), self.tr("Name"),
                                         text=str(reader.get("label") or ""))
        if ok:
            self._state.spawn(self.rename_reader(reader["id"], label))

    async def rename_reader(self, reader_id: str, label: str) -> None:
        """Give the reader a new name."""
        try:
            await self._state.run(rename_reader, self._state.session, reader_id, label)
        except Exception as error:  # an empty name, offline: say why
            self._say(error_text(error), "error")
            return
        await self.reload()

    def _ask_delete(self) -> None:
        reader = self.current()
        if reader is None:
            return
        if confirm(self, self._state.profile.mode, self.tr("Delete reader"),
                   self.tr("Delete “%1”? It must be registered again with a new code to "
                           "take payments.").replace("%1", str(reader.get("label")))):
            self._state.spawn(self.delete_reader(reader["id"]))

    async def delete_reader(self, reader_id: str) -> None:
        """Unregister the reader."""
        try:
            await self._state.run(delete_reader, self._state.session, reader_id)
        except Exception as error:  # offline: say why
            self._say(error_text(error), "error")
            return
        await self.reload()


def _readers_and_locations(session: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return list_readers(session), list_locations(session)
