"""Turns an invoice form into checked, snapshotted rows, writing nothing.

``check_draft`` reads what it needs (series, party, products, tax rates),
collects every field error at once and only then computes the totals with
``app.services.totals.compute_totals``, the one place amounts come from.
The invoice service writes the result; a later posting step freezes it.

Sign convention: a normal or simplified invoice has quantities > 0. A credit
note (factura rectificativa "por diferencias") carries negative quantities for
what it takes back, so its lines, totals and IRPF come out negative; positive
lines are allowed on a credit note too (to re-bill a corrected line), zero is
not. Unit prices and discounts are never negative.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import CorrectionReason, InvoiceKind, InvoiceStatus, TaxKind
from app.domain.inventory import Product, Warehouse
from app.domain.invoices import Invoice, InvoiceLine, InvoiceSeries
from app.domain.parties import Party
from app.domain.taxes import TaxRate
from app.i18n import _
from app.money import HUNDRED, ZERO
from app.services.lookups import as_uuid, reference
from app.services.totals import LineInput, Totals, compute_totals
from app.services.validation import Validator

if TYPE_CHECKING:  # the form types live with the public API
    from app.services.invoices import InvoiceData, InvoiceLineData

MAX_LINES = 500
MAX_QUANTITY = Decimal("999999999")
MAX_PRICE = Decimal("999999999")
# Money columns hold 16 integer digits; refuse long before, with a clear message.
MAX_AMOUNT = Decimal(10) ** 13


@dataclass(frozen=True)
class CheckedDraft:
    """Invoice column values and line rows, ready to be written."""

    values: dict[str, Any]
    lines: list[InvoiceLine]
    totals: Totals


def default_series(session: Session, kind: InvoiceKind) -> InvoiceSeries | None:
    """The default series of ``kind``; offline, the one of that kind kept for this computer, if any, so a
    new invoice can be posted (and printed) at once."""
    from app.domain.sync import Workstation
    from app.services.codes import workstation

    here = workstation(session)
    if here is not None:
        mine = session.execute(
            select(InvoiceSeries).join(Workstation, Workstation.id == InvoiceSeries.workstation_id)
            .where(Workstation.number == here, InvoiceSeries.kind == kind, InvoiceSeries.archived_at.is_(None))
            .order_by(InvoiceSeries.code).limit(1)).scalar()
        if mine is not None:
            return mine
    return session.execute(
        select(InvoiceSeries)
        .where(InvoiceSeries.kind == kind, InvoiceSeries.is_default.is_(True), InvoiceSeries.archived_at.is_(None))
        .order_by(InvoiceSeries.code)
        .limit(1)
    ).scalar()


def party_address(party: Party) -> str | None:
    """The billing address as one printable line (snapshotted on the invoice)."""
    town = " ".join(p for p in (party.postal_code, party.city) if p)
    parts = [party.street, town]
    if party.province and party.province != party.city:
        parts.append(party.province)
    if party.country and party.country != "ES":
        parts.append(party.country)
    text = ", ".join(p for p in parts if p)
    return text[:400] or None


def first_due_date(party: Party | None, issue_date: dt.date) -> dt.date:
    """The first instalment of the party's payment term, else the issue date."""
    term = party.payment_term if party is not None else None
    if term is None:
        return issue_date
    try:
        first = int((term.days or "0").split(",")[0].strip() or 0)
    except ValueError:  # a malformed term must not block invoicing: fall back to cash
        first = 0
    return issue_date + dt.timedelta(days=first)


def _check_series(s: Session, v: Validator, series_id: object, kind: InvoiceKind | None) -> InvoiceSeries | None:
    if series_id is None:
        if kind is None:
            return None
        series = default_series(s, kind)
        if series is None:
            v.error("series_id", _("There is no default series for this kind of invoice: choose one."))
        return series
    series = reference(s, v, "series_id", InvoiceSeries, series_id, what=_("series"))
    if series is not None and kind is not None and series.kind != kind:
        v.error("series_id", _("Series {code} is not for this kind of invoice.").format(code=series.code))
    return series


