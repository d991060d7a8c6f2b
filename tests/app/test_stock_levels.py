"""Stock on hand is the truth: levels kept with every move, valued at weighted average cost,
the negative-stock policy, and the stock that invoices, credit notes and cancellations move."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from app.domain.company import Company
from app.domain.enums import NegativeStockPolicy
from app.domain.inventory import StockLevel, StockMove
from app.errors import NegativeStockWarning, ValidationError
from app.services import inventory, invoices
from app.services.corrections import CreditLine, cancel_invoice, create_credit_note
from app.services.inventory import ProductData, StockMoveData, StockRuleData, WarehouseData
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.listing import ListQuery
from app.services.posting import post_invoice
from app.services.setup import fixed_id, tax_rate_id
from tests.app.invoicing import customer

D = Decimal
MAIN = fixed_id("warehouse", "MAIN")
DAY = dt.date(2026, 3, 2)


def _company(db, policy=NegativeStockPolicy.WARN) -> None:
    with db.session() as s:
        s.add(Company(legal_name="Suministros Ebro SL", tax_id="B50000000", street="Calle Mayor 1",
                      postal_code="50001", city="Zaragoza", negative_stock=policy))


def _product(db, sku="TORN-6", **kw):
    kw.setdefault("name", "Tornillo 6 mm")
    kw.setdefault("tax_rate_id", tax_rate_id("IVA21"))
    return inventory.create_product(db, ProductData(sku=sku, **kw))


def _receive(db, product, qty, cost, wh=MAIN, day=DAY):
    return inventory.record_move(db, StockMoveData(kind="receipt", product_id=product.id, quantity=qty,
                                                   unit_cost=cost, to_warehouse_id=wh, date=day))


def _deliver(db, product, qty, wh=MAIN, day=DAY, **kw):
    return inventory.record_move(db, StockMoveData(kind="delivery", product_id=product.id, quantity=qty,
                                                   from_warehouse_id=wh, date=day), **kw)


def _level(db, product, wh=MAIN) -> tuple[Decimal, Decimal, Decimal | None]:
    with db.session() as s:
        level = s.get(StockLevel, (product.id, wh))
        return (level.quantity, level.value, level.avg_cost) if level else (D(0), D(0), None)


def _moves(db) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(StockMove)).scalar_one()


# -- levels and valuation -----------------------------------------------------------------------

def test_weighted_average_cost_moves_with_receipts_and_not_with_deliveries(db):
    _company(db)
    p = _product(db)
    north = inventory.create_warehouse(db, WarehouseData(code="NOR", name="Norte")).id
    _receive(db, p, "10", "2.00")
    _receive(db, p, "30", "4.00")  # (20 + 120) / 40 = 3.50
    assert _level(db, p) == (D("40"), D("140"), D("3.5"))
    out = _deliver(db, p, "4")
    assert out.unit_cost == D("3.5") and _level(db, p)[:2] == (D("36"), D("126"))
    moved = inventory.record_move(db, StockMoveData(kind="transfer", product_id=p.id, quantity="6",
                                                    from_warehouse_id=MAIN, to_warehouse_id=north))
    assert moved.unit_cost == D("3.5")
    assert _level(db, p, north) == (D("6"), D("21"), D("3.5"))  # the value travels with the goods
    _receive(db, p, "6", "5.00", wh=north)  # (21 + 30) / 12
    assert _level(db, p, north) == (D("12"), D("51"), D("4.25"))
    assert _level(db, p)[2] == D("3.5")  # another warehouse's receipt changes nothing here
    report = inventory.check_stock_levels(db)
    assert report.ok and report.moves == 5


def test_emptying_a_warehouse_leaves_no_value_behind_despite_rounding(db):
    _company(db)
    p = _product(db)
    _receive(db, p, "3", "1.00")
    _receive(db, p, "3", "1.01")  # 6.03 / 6 = 1.005 average
    for _ in range(5):
        _deliver(db, p, "1")
    _deliver(db, p, "1")
    assert _level(db, p)[:2] == (D(0), D(0))
    assert inventory.check_stock_levels(db).ok


def test_stock_value_per_warehouse_today_and_as_of_a_past_date(db):
    _company(db)
    a, b = _product(db, "A"), _product(db, "B")
    _receive(db, a, "10", "2.00", day=dt.date(2026, 1, 10))
    _receive(db, b, "5", "10.00", day=dt.date(2026, 2, 10))
    _deliver(db, a, "4", day=dt.date(2026, 3, 10))
    today = {w.code: w for w in inventory.stock_value(db)}
    assert today["MAIN"].value == D("62.00") and today["MAIN"].products == 2
    january = {w.code: w for w in inventory.stock_value(db, dt.date(2026, 1, 31))}
    assert january["MAIN"].value == D("20.00") and january["MAIN"].products == 1
    assert {w.code: w.value for w in inventory.stock_value(db, dt.date(2026, 12, 31))} == \
        {w.code: w.value for w in inventory.stock_value(db)}
    assert inventory.stock_on_hand(db, a.id, on_date=dt.date(2026, 2, 1)) == D("10")
    assert inventory.stock_on_hand(db, a.id) == D("6")


def test_a_reversal_takes_back_exactly_the_value_the_move_carried(db):
    _company(db)
    p = _product(db)
    _receive(db, p, "10", "2.00")
    wrong = _receive(db, p, "10", "5.00")  # typed the wrong cost
    inventory.reverse_move(db, wrong.id, "wrong cost")
    assert _level(db, p)[:2] == (D("10"), D("20"))
    assert inventory.check_stock_levels(db).ok


# -- the proof, and the command -----------------------------------------------------------------

def test_stock_check_names_a_level_that_is_not_the_sum_of_its_moves(db, tmp_path):
    _company(db)
    p = _product(db)
    _receive(db, p, "10", "2.00")
    assert inventory.check_stock_levels(db).ok
    with db.session() as s:  # someone edits the table behind the app's back
        s.execute(update(StockLevel).values(quantity=D("11")))
    report = inventory.check_stock_levels(db)
    assert not report.ok
    (diff,) = report.differences
    assert (diff.sku, diff.warehouse, diff.level_quantity, diff.moves_quantity) == ("TORN-6", "MAIN", D(11), D(10))


def test_stock_check_command_exit_codes(sqlite_db, tmp_path):
    _company(sqlite_db)
    p = _product(sqlite_db)
    _receive(sqlite_db, p, "10", "2.00")
    path = sqlite_db.engine.url.database
    run = [sys.executable, "main.py", "--db", path, "stock", "check"]
    ok = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "Stock OK: 1 stock levels equal the sum of 1 moves" in ok.stdout
    with sqlite_db.session() as s:
        s.execute(update(StockLevel).values(value=D("19.99")))
    bad = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1
    assert "TORN-6 in MAIN" in bad.stdout and "19.9900" in bad.stdout


# -- negative stock policy ----------------------------------------------------------------------

def test_warn_policy_asks_first_and_writes_nothing_until_confirmed(db):
    _company(db)  # warn is the default
    p = _product(db)
    _receive(db, p, "1", "2.00")
    before = _moves(db)
    with pytest.raises(NegativeStockWarning) as err:
        _deliver(db, p, "3")
    (short,) = err.value.shortages
    assert (short.warehouse, short.on_hand, short.wanted) == ("MAIN", D(1), D(3))
    assert "TORN-6" in str(err.value)
    assert _moves(db) == before and _level(db, p)[0] == D(1)
    _deliver(db, p, "3", allow_negative=True)
    assert _level(db, p)[0] == D(-2)
    assert inventory.check_stock_levels(db).ok


def test_refuse_policy_names_the_quantity_field(db):
    _company(db, NegativeStockPolicy.REFUSE)
    p = _product(db)
    _receive(db, p, "2", "2.00")
    with pytest.raises(ValidationError) as err:
        _deliver(db, p, "3", allow_negative=True)  # the clerk cannot override a refusal
    assert err.value.field == "quantity" and "does not allow negative stock" in str(err.value)
    assert _level(db, p)[0] == D(2)


def test_a_receipt_filling_a_shortage_exactly_leaves_no_value(db):
    _company(db)
    p = _product(db, cost="3.00")
    _deliver(db, p, "2", allow_negative=True)  # valued at the product's cost: -6
    assert _level(db, p) == (D(-2), D(-6), D(3))
    _receive(db, p, "2", "4.00")
    assert _level(db, p)[:2] == (D(0), D(0))
    assert inventory.check_stock_levels(db).ok


# -- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize("qty, field", [("abc", "quantity"), ("-3", "quantity"), ("0", "quantity"),
                                        ("1,23456", "quantity")])
def test_a_bad_quantity_is_named_and_nothing_is_written(db, qty, field):
    _company(db)
    p = _product(db)
    with pytest.raises(ValidationError) as err:
        _receive(db, p, qty, "2.00")
    assert field in err.value.fields
    assert _moves(db) == 0 and _level(db, p)[0] == D(0)


def test_a_transfer_to_the_same_warehouse_is_refused(db):
    _company(db)
    p = _product(db)
    with pytest.raises(ValidationError) as err:
        inventory.record_move(db, StockMoveData(kind="transfer", product_id=p.id, quantity="1",
                                                from_warehouse_id=MAIN, to_warehouse_id=MAIN))
    assert err.value.field == "to_warehouse_id"
    assert _moves(db) == 0


# -- reorder rules per warehouse ----------------------------------------------------------------

def test_to_reorder_lists_products_at_or_below_their_point_with_the_suggested_quantity(db):
    _company(db)
    north = inventory.create_warehouse(db, WarehouseData(code="NOR", name="Norte")).id
    low, fine, service = _product(db, "LOW"), _product(db, "FINE"), _product(db, "SRV", kind="service")
    _receive(db, low, "3", "1.00")
    _receive(db, fine, "30", "1.00")
    inventory.set_stock_rule(db, StockRuleData(low.id, MAIN, "A-01", "5", "50"))
    inventory.set_stock_rule(db, StockRuleData(low.id, north, None, "2", None))  # 0 on hand: order up to 2
    inventory.set_stock_rule(db, StockRuleData(fine.id, MAIN, None, "5", "50"))
    with pytest.raises(ValidationError) as err:
        inventory.set_stock_rule(db, StockRuleData(service.id, MAIN, None, "1", None))
    assert err.value.field == "product_id"
    with pytest.raises(ValidationError) as err:
        inventory.set_stock_rule(db, StockRuleData(fine.id, MAIN, None, "10", "5"))
    assert err.value.field == "reorder_target"

    due = ListQuery(filters={"below_reorder": True})
    rows = inventory.list_products(db, due).rows
    assert [r["sku"] for r in rows] == ["LOW"]
    assert rows[0]["to_order"] == D("49")  # (50 - 3) in MAIN + (2 - 0) in NOR
    assert inventory.count_products(db, due) == 1
    by_wh = {w.code: w for w in inventory.stock_by_warehouse(db, low.id)}
    assert (by_wh["MAIN"].location, by_wh["MAIN"].to_order, by_wh["NOR"].to_order) == ("A-01", D(47), D(2))
    _receive(db, low, "10", "1.00")
    assert inventory.count_products(db, due) == 1  # NOR is still empty
    inventory.set_stock_rule(db, StockRuleData(low.id, north))  # an empty rule is removed
    assert inventory.count_products(db, due) == 0


# -- invoices move stock ------------------------------------------------------------------------

def _invoice(db, lines, **kw):
    party = customer(db, street="Calle Alta 3", postal_code="28001", city="Madrid")
    return invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=party, lines=[
        InvoiceLineData(product_id=p.id, quantity=q) for p, q in lines], **kw))


def test_posting_delivers_the_stocked_lines_and_a_credit_note_brings_them_back(db):
    _company(db)
    bolt, work = _product(db, "BOLT", sale_price="1.00"), _product(db, "WORK", kind="service", sale_price="30")
    north = inventory.create_warehouse(db, WarehouseData(code="NOR", name="Norte")).id
    _receive(db, bolt, "10", "0.40")
    _receive(db, bolt, "10", "0.40", wh=north)
    inv = post_invoice(db, _invoice(db, [(bolt, "4"), (work, "1")]).id)
    assert _level(db, bolt)[0] == D(6)  # the default warehouse; the service moved nothing
    other = post_invoice(db, _invoice(db, [(bolt, "3")], warehouse_id=north).id)
    assert _level(db, bolt, north)[0] == D(7)
    (delivery,) = inventory.list_moves(db, ListQuery(filters={"kind": "delivery", "warehouse_id": MAIN})).rows
    assert delivery["reference"] == inv.full_number

    note = create_credit_note(db, inv.id, "R1", lines=[CreditLine(inv.lines[0].id, "1")])
    post_invoice(db, note.id)
    assert _level(db, bolt) == (D(7), D("2.80"), D("0.4"))  # back at what it left at
    price_fix = create_credit_note(db, other.id, "R1", returns_goods=False)
    post_invoice(db, price_fix.id)
    assert _level(db, bolt, north)[0] == D(7)
    assert inventory.check_stock_levels(db).ok


def test_cancelling_an_invoice_brings_its_goods_back(db):
    _company(db)
    bolt = _product(db, "BOLT", sale_price="1.00")
    _receive(db, bolt, "10", "0.40")
    inv = post_invoice(db, _invoice(db, [(bolt, "4")]).id)
    cancel_invoice(db, inv.id, "wrong customer")
    assert _level(db, bolt)[0] == D(10)
    moves = inventory.list_moves(db, ListQuery(filters={"product_id": bolt.id})).rows
    assert sum(1 for m in moves if m["reverses_id"] is not None) == 1
    assert inventory.check_stock_levels(db).ok


def test_posting_short_of_stock_follows_the_policy_and_numbers_nothing_until_confirmed(db):
    _company(db)
    bolt = _product(db, "BOLT", sale_price="1.00")
    _receive(db, bolt, "1", "0.40")
    draft = _invoice(db, [(bolt, "2")])
    with pytest.raises(NegativeStockWarning):
        post_invoice(db, draft.id)
    assert invoices.get_invoice(db, draft.id).status == "draft" and _level(db, bolt)[0] == D(1)
    posted = post_invoice(db, draft.id, allow_negative=True)
    assert posted.full_number and _level(db, bolt)[0] == D(-1)

    with db.session() as s:
        s.execute(update(Company).values(negative_stock=NegativeStockPolicy.REFUSE))
    again = _invoice(db, [(bolt, "1")])
    with pytest.raises(ValidationError) as err:
        post_invoice(db, again.id, allow_negative=True)
    assert err.value.field == "lines[0].quantity"


def test_moves_stock_off_posts_without_moving_anything(db):
    _company(db)
    bolt = _product(db, "BOLT", sale_price="1.00")
    post_invoice(db, _invoice(db, [(bolt, "5")], moves_stock=False).id)
    assert _moves(db) == 0


def test_no_path_through_the_orm_changes_or_deletes_a_done_move(db):
    _company(db)
    p = _product(db)
    move = _receive(db, p, "10", "2.00")
    with pytest.raises(ValidationError) as err:
        with db.session() as s:
            s.get(StockMove, move.id).quantity = D("11")
    assert err.value.field == "move_id"
    with pytest.raises(ValidationError):
        with db.session() as s:
            s.delete(s.get(StockMove, move.id))
    assert inventory.get_move(db, move.id).quantity == D("10") and inventory.check_stock_levels(db).ok


def test_a_rule_someone_made_meanwhile_is_a_conflict_not_overwritten(db):
    from app.errors import ConflictError

    _company(db)
    p = _product(db)
    first = inventory.set_stock_rule(db, StockRuleData(p.id, MAIN, "A-01", "5", None), expected_version=0)
    with pytest.raises(ConflictError):  # this clerk's form had read no rule
        inventory.set_stock_rule(db, StockRuleData(p.id, MAIN, "B-02", "9", None), expected_version=0)
    with pytest.raises(ConflictError):
        inventory.set_stock_rule(db, StockRuleData(p.id, MAIN, "B-02", "9", None), expected_version=7)
    assert inventory.stock_by_warehouse(db, p.id)[0].location == "A-01"
    again = inventory.set_stock_rule(db, StockRuleData(p.id, MAIN, "B-02", "9", None),
                                     expected_version=first.rule_version)
    assert (again.location, again.reorder_point, again.rule_version) == ("B-02", D(9), 2)


def test_the_due_flag_follows_moves_and_rules_and_the_check_proves_it(db):
    from app.services.stock import due_for_reorder

    _company(db)
    p = _product(db)
    inventory.set_stock_rule(db, StockRuleData(p.id, MAIN, None, "5", "20"))
    with db.session() as s:
        assert s.scalars(due_for_reorder()).all() == [p.id]  # nothing on hand yet
    _receive(db, p, "6", "1.00")
    with db.session() as s:
        assert s.scalars(due_for_reorder()).all() == []
    _deliver(db, p, "1")
    with db.session() as s:
        assert s.scalars(due_for_reorder()).all() == [p.id]
        s.execute(update(StockLevel).values(due=False))  # a broken flag
    (diff,) = inventory.check_stock_levels(db).differences
    assert (diff.level_due, diff.rule_due, diff.level_quantity) == (False, True, D(5))
    if db.dialect == "sqlite":  # the filter reads the partial index, not every level
        with db.engine.connect() as conn:
            sql = str(due_for_reorder().compile(db.engine, compile_kwargs={"literal_binds": True}))
            plan = " ".join(str(r) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "ix_stock_level_due" in plan


def test_the_shortage_warning_survives_a_trip_to_another_process():
    import pickle

    from app.errors import Shortage

    warning = NegativeStockWarning([Shortage("TORN-6 - Tornillo", "MAIN", D("1.0000"), D("3"))])
    back = pickle.loads(pickle.dumps(warning))
    assert back.shortages == warning.shortages and str(back) == str(warning)
    assert "1 on hand in MAIN, 3 wanted" in str(back)
