"""The issuer's details: what every invoice prints and every VERI*FACTU record carries."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import ConflictError, ValidationError
from app.services.company import CompanyData, find_company, save_company


def test_company_is_created_then_updated_and_bad_fields_are_named(db):
    assert find_company(db) is None
    with pytest.raises(ValidationError) as err:
        save_company(db, CompanyData(legal_name="", tax_id="B12345678", iban="ES00 0000",
                                     simplified_invoice_limit="500"))
    assert {"legal_name", "tax_id", "street", "postal_code", "city", "iban",
            "simplified_invoice_limit"} <= err.value.fields
    assert find_company(db) is None  # nothing half-written
    view = save_company(db, CompanyData(legal_name="Suministros Ebro SL", tax_id="b58378431", street="Calle Mayor 1",
                                        postal_code="50001", city="Zaragoza"))
    assert view.tax_id == "B58378431" and view.simplified_invoice_limit == Decimal(400)
    again = save_company(db, CompanyData(legal_name="Suministros Ebro SL", tax_id="B58378431", street="Calle Mayor 1",
                                         postal_code="50001", city="Zaragoza", simplified_invoice_limit="3000"),
                         view.version)
    assert again.id == view.id and again.simplified_invoice_limit == Decimal(3000)
    with pytest.raises(ConflictError):
        save_company(db, CompanyData(legal_name="Otra", tax_id="B58378431", street="x", postal_code="1",
                                     city="y"), view.version)
