"""`DisputeDetail`: one dispute — the disputed charge, the customer's history with the shop,
the evidence form — and its actions: save the evidence as a draft, submit it (once), or
accept the dispute (cannot be undone)."""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.services.disputes import accept_dispute, save_evidence_draft, submit_evidence
from posapp.services.payments import card_of

from ..common.app_state import AppState
from ..common.confirm import confirm
from ..common.errors import error_text
from ..common.format import card_label, ref_id
from ..common.theme import set_role
from .dispute_list_model import (
    AWAITING_EVIDENCE,
    countdown_text,
    is_urgent,
    reason_text,
    status_text,
)
from .evidence_form import EvidenceForm

HISTORY_LIMIT = 50



class DisputeDetail(QWidget):
    """The selected dispute and what can be done about it."""

    open_object = Signal(str, str)
    """(table, id) of the disputed payment or the customer, to show in its panel."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.dispute: dict[str, Any] = {}
        self._why = ""
        self.amount = QLabel()
        self.amount.setObjectName("bigAmount")
        self.status = QLabel()
        self.reason_code = QLabel()
        self.due = QLabel()
        self.charge = QLabel()
        self.charge.setWordWrap(True)
        self.charge.linkActivated.connect(self._link)
        self.customer = QLabel()
        self.customer.linkActivated.connect(self._link)
        form = QFormLayout()
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Reason"), self.reason_code)
        form.addRow(self.tr("Respond by"), self.due)
        form.addRow(self.tr("Disputed payment"), self.charge)
        form.addRow(self.tr("Customer"), self.customer)
        self._form = form
        self.history_summary = QLabel()
        self.history = QListWidget()
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.history_summary)
        history_layout.addWidget(self.history, 1)
        self.form = EvidenceForm()
        self.form.changed.connect(self.update_actions)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("Evidence"))
        self.tabs.addTab(history, self.tr("Customer's history"))

        self.save = QPushButton(self.tr("Save draft"))
        self.submit = QPushButton(self.tr("Submit evidence…"))
        self.accept = QPushButton(self.tr("Accept dispute…"))
        self.save.clicked.connect(lambda: state.spawn(self.save_draft()))
        self.submit.clicked.connect(lambda: state.spawn(self.submit_evidence()))
        self.accept.clicked.connect(lambda: state.spawn(self.accept_dispute()))
        buttons = QHBoxLayout()
        for button in (self.save, self.submit, self.accept):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("reason")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.amount)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        state.connect_tables(frozenset(("disputes",)), self._reload)
        self.show_dispute({})
        state.follow_online(self.update_actions)

    def show_dispute(self, dispute: dict[str, Any]) -> None:
        """Show `dispute` (an empty dict clears the pane)."""
        changed_dispute = dispute.get("id") != self.dispute.get("id")
        self.dispute = dispute
        formats = self._state.formats
        now = time.time()
        self.amount.setText(formats.money(dispute.get("amount"), dispute.get("currency")))
        self.status.setText(status_text(dispute.get("status")) if dispute else "")
        self.reason_code.setText(reason_text(dispute.get("reason")) if dispute else "")
        due = (dispute.get("evidence_details") or {}).get("due_by")
        countdown = countdown_text(dispute, now)
        self.due.setText(f"{formats.datetime(due)}  ({countdown})" if countdown
                         else formats.datetime(due))
        set_role(self.due, "error" if is_urgent(dispute, now) else "")
        charge = self._charge()
        self._show_charge(charge)
        self._show_history(charge)
        if changed_dispute or not self.form.evidence():
            self.form.load(dispute.get("evidence") or {})
        if changed_dispute:
            self.message.clear()
        self.update_actions()

    def update_actions(self) -> None:
        """Evidence can be saved, submitted or the dispute accepted only while the dispute
        awaits evidence, and only online; the reason shows when not."""
        blocked = self._state.money_blocked_reason()
        awaiting = self.dispute.get("status") in AWAITING_EVIDENCE
        self.form.set_editable(awaiting)
        problem = self.form.problem_text()
        why = blocked
        if self.dispute and not awaiting:
            why = why or self.submitted_text() or self.tr(
                "This dispute no longer takes evidence (%1).").replace(
                "%1", status_text(self.dispute.get("status")))
        for button in (self.save, self.submit, self.accept):
            button.setEnabled(bool(self.dispute) and not why)
            button.setToolTip(why)
        if problem:
            self.save.setEnabled(False)
            self.submit.setEnabled(False)
            self.save.setToolTip(problem)
            self.submit.setToolTip(problem)
        if why:
            self.message.setText(why)
        elif self.message.text() == self._why:
            self.message.clear()
        self._why = why

    async def save_draft(self) -> dict[str, Any] | None:
        """Stage the changed evidence on the dispute without submitting it."""
        result = await self._act(save_evidence_draft, self.form.evidence())
        if result is not None:
            self.message.setText(self.tr("Draft saved. You can change it until you submit."))
        return result

    async def submit_evidence(self, confirmed: bool = False) -> dict[str, Any] | None:
        """Submit the evidence to the bank after a summary and a warning that it is final."""
        if not confirmed and not confirm(
                self, self._state.profile.mode, self.tr("Submit evidence"),
                self.submission_summary(),
                self.tr("This is a LIVE dispute: the bank receives this evidence. Submit?")):
            return None
        # Once submitted, the message says what was sent, when, and what comes next.
        return await self._act(submit_evidence, self.form.evidence())

    def submitted_text(self) -> str:
        """For a dispute whose evidence went to the bank: what was submitted, when, by when
        it was due, and the decision once Stripe gives one ("" when none was submitted)."""
        details = self.dispute.get("evidence_details") or {}
        if not details.get("submission_count"):
            return ""
        formats = self._state.formats
        labels = self.form.labels
        sent = [labels[name] for name, text in (self.dispute.get("evidence") or {}).items()
                if name in labels and isinstance(text, str) and text]
        when = next((e.at for e in self._state.session.journal.list_audit(
            object_id=str(self.dispute["id"]), action="dispute.submit_evidence")
            if e.outcome == "succeeded"), None)
        lines = [(self.tr("Evidence submitted on %1: %2.") if when else
                  self.tr("Evidence submitted: %2.")).replace("%1", formats.datetime(when))
                 .replace("%2", ", ".join(sent) or self.tr("no text"))]
        if details.get("due_by"):
            lines.append(self.tr("It was due by %1.").replace(
                "%1", formats.datetime(details["due_by"])))
        status = self.dispute.get("status")
        lines.append(self.tr("Decision: %1.").replace("%1", status_text(status))
                     if status in ("won", "lost") else
                     self.tr("The bank is reviewing it; Stripe reports its decision here."))
        return " ".join(lines)

    def submission_summary(self) -> str:
        """What will be submitted, field by field, and the warning that it happens once."""
        filled = [self.tr("• %1: %n character(s)", "", len(text)).replace(
                      "%1", self.form.labels[name])
                  for name, text in self.form.texts().items() if text]
        lines = [self.tr("Submit this evidence for the dispute of %1?").replace(
            "%1", self.amount.text()), ""]
        lines += filled or [self.tr("(no evidence text)")]
        lines += ["", self.tr("Evidence can be submitted only once: it cannot be changed "
                              "afterwards.")]
        return "\n".join(lines)

    async def accept_dispute(self, confirmed: bool = False) -> dict[str, Any] | None:
        """Accept (close) the dispute after confirmation, twice in live mode."""
        question = self.tr("Accept this dispute? %1 stays with the cardholder and the "
                           "dispute is lost. This cannot be undone.").replace(
            "%1", self.amount.text())
        if not confirmed and not confirm(
                self, self._state.profile.mode, self.tr("Accept dispute"), question,
                self.tr("This is a LIVE dispute: %1 is lost for real. Accept it?").replace(
                    "%1", self.amount.text())):
            return None
        result = await self._act(accept_dispute)
        if result is not None:
            self.message.setText(self.tr("Dispute accepted."))
        return result

    async def _act(self, fn: Callable[..., dict[str, Any]],
                   *args: Any) -> dict[str, Any] | None:
        dispute_id = str(self.dispute["id"])
        for button in (self.save, self.submit, self.accept):
            button.setEnabled(False)
        self.message.setText(self.tr("Working…"))
        try:
            result: dict[str, Any] = await self._state.run(
                fn, self._state.session, dispute_id, *args)
        except Exception as error:  # shown under the buttons
            self.update_actions()
            self.message.setText(error_text(error))
            return None
        fresh = self._state.cache.get("disputes", dispute_id) or result
        self.form.load(fresh.get("evidence") or {})
        self.show_dispute(fresh)
        self._state.expect_activity()
        return result

    def _charge(self) -> dict[str, Any] | None:
        charge_id = ref_id(self.dispute.get("charge"))
        return self._state.cache.get("charges", charge_id) if charge_id else None

    def _show_charge(self, charge: dict[str, Any] | None) -> None:
        formats = self._state.formats
        if not self.dispute:
            self.charge.clear()
            self.customer.clear()
            self._form.setRowVisible(self.customer, False)
            return
        payment = ref_id(self.dispute.get("payment_intent")) or ref_id(self.dispute.get("charge"))
        parts = []
        if charge:
            parts = [formats.money(charge.get("amount"), charge.get("currency")),
                     formats.datetime(charge.get("created")),
                     card_label(*card_of(charge)),
                     str(charge.get("description") or "")]
        text = html.escape("  ".join(p for p in parts if p) or str(payment or ""))
        self.charge.setText(f"<a href='payment:{payment}'>{text}</a>" if payment else text)
        customer_id = ref_id((charge or {}).get("customer"))
        customer = (self._state.cache.get("customers", customer_id)
                    if customer_id else None) or {}
        billing = (charge or {}).get("billing_details") or {}
        name = html.escape(str(customer.get("name") or customer.get("email") or customer_id
                               or billing.get("name") or billing.get("email")
                               or (charge or {}).get("receipt_email") or ""))
        self.customer.setText(f"<a href='customer:{customer_id}'>{name}</a>" if customer_id
                              else name)
        self._form.setRowVisible(self.customer, bool(name))

    def _show_history(self, charge: dict[str, Any] | None) -> None:
        self.history.clear()
        customer_id = ref_id((charge or {}).get("customer"))
        if not customer_id:
            self.history_summary.setText(self.tr("No customer on file for this payment."))
            return
        cache = self._state.cache
        formats = self._state.formats
        charges = cache.page("charges", filters={"customer": customer_id},
                             limit=HISTORY_LIMIT).rows
        # Stripe sends no charge event when a dispute opens: the disputes table knows.
        disputed = {ref_id(d.get("charge")) for d in cache.page(
            "disputes", filters={"charge": [str(c["id"]) for c in charges]},
            limit=HISTORY_LIMIT).rows}
        for past in charges:
            marks = []
            if past.get("disputed") or past["id"] in disputed:
                marks.append(self.tr("disputed"))
            if past.get("amount_refunded"):
                marks.append(self.tr("refunded %1").replace("%1", formats.money(
                    past["amount_refunded"], past.get("currency"))))
            if past.get("status") != "succeeded":
                marks.append(str(past.get("status") or ""))
            self.history.addItem("  ".join(p for p in (
                formats.datetime(past.get("created")),
                formats.money(past.get("amount"), past.get("currency")),
                str(past.get("description") or ""), ", ".join(marks)) if p))
        paid = cache.count("charges", filters={"customer": customer_id, "status": "succeeded"})
        refunded = cache.count("charges", filters={"customer": customer_id, "refunded": 1})
        self.history_summary.setText(
            self.tr("%1 paid payments, %2 disputed, %3 fully refunded")
            .replace("%1", formats.number(paid)).replace("%2", formats.number(len(disputed)))
            .replace("%3", formats.number(refunded)))

    def _reload(self) -> None:
        if self.dispute:
            fresh = self._state.cache.get("disputes", str(self.dispute["id"]))
            if fresh is not None:
                self.show_dispute(fresh)

    def _link(self, target: str) -> None:
        kind, _, object_id = target.partition(":")
        if kind == "customer":
            self.open_object.emit("customers", object_id)
        else:
            self.open_object.emit("payment_intents" if object_id.startswith("pi_")
                                  else "charges", object_id)
