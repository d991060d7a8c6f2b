"""Customers & suppliers: the list, and the form with address, tax ids and payment terms."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from app.services import parties, reference
from app.services.parties import LANGUAGES, PartyData
from ui.common.fields import CheckField, ChoiceField, NotesField, TextField
from ui.common.form import Form
from ui.common.list_panel import ListPanel
from ui.common.record_tab import RecordTab
from ui.common.table_model import Column


class PartiesTab(RecordTab):
    list_name = "parties"
    default_sort = "legal_name"
    _addresses: list = []

    def noun(self) -> str:
        return self.tr("customer or supplier")

    def noun_plural(self) -> str:
        return self.tr("customers and suppliers")

    def noun_singular(self) -> str:
        return self.tr("customer or supplier")

    def columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Code"), width=80),
            Column("legal_name", self.tr("Name"), width=260),
            Column("trade_name", self.tr("Trade name"), width=180),
            Column("tax_id", self.tr("NIF"), width=110),
            Column("city", self.tr("City"), width=130),
            Column("email", self.tr("E-mail"), width=200),
            Column("phone", self.tr("Phone"), width=110),
        ]

    def list_rows(self, db, query):
        return parties.list_parties(db, query)

    def count_rows(self, db, query):
        return parties.count_parties(db, query)

    def add_filters(self, panel: ListPanel) -> None:
        panel.add_choice_filter("role", self.tr("Customers and suppliers"),
                                [(self.tr("Customers"), "customer"), (self.tr("Suppliers"), "supplier")])

    def build_form(self, form: Form) -> None:
        form.add("legal_name", self.tr("&Name"), TextField())
        form.add("trade_name", self.tr("&Trade name"), TextField())
        form.add("tax_id", self.tr("N&IF / VAT"), TextField())
        form.add("is_customer", self.tr("Customer"), CheckField(self.tr("We sell to them")))
        form.add("is_supplier", self.tr("Supplier"), CheckField(self.tr("We buy from them")))
        form.add("code", self.tr("C&ode"), TextField())
        form.fields["code"].setPlaceholderText(self.tr("Given automatically"))
        form.add_section(self.tr("Address"))
        form.add("street", self.tr("St&reet"), TextField())
        form.add("postal_code", self.tr("&Postal code"), TextField())
        form.add("city", self.tr("Cit&y"), TextField())
        form.add("province", self.tr("Province"), TextField())
        form.add("country", self.tr("Country"), TextField())
        form.fields["country"].setMaxLength(2)
        form.add_section(self.tr("Contact and payment"))
        form.add("email", self.tr("&E-mail"), TextField())
        form.add("phone", self.tr("Phone"), TextField())
        form.add("iban", self.tr("IBAN"), TextField())
        form.add("payment_term_id", self.tr("Payment ter&ms"), ChoiceField(blank=self.tr("On receipt")))
        names = {"es": self.tr("Spanish"), "en": self.tr("English"), "ca": self.tr("Catalan"),
                 "eu": self.tr("Basque"), "gl": self.tr("Galician"), "fr": self.tr("French"),
                 "de": self.tr("German"), "it": self.tr("Italian"), "pt": self.tr("Portuguese")}
        form.add("language", self.tr("Invoice &language"),
                 ChoiceField([(names.get(code, code), code) for code in LANGUAGES]))
        form.add("recargo_equivalencia", self.tr("Recargo"), CheckField(self.tr("Recargo de equivalencia")))
        form.add("irpf_percent", self.tr("IRPF withheld %"),
                 ChoiceField([("15", Decimal("15")), ("7", Decimal("7"))], blank=self.tr("None")))
        form.add("notes", self.tr("Notes"), NotesField())

    def activate(self) -> None:
        super().activate()
        terms = reference.payment_terms(self.db)
        self.form.fields["payment_term_id"].set_choices([(t.name, t.id) for t in terms])

    def blank_values(self) -> dict[str, Any]:
        return {**super().blank_values(), "is_customer": True, "is_supplier": False, "country": "ES",
                "language": "es", "recargo_equivalencia": False}

    def view_to_form(self, view) -> dict[str, Any]:
        self._addresses = list(view.addresses)  # delivery addresses: kept as they are on save
        values = super().view_to_form(view)
        values["irpf_percent"] = Decimal(int(view.irpf_percent)) if view.irpf_percent is not None else None
        return values

    def form_to_data(self, values: dict[str, Any]) -> PartyData:
        values = dict(values)
        values["legal_name"] = values["legal_name"] or ""
        values["country"] = values["country"] or "ES"
        addresses = self._addresses if self.record_id else []
        return PartyData(**values, addresses=list(addresses))

    def describe(self, view) -> str:
        return f"{view.code} · {view.legal_name}"

    def get(self, record_id: str):
        return parties.get_party(self.db, uuid.UUID(record_id))

    def create(self, data: PartyData):
        return parties.create_party(self.db, data)

    def update(self, record_id: str, data: PartyData, version: int | None):
        return parties.update_party(self.db, uuid.UUID(record_id), data, version)

    def archive(self, record_id: str):
        return parties.archive_party(self.db, uuid.UUID(record_id))
