"""The demo's stock count: last stocktaking of the main warehouse, posted.

Written through ``app.services.stock_counts`` after the bulk load (and after
the stock levels were rebuilt from the moves), so its adjustments, the stock
levels and their value agree exactly as they do for a clerk's count. The
counted quantities come from the seed: most lines match, about one in eight is
off by a few units. Only lines holding stock get a difference, so no new stock
level row appears.
"""

from __future__ import annotations

from decimal import Decimal

from app.db.session import Database
from app.demo.catalog import MAIN_WAREHOUSE
from app.demo.common import DemoContext
from app.services import stock_counts
from app.services.listing import ListQuery


def post_demo_count(db: Database, ctx: DemoContext, counts: dict[str, int]) -> None:
    """Start, count and post one stock count of the main warehouse dated ``ctx.today``; add its rows to ``counts``."""
    rng = ctx.rng("stock-count")
    count = stock_counts.start_count(db, MAIN_WAREHOUSE, date=ctx.today, notes="Inventario anual (demo)")
    entries, after = [], None
    while True:
        page = stock_counts.list_count_lines(db, count.id, ListQuery(limit=2_000, after=after))
        for row in page.rows:
            expected: Decimal = row["expected"]
            counted = expected
            if expected > 0 and rng.random() < 0.125:
                counted = max(Decimal(0), expected + rng.choice((-3, -2, -1, -1, 1, 2)))
            entries.append((row["__id"], counted))
        if not page.has_more:
            break
        after = page.next_after
    if entries:
        stock_counts.set_counted(db, count.id, entries)
    result = stock_counts.post_count(db, count.id, uncounted="skip", date=ctx.today)
    counts["stock_count"] = counts.get("stock_count", 0) + 1
    counts["stock_count_line"] = counts.get("stock_count_line", 0) + result.count.lines
    counts["stock_move"] = counts.get("stock_move", 0) + result.adjustments
