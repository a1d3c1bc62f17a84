"""Small read-only tables of the catalogue's tabs: rows carry their Stripe object id."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def fill_table(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    """Put `rows` (object id, cell texts) in `table`, the id on every cell."""
    table.setRowCount(len(rows))
    for row, (object_id, cells) in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, object_id)
            table.setItem(row, column, item)


def read_only_table(headers: list[str], stretch: int | None = None) -> QTableWidget:
    """A one-row-at-a-time, read-only table with `headers`: the columns share the width,
    or column `stretch` takes what the others, fitted to their contents, leave."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    if stretch is None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def selected_id(table: QTableWidget) -> str | None:
    """The object id of the selected row, if any."""
    item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
