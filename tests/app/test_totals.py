"""The money rules every invoice, PDF and report rests on."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from app.money import round_money
from app.services.totals import LineInput, compute_totals, line_amount


def test_line_amount_rounds_half_up_to_cents():
    assert line_amount(D("3"), D("0.335"), D("0")) == D("1.01")  # 1.005 -> 1.01
    assert line_amount(D("1"), D("10"), D("15")) == D("8.50")
    assert line_amount(D("-2"), D("1.005"), D("0")) == D("-2.01")  # credit notes round away from zero


def test_tax_is_computed_on_the_summed_base_of_each_rate_group():
    # Three lines of 0.05 at 21%: per line 0.0105 -> 0.01 each (0.03 summed);
    # on the group base 0.15 -> 0.0315 -> 0.03. Make the difference visible:
    lines = [LineInput(D("1"), D("0.10"), D("0"), D("21")) for _ in range(5)]
    totals = compute_totals(lines)
    assert totals.base == D("0.50")
    assert totals.tax == D("0.11")  # 0.105 -> 0.11, while 5 x round(0.021) = 0.10
    assert len(totals.groups) == 1


def test_groups_recargo_and_irpf():
    lines = [
        LineInput(D("2"), D("100"), D("10"), D("21"), D("5.2")),
        LineInput(D("1"), D("50"), D("0"), D("10"), D("1.4")),
        LineInput(D("1"), D("20"), D("0"), D("0"), D("0"), "E1"),
    ]
    t = compute_totals(lines, recargo_equivalencia=True, irpf_percent=D("15"))
    assert [g.base for g in t.groups] == [D("180.00"), D("50.00"), D("20.00")]
    assert [g.tax for g in t.groups] == [D("37.80"), D("5.00"), D("0.00")]
    assert [g.recargo for g in t.groups] == [D("9.36"), D("0.70"), D("0.00")]
    assert t.groups[2].exemption_reason == "E1"
    assert t.irpf == D("37.50")
    assert t.total == D("250.00") + D("42.80") + D("10.06") - D("37.50")


def test_recargo_only_for_customers_under_the_regime():
    t = compute_totals([LineInput(D("1"), D("100"), D("0"), D("21"), D("5.2"))])
    assert t.recargo == D("0.00") and t.total == D("121.00")


money = st.decimals(min_value=D("-1000"), max_value=D("10000"), places=2, allow_nan=False, allow_infinity=False)
qty = st.decimals(min_value=D("-50"), max_value=D("500"), places=3, allow_nan=False, allow_infinity=False)
rate = st.sampled_from([D("21"), D("10"), D("4"), D("0")])


@given(st.lists(st.tuples(qty, money, st.sampled_from([D("0"), D("5"), D("12.5")]), rate), min_size=1, max_size=12))
def test_totals_add_up_whatever_the_lines(raw):
    lines = [LineInput(q, p, d, r) for q, p, d, r in raw]
    t = compute_totals(lines, irpf_percent=D("7"))
    assert t.base == sum(t.line_amounts)
    assert t.base == sum(g.base for g in t.groups)
    assert t.total == t.base + t.tax + t.recargo - t.irpf
    for g in t.groups:
        assert g.tax == round_money(g.base * g.tax_percent / 100)
        assert abs(g.tax - g.base * g.tax_percent / 100) <= D("0.005")
