"""`EvidenceForm`: Stripe's text evidence fields for a dispute, each with its character count
and limit shown as the merchant types, and the combined count against Stripe's total."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from posapp.services.customers import ContactError
from posapp.services.disputes import (
    EVIDENCE_FIELDS,
    EVIDENCE_TOTAL_LIMIT,
    EvidenceError,
    check_evidence,
)

from ..common.errors import error_text
from ..common.theme import set_role

SHOWN_FIELDS = ("product_description", "customer_name", "customer_email_address",
                "billing_address", "shipping_carrier", "shipping_tracking_number",
                "shipping_date", "refund_policy_disclosure", "cancellation_rebuttal",
                "uncategorized_text")
"""The evidence fields the form offers, in order (each is a key of `EVIDENCE_FIELDS`)."""
_MULTILINE_LIMIT = 10_000
"""Fields allowed more characters than this get a multi-line editor."""


class EvidenceField(QWidget):
    """One evidence text with its "used / limit" counter."""

    changed = Signal()

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.editor: QLineEdit | QPlainTextEdit
        if limit > _MULTILINE_LIMIT:
            self.editor = QPlainTextEdit()
            self.editor.setTabChangesFocus(True)
            self.editor.setFixedHeight(64)
        else:
            self.editor = QLineEdit()
        self.editor.textChanged.connect(self._count)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The counter goes under the editor so the editor gets the detail pane's full width.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.editor)
        layout.addWidget(self.counter)
        self._count()

    def text(self) -> str:
        """The field's text."""
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def set_text(self, text: str) -> None:
        """Replace the field's text."""
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(text)
        else:
            self.editor.setText(text)

    def _count(self) -> None:
        used = len(self.text())
        self.counter.setText(f"{used:,} / {self.limit:,}")
        set_role(self.counter, "error" if used > self.limit else "muted")
        self.changed.emit()


class EvidenceForm(QWidget):
    """The dispute's evidence texts; `evidence()` gives what the merchant changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = {
            "product_description": self.tr("Product description"),
            "customer_name": self.tr("Customer name"),
            "customer_email_address": self.tr("Customer e-mail"),
            "billing_address": self.tr("Billing address"),
            "shipping_carrier": self.tr("Shipping carrier"),
            "shipping_tracking_number": self.tr("Tracking number"),
            "shipping_date": self.tr("Shipping date"),
            "refund_policy_disclosure": self.tr("Refund policy disclosure"),
            "cancellation_rebuttal": self.tr("Cancellation rebuttal"),
            "uncategorized_text": self.tr("Other information"),
        }
        self.fields = {name: EvidenceField(EVIDENCE_FIELDS[name]) for name in SHOWN_FIELDS}
        self._loaded: dict[str, str] = {}
        self._staged: dict[str, Any] = {}
        form = QFormLayout()
        for name, field in self.fields.items():
            form.addRow(self.labels[name], field)
            field.changed.connect(self._changed)
        files = QLabel(self.tr("Receipts and customer communication are files: upload them "
                               "in the Stripe Dashboard, then describe them here."))
        files.setObjectName("muted")
        files.setWordWrap(True)
        self.total = QLabel()
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(form)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        # Under the scroll area, not in it: a word-wrapped label there ends up clipped.
        layout.addWidget(files)
        layout.addWidget(self.total)
        layout.addWidget(self.problem)
        self._changed()

    def load(self, evidence: Mapping[str, Any]) -> None:
        """Show the evidence already on the dispute (a draft or what was submitted)."""
        self._staged = dict(evidence)
        self._loaded = {name: str(evidence.get(name) or "") for name in self.fields}
        for name, field in self.fields.items():
            field.blockSignals(True)
            field.set_text(self._loaded[name])
            field.blockSignals(False)
        self._changed()

    def texts(self) -> dict[str, str]:
        """Every shown field's text."""
        return {name: field.text() for name, field in self.fields.items()}

    def evidence(self) -> dict[str, str]:
        """The fields changed since `load` (an emptied field is sent empty, clearing it)."""
        return {name: text for name, text in self.texts().items()
                if text != self._loaded.get(name, "")}

    def problem_text(self) -> str:
        """Why Stripe would refuse the evidence as typed ("" when it would take it)."""
        try:
            check_evidence(self.evidence(), self._staged)
        except (ContactError, EvidenceError) as error:
            return error_text(error)
        return ""

    def set_editable(self, editable: bool) -> None:
        """Allow typing (a dispute awaiting evidence) or show the evidence read-only."""
        for field in self.fields.values():
            field.editor.setReadOnly(not editable)

    def _changed(self) -> None:
        staged = {k: v for k, v in self._staged.items() if isinstance(v, str)}
        used = sum(len(v) for v in {**staged, **self.texts()}.values())
        self.total.setText(self.tr("All evidence: %1 / %2 characters")
                           .replace("%1", f"{used:,}").replace("%2", f"{EVIDENCE_TOTAL_LIMIT:,}"))
        set_role(self.total, "error" if used > EVIDENCE_TOTAL_LIMIT else "muted")
        self.problem.setText(self.problem_text())
        self.changed.emit()
