"""The hot loop: one chunk of invoices with their lines, payments and deliveries.

Kept as one long function on purpose: at a million invoices every attribute
lookup and call counts, so tables are bound to locals and the totals are
integer arithmetic (amount in cents = quantity4 x price4 x (10^6 - discount4)
/ 10^12, half-up; tax cents = base x percent4 / 10^6, half-up).
"""

from __future__ import annotations

from app.demo.calendar import TIMES
from app.demo.common import DEMO_USER, uuid_hex

_LINES_PER_INVOICE = (1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5)  # 1-5, three on average
_REASONS = ("R1",) * 7 + ("R2",) + ("R3",) * 2 + ("R4",) * 10
_LINE_DIV = 10**12
_LINE_HALF = _LINE_DIV // 2
_PCT_DIV = 10**6
_PCT_HALF = _PCT_DIV // 2


def build_chunk(gen, index: int, first: int, last: int, last_numbers: dict[tuple[str, int], int]):
    """Rows for invoices ``first``..``last - 1``; ``last_numbers`` carries numbering across chunks."""
    rng = gen.ctx.rng(f"invoices:{index}")
    rb, rand = rng.getrandbits, rng.random
    cal = gen.cal
    day_of, day_str, year_of, today = cal.day_of, cal.day_str, cal.year, cal.today_index
    first_of_day, per_day = cal.first_of_day, cal.per_day
    money, scaled4, taxes, zero4 = gen.money, gen.store.scaled4, gen.taxes, gen.zero4
    tax_by_id = {t[0]: t for t in taxes.values()}
    customers, cust_table, cust_bits = gen.customers, gen.cust_table, gen.cust_bits
    products, prod_table, prod_bits = gen.products, gen.prod_table, gen.prod_bits
    retail_table, retail_bits = gen.retail_table, gen.retail_bits
    discounts, deliver_below, main_wh = gen.discounts, gen.delivery_threshold, gen.main_wh
    series = gen.series
    exempt_e5 = taxes["EXENTO_E5"]
    n_times = len(TIMES)
    invoices: list[tuple] = []
    lines: list[tuple] = []
    payments: list[tuple] = []
    moves: list[tuple] = []
    credit_candidates: list[tuple] = []  # posted F invoices of this chunk: (id, number, customer, specs, row)
    owed_at: dict[int, list[int]] = {}  # their row in ``invoices`` -> [total, paid] in cents, for credit notes

    for i in range(first, last):
        d = day_of[i]
        ts = f"{day_str[d]} {TIMES[(i - first_of_day[d]) * n_times // per_day[d]]}"
        age = today - d
        r = rand()
        inv_id = uuid_hex(rb(128))
        if r < 0.08:
            kind, code = "simplified", "S"
        elif r < 0.10 and credit_candidates:
            kind, code = "credit_note", "R"
        else:
            kind, code = "invoice", "F"
        status = "posted"
        if kind == "invoice":
            if (age < 7 and r > 0.55) or (age < 30 and r > 0.88):
                status = "draft"
            elif r > 0.992:
                status = "cancelled"

        corrected = reason = notes = None
        specs: list[tuple] = []  # (product, (quantity4, stored), discount index, tax tuple)
        if kind == "credit_note":
            corrected, corrected_number, cust, original, corrected_row = \
                credit_candidates[-1 - rb(10) % len(credit_candidates)]
            reason = _REASONS[rb(10) % 20]
            notes = f"Rectifica la factura {corrected_number}"
            chosen = original if rand() < 0.4 else (original[rb(8) % len(original)],)
            specs = [(p, (-q[0], scaled4(-q[0])), di, tx) for p, q, di, tx in chosen]
        elif kind == "simplified":
            cust = None
            for _ in range(1 + rb(8) % 3):
                p = products[retail_table[rb(retail_bits)]]
                specs.append((p, p[5][rb(4)], 0, taxes[p[4]]))
        else:
            cust = customers[cust_table[rb(cust_bits)]]
            eu = cust[8]
            for _ in range(_LINES_PER_INVOICE[rb(4)]):
                p = products[prod_table[rb(prod_bits)]]
                specs.append((p, p[5][rb(4)], rb(4), exempt_e5 if eu else taxes[p[4]]))

        recargo = cust is not None and cust[4]
        irpf4 = cust[5] if cust is not None else 0
        bases: dict[str, int] = {}
        pos = 0
        for p, (q4, q_store), di, tx in specs:
            d4, d_store = discounts[di]
            x = q4 * p[2] * (1_000_000 - d4)
            amount = (x + _LINE_HALF) // _LINE_DIV if x >= 0 else -((_LINE_HALF - x) // _LINE_DIV)
            bases[tx[0]] = bases.get(tx[0], 0) + amount
            lines.append((uuid_hex(rb(128)), 1, ts, ts, DEMO_USER, inv_id, pos, p[0], p[1],
                          q_store, p[3], d_store, tx[0],
                          tx[2], tx[4] if recargo else zero4, money(amount)))
            pos += 1
            if q4 > 0 and p[6] and status == "posted" and rb(20) < deliver_below:
                moves.append((uuid_hex(rb(128)), 1, ts, ts, DEMO_USER, "delivery", p[0], main_wh, None,
                               q_store, p[7], scaled4((q4 * p[8] + 5_000) // 10_000), day_str[d], None, None, inv_id,
                               cust[0] if cust else None, None))
        base = tax = re = 0
        for tax_id, b in bases.items():
            tx = tax_by_id[tax_id]
            x = b * tx[1]
            tax += (x + _PCT_HALF) // _PCT_DIV if x >= 0 else -((_PCT_HALF - x) // _PCT_DIV)
            if recargo:
                x = b * tx[3]
                re += (x + _PCT_HALF) // _PCT_DIV if x >= 0 else -((_PCT_HALF - x) // _PCT_DIV)
            base += b
        x = base * irpf4
        irpf = (x + _PCT_HALF) // _PCT_DIV if x >= 0 else -((_PCT_HALF - x) // _PCT_DIV)
        total = base + tax + re - irpf

        fiscal = number = full = posted_at = None
        if status != "draft":
            fiscal = year_of[d]
            key = (code, fiscal)
            number = last_numbers.get(key, 0) + 1
            last_numbers[key] = number
            full = f"{series[code][1]}{fiscal}-{number:06d}"
            posted_at = ts
        if kind == "invoice" and status == "posted":
            credit_candidates.append((inv_id, full, cust, specs, len(invoices)))  # its row, appended below
            if len(credit_candidates) > 400:
                del credit_candidates[:200]

        # Payments: what was due is mostly paid, late payers pay late, some never do.
        paid = 0
        updated = ts
        if kind == "simplified":
            due = d
            payments.append((uuid_hex(rb(128)), 1, ts, ts, DEMO_USER, inv_id, day_str[d], money(total),
                             "cash" if rb(2) else "card", None))
            paid = total
        elif kind == "credit_note":
            due = d
            # As posting does (payments.settle_with_credit): the credit settles what is still owed on the
            # invoice it corrects. Its id comes from the credit note's, not the random stream, so the rest
            # of the demo is the same with or without it.
            owed = owed_at[corrected_row]
            settled = min(-total, owed[0] - owed[1])
            if settled > 0:
                payments.append((uuid_hex(int(inv_id, 16) ^ 0xC4ED17), 1, ts, ts, DEMO_USER, corrected, day_str[d],
                                 money(settled), "credit_note", full))
                owed[1] += settled
                invoices[corrected_row] = invoices[corrected_row][:-1] + (money(owed[1]),)
        elif cust is None:
            due = d
        else:
            terms = cust[7]
            due = d + terms[-1]
            if status == "posted":
                k = len(terms)
                share = total // k
                for n, days in enumerate(terms):
                    amount = share if n < k - 1 else total - share * (k - 1)
                    when = d + days + cust[10] + rb(3)
                    if when > today:
                        if d + days <= today or rb(2):
                            continue  # overdue and still unpaid, or not due and not paid early
                        when = d + rb(8) % (today - d + 1)  # one in four pays before it falls due
                    elif rb(5) == 0:
                        continue  # one instalment in 32 is never paid
                    pts = f"{day_str[when]} {TIMES[rb(16) % n_times]}"
                    payments.append((uuid_hex(rb(128)), 1, pts, pts, DEMO_USER, inv_id, day_str[when],
                                     money(amount), cust[9], full))
                    paid += amount
                    updated = pts if pts > updated else updated
        invoices.append((
            inv_id, 1, ts, updated, DEMO_USER, kind, status, series[code][0], fiscal, number, full,
            cust[0] if cust else None, cust[1] if cust else "Venta de mostrador", cust[2] if cust else None,
            cust[3] if cust else None, day_str[d], None, day_str[due], posted_at, "EUR", recargo,
            cust[6] if cust is not None and irpf4 else None, corrected, reason, notes,
            money(base), money(tax), money(re), money(irpf), money(total), money(paid),
        ))
        if kind == "invoice" and status == "posted":
            owed_at[len(invoices) - 1] = [total, paid]
    return invoices, lines, payments, moves
