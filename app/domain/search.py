"""Substring search that stays fast on big tables.

The search box finds a word anywhere in a list's searchable columns ("garcía"
in "Lorena García Vega"). A plain LIKE reads every row: 1.6 s over a million
invoices for a word that matches nothing. So the big lists get an index made
for substrings:

- SQLite: an FTS5 table with the trigram tokenizer over the same columns,
  external-content (it stores no copy of the text) and kept current by triggers.
- PostgreSQL: pg_trgm GIN indexes, which ILIKE '%word%' uses by itself.

A later migration that rebuilds one of these tables in SQLite batch mode
(copy and rename) drops its triggers and renumbers its rowids: it must run
``sqlite_drop()`` before and ``sqlite_create()`` after.

Words shorter than three characters cannot use a trigram index and fall back
to LIKE, which is fine: they match so many rows that the first page fills fast.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchIndex:
    table: str
    columns: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.table}_search"

    def sqlite_create(self) -> list[str]:
        cols = ", ".join(self.columns)
        new = ", ".join(f"new.{c}" for c in self.columns)
        old = ", ".join(f"old.{c}" for c in self.columns)
        n = self.name
        return [
            f"CREATE VIRTUAL TABLE {n} USING fts5({cols}, content='{self.table}', content_rowid='rowid', "
            "tokenize='trigram')",
            f"CREATE TRIGGER {n}_ai AFTER INSERT ON {self.table} BEGIN "
            f"INSERT INTO {n}(rowid, {cols}) VALUES (new.rowid, {new}); END",
            f"CREATE TRIGGER {n}_ad AFTER DELETE ON {self.table} BEGIN "
            f"INSERT INTO {n}({n}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END",
            f"CREATE TRIGGER {n}_au AFTER UPDATE OF {cols} ON {self.table} BEGIN "
            f"INSERT INTO {n}({n}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {n}(rowid, {cols}) VALUES (new.rowid, {new}); END",
            f"INSERT INTO {n}({n}) VALUES ('rebuild')",
        ]

    def sqlite_drop(self) -> list[str]:
        return [f"DROP TRIGGER IF EXISTS {self.name}_{t}" for t in ("ai", "ad", "au")] + [
            f"DROP TABLE IF EXISTS {self.name}"]

    def pg_indexes(self) -> list[tuple[str, str]]:
        return [(f"ix_{self.table}_{c}_trgm", c) for c in self.columns]


INVOICE_SEARCH = SearchIndex("invoice", ("full_number", "party_name", "party_tax_id"))
PARTY_SEARCH = SearchIndex("party", ("code", "legal_name", "trade_name", "tax_id", "city", "email"))
PRODUCT_SEARCH = SearchIndex("product", ("sku", "ean", "name", "category"))
SEARCH_INDEXES = (INVOICE_SEARCH, PARTY_SEARCH, PRODUCT_SEARCH)


def is_search_object(name: str | None) -> bool:
    """Whether a table or index belongs to the search indexes (the models do not describe them)."""
    if not name:
        return False
    for index in SEARCH_INDEXES:
        if name == index.name or name.startswith(f"{index.name}_"):
            return True
        if name in {ix for ix, _col in index.pg_indexes()}:
            return True
    return False


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's filter: leave the search indexes (and SQLite's FTS shadow tables) alone."""
    return not (reflected and compare_to is None and is_search_object(name))
