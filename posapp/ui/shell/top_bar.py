"""`TopBar`: the profile switcher (account name and mode badge), global search, settings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ..common.app_state import ProfileView
from ..common.resources import icon
from ..common.theme import DisplayMode, badge_style

ADD_PROFILE = "\x00add"


def mode_badge_text(mode: DisplayMode) -> str:
    """The badge text for a mode (kept in English-style capitals in every language)."""
    return {DisplayMode.TEST: "TEST", DisplayMode.LIVE: "LIVE", DisplayMode.DEMO: "DEMO"}[mode]


class TopBar(QWidget):
    """Shows which account money moves on, and offers switching, search and settings."""

    profile_chosen = Signal(str)
    add_profile_requested = Signal()
    search_requested = Signal()
    settings_requested = Signal()

    def __init__(self, profile: ProfileView, profile_names: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.badge = QLabel(mode_badge_text(profile.mode))
        self.badge.setObjectName("badge")
        self.badge.setStyleSheet(badge_style(profile.mode))
        self.badge.setToolTip({
            DisplayMode.TEST: self.tr("Test mode: no real money moves."),
            DisplayMode.LIVE: self.tr("Live mode: real cards are charged."),
            DisplayMode.DEMO: self.tr("Demo: a local sandbox with made-up data."),
        }[profile.mode])
        self.account = QLabel(profile.account_name or profile.account_id)
        self.account.setObjectName("title")
        self.profiles = QComboBox()
        self.profiles.setToolTip(self.tr("Switch profile"))
        names = list(profile_names) or [profile.name]
        for name in names:
            self.profiles.addItem(name, name)
        self.profiles.setCurrentIndex(max(0, self.profiles.findData(profile.name)))
        self.profiles.insertSeparator(self.profiles.count())
        self.profiles.addItem(self.tr("Add a profile…"), ADD_PROFILE)
        self.profiles.activated.connect(self._chosen)
        self._current = profile.name

        self.search = QPushButton(icon("search"), self.tr("Search everything  (Ctrl+K)"))
        self.search.clicked.connect(self.search_requested)
        self.settings = QPushButton(icon("settings"), "")
        self.settings.setToolTip(self.tr("Settings and profiles"))
        self.settings.clicked.connect(self.settings_requested)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.badge)
        layout.addWidget(self.account)
        layout.addWidget(self.profiles)
        layout.addStretch(1)
        layout.addWidget(self.search)
        layout.addWidget(self.settings)

    def _chosen(self, index: int) -> None:
        data = self.profiles.itemData(index)
        if data == ADD_PROFILE:
            self.profiles.setCurrentIndex(max(0, self.profiles.findData(self._current)))
            self.add_profile_requested.emit()
        elif isinstance(data, str) and data != self._current:
            self.profile_chosen.emit(data)
