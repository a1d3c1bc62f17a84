"""`SettingsDialog`: preferences (poll interval, currency, language, data directory, clear
cache), the open profile's business details for its invoices (name, address, tax id,
footer, logo), this station's card reader (with a profile open) and profiles (switch,
rename, remove)."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.config import Paths, Settings
from posapp.gateway.hosts import STRIPE_API_BASE
from posapp.keys import ProfileStore

from ..common.errors import error_text
from ..common.i18n import LANGUAGES
from ..payments.station_reader import StationReaderPage
from ..widgets.amount_edit import COMMON_CURRENCIES


class SettingsDialog(QDialog):
    """Edits the settings file; the owner applies what changed when it is accepted."""

    clear_cache_requested = Signal()
    profile_chosen = Signal(str)
    profiles_changed = Signal()

    def __init__(self, settings: Settings, paths: Paths, store: ProfileStore,
                 current_profile: str | None, parent: QWidget | None = None,
                 reader_page: StationReaderPage | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        self._settings = settings
        self._paths = paths
        self._store = store
        self._current = current_profile
        self.reader_page = reader_page

        self.poll = QSpinBox()
        self.poll.setRange(5, 3600)
        self.poll.setSuffix(self.tr(" s"))
        self.poll.setValue(settings.poll_interval_seconds)
        self.poll.setToolTip(self.tr("How often to ask Stripe for news when nothing is pending "
                                     "(every 2 s while a payment is awaited)."))
        self.currency = QComboBox()
        for code in dict.fromkeys((settings.default_currency, *COMMON_CURRENCIES)):
            self.currency.addItem(code.upper(), code)
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.discount_limit = QSpinBox()
        self.discount_limit.setRange(0, 100)
        self.discount_limit.setSuffix(" %")
        self.discount_limit.setSpecialValueText(self.tr("Not allowed"))
        self.discount_limit.setValue(settings.manual_discount_limit)
        self.discount_limit.setToolTip(self.tr("The largest discount a cashier at this station "
                                               "may give by hand, with a reason, in percent "
                                               "of the line or cart"))
        data_dir = QLabel(str(paths.data_dir))
        data_dir.setWordWrap(True)
        data_dir.setToolTip(self.tr("Start PosApp with --data-dir DIR to keep its files "
                                    "elsewhere."))
        open_dir = QPushButton(self.tr("Open folder"))
        open_dir.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data_dir))))
        dir_row = QHBoxLayout()
        dir_row.addWidget(data_dir, 1)
        dir_row.addWidget(open_dir)
        self.clear_cache = QPushButton(self.tr("Clear cache…"))
        self.clear_cache.setEnabled(current_profile is not None)
        self.clear_cache.clicked.connect(self._confirm_clear)
        prefs = QWidget()
        form = QFormLayout(prefs)
        form.addRow(self.tr("Poll interval"), self.poll)
        form.addRow(self.tr("Default currency"), self.currency)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Manual discounts up to"), self.discount_limit)
        form.addRow(self.tr("Data directory"), dir_row)
        form.addRow(self.tr("Offline cache"), self.clear_cache)

        self.profiles = QListWidget()
        self.switch = QPushButton(self.tr("Switch to"))
        self.rename = QPushButton(self.tr("Rename…"))
        self.remove = QPushButton(self.tr("Remove…"))
        self.switch.clicked.connect(self._switch)
        self.rename.clicked.connect(self._rename)
        self.remove.clicked.connect(self._remove)
        self.profile_message = QLabel()
        self.profile_message.setObjectName("error")
        self.profile_message.setWordWrap(True)
        buttons = QVBoxLayout()
        for button in (self.switch, self.rename, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        profiles = QWidget()
        row = QHBoxLayout(profiles)
        row.addWidget(self.profiles, 1)
        row.addLayout(buttons)
        profiles_page = QWidget()
        page = QVBoxLayout(profiles_page)
        page.addWidget(profiles)
        page.addWidget(self.profile_message)
        self._fill_profiles()

        tabs = QTabWidget()
        tabs.addTab(prefs, self.tr("Preferences"))
        tabs.addTab(self._business_page(), self.tr("Business"))
        if reader_page is not None:
            tabs.addTab(reader_page, self.tr("Card reader"))
        tabs.addTab(profiles_page, self.tr("Profiles"))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self._save)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(box)

    def _business_page(self) -> QWidget:
        """The seller details the open profile's invoices print (empty: the account's name
        from Stripe stands in for the name)."""
        details = self._settings.business(self._current or "")
        self.business_name = QLineEdit(details["name"])
        accounts = {p.name: p.account_name for p in self._store.list_profiles()}
        account = accounts.get(self._current or "", "")
        self.business_name.setPlaceholderText(account or self.tr("The account's name"))
        self.business_address = QPlainTextEdit(details["address"])
        self.business_address.setFixedHeight(80)
        self.tax_id = QLineEdit(details["tax_id"])
        self.footer = QLineEdit(details["footer"])
        self.footer.setPlaceholderText(self.tr("e.g. Thank you for your business."))
        self.logo = QLineEdit(details["logo"])
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(choose)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Business name"), self.business_name)
        form.addRow(self.tr("Address"), self.business_address)
        form.addRow(self.tr("Tax ID"), self.tax_id)
        form.addRow(self.tr("Invoice footer"), self.footer)
        form.addRow(self.tr("Logo"), logo_row)
        self.stripe_tax = QCheckBox(self.tr("Stripe Tax works out the tax of counter sales"))
        self.stripe_tax.setChecked(self._settings.stripe_tax(self._current or ""))
        self.stripe_tax.setToolTip(self.tr(
            "Instead of your tax rates, Stripe Tax taxes each sale by the customer's address. "
            "Used only while Stripe Tax is active on the account (Dashboard → Tax)."))
        form.addRow(self.tr("Tax"), self.stripe_tax)
        page.setEnabled(self._current is not None)
        return page

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Logo"), self.logo.text(), self.tr("Images (*.png *.jpg *.svg)"))
        if path:
            self.logo.setText(path)

    def _fill_profiles(self) -> None:
        self.profiles.clear()
        for profile in self._store.list_profiles():
            # Which server sees the key: Stripe itself unless the profile names another.
            base = profile.api_base or STRIPE_API_BASE
            label = f"{profile.name} — {profile.account_name} ({profile.mode}) · {base}"
            self.profiles.addItem(label)
            self.profiles.item(self.profiles.count() - 1).setData(256, profile.name)

    def _selected(self) -> str | None:
        item = self.profiles.currentItem()
        return str(item.data(256)) if item is not None else None

    def _save(self) -> None:
        self._settings.poll_interval_seconds = self.poll.value()
        self._settings.default_currency = str(self.currency.currentData())
        self._settings.language = str(self.language.currentData())
        self._settings.manual_discount_limit = self.discount_limit.value()
        if self._current is not None:
            self._settings.set_business(self._current, {
                "name": self.business_name.text().strip(),
                "address": self.business_address.toPlainText().strip(),
                "tax_id": self.tax_id.text().strip(), "footer": self.footer.text().strip(),
                "logo": self.logo.text().strip()})
            self._settings.set_stripe_tax(self._current, self.stripe_tax.isChecked())
        self._settings.save()
        if self.reader_page is not None:
            self.reader_page.save()
        self.accept()

    def _confirm_clear(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Clear cache"),
            self.tr("Delete the offline copy of this profile's data? It is downloaded again "
                    "from Stripe on the next sync; the audit log is kept."))
        if answer == QMessageBox.StandardButton.Yes:
            self.clear_cache_requested.emit()
            self.reject()

    def _switch(self) -> None:
        name = self._selected()
        if name is not None and name != self._current:
            self.profile_chosen.emit(name)
            self.reject()

    def _rename(self) -> None:
        name = self._selected()
        if name is None:
            return
        new, ok = QInputDialog.getText(self, self.tr("Rename profile"), self.tr("New name"),
                                       text=name)
        if not ok:
            return
        try:
            self._store.rename(name, new)
        except Exception as error:  # shown to the user: duplicate name, keyring refused
            self.profile_message.setText(error_text(error))
            return
        if self._current == name:
            self._current = new.strip()
        self._fill_profiles()
        self.profiles_changed.emit()

    def _remove(self) -> None:
        name = self._selected()
        if name is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove profile"),
            self.tr("Remove profile “%1” and its key from the keyring? Its cached data stays "
                    "on disk until you clear it.").replace("%1", name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._store.remove(name)
        except Exception as error:  # shown to the user: keyring unavailable
            self.profile_message.setText(error_text(error))
            return
        self._fill_profiles()
        self.profiles_changed.emit()
