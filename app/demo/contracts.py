"""Contracts with customers, suppliers and employees, with their price lines.

The mix: ~55% customer service contracts, ~25% supplier contracts, ~20%
employment contracts (one per employee at most). About one in ten ends within
the next 30 days, so the "expiring soon" views have something to show.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from decimal import Decimal

from app.demo import names
from app.demo.catalog import ProductRef
from app.demo.common import DemoContext, audit, cents, stamp
from app.demo.parties import PartyRef
from app.demo.people import EmployeeRef
from app.domain.enums import BillingFrequency, ContractKind, ContractStatus, ProductKind
from app.services.setup import tax_rate_id

_PERIODS = {BillingFrequency.MONTHLY: 12, BillingFrequency.QUARTERLY: 4, BillingFrequency.YEARLY: 1,
            BillingFrequency.ONE_OFF: 1}


def _period_end(day: dt.date, frequency: BillingFrequency, start: dt.date) -> dt.date:
    """Last day of the last whole billing period before ``day``."""
    months = {BillingFrequency.MONTHLY: 1, BillingFrequency.QUARTERLY: 3}.get(frequency, 12)
    elapsed = ((day.year - start.year) * 12 + day.month - start.month) // months * months
    year, month = divmod(start.month - 1 + elapsed, 12)
    return dt.date(start.year + year, month + 1, 1) - dt.timedelta(days=1)


def _dates(ctx: DemoContext, rng: random.Random) -> tuple[dt.date, dt.date | None, ContractStatus]:
    r = rng.random()
    start = ctx.random_day(rng, first=ctx.start - dt.timedelta(days=700))
    if r < 0.10:  # ends within 30 days
        return start, ctx.today + dt.timedelta(days=rng.randrange(1, 31)), \
            rng.choice((ContractStatus.ACTIVE, ContractStatus.NOTICE_GIVEN))
    if r < 0.25:
        return start, ctx.random_day(rng, first=min(start + dt.timedelta(days=90), ctx.today)), ContractStatus.ENDED
    if r < 0.28:
        return start, ctx.random_day(rng, first=min(start + dt.timedelta(days=30), ctx.today)), ContractStatus.TERMINATED
    if r < 0.33:
        start = ctx.today + dt.timedelta(days=rng.randrange(5, 60))
        return start, start + dt.timedelta(days=365), ContractStatus.DRAFT
    end = None if rng.random() < 0.4 else ctx.today + dt.timedelta(days=rng.randrange(31, 700))
    return start, end, ContractStatus.ACTIVE


def build_contracts(ctx: DemoContext, count: int, customers: list[PartyRef], suppliers: list[PartyRef],
                    employees: list[EmployeeRef], products: list[ProductRef]) -> tuple[list[dict], list[dict], list[dict]]:
    rng = ctx.rng("contracts")
    employment = min(len(employees), count // 5)
    supplier_count = min(count - employment, max(1, count // 4)) if suppliers else 0
    services = [p for p in products if p.kind == ProductKind.SERVICE] or products
    contracts: list[dict] = []
    lines: list[dict] = []
    attachments: list[dict] = []
    for n in range(count):
        start, end, status = _dates(ctx, rng)
        created = stamp(min(start, ctx.today), rng)
        row = {**audit(rng, created), "party_id": None, "employee_id": None, "reference": f"CT-{n + 1:05d}",
               "start_date": start, "end_date": end, "status": status, "notes": None, "archived_at": None,
               "auto_renew": False, "renewal_months": None, "notice_days": rng.choice((0, 15, 30, 30, 60, 90)),
               "value": None, "billing_frequency": None, "billing_day": None, "billed_until": None,
               "indexation_percent": None}
        if n < employment:
            emp = employees[n]
            # A temporary contract still running, or the employee's real leaving date.
            end = emp.end_date or (end if end and end > ctx.today else None)
            status = ContractStatus.ENDED if emp.end_date else (
                status if status == ContractStatus.NOTICE_GIVEN and end else ContractStatus.ACTIVE)
            row.update(kind=ContractKind.EMPLOYMENT, employee_id=emp.id, value=emp.salary,
                       title=f"Contrato {'indefinido' if end is None else 'temporal'} — {emp.name}",
                       start_date=emp.hire_date, end_date=end, status=status)
            contracts.append(row)
            attachments.append(_attachment(rng, row))
            continue
        supplier = n < employment + supplier_count
        party = rng.choice(suppliers if supplier else customers)
        frequency = rng.choices(list(BillingFrequency), weights=(60, 20, 15, 5))[0]
        row.update(kind=ContractKind.SUPPLIER if supplier else ContractKind.CUSTOMER, party_id=party.id,
                   title=f"{rng.choice(names.SUPPLIER_CONTRACTS if supplier else names.CUSTOMER_CONTRACTS)} — {party.name}"[:200],
                   billing_frequency=frequency, billing_day=rng.choice((1, 1, 5, 15)),
                   auto_renew=end is not None and rng.random() < 0.5,
                   indexation_percent=Decimal(rng.choice(("2.5", "3", "3.2"))) if rng.random() < 0.3 else None)
        if row["auto_renew"]:
            row["renewal_months"] = 12
        if status in (ContractStatus.ACTIVE, ContractStatus.NOTICE_GIVEN, ContractStatus.ENDED) and start < ctx.today:
            row["billed_until"] = _period_end(min(ctx.today, end or ctx.today), frequency, start)
            if row["billed_until"] < start:
                row["billed_until"] = None
        period_total = 0
        for pos in range(rng.randrange(1, 4)):
            product = rng.choice(services if rng.random() < 0.8 else products)
            qty = rng.choice((1, 1, 1, 2, 4, 10))
            price4 = cents(rng, 1500, 60000) * 100 if supplier else product.price4
            period_total += qty * price4
            lines.append({**audit(rng, created), "contract_id": row["id"], "position": pos,
                          "product_id": None if supplier else product.id,
                          "description": product.name if not supplier else f"Cuota {row['title'].split(' — ')[0].lower()}",
                          "quantity": Decimal(qty), "unit_price": Decimal(price4).scaleb(-4),
                          "tax_rate_id": tax_rate_id("IVA21" if supplier else product.tax_code)})
        # Yearly value of the price lines, rounded to cents.
        row["value"] = (Decimal(period_total * _PERIODS[frequency]) / 10_000).quantize(Decimal("0.01"))
        contracts.append(row)
        if rng.random() < 0.3:
            attachments.append(_attachment(rng, row))
    return contracts, lines, attachments


def _attachment(rng: random.Random, contract: dict) -> dict:
    """A short conditions annex: files live in the database, so demo ones do too."""
    body = (f"{contract['title']}\nReferencia: {contract['reference']}\n"
            f"Inicio: {contract['start_date']:%d/%m/%Y}\n"
            f"Fin: {contract['end_date']:%d/%m/%Y}\n" if contract["end_date"] else
            f"{contract['title']}\nReferencia: {contract['reference']}\nInicio: {contract['start_date']:%d/%m/%Y}\n")
    data = (body + "Las partes aceptan las condiciones generales anexas.\n").encode()
    return {**audit(rng, contract["created_at"]), "contract_id": contract["id"],
            "filename": f"condiciones-{contract['reference']}.txt", "mime_type": "text/plain",
            "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "data": data}
