"""A report's filters as a person types them (a code, a NIF) or as the window passes them (an id).

Each is looked up before anything else is read, so that a wrong value is a
ValidationError naming the filter, and the report says in words what it shows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.employees import Department
from app.domain.inventory import Warehouse
from app.domain.invoices import InvoiceSeries
from app.domain.parties import Party
from app.errors import ValidationError
from app.i18n import _
from app.reports.base import ReportSpec
from app.services.lookups import as_uuid

FILTER_TITLES: dict[str, Callable[[], str]] = {
    "customer": lambda: _("Customer"),
    "series": lambda: _("Series"),
    "warehouse": lambda: _("Warehouse"),
    "department": lambda: _("Department"),
}


def _party(s: Session, value: Any) -> tuple[uuid.UUID, str] | None:
    if (key := as_uuid(value)) is not None:
        row = s.execute(select(Party.id, Party.code, Party.legal_name).where(Party.id == key)).first()
    else:
        text = str(value).strip().upper()
        row = s.execute(select(Party.id, Party.code, Party.legal_name).where(
            or_(func.upper(Party.code) == text, func.upper(Party.tax_id) == text)).limit(1)).first()
    return None if row is None else (row[0], f"{row[1]} {row[2]}")


def _coded(model) -> Callable[[Session, Any], tuple[uuid.UUID, str] | None]:
    def find(s: Session, value: Any) -> tuple[uuid.UUID, str] | None:
        if (key := as_uuid(value)) is not None:
            row = s.execute(select(model.id, model.code, model.name).where(model.id == key)).first()
        else:
            row = s.execute(select(model.id, model.code, model.name).where(
                func.upper(model.code) == str(value).strip().upper())).first()
        return None if row is None else (row[0], f"{row[1]} {row[2]}")
    return find


_FINDERS = {
    "customer": _party,
    "series": _coded(InvoiceSeries),
    "warehouse": _coded(Warehouse),
    "department": _coded(Department),
}

_UNKNOWN: dict[str, Callable[[], str]] = {
    "customer": lambda: _("No customer has the code or NIF {value}."),
    "series": lambda: _("No invoice series has the code {value}."),
    "warehouse": lambda: _("No warehouse has the code {value}."),
    "department": lambda: _("No department has the code {value}."),
}


def resolve_filters(db: Database, spec: ReportSpec, filters: dict[str, Any]) -> tuple[dict[str, uuid.UUID], str]:
    """``{"customer": id, ...}`` for the filters given, and the words for them ("Customer: C000012 Ruiz SL")."""
    wanted = {k: v for k, v in filters.items() if v is not None and str(v).strip() != ""}
    for key in wanted:
        if key not in spec.filters:
            title = FILTER_TITLES[key]().lower() if key in FILTER_TITLES else key
            raise ValidationError(key, _("The report {name} takes no {filter} filter.").format(
                name=spec.name, filter=title))
    if not wanted:
        return {}, ""
    resolved: dict[str, uuid.UUID] = {}
    words = []
    with db.session() as s:
        for key in spec.filters:  # in the spec's order, so the words read the same each time
            if key not in wanted:
                continue
            found = _FINDERS[key](s, wanted[key])
            if found is None:
                raise ValidationError(key, _UNKNOWN[key]().format(value=wanted[key]))
            resolved[key] = found[0]
            words.append(f"{FILTER_TITLES[key]()}: {found[1]}")
    return resolved, " · ".join(words)
