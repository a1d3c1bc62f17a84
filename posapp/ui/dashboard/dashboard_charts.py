"""The dashboard's charts (QtCharts): takings per day and MRR per month, one currency each.
Clicking a chart asks for the list behind it; clicking a day's bar, for that day's payments."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import QWidget

from ..common.theme import MODE_COLORS, DisplayMode

LABEL_EVERY = 7
Point = tuple[str, float]
"""A category label and its value in major units."""


class ClickableChart(QChartView):
    """A chart view with no legend that reports a click anywhere on it."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(220)
        chart = QChart()
        chart.legend().setVisible(False)
        chart.setBackgroundRoundness(4)
        self.setChart(chart)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A left click opens the list the chart summarises."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def _replace_axes(self, x_axis: QAbstractAxis, top: float) -> QValueAxis:
        chart = self.chart()
        for axis in chart.axes():
            chart.removeAxis(axis)
        y_axis = QValueAxis()
        y_axis.setRange(0, top * 1.1 if top > 0 else 1)
        y_axis.setLabelFormat("%.0f")
        y_axis.applyNiceNumbers()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        return y_axis


class TakingsChart(ClickableChart):
    """Net takings per day as bars; a click on a day's bar reports that day."""

    day_clicked = Signal(int)
    """The index of the day whose bar was clicked (oldest first); a click elsewhere is
    `clicked`."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A left click on a bar opens that day's payments, elsewhere the whole list."""
        index = self.bar_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self.day_clicked.emit(index)
            return
        super().mouseReleaseEvent(event)

    def bar_at(self, point: QPoint) -> int | None:
        """The index of the bar under `point` (view coordinates), if one is there."""
        chart = self.chart()
        series = chart.series()
        if not series:
            return None
        value = chart.mapToValue(chart.mapFromScene(self.mapToScene(point)), series[0])
        index = round(value.x())
        values = self.values
        # A bar is 0.8 wide around its index and as high as its value.
        if (0 <= index < len(values) and abs(value.x() - index) <= 0.4
                and 0 <= value.y() <= values[index] and values[index] > 0):
            return index
        return None

    def bar_center(self, index: int) -> QPoint:
        """Where the middle of bar `index` is drawn (view coordinates)."""
        chart = self.chart()
        scene = chart.mapToScene(chart.mapToPosition(
            QPointF(index, self.values[index] / 2), chart.series()[0]))
        return self.mapFromScene(scene)

    def set_points(self, title: str, points: Sequence[Point]) -> None:
        """Show one bar per day; `points` are (date label, amount in major units)."""
        chart = self.chart()
        chart.removeAllSeries()
        chart.setTitle(title)
        bars = QBarSet(title)
        bars.setColor(QColor(MODE_COLORS[DisplayMode.DEMO]))
        bars.append([value for _label, value in points])
        series = QBarSeries()
        series.append(bars)
        series.setBarWidth(0.8)
        chart.addSeries(series)
        # One label per bar does not fit thirty days: label every `LABEL_EVERY` days,
        # ending with the latest.
        x_axis = QCategoryAxis()
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        x_axis.setRange(-0.5, len(points) - 0.5)
        for index in range((len(points) - 1) % LABEL_EVERY, len(points), LABEL_EVERY):
            x_axis.append(points[index][0], index)
        y_axis = self._replace_axes(x_axis, max((v for _l, v in points), default=0.0))
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)

    @property
    def values(self) -> list[float]:
        """The bars' values, oldest first (what a test compares with the cache)."""
        series = self.chart().series()
        if not series or not isinstance(series[0], QBarSeries):
            return []
        bars = series[0].barSets()[0]
        return [bars.at(i) for i in range(bars.count())]


class MrrChart(ClickableChart):
    """MRR at the end of each month as a line."""

    def set_points(self, title: str, points: Sequence[Point]) -> None:
        """Show one point per month; `points` are (month label, MRR in major units)."""
        chart = self.chart()
        chart.removeAllSeries()
        chart.setTitle(title)
        line = QLineSeries()
        line.setPointsVisible(True)
        line.setColor(QColor(MODE_COLORS[DisplayMode.DEMO]))
        for index, (_label, value) in enumerate(points):
            line.append(index, value)
        chart.addSeries(line)
        x_axis = QBarCategoryAxis()
        x_axis.append([label for label, _v in points])
        # Twelve month names fit under a narrow chart only in a smaller type.
        small = x_axis.labelsFont()
        small.setPointSizeF(small.pointSizeF() * 0.75)
        x_axis.setLabelsFont(small)
        y_axis = self._replace_axes(x_axis, max((v for _l, v in points), default=0.0))
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)

    @property
    def values(self) -> list[float]:
        """The line's values, oldest first."""
        series = self.chart().series()
        if not series or not isinstance(series[0], QLineSeries):
            return []
        return [point.y() for point in series[0].points()]
