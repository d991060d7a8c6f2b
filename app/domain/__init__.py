"""Typed SQLAlchemy models, one module per area.

Importing this package registers every table on ``Base.metadata``.
"""

from app.domain.audit import AuditLog
from app.domain.base import Archivable, Base, Record, new_id
from app.domain.company import Company
from app.domain.contracts import Contract, ContractAttachment, ContractBilling, ContractEvent, ContractLine
from app.domain.employees import (
    Department, Employee, EmployeeDocument, Holiday, LeaveAllowance, LeaveRequest, PersonalDataAudit,
)
from app.domain.inventory import Product, StockCount, StockCountLine, StockLevel, StockMove, StockRule, Warehouse
from app.domain.invoices import Invoice, InvoiceLine, InvoiceSeries, Payment
from app.domain import invoice_guard  # noqa: F401 - registers the posted-invoice guard
from app.domain import stock_guard  # noqa: F401 - registers the done-move guard
from app.domain import audit_guard  # noqa: F401 - registers the append-only audit guard
from app.domain import roles  # noqa: F401 - registers what a session without HR may not see
from app.domain.parties import Party, PartyAddress, PaymentTerm
from app.domain.taxes import TaxRate
from app.domain.verifactu import ChainRecordKind, InvoiceRecord
from app.domain.sync import SyncApplied, SyncChange

__all__ = [
    "Archivable", "AuditLog", "Base", "ChainRecordKind", "Company", "Contract", "ContractAttachment", "ContractBilling",
    "ContractEvent", "ContractLine",
    "Department", "Employee", "EmployeeDocument", "Holiday", "Invoice", "InvoiceLine", "InvoiceRecord", "InvoiceSeries", "LeaveAllowance", "LeaveRequest",
    "Party", "PartyAddress", "Payment", "PaymentTerm", "PersonalDataAudit", "Product", "Record", "StockCount", "StockCountLine",
    "StockLevel", "StockMove", "StockRule", "SyncApplied", "SyncChange",
    "TaxRate", "Warehouse", "new_id",
]
