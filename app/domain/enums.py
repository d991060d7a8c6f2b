"""Closed sets of values, stored as their lower-case string values."""

from __future__ import annotations

import enum

from sqlalchemy import Enum


def db_enum(enum_cls: type[enum.Enum]) -> Enum:
    """A portable VARCHAR enum column storing the members' values."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class TaxKind(enum.StrEnum):
    IVA = "iva"
    RECARGO = "recargo"
    IRPF = "irpf"


class InvoiceKind(enum.StrEnum):
    INVOICE = "invoice"  # factura completa
    SIMPLIFIED = "simplified"  # factura simplificada
    CREDIT_NOTE = "credit_note"  # factura rectificativa


class InvoiceStatus(enum.StrEnum):
    DRAFT = "draft"
    POSTED = "posted"
    CANCELLED = "cancelled"


class CorrectionReason(enum.StrEnum):
    """Reason codes of a factura rectificativa (VERI*FACTU R1..R5)."""

    R1 = "R1"  # error fundado en derecho y art. 80 Uno, Dos y Seis LIVA
    R2 = "R2"  # art. 80 Tres LIVA (concurso)
    R3 = "R3"  # art. 80 Cuatro LIVA (créditos incobrables)
    R4 = "R4"  # resto de causas
    R5 = "R5"  # facturas simplificadas


class PaymentMethod(enum.StrEnum):
    TRANSFER = "transfer"
    CASH = "cash"
    CARD = "card"
    DIRECT_DEBIT = "direct_debit"
    OTHER = "other"
    CREDIT_NOTE = "credit_note"  # a posted credit note settling what it takes back (payments.settle_with_credit)


class ProductKind(enum.StrEnum):
    PRODUCT = "product"
    SERVICE = "service"


class StockMoveKind(enum.StrEnum):
    RECEIPT = "receipt"
    DELIVERY = "delivery"
    ADJUSTMENT = "adjustment"
    TRANSFER = "transfer"


class StockCountStatus(enum.StrEnum):
    DRAFT = "draft"
    POSTED = "posted"
    CANCELLED = "cancelled"


class NegativeStockPolicy(enum.StrEnum):
    """What happens when a move would leave less than nothing in a warehouse."""

    WARN = "warn"  # ask the clerk, record it if they confirm
    REFUSE = "refuse"


class ContractKind(enum.StrEnum):
    CUSTOMER = "customer"
    SUPPLIER = "supplier"
    EMPLOYMENT = "employment"


class ContractStatus(enum.StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    NOTICE_GIVEN = "notice_given"
    ENDED = "ended"
    TERMINATED = "terminated"


class ContractEventKind(enum.StrEnum):
    CREATED = "created"
    ACTIVATED = "activated"
    NOTICE_GIVEN = "notice_given"
    RENEWED = "renewed"
    INDEXED = "indexed"
    ENDED = "ended"
    TERMINATED = "terminated"


class BillingFrequency(enum.StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    ONE_OFF = "one_off"


class LeaveKind(enum.StrEnum):
    VACATION = "vacation"
    SICK = "sick"
    PERSONAL = "personal"
    UNPAID = "unpaid"
    OTHER = "other"


class DocumentKind(enum.StrEnum):
    CONTRACT = "contract"
    CERTIFICATE = "certificate"
    PERMIT = "permit"  # work or residence permit, licence
    IDENTITY = "identity"  # copy of the DNI/NIE or passport
    OTHER = "other"


class LimitPolicy(enum.StrEnum):
    """What happens when a request goes beyond a limit (e.g. leave beyond the balance)."""

    WARN = "warn"
    REFUSE = "refuse"


class LeaveStatus(enum.StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
