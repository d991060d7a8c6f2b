"""Refusals from app/ read whole in Spanish: no English word left in the values they carry."""

from __future__ import annotations

import datetime as dt

import pytest

from app import i18n
from app.errors import ValidationError
from app.services import invoices
from app.services.posting import post_invoice
from app.services.validation import Validator
from tests.app.test_posting import company, draft


@pytest.fixture
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("en")


def _message(error: ValidationError) -> str:
    return " ".join(e.message for e in error.errors)


def test_deleting_a_posted_invoice_is_refused_in_spanish(db, spanish):
    company(db)
    posted = post_invoice(db, draft(db).id)
    with pytest.raises(ValidationError) as deleting:
        invoices.delete_draft(db, posted.id)
    with pytest.raises(ValidationError) as posting:
        post_invoice(db, posted.id)
    for text in (_message(deleting.value), _message(posting.value)):
        assert "emitida" in text and "posted" not in text, text


def test_dates_in_the_wrong_order_name_the_other_date_in_spanish(spanish):
    v = Validator()
    v.date_order("hire_date", dt.date(2026, 5, 1), "end_date", dt.date(2026, 4, 1))
    with pytest.raises(ValidationError) as refused:
        v.done()
    assert _message(refused.value) == "No puede ser anterior a la fecha de alta."
