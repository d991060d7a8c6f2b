"""Setting a new database up in one step: the company and its first invoice series, or neither."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import ConflictError, ValidationError
from app.services.company import CompanyData, find_company
from app.services.first_run import FirstSeries, default_series, set_up_company

EBRO = CompanyData("Suministros Ebro SL", "B58378431", "Calle Mayor 1", "50001", "Zaragoza")


def test_the_company_and_the_series_continuing_another_programs_numbers_are_saved_together(db):
    done = set_up_company(db, EBRO, FirstSeries("FV", "125"), today=dt.date(2026, 3, 2))
    assert done.company.tax_id == "B58378431" and find_company(db).legal_name == "Suministros Ebro SL"
    series = default_series(db)
    assert (series.prefix, series.next_number, series.year) == ("FV", 125, 2026)


def test_every_wrong_field_of_both_is_named_and_nothing_is_written(db):
    before = default_series(db)
    bad = CompanyData("Suministros Ebro SL", "B12345678", "Calle Mayor 1", "50001", "")
    with pytest.raises(ValidationError) as caught:
        set_up_company(db, bad, FirstSeries("F V", 0))
    assert caught.value.fields == {"tax_id", "city", "prefix", "next_number"}
    assert find_company(db) is None and default_series(db) == before
    with pytest.raises(ValidationError) as caught:
        set_up_company(db, EBRO, FirstSeries("F V", 7))  # the company is fine, the series is not
    assert caught.value.fields == {"prefix"} and find_company(db) is None


def test_a_database_with_a_company_is_not_set_up_again(db):
    set_up_company(db, EBRO, FirstSeries())
    with pytest.raises(ConflictError):
        set_up_company(db, EBRO, FirstSeries("X", 9))
    assert default_series(db).prefix == "F"
