"""Scenarios of a clerk preparing draft invoices: totals, snapshots, mistakes, edits."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from app.domain.enums import CorrectionReason, InvoiceKind, InvoiceStatus
from app.domain.invoices import Invoice, InvoiceLine
from app.errors import ConflictError, NotFoundError, ValidationError
from app.money import percent_of
from app.services import invoices, parties
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.parties import PartyData
from app.services.setup import payment_term_id, series_id, tax_rate_id
from tests.app.invoicing import DAY, D, count, customer, post, product


def _line(desc: str, qty: str, price: str, rate: str = "IVA21", discount: str = "0") -> InvoiceLineData:
    return InvoiceLineData(description=desc, quantity=D(qty), unit_price=D(price),
                           discount_percent=D(discount), tax_rate_id=tax_rate_id(rate))


# -- totals and snapshots ---------------------------------------------------------

def test_mixed_rates_discount_recargo_and_irpf_give_the_exact_totals(db):
    shop = customer(db, "Droguería Martín SL", street="Calle Mayor 1", postal_code="50001", city="Zaragoza",
                    province="Zaragoza", recargo_equivalencia=True, irpf_percent=D("15"),
                    payment_term_id=payment_term_id("30/60 días"))
    tornillos = product(db, "Tornillos caja 100", "100.00")
    brocas = product(db, "Brocas HSS", "12.345")
    draft = invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=shop, lines=[
        InvoiceLineData(product_id=tornillos, quantity=D("2"), discount_percent=D("10")),   # 180.00
        InvoiceLineData(product_id=brocas, quantity=D("3"), discount_percent=D("5")),       # 35.18325 -> 35.18
        _line("Montaje", "1", "50", "IVA10"),                                               # 50.00
        _line("Formación", "1", "20", "EXENTO_E1"),                                         # 20.00, exempt
    ]))
    assert draft.status == InvoiceStatus.DRAFT and draft.number is None and draft.full_number is None
    assert draft.series_code == "F" and draft.kind == InvoiceKind.INVOICE
    # Snapshots of the customer's name, id, address and tax profile.
    assert (draft.party_name, draft.party_tax_id) == ("Droguería Martín SL", "B12345674")
    assert draft.party_address == "Calle Mayor 1, 50001 Zaragoza"
    assert draft.recargo_equivalencia is True and draft.irpf_percent == D("15")
    assert draft.due_date == DAY + dt.timedelta(days=30)  # first instalment of 30/60
    # Lines take the product's name, price and rate when left empty.
    first = draft.lines[0]
    assert (first.description, first.unit_price, first.tax_rate_id) == ("Tornillos caja 100", D("100"), tax_rate_id("IVA21"))
    assert [l.amount for l in draft.lines] == [D("180.00"), D("35.18"), D("50.00"), D("20.00")]
    assert [(l.tax_percent, l.recargo_percent) for l in draft.lines] == [
        (D("21"), D("5.2")), (D("21"), D("5.2")), (D("10"), D("1.4")), (D("0"), D("0"))]
    # One group per rate: tax and recargo on each group's summed base.
    assert [(g.tax_percent, g.base, g.tax, g.recargo, g.exemption_reason) for g in draft.tax_groups] == [
        (D("21"), D("215.18"), D("45.19"), D("11.19"), None),
        (D("10"), D("50.00"), D("5.00"), D("0.70"), None),
        (D("0"), D("20.00"), D("0.00"), D("0.00"), "E1: Exenta por el artículo 20 de la Ley del IVA"),
    ]
    assert (draft.base_total, draft.tax_total, draft.recargo_total, draft.irpf_total, draft.total) == (
        D("285.18"), D("50.19"), D("11.89"), D("42.78"), D("304.48"))
    assert draft.paid_total == D("0") and draft.outstanding == D("304.48")
    # What was stored is what was shown.
    assert invoices.get_invoice(db, draft.id) == draft


def test_recargo_is_only_charged_to_customers_under_the_regime(db):
    plain = customer(db, "Cliente General SA", tax_id="A58818501")
    draft = invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=plain, lines=[_line("Caja", "1", "100")]))
    assert draft.lines[0].recargo_percent == D("0") and draft.recargo_total == D("0")
    assert draft.total == D("121.00") and draft.due_date == DAY  # no payment term: due on issue


def test_tax_is_rounded_per_rate_group_not_per_line(db):
    """Three lines of 0.35 at 21%: per line 0.0735 -> 0.07 (0.21 in all); per group 1.05 -> 0.2205 -> 0.22."""
    draft = invoices.create_draft(db, InvoiceData(
        issue_date=DAY, party_id=customer(db), lines=[_line(f"Arandela {i}", "1", "0.35") for i in range(3)]))
    per_line = sum(percent_of(l.amount, l.tax_percent) for l in draft.lines)
    assert per_line == D("0.21")
    assert draft.tax_total == D("0.22")
    assert draft.total == D("1.27")


def test_half_cent_rounds_up(db):
    draft = invoices.create_draft(db, InvoiceData(
        issue_date=DAY, party_id=customer(db), lines=[_line("Clavo", "1", "0.05", "IVA10")]))
    assert draft.tax_total == D("0.01")  # 0.005 -> 0.01, half-up


def test_simplified_invoice_needs_no_customer_and_uses_its_own_series(db):
    ticket = invoices.create_draft(db, InvoiceData(
        kind=InvoiceKind.SIMPLIFIED, issue_date=DAY, lines=[_line("Pilas AA", "4", "1.50")]))
    assert ticket.series_id == series_id("S") and ticket.party_id is None and ticket.party_name == ""
    assert ticket.total == D("7.26")


def test_explicit_due_date_is_kept(db):
    due = DAY + dt.timedelta(days=45)
    draft = invoices.create_draft(db, InvoiceData(
        issue_date=DAY, due_date=due, party_id=customer(db, payment_term_id=payment_term_id("30 días")),
        lines=[_line("Caja", "1", "10")]))
    assert draft.due_date == due


# -- mistakes a clerk makes -------------------------------------------------------------

def _good(ctx) -> InvoiceData:
    return InvoiceData(issue_date=DAY, party_id=ctx["customer"], lines=[
        _line("Caja", "1", "10"), _line("Cinta", "2", "3.50", "IVA10"), _line("Cola", "1", "4", "IVA4")])


def _set_line(i, **changes):
    def mutate(data, ctx):
        for k, value in changes.items():
            setattr(data.lines[i], k, value(ctx) if callable(value) else value)
    return mutate


BAD_INPUTS = {
    "no customer": ("party_id", lambda d, c: setattr(d, "party_id", None)),
    "unknown customer": ("party_id", lambda d, c: setattr(d, "party_id", uuid.uuid4())),
    "archived customer": ("party_id", lambda d, c: setattr(d, "party_id", c["archived_customer"])),
    "no issue date": ("issue_date", lambda d, c: setattr(d, "issue_date", None)),
    "issue date as text": ("issue_date", lambda d, c: setattr(d, "issue_date", "2026-03-02")),
    "due before issue": ("due_date", lambda d, c: setattr(d, "due_date", DAY - dt.timedelta(days=1))),
    "no lines": ("lines", lambda d, c: setattr(d, "lines", [])),
    "too many lines": ("lines", lambda d, c: setattr(d, "lines", [_line("x", "1", "1")] * 501)),
    "zero quantity": ("lines[2].quantity", _set_line(2, quantity=D("0"))),
    "negative quantity": ("lines[0].quantity", _set_line(0, quantity=D("-1"))),
    "float quantity": ("lines[1].quantity", _set_line(1, quantity=1.5)),
    "quantity too precise": ("lines[0].quantity", _set_line(0, quantity=D("1.00001"))),
    "negative price": ("lines[1].unit_price", _set_line(1, unit_price=D("-5"))),
    "no price": ("lines[1].unit_price", _set_line(1, unit_price=None)),
    "discount over 100": ("lines[0].discount_percent", _set_line(0, discount_percent=D("100.5"))),
    "negative discount": ("lines[0].discount_percent", _set_line(0, discount_percent=D("-1"))),
    "unknown tax rate": ("lines[0].tax_rate_id", _set_line(0, tax_rate_id=uuid.uuid4())),
    "no tax rate": ("lines[0].tax_rate_id", _set_line(0, tax_rate_id=None)),
    "IRPF as line rate": ("lines[0].tax_rate_id", _set_line(0, tax_rate_id=tax_rate_id("IRPF15"))),
    "recargo as line rate": ("lines[1].tax_rate_id", _set_line(1, tax_rate_id=tax_rate_id("RE5.2"))),
    "empty description": ("lines[2].description", _set_line(2, description="  ")),
    "description too long": ("lines[0].description", _set_line(0, description="x" * 501)),
    "unknown product": ("lines[0].product_id", _set_line(0, product_id=uuid.uuid4())),
    "archived product": ("lines[0].product_id", _set_line(0, product_id=lambda c: c["archived_product"])),
    "unknown kind": ("kind", lambda d, c: setattr(d, "kind", "proforma")),
    "series of another kind": ("series_id", lambda d, c: setattr(d, "series_id", series_id("S"))),
    "unknown series": ("series_id", lambda d, c: setattr(d, "series_id", uuid.uuid4())),
    "correction on an invoice": ("corrected_invoice_id", lambda d, c: setattr(d, "corrected_invoice_id", uuid.uuid4())),
    "reason on an invoice": ("correction_reason", lambda d, c: setattr(d, "correction_reason", "R1")),
    "notes too long": ("notes", lambda d, c: setattr(d, "notes", "n" * 2001)),
}


@pytest.fixture
def ctx(db):
    gone = parties.create_party(db, PartyData(legal_name="Cerrada SL", tax_id="B87654323"))
    parties.archive_party(db, gone.id)
    return {"customer": customer(db), "archived_customer": gone.id,
            "archived_product": product(db, "Descatalogado", "9.99", archived=True)}


@pytest.mark.parametrize("field, mutate", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_names_the_field_and_writes_nothing(db, ctx, field, mutate):
    data = _good(ctx)
    data.lines = [dataclasses.replace(l) for l in data.lines]
    mutate(data, ctx)
    with pytest.raises(ValidationError) as err:
        invoices.create_draft(db, data)
    assert field in err.value.fields, err.value
    assert err.value.message_for(field)
    assert count(db, Invoice) == 0 and count(db, InvoiceLine) == 0


def test_unknown_tax_rate_says_so(db, ctx):
    data = _good(ctx)
    data.lines[1].tax_rate_id = uuid.uuid4()
    with pytest.raises(ValidationError) as err:
        invoices.create_draft(db, data)
    assert "unknown tax rate" in err.value.message_for("lines[1].tax_rate_id").lower()


def test_every_wrong_field_is_reported_at_once(db, ctx):
    data = _good(ctx)
    data.party_id = None
    data.lines[0].quantity = D("0")
    data.lines[2].tax_rate_id = tax_rate_id("IRPF7")
    data.lines[2].discount_percent = D("150")
    with pytest.raises(ValidationError) as err:
        invoices.create_draft(db, data)
    assert err.value.fields == {"party_id", "lines[0].quantity", "lines[2].tax_rate_id", "lines[2].discount_percent"}


def test_a_huge_amount_is_refused_before_the_database_sees_it(db, ctx):
    data = _good(ctx)
    data.lines[0].quantity, data.lines[0].unit_price = D("999999999"), D("999999999")
    with pytest.raises(ValidationError) as err:
        invoices.create_draft(db, data)
    assert "lines[0].quantity" in err.value.fields
    assert count(db, Invoice) == 0


def test_five_hundred_lines_are_accepted(db, ctx):
    data = _good(ctx)
    data.lines = [_line(f"Pieza {i}", "1", "0.10") for i in range(500)]
    draft = invoices.create_draft(db, data)
    assert len(draft.lines) == 500 and draft.base_total == D("50.00") and draft.tax_total == D("10.50")


# -- editing, conflicts, deleting -------------------------------------------------------

def test_update_replaces_the_lines_and_recomputes(db, ctx):
    draft = invoices.create_draft(db, _good(ctx))
    assert draft.total == D("23.96")  # 21.00 base + 2.96 IVA
    assert [g.tax for g in draft.tax_groups] == [D("2.10"), D("0.70"), D("0.16")]
    other = customer(db, "Bar Paco", tax_id="12345678Z", irpf_percent=D("7"))
    changed = invoices.update_draft(db, draft.id, InvoiceData(
        issue_date=DAY, party_id=other, notes="Entregar por la tarde",
        lines=[_line("Servicio técnico", "3", "40", discount="25")]), expected_version=draft.version)
    assert changed.version == draft.version + 1
    assert [l.description for l in changed.lines] == ["Servicio técnico"]
    assert (changed.party_name, changed.party_tax_id, changed.irpf_percent) == ("Bar Paco", "12345678Z", D("7"))
    assert (changed.base_total, changed.tax_total, changed.irpf_total, changed.total) == (
        D("90.00"), D("18.90"), D("6.30"), D("102.60"))
    assert count(db, InvoiceLine) == 1  # the old lines are gone, not orphaned
    assert invoices.get_invoice(db, draft.id) == changed


def test_changing_only_the_lines_still_moves_the_version(db, ctx):
    draft = invoices.create_draft(db, _good(ctx))
    data = _good(ctx)
    data.lines[0].description = "Caja grande"
    changed = invoices.update_draft(db, draft.id, data, expected_version=draft.version)
    assert changed.version == draft.version + 1
    with pytest.raises(ConflictError):
        invoices.update_draft(db, draft.id, _good(ctx), expected_version=draft.version)


def test_stale_form_cannot_overwrite_a_newer_save(db, ctx):
    draft = invoices.create_draft(db, _good(ctx))
    mine = _good(ctx)
    mine.notes = "first"
    invoices.update_draft(db, draft.id, mine, expected_version=draft.version)
    theirs = _good(ctx)
    theirs.lines = [_line("Otra cosa", "1", "1")]
    with pytest.raises(ConflictError):
        invoices.update_draft(db, draft.id, theirs, expected_version=draft.version)
    stored = invoices.get_invoice(db, draft.id)
    assert stored.notes == "first" and len(stored.lines) == 3


def test_failed_update_leaves_the_draft_untouched(db, ctx):
    draft = invoices.create_draft(db, _good(ctx))
    bad = _good(ctx)
    bad.lines[1].unit_price = D("-1")
    with pytest.raises(ValidationError) as err:
        invoices.update_draft(db, draft.id, bad, expected_version=draft.version)
    assert err.value.field == "lines[1].unit_price"
    assert invoices.get_invoice(db, draft.id) == draft


def test_posted_invoice_can_be_neither_changed_nor_deleted(db, ctx):
    draft = invoices.create_draft(db, _good(ctx))
    post(db, draft.id, 1)
    posted = invoices.get_invoice(db, draft.id)
    with pytest.raises(ValidationError) as err:
        invoices.update_draft(db, draft.id, _good(ctx), expected_version=posted.version)
    assert err.value.field == "status"
    with pytest.raises(ValidationError) as err:
        invoices.delete_draft(db, draft.id)
    assert err.value.field == "status"
    assert invoices.get_invoice(db, draft.id) == posted


def test_cancelled_invoice_cannot_be_deleted(db, ctx):
    draft = invoices.create_draft(db, _good(ctx))
    post(db, draft.id, 1)
    with db.session() as s:
        s.get(Invoice, draft.id).status = InvoiceStatus.CANCELLED
    with pytest.raises(ValidationError) as err:
        invoices.delete_draft(db, draft.id)
    assert err.value.field == "status"


def test_deleting_a_draft_removes_it_and_its_lines(db, ctx):
    keep = invoices.create_draft(db, _good(ctx))
    draft = invoices.create_draft(db, _good(ctx))
    invoices.delete_draft(db, draft.id, expected_version=draft.version)
    with pytest.raises(NotFoundError):
        invoices.get_invoice(db, draft.id)
    assert count(db, Invoice) == 1 and count(db, InvoiceLine) == len(keep.lines)


def test_unknown_invoice_is_not_found(db):
    with pytest.raises(NotFoundError):
        invoices.get_invoice(db, uuid.uuid4())
    with pytest.raises(NotFoundError):
        invoices.update_draft(db, "not-an-id", InvoiceData())


# -- credit notes ----------------------------------------------------------------------

def test_credit_note_takes_back_with_negative_quantities(db, ctx):
    original = invoices.create_draft(db, _good(ctx))
    post(db, original.id, 7)
    note = invoices.create_draft(db, InvoiceData(
        kind=InvoiceKind.CREDIT_NOTE, issue_date=DAY + dt.timedelta(days=3), corrected_invoice_id=original.id,
        correction_reason=CorrectionReason.R1, lines=[_line("Devolución caja", "-1", "10")]))
    assert note.series_code == "R"
    assert note.party_id == ctx["customer"]  # taken from the corrected invoice
    assert (note.base_total, note.tax_total, note.total) == (D("-10.00"), D("-2.10"), D("-12.10"))
    assert note.corrected_invoice_id == original.id and note.correction_reason == CorrectionReason.R1


def test_credit_note_rules(db, ctx):
    draft = invoices.create_draft(db, _good(ctx))
    base = InvoiceData(kind=InvoiceKind.CREDIT_NOTE, issue_date=DAY, party_id=ctx["customer"],
                       lines=[_line("Devolución", "-1", "10")])

    def refused(**changes) -> set[str]:
        with pytest.raises(ValidationError) as err:
            invoices.create_draft(db, dataclasses.replace(base, **changes))
        return err.value.fields

    assert {"corrected_invoice_id", "correction_reason"} <= refused()
    assert "corrected_invoice_id" in refused(corrected_invoice_id=draft.id, correction_reason="R1")  # a draft
    post(db, draft.id, 1)
    assert "correction_reason" in refused(corrected_invoice_id=draft.id, correction_reason="R5")  # not simplified
    assert "lines[0].quantity" in refused(corrected_invoice_id=draft.id, correction_reason="R1",
                                          lines=[_line("Nada", "0", "10")])
    other = customer(db, "Otro Cliente SL", tax_id="A58818501")
    assert "party_id" in refused(corrected_invoice_id=draft.id, correction_reason="R1", party_id=other)
    assert count(db, Invoice) == 1


def test_credit_note_of_a_simplified_invoice_needs_no_customer(db):
    ticket = invoices.create_draft(db, InvoiceData(kind="simplified", issue_date=DAY, lines=[_line("Pilas", "2", "1")]))
    post(db, ticket.id, 1, prefix="S")
    note = invoices.create_draft(db, InvoiceData(
        kind="credit_note", issue_date=DAY, corrected_invoice_id=ticket.id, correction_reason="R5",
        lines=[_line("Pilas", "-2", "1")]))
    assert note.party_id is None and note.total == D("-2.42")
