"""Printed labels and number formats of documents, per language.

An invoice is printed in its customer's language, not the clerk's, so these
texts do not go through the app's gettext catalogue: each language is one
dict here. Only Spanish exists yet; a missing key in another language falls
back to Spanish.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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

LABELS: dict[str, dict[str, str]] = {"es": ES}

# Symbols printed after amounts; other currencies print their ISO code.
CURRENCY_SYMBOLS = {"EUR": "€"}
CURRENCY_NAMES = {"EUR": "euros"}


def labels_for(language: str | None) -> dict[str, str]:
    """The label dict of ``language`` ("es", "en"...), completed with Spanish."""
    chosen = LABELS.get((language or "es").lower()[:2])
    if chosen is None or chosen is ES:
        return ES
    return {**ES, **chosen}


# -- Spanish number formats: 1.234,56 ---------------------------------------------

_SWAP = str.maketrans(",.", ".,")


def money(value: Decimal, currency: str = "EUR") -> str:
    """``1234.5`` -> ``"1.234,50 €"``; two decimals, thousands with a dot."""
    text = format(value, ",.2f").translate(_SWAP)
    return f"{text} {CURRENCY_SYMBOLS.get(currency, currency)}"


def amount(value: Decimal) -> str:
    """``1234.5`` -> ``"1.234,50"`` (table cells, where the column says the currency)."""
    return format(value, ",.2f").translate(_SWAP)


def price(value: Decimal) -> str:
    """A unit price: two decimals, up to four when it has them (``0,1234``)."""
    text = format(value, ",.4f").translate(_SWAP)
    # Drop trailing zeros beyond the second decimal only.
    head, _, tail = text.rpartition(",")
    tail = tail.rstrip("0")
    return f"{head},{tail.ljust(2, '0')}"


def quantity(value: Decimal) -> str:
    """``2.0000`` -> ``"2"``, ``1.2500`` -> ``"1,25"``."""
    text = format(value, ",.4f").translate(_SWAP)
    head, _, tail = text.rpartition(",")
    tail = tail.rstrip("0")
    return f"{head},{tail}" if tail else head


def percent(value: Decimal) -> str:
    """``21.0000`` -> ``"21 %"``, ``5.2000`` -> ``"5,2 %"``."""
    return f"{quantity(value)} %"


def date(value: dt.date) -> str:
    """``dt.date(2026, 3, 2)`` -> ``"02/03/2026"``."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