def _check_correction(s: Session, v: Validator, data: InvoiceData, kind: InvoiceKind | None) -> Invoice | None:
    """A credit note names the posted invoice it corrects and why; others name none."""
    if kind != InvoiceKind.CREDIT_NOTE:
        if data.corrected_invoice_id is not None:
            v.error("corrected_invoice_id", _("Only a credit note corrects another invoice."))
        if data.correction_reason:
            v.error("correction_reason", _("Only a credit note has a correction reason."))
        return None
    reason = v.choice("correction_reason", data.correction_reason, CorrectionReason)
    if data.corrected_invoice_id is None:
        v.error("corrected_invoice_id", _("Name the invoice this credit note corrects."))
        return None
    key = as_uuid(data.corrected_invoice_id)
    corrected = s.get(Invoice, key) if key else None
    if corrected is None:
        v.error("corrected_invoice_id", _("Unknown invoice."))
        return None
    if corrected.status != InvoiceStatus.POSTED:
        # A draft is still editable and a cancelled invoice no longer counts.
        v.error("corrected_invoice_id", _("Only a posted invoice can be corrected."))
    simplified = corrected.kind == InvoiceKind.SIMPLIFIED
    if reason is not None and (reason == CorrectionReason.R5) != simplified:
        v.error("correction_reason", _("R5 is the reason for correcting simplified invoices, and only for them."))
    return corrected


def _check_rate(v: Validator, field: str, rate_id: object, rates: dict[uuid.UUID, TaxRate]) -> TaxRate | None:
    if rate_id is None:
        v.error(field, _("This field is required."))
        return None
    rate = rates.get(as_uuid(rate_id))  # type: ignore[arg-type]
    if rate is None:
        v.error(field, _("Unknown tax rate."))
    elif rate.kind != TaxKind.IVA:
        # IRPF and recargo follow from the customer's tax profile, never from a line.
        v.error(field, _("{name} is not an IVA rate: choose the line's IVA.").format(name=rate.name))
    elif rate.archived:
        v.error(field, _("{name} is archived.").format(name=rate.name))
    else:
        return rate
    return None


def _check_line(
    v: Validator, i: int, line: InvoiceLineData, credit: bool,
    products: dict[uuid.UUID, Product], rates: dict[uuid.UUID, TaxRate],
) -> tuple[Product | None, TaxRate | None, dict[str, Any]]:
    f = f"lines[{i}]."
    product = None
    if line.product_id is not None:
        product = products.get(as_uuid(line.product_id))  # type: ignore[arg-type]
        if product is None:
            v.error(f + "product_id", _("Unknown product."))
        elif product.archived:
            v.error(f + "product_id", _("{name} is archived.").format(name=product.name))
    description = v.text(f + "description", line.description, max_len=500)
    if description is None and product is not None:
        description = product.name
    if description is None:
        v.error(f + "description", _("This field is required."))
    if credit:
        quantity = v.decimal(f + "quantity", line.quantity, places=4, min_value=-MAX_QUANTITY, max_value=MAX_QUANTITY)
        if quantity is not None and quantity == 0:
            v.error(f + "quantity", _("Must not be zero."))
    else:
        quantity = v.decimal(f + "quantity", line.quantity, places=4, positive=True, max_value=MAX_QUANTITY)
    price_in = line.unit_price if line.unit_price is not None or product is None else product.sale_price
    price = v.decimal(f + "unit_price", price_in, places=4, min_value=ZERO, max_value=MAX_PRICE)
    discount_in = ZERO if line.discount_percent is None else line.discount_percent
    discount = v.decimal(f + "discount_percent", discount_in, places=4, min_value=ZERO, max_value=HUNDRED)
    rate_in = line.tax_rate_id if line.tax_rate_id is not None or product is None else product.tax_rate_id
    rate = _check_rate(v, f + "tax_rate_id", rate_in, rates)
    values = {"description": description, "quantity": quantity, "unit_price": price, "discount_percent": discount}
    return product, rate, values


