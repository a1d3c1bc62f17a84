"""`QrCodeView`: a large, crisp QR code for a URL (drawn from segno's module matrix)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_QUIET_ZONE = 4


class QrCodeView(QWidget):
    """Paints the QR code of `text` black on white at any size (white even in dark themes,
    because phone cameras need the contrast)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self._text = ""
        self.setMinimumSize(QSize(180, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def text(self) -> str:
        """The encoded text ("" when empty)."""
        return self._text

    def set_text(self, text: str) -> None:
        """Encode `text` (empty clears the code)."""

        self._text = text
        self._matrix = qr_matrix(text) if text else []
        self.setAccessibleName(text)
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._matrix:
            return
        side = min(self.width(), self.height())
        left = (self.width() - side) / 2
        top = (self.height() - side) / 2
        painter = QPainter(self)
        _paint(painter, self._matrix, left, top, side)
        painter.end()


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code's modules for `text` (dark = True), as every code here draws it."""
    import segno  # here, not at start-up: the first window shows no code

    return [[bool(v) for v in row] for row in segno.make(text, error="m").matrix]


def qr_image(text: str, side: int = 400) -> QImage:
    """The QR code of `text` as a square image (for documents: the invoice PDF)."""
    image = QImage(side, side, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    _paint(painter, qr_matrix(text), 0, 0, side)
    painter.end()
    return image


def _paint(painter: QPainter, matrix: list[list[bool]], left: float, top: float,
           side: float) -> None:
    unit = side / (len(matrix) + 2 * _QUIET_ZONE)
    painter.fillRect(QRectF(left, top, side, side), QColor("white"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(QRectF(left + (x + _QUIET_ZONE) * unit,
                                        top + (y + _QUIET_ZONE) * unit, unit + 0.3,
                                        unit + 0.3))
