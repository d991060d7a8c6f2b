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


def test_negative_stock_policy_is_warn_by_default_and_a_saved_refuse_is_what_moves_follow(db):
    from app.domain.enums import NegativeStockPolicy, StockMoveKind
    from app.errors import NegativeStockWarning
    from app.services.products import ProductData, create_product
    from app.services.setup import fixed_id, tax_rate_id
    from app.services.stock import StockMoveData, record_move, stock_on_hand

    base = dict(legal_name="Suministros Ebro SL", tax_id="B58378431", street="Calle Mayor 1", postal_code="50001",
                city="Zaragoza")
    view = save_company(db, CompanyData(**base))
    assert view.negative_stock == NegativeStockPolicy.WARN
    with pytest.raises(ValidationError) as err:
        save_company(db, CompanyData(**base, negative_stock="sometimes"), view.version)
    assert err.value.fields == {"negative_stock"}
    assert find_company(db).negative_stock == NegativeStockPolicy.WARN  # nothing written

    product = create_product(db, ProductData(sku="TORN-6", name="Tornillo", tax_rate_id=tax_rate_id("IVA21")))
    delivery = StockMoveData(StockMoveKind.DELIVERY, product.id, Decimal(2),
                             from_warehouse_id=fixed_id("warehouse", "MAIN"))
    with pytest.raises(NegativeStockWarning):  # warn: the clerk is asked first
        record_move(db, delivery)
    refuse = save_company(db, CompanyData(**base, negative_stock="refuse"), view.version)
    assert refuse.negative_stock == NegativeStockPolicy.REFUSE == find_company(db).negative_stock
    with pytest.raises(ValidationError) as err:  # refuse: even when the clerk would say yes
        record_move(db, delivery, allow_negative=True)
    assert err.value.fields == {"quantity"}
    assert stock_on_hand(db, product.id) == 0
    back = save_company(db, CompanyData(**base, negative_stock=NegativeStockPolicy.WARN), refuse.version)
    assert back.negative_stock == NegativeStockPolicy.WARN
    record_move(db, delivery, allow_negative=True)
    assert stock_on_hand(db, product.id) == Decimal(-2)
