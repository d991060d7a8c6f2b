"""The list behind a figure, in words and on screen.

``Target`` (app/reports/dashboard.py) names a tab, a list in it and that
list's own filters. ``show_target`` puts the window on that list with those
filters; ``describe`` says the same in a clerk's words (tile tooltips, the
"Filtered: …" button of the list).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.reports.dashboard import Target
from ui.common.formatting import format_date


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _tab_titles() -> dict[str, str]:
    return {"invoices": tr("Invoices"), "contracts": tr("Contracts"), "inventory": tr("Inventory"),
            "employees": tr("Employees"), "parties": tr("Customers & suppliers")}


def _view_titles() -> dict[str, str]:
    return {"products": tr("Products"), "warehouses": tr("Warehouses"), "leave": tr("Leave")}


def _value_titles() -> dict[tuple[str, Any], str]:
    return {
        ("status", "posted"): tr("posted"), ("status", "draft"): tr("drafts"), ("status", "cancelled"): tr("cancelled"),
        ("status", "approved"): tr("approved"), ("status", "requested"): tr("requested"),
        ("state", "overdue"): tr("overdue"), ("state", "unpaid"): tr("unpaid"),
        ("state", "partly_paid"): tr("partly paid"), ("open", True): tr("not fully paid"),
        ("below_reorder", True): tr("to reorder"), ("alerts", True): tr("needing attention"),
    }


def _span(first: dt.date | None, last: dt.date | None) -> str:
    if first and last:
        return f"{format_date(first)} – {format_date(last)}"
    if first:
        return tr("from {0}").replace("{0}", format_date(first))
    return tr("until {0}").replace("{0}", format_date(last))


def filter_words(filters: dict[str, Any]) -> str:
    """``{"status": "posted", "date_from": d1, "date_to": d2}`` -> ``posted, 01/12/2026 – 07/12/2026``."""
    words, spans = [], []
    titles = _value_titles()
    for first_key, last_key in (("date_from", "date_to"), ("from", "to")):
        if filters.get(first_key) or filters.get(last_key):
            spans.append(_span(filters.get(first_key), filters.get(last_key)))
    for key, value in filters.items():
        if key in ("date_from", "date_to", "from", "to") or value in (None, "", False):
            continue
        if key == "to_bill_by":
            words.append(tr("to bill by {0}").replace("{0}", format_date(value)))
        elif (key, value) in titles:
            words.append(titles[(key, value)])
        elif isinstance(value, dt.date):
            words.append(f"{key} {format_date(value)}")
        else:
            words.append(f"{key}: {value}")
    return ", ".join(words + spans)  # the period reads best last: "posted, 01/12/2026 – 07/12/2026"


def describe(target: Target) -> str:
    """``Invoices › Products: to reorder``: where a figure leads, as a tooltip says it."""
    place = _tab_titles().get(target.tab, target.tab)
    if target.view:
        place += " › " + _view_titles().get(target.view, target.view)
    words = filter_words(target.filters)
    return f"{place}: {words}" if words else place


def list_owner(tab: QWidget, view: str) -> QWidget:
    """The widget holding the list a target names: the tab itself, or one of its inner tabs."""
    if view:
        return getattr(tab, view)
    if getattr(tab, "list", None) is None and getattr(tab, "tabs", None) is not None:
        return tab.tabs.widget(0)
    return tab


def show_target(window, target: Target) -> QWidget:
    """Show the list behind a figure with its filters (``MainWindow.show_target``); returns the list's owner.

    The filters go in before the list is shown, so a list not read yet reads once, already filtered.
    """
    tab = window.tab_by_key[target.tab]
    owner = list_owner(tab, target.view)
    owner.list.apply_filters(dict(target.filters), filter_words)
    inner = getattr(tab, "tabs", None)
    if owner is not tab and inner is not None:
        inner.setCurrentWidget(owner)
    window.show_tab(target.tab)
    owner.list.table.setFocus()
    return owner
