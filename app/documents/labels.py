"""Printed labels and number formats of documents, per language.

An invoice is printed in its customer's language, not the clerk's, so these
texts do not go through the app's gettext catalogue: each language is one
dict here, with its number and date formats (``Formats``). Spanish and English
exist; any other language prints in Spanish, labels and numbers alike.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app import i18n, locale_format

ES: dict[str, str] = {
    # Titles
    "invoice": "Factura",
    "invoices": "Facturas",
    "simplified": "Factura simplificada",
    "credit_note": "Factura rectificativa",
    "draft": "BORRADOR · sin validez fiscal",
    "draft_tag": "BORRADOR",
    "cancelled": "ANULADA",
    # Invoice data
    "number": "Número",
    "series": "Serie",
    "no_number": "(sin numerar)",
    "issue_date": "Fecha de expedición",
    "operation_date": "Fecha de operación",
    "due_date": "Vencimiento",
    "corrects": "Rectifica a",
    "corrects_value": "Factura {number} de {date}",
    "reason": "Motivo",
    "method": "Tipo",
    "by_differences": "Rectificación por diferencias",
    "R1": "R1 · Error fundado en derecho y art. 80 Uno, Dos y Seis LIVA",
    "R2": "R2 · Art. 80 Tres LIVA (concurso de acreedores)",
    "R3": "R3 · Art. 80 Cuatro LIVA (créditos incobrables)",
    "R4": "R4 · Resto de causas",
    "R5": "R5 · Rectificación de factura simplificada",
    # Parties
    "issuer": "Emisor",
    "customer": "Cliente",
    "tax_id": "NIF",
    "phone": "Tel.",
    # Lines
    "description": "Descripción",
    "quantity": "Cantidad",
    "unit_price": "Precio unit.",
    "discount": "Dto.",
    "vat": "IVA",
    "amount": "Importe",
    "exempt": "Exento",
    "continued": "Continúa en la página siguiente",
    # Tax breakdown and totals
    "tax_base": "Base imponible",
    "vat_rate": "Tipo IVA",
    "vat_amount": "Cuota IVA",
    "re_rate": "Tipo RE",
    "re_amount": "Cuota RE",
    "total_base": "Base imponible",
    "total_vat": "IVA",
    "total_re": "Recargo de equivalencia",
    "irpf": "Retención IRPF ({percent})",
    "invoice_total": "Total factura",
    "total_to_pay": "Total a pagar",
    "amounts_in": "Importes en {currency}",
    # Payment, notes, exemptions
    "payment": "Forma de pago",
    "payment_transfer": "Transferencia bancaria a la cuenta",
    "iban": "IBAN",
    "notes": "Observaciones",
    "exemptions": "Operaciones exentas",
    # VERI*FACTU
    "qr_heading": "QR tributario:",
    "verifactu": "VERI*FACTU",
    "verifiable": "Factura verificable en la sede electrónica de la AEAT",
    # Footer
    "page": "Página {page} de {pages}",
}

# English for customers abroad. Legal references to Spanish law keep their Spanish names
# (LIVA, IRPF, NIF are what the AEAT and the customer's adviser look up); the VERI*FACTU
# texts are the wording Orden HAC/1177/2024 prescribes, so they stay as they are.
EN: dict[str, str] = {
    # Titles
    "invoice": "Invoice",
    "invoices": "Invoices",
    "simplified": "Simplified invoice",
    # A factura rectificativa by differences may also raise the amount: "credit note" would mislead.
    "credit_note": "Corrective invoice",
    "draft": "DRAFT · not a valid invoice",  # no wider than the QR column
    "draft_tag": "DRAFT",
    "cancelled": "CANCELLED",
    # Invoice data
    "number": "Number",
    "series": "Series",
    "no_number": "(not numbered)",
    "issue_date": "Issue date",
    "operation_date": "Date of supply",
    "due_date": "Due date",
    "corrects": "Corrects",
    "corrects_value": "Invoice {number} of {date}",
    "reason": "Reason",
    "method": "Method",
    "by_differences": "Correction by differences",
    "R1": "R1 · Error based on law and art. 80 One, Two and Six LIVA",
    "R2": "R2 · Art. 80 Three LIVA (insolvency proceedings)",
    "R3": "R3 · Art. 80 Four LIVA (bad debts)",
    "R4": "R4 · Other causes",
    "R5": "R5 · Correction of a simplified invoice",
    # Parties
    "issuer": "Issuer",
    "customer": "Customer",
    "tax_id": "Tax ID",
    "phone": "Tel.",
    # Lines
    "description": "Description",
    "quantity": "Quantity",
    "unit_price": "Unit price",
    "discount": "Disc.",
    "vat": "VAT",
    "amount": "Amount",
    "exempt": "Exempt",
    "continued": "Continued on the next page",
    # Tax breakdown and totals
    "tax_base": "Tax base",
    "vat_rate": "VAT rate",
    "vat_amount": "VAT amount",
    "re_rate": "RE rate",
    "re_amount": "RE amount",
    "total_base": "Tax base",
    "total_vat": "VAT",
    "total_re": "Equivalence surcharge (RE)",
    # Personal income tax withholding; the long name does not fit the totals box beside an amount.
    "irpf": "IRPF withholding ({percent})",
    "invoice_total": "Invoice total",
    "total_to_pay": "Total due",
    "amounts_in": "Amounts in {currency}",
    # Payment, notes, exemptions
    "payment": "Payment",
    "payment_transfer": "Bank transfer to account",
    "iban": "IBAN",
    "notes": "Notes",
    "exemptions": "Exempt transactions",
    # VERI*FACTU: the prescribed Spanish wording.
    "qr_heading": "QR tributario:",
    "verifactu": "VERI*FACTU",
    "verifiable": "Factura verificable en la sede electrónica de la AEAT",
    # Footer
    "page": "Page {page} of {pages}",
}

# The contract summary's texts (app/documents/contract_pdf.py).
CONTRACT_ES: dict[str, str] = {
    "document": "Resumen de contrato",
    "contract": "Contrato",
    "reference": "Referencia",
    "kind": "Tipo",
    "status": "Estado",
    "start": "Inicio",
    "period": "Periodo actual",
    "end": "Fin",
    "open_ended": "Indefinido",
    "notice_deadline": "Límite de preaviso",
    "notice": "Preaviso",
    "notice_days": "{days} días",
    "notice_given_on": "Preaviso dado el",
    "terminated_on": "Resuelto el",
    "termination_reason": "Motivo",
    "renewal": "Renovación",
    "renews_every": "Automática cada {months} meses",
    "renews_same": "Automática, por la misma duración",
    "no_renewal": "No se renueva automáticamente",
    "renewals": "{count} renovaciones hasta hoy",
    "renewals_one": "1 renovación hasta hoy",
    "billing": "Facturación",
    "billing_day": "{frequency}, el día {day}",
    "no_billing": "Sin facturación periódica",
    "billed_until": "Facturado hasta",
    "value": "Valor",
    "indexation": "Actualización de precios",
    "indexation_value": "{percent} en cada renovación",
    "customer": "Cliente",
    "supplier": "Proveedor",
    "employment": "Laboral",
    "employee": "Empleado/a",
    "tax_id": "NIF",
    # Kinds and statuses
    "kind_customer": "Cliente",
    "kind_supplier": "Proveedor",
    "kind_employment": "Laboral",
    "draft": "Borrador",
    "active": "En vigor",
    "notice_given": "Preavisado",
    "ended": "Finalizado",
    "terminated": "Resuelto",
    "monthly": "Mensual",
    "quarterly": "Trimestral",
    "yearly": "Anual",
    "one_off": "Pago único",
    # Lines
    "lines": "Precios",
    "no_lines": "El contrato no tiene líneas de precio.",
    "description": "Descripción",
    "quantity": "Cantidad",
    "unit_price": "Precio unit.",
    "vat": "IVA",
    "amount": "Importe",
    "tax_base": "Base imponible",
    "vat_group": "IVA {percent}",
    "exempt": "Exento",
    "total_per": "Total por periodo ({frequency})",
    "total": "Total",
    # History
    "history": "Historial",
    "no_history": "Sin sucesos registrados.",
    "date": "Fecha",
    "event": "Suceso",
    "event_period": "Periodo",
    "percent": "%",
    "note": "Nota",
    "ev_created": "Alta",
    "ev_activated": "Entrada en vigor",
    "ev_notice_given": "Preaviso",
    "ev_renewed": "Renovación",
    "ev_indexed": "Revisión de precios",
    "ev_ended": "Fin",
    "ev_terminated": "Resolución anticipada",
    # Attachments
    "attachments": "Documentos adjuntos",
    "no_attachments": "Sin documentos adjuntos.",
    "file": "Nombre",
    "mime": "Tipo",
    "size": "Tamaño",
    "sha256": "SHA-256",
    "added": "Añadido",
    "notes": "Observaciones",
    "continued": "Continúa en la página siguiente",
    "cont": "(continuación)",
    "printed": "Emitido el {date}",
    "page": "Página {page} de {pages}",
}

LABELS: dict[str, dict[str, str]] = {"es": ES, "en": EN}

# Symbols printed after amounts; other currencies print their ISO code.
CURRENCY_SYMBOLS = locale_format.CURRENCY_SYMBOLS
CURRENCY_NAMES = {"EUR": "euros"}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def document_language(language: str | None) -> str:
    """The language a document asked for in ``language`` is printed in: its own when it has labels, else Spanish."""
    code = i18n.normalise(language)
    return code if code in LABELS else "es"


def labels_for(language: str | None) -> dict[str, str]:
    """The label dict of ``language`` ("es", "en"...), completed with Spanish."""
    chosen = LABELS[document_language(language)]
    if chosen is ES:
        return ES
    return {**ES, **chosen}


class Formats:
    """Numbers and dates as a document in one language prints them.

    Spanish: 1.234,56 € and 02/03/2026. English: 1,234.56 € and 2 Mar 2026: a
    day-month-year with the month's name reads the same to every English reader,
    where 02/03/2026 is 3 February to an American one (a due date must not be misread).
    A language without labels prints as Spanish, like its labels.
    """

    def __init__(self, language: str | None = "es"):
        self.language = document_language(language)

    def money(self, value: Decimal, currency: str = "EUR") -> str:
        """``1234.5`` -> ``"1.234,50 €"``; two decimals, thousands grouped."""
        return locale_format.money_in(value, currency, self.language)

    def amount(self, value: Decimal) -> str:
        """``1234.5`` -> ``"1.234,50"`` (table cells, where the column says the currency)."""
        return locale_format.number_in(value, 2, self.language)

    def price(self, value: Decimal) -> str:
        """A unit price: two decimals, up to four when it has them (``0,1234``)."""
        return locale_format.trimmed_in(value, 2, 4, self.language)

    def quantity(self, value: Decimal) -> str:
        """``2.0000`` -> ``"2"``, ``1.2500`` -> ``"1,25"``."""
        return locale_format.trimmed_in(value, 0, 4, self.language)

    def percent(self, value: Decimal) -> str:
        """``21.0000`` -> ``"21 %"`` (es, with the space the RAE asks for), ``"21%"`` (en)."""
        return f"{self.quantity(value)}%" if self.language == "en" else f"{self.quantity(value)} %"

    def date(self, value: dt.date) -> str:
        """``dt.date(2026, 3, 2)`` -> ``"02/03/2026"`` (es), ``"2 Mar 2026"`` (en)."""
        if self.language == "en":
            return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year:04d}"
        return locale_format.numeric_date(value)


_FORMATS = {code: Formats(code) for code in LABELS}


def formats_for(language: str | None) -> Formats:
    """The formats of a document printed for ``language``: the same fallback as ``labels_for``."""
    return _FORMATS[document_language(language)]


# -- Spanish formats, for the documents that are always in Spanish ---------------------
# (the contract summary, shelf labels, the personal data export): 1.234,56 and 02/03/2026.

_ES = _FORMATS["es"]
money, amount, price, quantity, percent, date = _ES.money, _ES.amount, _ES.price, _ES.quantity, _ES.percent, _ES.date
