"""`AmountEdit`: an amount field that knows the currency's decimals and the locale's
separators, and says what is wrong while the cashier types. The currency is chosen from
its list only: typing or scrolling over the closed box never changes it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from posapp.money import AmountError, exponent, parse_amount

from ..common.errors import error_text

COMMON_CURRENCIES = ("usd", "eur", "gbp", "cny", "jpy", "cad", "aud", "chf", "hkd", "sgd",
                     "krw", "kwd")


_OPEN_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_F4, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CurrencyBox(QComboBox):
    """A currency list that changes only by picking an item from its open popup.

    A closed QComboBox selects by typed letters, arrow keys and the mouse wheel: a
    description typed into it by mistake ("Flat white") would switch the currency
    silently. Here those keys open the list instead, and Tab passes it by.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _OPEN_KEYS or (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.showPopup()
            return
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape):
            super().keyPressEvent(event)
            return
        event.ignore()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()


class AmountEdit(QWidget):
    """Amount text plus currency; `amount()` is the minor-unit value or None while invalid."""

    changed = Signal()

    def __init__(self, currency: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("amount")
        self.currency_box = CurrencyBox()
        for code in dict.fromkeys((currency.lower(), *COMMON_CURRENCIES)):
            self.currency_box.addItem(code.upper(), code)
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.text_edit, 1)
        row.addWidget(self.currency_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.text_edit.textChanged.connect(self._validate)
        self.currency_box.currentIndexChanged.connect(self._validate)
        self._value: int | None = None
        self._validate()

    @property
    def currency(self) -> str:
        """The chosen currency (lowercase ISO code)."""
        return str(self.currency_box.currentData())

    def amount(self) -> int | None:
        """The amount in minor units, or None while the text is not a chargeable amount."""
        return self._value

    def clear(self) -> None:
        """Empty the field."""
        self.text_edit.clear()

    def _validate(self) -> None:
        decimals = exponent(self.currency)
        self.text_edit.setPlaceholderText("0" if decimals == 0 else "0." + "0" * decimals)
        text = self.text_edit.text()
        self._value = None
        message = ""
        if text.strip():
            try:
                self._value = parse_amount(text, self.currency, self._language)
            except AmountError as exc:
                message = error_text(exc)
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        self.changed.emit()