def check_draft(s: Session, data: InvoiceData) -> CheckedDraft:
    """Every field checked (all errors at once), snapshots taken, totals computed.

    Raises ValidationError before anything is added to the session.
    """
    v = Validator()
    kind = v.choice("kind", data.kind or InvoiceKind.INVOICE, InvoiceKind)
    issue_date = v.date("issue_date", data.issue_date)
    operation_date = v.date("operation_date", data.operation_date, required=False)
    due_date = v.date("due_date", data.due_date, required=False)
    v.date_order("issue_date", issue_date, "due_date", due_date)
    notes = v.text("notes", data.notes, max_len=2000)
    series = _check_series(s, v, data.series_id, kind)
    corrected = _check_correction(s, v, data, kind)
    party_id = data.party_id
    if party_id is None and corrected is not None:
        party_id = corrected.party_id  # a credit note goes to the corrected invoice's customer
    party = reference(s, v, "party_id", Party, party_id, what=_("customer"))
    if party_id is None and kind == InvoiceKind.INVOICE:
        v.error("party_id", _("A full invoice needs a customer."))
    elif party_id is None and kind == InvoiceKind.CREDIT_NOTE and corrected is not None and corrected.kind != InvoiceKind.SIMPLIFIED:
        v.error("party_id", _("A credit note needs a customer."))
    if party is not None and corrected is not None and corrected.party_id not in (None, party.id):
        v.error("party_id", _("A credit note goes to the customer of the invoice it corrects."))
    warehouse = reference(s, v, "warehouse_id", Warehouse, data.warehouse_id, what=_("warehouse"))

    checked: list[tuple[TaxRate | None, dict[str, Any], Product | None]] = []
    if not data.lines:
        v.error("lines", _("An invoice needs at least one line."))
    elif len(data.lines) > MAX_LINES:
        v.error("lines", _("At most {n} lines per invoice.").format(n=MAX_LINES))
    else:
        product_ids = {k for k in (as_uuid(l.product_id) for l in data.lines if l.product_id is not None) if k}
        products = {p.id: p for p in s.scalars(select(Product).where(Product.id.in_(product_ids)))} if product_ids else {}
        rates = {r.id: r for r in s.scalars(select(TaxRate))}  # a dozen rows: one query
        credit = kind == InvoiceKind.CREDIT_NOTE
        for i, line in enumerate(data.lines):
            product, rate, values = _check_line(v, i, line, credit, products, rates)
            checked.append((rate, values, product))
    v.done()

    assert issue_date is not None and series is not None and kind is not None
    recargo = bool(party.recargo_equivalencia) if party else False
    irpf = party.irpf_percent if party else None
    inputs = []
    for rate, values, _product in checked:
        assert rate is not None
        # Store the recargo actually charged: 0 unless the customer is under the regime.
        re_pct = rate.recargo_rate.percent if recargo and rate.recargo_rate is not None else ZERO
        values["tax_percent"], values["recargo_percent"] = rate.percent, re_pct
        inputs.append(LineInput(values["quantity"], values["unit_price"], values["discount_percent"],
                                rate.percent, re_pct, rate.exemption_reason))
    totals = compute_totals(inputs, recargo_equivalencia=recargo, irpf_percent=irpf)
    for i, amount in enumerate(totals.line_amounts):
        if abs(amount) >= MAX_AMOUNT:
            v.error(f"lines[{i}].quantity", _("The amount of this line is too large."))
    if abs(totals.base) >= MAX_AMOUNT or abs(totals.total) >= MAX_AMOUNT:
        v.error("lines", _("The invoice total is too large."))
    v.done()

    lines = [
        InvoiceLine(position=i, product_id=product.id if product else None, tax_rate_id=rate.id,
                    amount=amount, **values)
        for i, ((rate, values, product), amount) in enumerate(zip(checked, totals.line_amounts))
    ]
    values = {
        "kind": kind, "series_id": series.id, "party_id": party.id if party else None,
        "party_name": party.legal_name if party else "", "party_tax_id": party.tax_id if party else None,
        "party_address": party_address(party) if party else None,
        "issue_date": issue_date, "operation_date": operation_date,
        "due_date": due_date or first_due_date(party, issue_date),
        "recargo_equivalencia": recargo, "irpf_percent": irpf,
        "corrected_invoice_id": corrected.id if corrected else None,
        "correction_reason": CorrectionReason(data.correction_reason) if corrected else None,
        "notes": notes, "warehouse_id": warehouse.id if warehouse else None, "moves_stock": bool(data.moves_stock),
        "base_total": totals.base, "tax_total": totals.tax, "recargo_total": totals.recargo,
        "irpf_total": totals.irpf, "total": totals.total,
    }
    return CheckedDraft(values=values, lines=lines, totals=totals)
