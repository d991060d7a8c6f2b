"""Scenarios of a clerk running contracts through their life: activation, notice, renewal with
indexation, termination, the date rules applied at start, and the contracts that need attention."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.company import Company
from app.domain.contracts import Contract, ContractEvent
from app.domain.enums import ContractEventKind as K
from app.domain.enums import ContractStatus as S
from app.errors import ValidationError
from app.services import company, contract_lifecycle as life, contracts, parties
from app.services.contracts import ContractData, ContractLineData
from app.services.listing import ListQuery
from app.services.setup import tax_rate_id

IVA21 = tax_rate_id("IVA21")
D = dt.date


@pytest.fixture
def shop(db):
    return parties.create_party(db, parties.PartyData(legal_name="Hotel Sol SA", is_customer=True)).id


def _contract(db, shop, *, status="active", **kw):
    values = dict(kind="customer", title="Mantenimiento ascensores", start_date=D(2024, 1, 1), party_id=shop,
                  reference="CT-1", end_date=D(2024, 12, 31), auto_renew=True, renewal_months=12, notice_days=30,
                  value=Decimal("1200.00"), billing_frequency="monthly", billing_day=1, status=status,
                  indexation_percent=Decimal("3.2"),
                  lines=[ContractLineData("Cuota", 1, Decimal("100.0000"), IVA21),
                         ContractLineData("Revisión", 2, Decimal("33.3333"), IVA21)])
    values.update(kw)
    return contracts.create_contract(db, ContractData(**values))


def _events(db, contract_id) -> list[tuple[str, dt.date]]:
    return [(e.kind.value, e.date) for e in life.contract_history(db, contract_id)]


def _event_count(db) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(ContractEvent)).scalar_one()


def _snapshot(db, contract_id):
    """Everything an action may change: refused actions must leave it exactly so."""
    view = contracts.get_contract(db, contract_id)
    return view, _event_count(db)


def _refused(db, contract_id, field, call, *words):
    before = _snapshot(db, contract_id)
    with pytest.raises(ValidationError) as err:
        call()
    assert err.value.field == field, err.value
    for word in words:
        assert word in err.value.message_for(field), err.value
    assert _snapshot(db, contract_id) == before
    return err.value


# -- periods --------------------------------------------------------------------------

def test_periods_add_whole_months_without_drifting_at_month_ends():
    assert life.add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert life.add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert life.add_months(D(2024, 11, 15), 3) == D(2025, 2, 15)
    c = Contract(start_date=D(2024, 1, 31), end_date=D(2024, 4, 29), renewal_months=3, period_start=None)
    assert life.next_period(c) == (D(2024, 4, 30), D(2024, 7, 30))
    c.period_start, c.end_date = life.next_period(c)
    assert life.next_period(c) == (D(2024, 7, 31), D(2024, 10, 30))  # back on the 31st, not drifting to the 30th
    # No renewal months: as long as the current period (whole months if it was whole months, else days).
    c = Contract(start_date=D(2024, 3, 1), end_date=D(2024, 8, 31), renewal_months=None, period_start=None)
    assert life.next_period(c) == (D(2024, 9, 1), D(2025, 2, 28))
    c = Contract(start_date=D(2024, 3, 1), end_date=D(2024, 3, 10), renewal_months=None, period_start=None)
    assert life.next_period(c) == (D(2024, 3, 11), D(2024, 3, 20))
    assert life.notice_deadline(D(2024, 12, 31), 30) == D(2024, 12, 1)
    assert life.notice_deadline(None, 30) is None


# -- activation --------------------------------------------------------------------------

def test_a_draft_stays_a_draft_until_activated_then_the_history_shows_both(db, shop):
    c = _contract(db, shop, status="draft", end_date=D(2026, 12, 31))
    assert life.refresh_statuses(db, D(2027, 6, 1)) == []  # the dates never move a draft
    assert contracts.get_contract(db, c.id).status == S.DRAFT
    written = life.activate(db, c.id, today=D(2025, 2, 1), expected_version=c.version)
    assert [e.kind for e in written] == [K.ACTIVATED]
    view = contracts.get_contract(db, c.id)
    assert view.status == S.ACTIVE and view.period_start == D(2024, 1, 1)
    assert [k for k, _d in _events(db, c.id)] == ["activated", "created"]
    _refused(db, c.id, "status", lambda: life.activate(db, c.id, today=D(2025, 2, 1)), "active")


def test_activating_a_contract_whose_end_has_passed_catches_up_at_once(db, shop):
    c = _contract(db, shop, status="draft", indexation_percent=None)
    written = life.activate(db, c.id, today=D(2025, 3, 1))
    assert [e.kind for e in written] == [K.ACTIVATED, K.RENEWED]
    assert contracts.get_contract(db, c.id).end_date == D(2025, 12, 31)


def test_the_form_cannot_change_the_status(db, shop):
    c = _contract(db, shop)
    data = ContractData(kind="customer", title="X", start_date=D(2024, 1, 1), party_id=shop, status="ended")
    _refused(db, c.id, "status", lambda: contracts.update_contract(db, c.id, data, c.version), "Terminate")


# -- automatic renewal ------------------------------------------------------------------

def test_renews_the_day_after_its_end_with_prices_indexed_and_recorded(db, shop):
    c = _contract(db, shop)
    assert life.refresh_statuses(db, D(2024, 12, 31)) == []  # its last day: still this period
    changes = life.refresh_statuses(db, D(2025, 1, 1))
    assert [(ch.contract_id, ch.old_status, ch.new_status, ch.renewals) for ch in changes] == \
        [(c.id, S.ACTIVE, S.ACTIVE, 1)]
    view = contracts.get_contract(db, c.id)
    assert (view.period_start, view.end_date, view.renewals) == (D(2025, 1, 1), D(2025, 12, 31), 1)
    assert [ln.unit_price for ln in view.lines] == [Decimal("103.2000"), Decimal("34.4000")]  # 33.3333 × 1.032
    assert view.value == Decimal("1238.40")
    history = life.contract_history(db, c.id)
    assert [e.kind for e in history] == [K.INDEXED, K.RENEWED, K.CREATED]
    indexed, renewed = history[0], history[1]
    assert (renewed.date, renewed.period_start, renewed.period_end) == (D(2025, 1, 1), D(2025, 1, 1), D(2025, 12, 31))
    assert renewed.details["automatic"] is True
    assert renewed.details["previous"] == {"start": "2024-01-01", "end": "2024-12-31", "status": "active"}
    assert indexed.percent == Decimal("3.2")
    assert indexed.details["lines"] == [
        {"position": 0, "description": "Cuota", "old": "100.0000", "new": "103.2000"},
        {"position": 1, "description": "Revisión", "old": "33.3333", "new": "34.4000"}]
    assert indexed.details["value"] == {"old": "1200.00", "new": "1238.40"}
    # Idempotent: the same day again, or any day of the new period, changes nothing.
    assert life.refresh_statuses(db, D(2025, 1, 1)) == []
    assert life.refresh_statuses(db, D(2025, 12, 31)) == []
    assert len(life.contract_history(db, c.id)) == 3


def test_two_years_unopened_renews_once_per_missed_period_each_recorded(db, shop):
    c = _contract(db, shop, renewal_months=6)
    changes = life.refresh_statuses(db, D(2026, 10, 15))
    assert [ch.renewals for ch in changes] == [4]
    view = contracts.get_contract(db, c.id)
    assert (view.period_start, view.end_date, view.renewals) == (D(2026, 7, 1), D(2026, 12, 31), 4)
    renewals = [(e.period_start, e.period_end) for e in reversed(life.contract_history(db, c.id)) if e.kind == K.RENEWED]
    assert renewals == [(D(2025, 1, 1), D(2025, 6, 30)), (D(2025, 7, 1), D(2025, 12, 31)),
                        (D(2026, 1, 1), D(2026, 6, 30)), (D(2026, 7, 1), D(2026, 12, 31))]
    price, steps = Decimal("100.0000"), []
    for _i in range(4):  # compounded, rounded to 4 places each time
        price = (price * Decimal("1.032")).quantize(Decimal("0.0001"))
        steps.append(price)
    indexed = [e for e in reversed(life.contract_history(db, c.id)) if e.kind == K.INDEXED]
    assert [Decimal(e.details["lines"][0]["new"]) for e in indexed] == steps
    assert view.lines[0].unit_price == steps[-1] == Decimal("113.4276")
    assert life.refresh_statuses(db, D(2026, 10, 15)) == []


def test_without_automatic_renewal_it_ends_on_its_end_date(db, shop):
    c = _contract(db, shop, auto_renew=False, renewal_months=None)
    open_ended = _contract(db, shop, reference="CT-2", auto_renew=False, renewal_months=None, end_date=None)
    changes = life.refresh_statuses(db, D(2025, 5, 1))
    assert [(ch.contract_id, ch.new_status) for ch in changes] == [(c.id, S.ENDED)]
    assert _events(db, c.id)[0] == ("ended", D(2024, 12, 31))
    assert contracts.get_contract(db, open_ended.id).status == S.ACTIVE


# -- notice ---------------------------------------------------------------------------------

def test_notice_by_the_deadline_stops_the_renewal(db, shop):
    c = _contract(db, shop)
    assert contracts.get_contract(db, c.id).notice_by == D(2024, 12, 1)
    written = life.give_notice(db, c.id, D(2024, 12, 1), "Carta del cliente", today=D(2024, 12, 2))
    assert [(e.kind, e.note) for e in written] == [(K.NOTICE_GIVEN, "Carta del cliente")]
    view = contracts.get_contract(db, c.id)
    assert (view.status, view.notice_given_on) == (S.NOTICE_GIVEN, D(2024, 12, 1))
    changes = life.refresh_statuses(db, D(2025, 1, 1))
    assert [(ch.old_status, ch.new_status, ch.renewals) for ch in changes] == [(S.NOTICE_GIVEN, S.ENDED, 0)]
    assert [k for k, _d in _events(db, c.id)] == ["ended", "notice_given", "created"]


def test_notice_too_late_in_the_future_or_twice_is_refused_and_nothing_written(db, shop):
    c = _contract(db, shop)
    _refused(db, c.id, "date", lambda: life.give_notice(db, c.id, D(2024, 12, 2), today=D(2024, 12, 5)),
             "01/12/2024", "01/01/2025")
    _refused(db, c.id, "date", lambda: life.give_notice(db, c.id, D(2024, 11, 20), today=D(2024, 11, 10)), "future")
    _refused(db, c.id, "date", lambda: life.give_notice(db, c.id, None, today=D(2024, 11, 10)))
    life.give_notice(db, c.id, D(2024, 11, 10), today=D(2024, 11, 10))
    _refused(db, c.id, "status", lambda: life.give_notice(db, c.id, D(2024, 11, 11), today=D(2024, 11, 11)),
             "under notice")


def test_notice_on_an_open_ended_contract_sets_its_end(db, shop):
    c = _contract(db, shop, auto_renew=False, renewal_months=None, end_date=None, notice_days=15)
    life.give_notice(db, c.id, D(2025, 3, 1), today=D(2025, 3, 1))
    view = contracts.get_contract(db, c.id)
    assert (view.status, view.end_date) == (S.NOTICE_GIVEN, D(2025, 3, 16))
    assert [ch.new_status for ch in life.refresh_statuses(db, D(2025, 3, 17))] == [S.ENDED]


# -- manual renewal ---------------------------------------------------------------------------

def test_manual_renewal_follows_on_with_the_percent_asked(db, shop):
    c = _contract(db, shop)
    written = life.renew(db, c.id, "2.5", "IPC interanual", today=D(2024, 11, 20))
    assert [(e.kind, e.percent) for e in written] == [(K.RENEWED, None), (K.INDEXED, Decimal("2.5"))]
    assert written[0].note == "IPC interanual" and written[0].details["automatic"] is False
    view = contracts.get_contract(db, c.id)
    assert (view.period_start, view.end_date, view.renewals) == (D(2025, 1, 1), D(2025, 12, 31), 1)
    assert view.lines[0].unit_price == Decimal("102.5000")
    # 0 %: renewed, prices untouched, no indexation event.
    written = life.renew(db, c.id, 0, today=D(2024, 11, 21))
    assert [e.kind for e in written] == [K.RENEWED]
    assert contracts.get_contract(db, c.id).lines[0].unit_price == Decimal("102.5000")
    # None: the contract's own indexation percent (3.2).
    life.renew(db, c.id, today=D(2024, 11, 22))
    assert contracts.get_contract(db, c.id).lines[0].unit_price == Decimal("105.7800")


def test_renewal_withdraws_a_notice_and_reopens_an_ended_contract_from_today(db, shop):
    c = _contract(db, shop, auto_renew=False, renewal_months=None, indexation_percent=None)
    life.give_notice(db, c.id, D(2024, 10, 1), today=D(2024, 10, 1))
    life.renew(db, c.id, today=D(2024, 10, 2))
    view = contracts.get_contract(db, c.id)
    assert (view.status, view.notice_given_on, view.end_date) == (S.ACTIVE, None, D(2025, 12, 31))
    life.refresh_statuses(db, D(2026, 2, 1))
    assert contracts.get_contract(db, c.id).status == S.ENDED
    life.renew(db, c.id, today=D(2026, 3, 10))  # a gap: nothing between the old end and today
    view = contracts.get_contract(db, c.id)
    assert (view.status, view.period_start, view.end_date) == (S.ACTIVE, D(2026, 3, 10), D(2027, 3, 9))


def test_renewing_terminated_drafts_open_ended_or_with_a_wild_percent_is_refused(db, shop):
    c = _contract(db, shop)
    _refused(db, c.id, "percent", lambda: life.renew(db, c.id, "150", today=D(2024, 6, 1)), "100")
    _refused(db, c.id, "percent", lambda: life.renew(db, c.id, "abc", today=D(2024, 6, 1)))
    life.terminate(db, c.id, D(2024, 6, 30), "Impago", )
    _refused(db, c.id, "status", lambda: life.renew(db, c.id, today=D(2024, 7, 1)), "terminated")
    draft = _contract(db, shop, reference="CT-2", status="draft")
    _refused(db, draft.id, "status", lambda: life.renew(db, draft.id, today=D(2024, 7, 1)), "draft")
    endless = _contract(db, shop, reference="CT-3", auto_renew=False, renewal_months=None, end_date=None)
    _refused(db, endless.id, "end_date", lambda: life.renew(db, endless.id, today=D(2024, 7, 1)), "open-ended")


# -- termination ---------------------------------------------------------------------------------

def test_termination_needs_a_reason_and_a_date_inside_the_contract(db, shop):
    c = _contract(db, shop)
    _refused(db, c.id, "reason", lambda: life.terminate(db, c.id, D(2024, 6, 30), "  "), "required")
    _refused(db, c.id, "date", lambda: life.terminate(db, c.id, D(2023, 12, 31), "Impago"), "01/01/2024")
    _refused(db, c.id, "date", lambda: life.terminate(db, c.id, D(2025, 1, 31), "Impago"), "31/12/2024")
    written = life.terminate(db, c.id, D(2024, 6, 30), "Impago reiterado", expected_version=c.version)
    assert [(e.kind, e.date, e.note) for e in written] == [(K.TERMINATED, D(2024, 6, 30), "Impago reiterado")]
    view = contracts.get_contract(db, c.id)
    assert (view.status, view.terminated_on, view.termination_reason) == (S.TERMINATED, D(2024, 6, 30),
                                                                          "Impago reiterado")
    assert life.refresh_statuses(db, D(2026, 1, 1)) == []  # never renewed, never "ended" again
    _refused(db, c.id, "status", lambda: life.terminate(db, c.id, D(2024, 7, 1), "Otra"), "terminated")
    draft = _contract(db, shop, reference="CT-2", status="draft")
    _refused(db, draft.id, "status", lambda: life.terminate(db, draft.id, D(2024, 7, 1), "X"), "draft")


def test_a_stale_form_cannot_act_on_a_contract_someone_changed(db, shop):
    from app.errors import ConflictError

    c = _contract(db, shop)
    life.give_notice(db, c.id, D(2024, 10, 1), today=D(2024, 10, 1))
    with pytest.raises(ConflictError):
        life.terminate(db, c.id, D(2024, 10, 2), "Impago", expected_version=c.version)
    assert contracts.get_contract(db, c.id).status == S.NOTICE_GIVEN


def test_bad_dates_and_negative_values_are_refused_on_create(db, shop):
    with pytest.raises(ValidationError) as err:
        _contract(db, shop, start_date=D(2025, 1, 1), end_date=D(2024, 12, 31), value=Decimal("-1"))
    assert {"end_date", "value"} <= err.value.fields
    assert _event_count(db) == 0


# -- attention ------------------------------------------------------------------------------------

def _set_alert_days(db, days: int) -> None:
    # The setting's form belongs to the company dialog; here only its value matters.
    company.save_company(db, company.CompanyData(legal_name="Trastienda SL", tax_id="B58378431",
                                                    street="Calle Mayor 1", postal_code="28001", city="Madrid"))
    with db.session() as s:
        s.execute(Company.__table__.update().values(contract_alert_days=days))


def test_contracts_that_need_attention_in_the_list_and_the_count(db, shop):
    today = D(2026, 3, 2)
    mk = lambda ref, **kw: _contract(db, shop, reference=ref, title=ref, start_date=D(2025, 1, 1), **kw).id  # noqa: E731
    ends_soon = mk("ENDS", end_date=today + dt.timedelta(days=12), notice_days=0)
    notice_soon = mk("NOTICE", end_date=today + dt.timedelta(days=50), notice_days=30)  # deadline in 20 days
    mk("LATER", end_date=today + dt.timedelta(days=50), notice_days=0)
    mk("NOTICE_MISSED", end_date=today + dt.timedelta(days=50), notice_days=60)  # deadline passed: nothing to do
    mk("DRAFT", status="draft", end_date=today + dt.timedelta(days=5))
    mk("OPEN", end_date=None, auto_renew=False, renewal_months=None)
    leaving = mk("LEAVING", end_date=today + dt.timedelta(days=25), notice_days=10, auto_renew=False,
                 renewal_months=None)
    life.give_notice(db, leaving, today - dt.timedelta(days=3), today=today)
    gone = mk("GONE", end_date=today + dt.timedelta(days=5))
    life.terminate(db, gone, today, "Cierre")
    overdue = mk("OVERDUE", end_date=today - dt.timedelta(days=2), auto_renew=False, renewal_months=None)

    def refs(**filters):
        page = contracts.list_contracts(db, ListQuery(sort="reference", filters={"today": today, **filters}))
        return {r["reference"]: r for r in page.rows}

    assert set(refs(alerts=True)) == {"ENDS", "NOTICE", "LEAVING", "OVERDUE"}
    assert life.count_alerts(db, today) == 4
    rows = refs(alerts=True)
    assert rows["NOTICE"]["notice_by"] == today + dt.timedelta(days=20)
    assert rows["NOTICE"]["alert_on"] == today + dt.timedelta(days=20)
    assert rows["ENDS"]["alert_on"] == today + dt.timedelta(days=12)
    text = {ref: life.alert_text(r["status"], r["end_date"], r["notice_by"], today, 30) for ref, r in rows.items()}
    assert text == {"ENDS": "Ends in 12 days", "NOTICE": "Notice by 22/03/2026", "LEAVING": "Ends in 25 days",
                    "OVERDUE": "Ended 2 days ago"}
    assert life.alert_text("active", D(2026, 3, 3), None, today, 30) == "Ends tomorrow"
    assert life.alert_text("ended", D(2026, 3, 3), None, today, 30) == ""
    # The window is a company setting: at 10 days only the overdue one is due.
    _set_alert_days(db, 10)
    assert life.alert_days(db) == 10
    assert set(refs(alerts=True)) == {"OVERDUE"}
    assert life.count_alerts(db, today) == 1
    _set_alert_days(db, 60)
    assert set(refs(alerts=True)) == {"ENDS", "NOTICE", "LEAVING", "OVERDUE", "LATER", "NOTICE_MISSED"}
    assert set(refs(alerts=True, alert_days=12)) == {"ENDS", "OVERDUE"}
    contracts.archive_contract(db, ends_soon)
    assert life.count_alerts(db, today, days=12) == 1
    assert notice_soon and overdue


# -- two clients starting at once ----------------------------------------------------------------

def test_two_clients_refreshing_at_once_renew_each_period_once(db, shop):
    if db.dialect == "sqlite":
        pytest.skip("one writer at a time on SQLite; the server is where two clients meet")
    ids = [_contract(db, shop, reference=f"CT-{i}").id for i in range(40)]
    results, errors = [], []
    start = threading.Barrier(3)

    def run():
        start.wait()
        try:
            results.append(life.refresh_statuses(db, D(2026, 6, 1)))
        except Exception as exc:  # pragma: no cover - shown by the assert
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert sum(ch.renewals for r in results for ch in r) == 2 * len(ids)  # 2025 and 2026, once each
    with db.session() as s:
        renewed = s.execute(select(func.count()).select_from(ContractEvent)
                            .where(ContractEvent.kind == K.RENEWED)).scalar_one()
        ends = set(s.scalars(select(Contract.end_date)))
    assert renewed == 2 * len(ids) and ends == {D(2026, 12, 31)}
