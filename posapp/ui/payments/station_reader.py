"""`StationReaderPage`, the "Card reader" page of Settings: which of the account's readers
this station (this profile on this machine) collects on. The choice is kept in the
station's settings and used by the collect and sale screens from then on, across restarts;
the collect screen may still send one sale to another reader."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from posapp.gateway.errors import GatewayError
from posapp.services.terminal import list_readers

from ..common.app_state import AppState
from ..common.errors import error_text
from .readers_dialog import reader_label, station_key


class StationReaderPage(QWidget):
    """Choose the station's reader; `save` keeps the choice."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.choice = QComboBox()
        self.message = QLabel()
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("This station's reader"), self.choice)
        form.addRow("", self.message)
        # The cached readers at once; Stripe's list (status, new readers) when it answers.
        self._fill(state.cache.page("terminal_readers", limit=100).rows)
        state.spawn(self.reload())

    def _fill(self, readers: list[dict[str, Any]]) -> None:
        chosen = self.choice.currentData() or self._state.ui_settings.value(
            station_key(self._state, "reader"), "")
        self.choice.clear()
        for reader in readers:
            self.choice.addItem(reader_label(reader), reader["id"])
        self.choice.setCurrentIndex(max(0, self.choice.findData(chosen)))
        self.message.setText("" if readers else self.tr(
            "No reader yet: register one with “Readers…” on the collect screen."))

    async def reload(self) -> None:
        """List the account's readers from Stripe, keeping the choice."""
        try:
            readers: list[dict[str, Any]] = await self._state.run(list_readers,
                                                                  self._state.session)
        except GatewayError as error:  # offline: the cached readers stay listed
            self.message.setText(self.tr("Readers could not be listed: %1").replace(
                "%1", error_text(error)))
            return
        self._fill(readers)

    def reader_id(self) -> str | None:
        """The reader chosen on the page."""
        value = self.choice.currentData()
        return str(value) if value else None

    def save(self) -> None:
        """Keep the chosen reader as the station's."""
        reader = self.reader_id()
        if reader:
            self._state.ui_settings.setValue(station_key(self._state, "reader"), reader)
