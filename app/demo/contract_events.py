"""The history of the demo contracts: created, activated, renewed (with indexed prices), notice, ended.

Runs on the contract rows before they are written, so the lifecycle columns
(current period, renewals, notice and termination) agree with the events.
Renewing contracts that started more than a period ago get one renewal per
period since their start, as refresh_statuses would have written them.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from app.demo.common import DemoContext, audit, stamp
from app.domain.enums import ContractEventKind as K
from app.domain.enums import ContractStatus as S
from app.services.contract_lifecycle import add_months

_REASONS = ("Impago reiterado", "Cierre del local", "Acuerdo entre las partes", "Cambio de proveedor")


def build_contract_events(ctx: DemoContext, contracts: list[dict], lines: list[dict]) -> list[dict]:
    """Event rows for ``contracts``; fills their period_start, renewals, notice and termination columns."""
    rng = ctx.rng("contract_events")
    by_contract: dict = {}
    for ln in lines:
        by_contract.setdefault(ln["contract_id"], []).append(ln)
    events: list[dict] = []

    def add(c: dict, kind: K, day: dt.date, **kw) -> None:
        at = stamp(min(day, ctx.today), rng)
        events.append({**audit(rng, at), "contract_id": c["id"], "kind": kind, "date": day, "period_start": None,
                       "period_end": None, "percent": None, "note": None, "details": None, "at": at, **kw})

    for c in contracts:
        c.update(period_start=c["start_date"], renewals=0, notice_given_on=None, terminated_on=None,
                 termination_reason=None)
        add(c, K.CREATED, min(c["created_at"].date(), ctx.today), details={"status": S.DRAFT.value})
        if c["status"] == S.DRAFT:
            continue
        add(c, K.ACTIVATED, c["start_date"], period_start=c["start_date"], period_end=c["end_date"])
        if c["auto_renew"] and c["end_date"]:
            _renewals(c, by_contract.get(c["id"], []), add, ctx.today)
        if c["status"] == S.NOTICE_GIVEN:
            day = max(c["period_start"], c["end_date"] - dt.timedelta(days=max(c["notice_days"], 1) + rng.randrange(0, 20)))
            c["notice_given_on"] = min(day, ctx.today)
            add(c, K.NOTICE_GIVEN, c["notice_given_on"], period_start=c["period_start"], period_end=c["end_date"],
                note="Comunicado por escrito")
        elif c["status"] == S.ENDED and c["end_date"]:
            add(c, K.ENDED, c["end_date"], period_start=c["period_start"], period_end=c["end_date"])
        elif c["status"] == S.TERMINATED:
            c["terminated_on"] = c["end_date"] or ctx.today
            c["termination_reason"] = rng.choice(_REASONS)
            add(c, K.TERMINATED, c["terminated_on"], period_start=c["period_start"], period_end=c["terminated_on"],
                note=c["termination_reason"])
    return events


def _renewals(c: dict, lines: list[dict], add, today: dt.date) -> None:
    """Split start..end into yearly periods ending at end_date; each start after the first is a renewal."""
    months = c["renewal_months"] or 12
    starts = []
    start = add_months(c["end_date"] + dt.timedelta(days=1), -months)
    while start > c["start_date"] and len(starts) < 10:
        starts.append(start)
        start = add_months(start, -months)
    starts = [s for s in reversed(starts) if s <= today]  # renewals still to come are not history
    percent = c["indexation_percent"]
    # Prices now are after every indexation: walk them back to the first period's.
    factor = (1 + percent / 100) if percent else None
    prices = [ln["unit_price"] for ln in lines]
    history = [prices]
    for _s in starts:
        if factor:
            prices = [(p / factor).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP) for p in prices]
        history.append(prices)
    history.reverse()  # history[i] = prices during period i
    for i, start in enumerate(starts):
        end = add_months(start, months) - dt.timedelta(days=1)
        add(c, K.RENEWED, start, period_start=start, period_end=end,
            details={"automatic": True, "renewal": i + 1})
        if factor:
            add(c, K.INDEXED, start, period_start=start, period_end=end, percent=percent,
                details={"lines": [{"position": ln["position"], "description": ln["description"], "old": str(old),
                                    "new": str(new)} for ln, old, new in zip(lines, history[i], history[i + 1])]})
    if starts:
        c["period_start"], c["renewals"] = starts[-1], len(starts)
