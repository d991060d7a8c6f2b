"""``generate_demo``: fill an empty database with a realistic Spanish shop.

Order matters only for foreign keys: company, parties, catalogue, people,
contracts, then the invoices (the bulk) and finally the series counters.
Small tables go through SQLAlchemy Core; invoices, lines, payments and
deliveries through the raw bulk writer.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select, update

from app.db.session import Database
from app.demo import bulk
from app.demo.catalog import (
    MAIN_WAREHOUSE,
    build_products,
    build_stock_moves,
    build_top_up_receipts,
    build_warehouses,
)
from app.demo.chain import build_chain
from app.demo.common import DEMO_USER, DemoContext
from app.demo.contract_events import build_contract_events
from app.demo.contract_billing import build_contract_billings
from app.demo.contracts import build_contracts
from app.demo.invoices import InvoiceGenerator
from app.demo.parties import build_company, build_parties
from app.demo.hr import build_audit, build_allowances, build_documents, build_holidays, set_logins_and_blocks, settle_leave
from app.demo.people import build_departments, build_employees, build_leave
from app.demo.stock_count import post_demo_count
from app.domain import (
    Company,
    Contract,
    Department,
    Employee,
    Invoice,
    InvoiceSeries,
    Party,
    Product,
    StockLevel,
    StockMove,
)
from app.errors import FieldError, ValidationError
from app.i18n import _
from app.services.setup import SERIES, ensure_reference_data, series_id
from app.services.stock_reports import rebuild_stock_levels

Progress = Callable[[str, int, int], None]
# Tables whose rows mean "this database is already in use" (reference data does not count).
_IN_USE = (Company, Party, Product, Invoice, Employee, Department, Contract, StockMove)


@dataclass
class DemoStats:
    """What generate_demo wrote: rows per table, seconds taken, database size afterwards."""

    counts: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0
    database_bytes: int | None = None

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.elapsed if self.elapsed else 0.0


def check_empty(db: Database) -> None:
    """Refuse a database that already holds business data: demo rows never mix with real ones."""
    with db.session() as s:
        used = [m.__tablename__ for m in _IN_USE if s.execute(select(func.count()).select_from(m)).scalar_one()]
    if used:
        raise ValidationError(FieldError("db", _(
            "This database already holds data ({tables}); demo data only goes into an empty database. "
            "Use a new database file with --db."
        ).format(tables=", ".join(used))))


def _check_sizes(sizes: dict[str, int]) -> None:
    errors = [FieldError(name, _("Must be zero or more.")) for name, value in sizes.items() if value < 0]
    if sizes["customers"] < 1 and sizes["invoices"] > 0:
        errors.append(FieldError("customers", _("Invoices need at least one customer.")))
    if sizes["products"] < 1 and (sizes["invoices"] > 0 or sizes["contracts"] > 0):
        errors.append(FieldError("products", _("Invoices and contracts need at least one product.")))
    if errors:
        raise ValidationError(errors)


def generate_demo(
    db: Database, *, seed: int = 1, customers: int = 200, products: int = 300, invoices: int = 2000,
    contracts: int = 100, employees: int = 40, progress: Progress | None = None, today: dt.date | None = None,
) -> DemoStats:
    """Fill an empty database with deterministic demo data for every area.

    Guarantees: the same seed, sizes and ``today`` give identical rows; every
    NIF/NIE/CIF, IBAN, EAN-13 and social security number is valid; posted
    invoice numbers are correlative per series and fiscal year in date order
    and the series continue after them; stored totals equal compute_totals.
    Raises ValidationError (field ``db``) when the database already holds data.
    """
    sizes = dict(customers=customers, products=products, invoices=invoices, contracts=contracts, employees=employees)
    _check_sizes(sizes)
    started = time.perf_counter()
    report = progress or (lambda _stage, _done, _total: None)
    ensure_reference_data(db)
    check_empty(db)
    ctx = DemoContext(seed=seed, today=today or dt.date.today())
    stats = DemoStats()

    def put(table: str, rows: list[dict]) -> None:
        stats.counts[table] = stats.counts.get(table, 0) + bulk.insert_objects(db, table, rows)
        report(table, stats.counts[table], stats.counts[table])

    put("company", [build_company(ctx)])
    party_rows, address_rows, customer_refs, supplier_refs = build_parties(ctx, customers)
    put("party", party_rows)
    put("party_address", address_rows)
    product_rows, product_refs = build_products(ctx, products)
    put("product", product_rows)
    warehouse_rows = build_warehouses(ctx)
    put("warehouse", warehouse_rows)
    put("stock_move", build_stock_moves(ctx, product_refs, warehouse_rows, supplier_refs))
    put("stock_rule", [p.rule for p in product_refs if p.rule is not None])
    department_rows = build_departments(ctx)
    put("department", department_rows)
    employee_rows, employee_refs = build_employees(ctx, employees, department_rows)
    set_logins_and_blocks(ctx, employee_rows)
    put("employee", employee_rows)
    holiday_rows = build_holidays(ctx)
    put("holiday", holiday_rows)
    put("leave_request", settle_leave(build_leave(ctx, employee_rows), holiday_rows))
    put("leave_allowance", build_allowances(ctx, employee_rows))
    document_rows = build_documents(ctx, employee_rows)
    put("employee_document", document_rows)
    put("personal_data_audit", build_audit(ctx, employee_rows, document_rows))
    contract_rows, contract_lines, attachments = build_contracts(ctx, contracts, customer_refs, supplier_refs, employee_refs,
                                                    product_refs)
    contract_events = build_contract_events(ctx, contract_rows, contract_lines)  # sets the lifecycle columns
    put("contract", contract_rows)
    put("contract_line", contract_lines)
    put("contract_attachment", attachments)
    put("contract_event", contract_events)

    if invoices:
        generator = InvoiceGenerator(ctx, bulk.StorageForm.for_dialect(db.dialect), invoices,
                                     customer_refs, product_refs)
        with bulk.raw_writer(db, rebuild_indexes=invoices >= bulk.REBUILD_INDEXES_FROM) as writer:
            counts = generator.run(writer, report)
        stats.counts.update(invoice=counts.invoices, invoice_line=counts.lines, payment=counts.payments)
        stats.counts["stock_move"] += counts.deliveries
        _continue_series(db, ctx, counts.last_numbers)
        stats.counts["verifactu_record"] = build_chain(db, report)
    with db.session() as s:  # the moves were written in bulk: their levels are their sums
        rebuild_stock_levels(s)
        shortages = s.execute(select(StockLevel.product_id, StockLevel.quantity).where(
            StockLevel.warehouse_id == MAIN_WAREHOUSE, StockLevel.quantity < 0)).all()
    if shortages:
        put("stock_move", build_top_up_receipts(ctx, shortages, product_refs, supplier_refs))
    with db.session() as s:
        stats.counts["stock_level"] = rebuild_stock_levels(s)
    post_demo_count(db, ctx, stats.counts)  # through the service, after the levels are whole
    put("contract_billing", build_contract_billings(db, ctx))  # after the invoices they point at
    stats.elapsed = time.perf_counter() - started
    stats.database_bytes = bulk.database_size(db)
    return stats


def _continue_series(db: Database, ctx: DemoContext, last_numbers: dict[tuple[str, int], int]) -> None:
    """Point each series at this year's next free number, so posting continues the sequence."""
    year = ctx.today.year
    with db.session() as s:
        for code, *_rest in SERIES:
            s.execute(
                update(InvoiceSeries).where(InvoiceSeries.id == series_id(code)).values(
                    year=year, next_number=last_numbers.get((code, year), 0) + 1,
                    version=InvoiceSeries.version + 1, updated_by=DEMO_USER,
                ).execution_options(synchronize_session=False)
            )
