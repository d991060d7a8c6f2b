"""What each group role may do on a shared server: the privilege matrix, the rules and the policies.

The server is the gate. Whatever the app shows or hides, a login reads and
changes only what its group roles are granted here, so a clerk with psql sees
no more than in the app. Four NOLOGIN group roles (cluster-wide, made once and
shared by every Trastienda database on the server) carry the privileges:
``trastienda_clerk``, ``trastienda_accountant`` (a member of clerk),
``trastienda_hr``, ``trastienda_admin`` (a member of accountant and hr);
``app.db.identity`` maps them to the app's roles.

``apply_grants`` (re)applies everything in the caller's transaction,
idempotently: PUBLIC loses every table privilege, then ``MATRIX`` is granted,
then the rules (triggers) and the row-level policies are made again.

What the grants alone cannot say is said by
- row-level policies: employment contracts (and their lines, files, events)
  are HR's, other contracts the clerks'; a blocked employee (and their leave
  and documents) is seen by an admin only, yet HR may block;
- rules (BEFORE triggers raising SQLSTATE 42501): a credit note, a change to
  a posted invoice (a payment, a cancellation) and a cancellation record in the
  VERI*FACTU chain take an accountant; a VERI*FACTU record is only ever the
  next link of its issuer's chain, exactly as posting or cancelling writes it
  (``app.db.server_chain``); the lines of a posted or cancelled invoice are
  changed by nobody but the owner; a clerk's posting may only step a series'
  next number; rows some groups may lock (``SELECT ... FOR UPDATE`` needs an
  UPDATE privilege) but not change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.db.identity import GROUP_OF, SERVER_ROLES
from app.db.server_chain import chain_rules
from app.domain.invoices import NUMBER_DIGITS
from app.domain.roles import ACCOUNTANT, ADMIN, CLERK, HR

CLERK_GROUP, ACCOUNTANT_GROUP, HR_GROUP, ADMIN_GROUP = (GROUP_OF[r] for r in (CLERK, ACCOUNTANT, HR, ADMIN))
GROUPS = tuple(SERVER_ROLES)
# Who is a member of whom: privileges flow down these lines (an admin holds every role).
MEMBER_OF = {ACCOUNTANT_GROUP: (CLERK_GROUP,), ADMIN_GROUP: (ACCOUNTANT_GROUP, HR_GROUP)}
# Every ORM update writes these with the columns it changes (optimistic lock, stamps).
STAMPS = ("version", "updated_at", "updated_by")

# -- the privilege matrix -------------------------------------------------------------------
#
# One cell per group: what that group is granted itself. It also holds what the groups it is a
# member of hold, so accountant adds to clerk, and admin to everyone. Words of a cell:
#   r a w d     SELECT, INSERT, UPDATE, DELETE on the whole table ("ra": append-only)
#   r-          SELECT on every column but the restricted ones (restricted_columns(), from the model)
#   w(c1,c2)    UPDATE of those columns only (and the STAMPS)
#   lock        UPDATE of updated_at only: enough to lock a row, and a rule (LOCK_ONLY) refuses the change
# Nobody but a superuser (or the owner) may TRUNCATE, or change the append-only trails. Every
# group reads the reference data (taxes, series, terms, warehouses): opening the app checks it.
MATRIX: dict[str, tuple[str, str, str, str]] = {
    # table                  clerk                              accountant  hr       admin
    "alembic_version":      ("r",                               "",         "r",     "r"),
    "company":              ("r lock",                          "raw",      "r",     "rawd"),
    "tax_rate":             ("r",                               "raw",      "r",     "rawd"),
    "payment_term":         ("r",                               "raw",      "r",     "rawd"),
    "invoice_series":       ("r w(next_number,year)",           "raw",      "r",     "rawd"),
    "warehouse":            ("raw",                             "",         "r",     "rawd"),
    "party":                ("raw",                             "",         "r",     "rawd"),
    "party_address":        ("rawd",                            "",         "r",     "rawd"),
    "product":              ("raw",                             "",         "r",     "rawd"),
    "stock_level":          ("raw",                             "",         "",      "rawd"),
    "stock_rule":           ("rawd",                            "",         "",      "rawd"),
    "stock_move":           ("ra lock",                         "",         "",      "ra lock"),
    "stock_count":          ("raw",                             "",         "",      "rawd"),
    "stock_count_line":     ("raw",                             "",         "",      "rawd"),
    "invoice":              ("rawd",                            "",         "",      "rawd"),
    "invoice_line":         ("rawd",                            "",         "",      "rawd"),
    "payment":              ("r",                               "raw",      "",      "rawd"),
    "verifactu_record":     ("ra",                              "",         "",      "ra"),
    "contract":             ("raw",                             "",         "raw",   "rawd"),
    "contract_line":        ("rawd",                            "",         "rawd",  "rawd"),
    "contract_attachment":  ("rawd",                            "",         "rawd",  "rawd"),
    "contract_event":       ("ra",                              "",         "ra",    "ra"),
    "contract_billing":     ("ra",                              "",         "",      "rawd"),
    "department":           ("r",                               "",         "raw",   "rawd"),
    "employee":             ("r-",                              "",         "raw",   "rawd"),
    "leave_request":        ("r- a w(status,approved_by_id)",   "",         "raw",   "rawd"),
    "leave_allowance":      ("r",                               "",         "raw",   "rawd"),
    "holiday":              ("r",                               "",         "rawd",  "rawd"),
    "employee_document":    ("",                                "",         "rawd",  "rawd"),
    "personal_data_audit":  ("",                                "",         "ra",    "ra"),
    # The server's own triggers write the audit trail (SECURITY DEFINER); admins read it.
    "audit_log":            ("",                                "",         "",      "r"),
    # Offline work: the feed holds row ids only (the rows are read under their own grants); a
    # replica's push records each change it applied, once.
    "sync_change":          ("r",                               "",         "r",     "r"),
    "sync_applied":         ("ra",                              "",         "ra",    "ra"),
    # Each offline copy registers its computer (the server gives the number and writes the login).
    "workstation":          ("ra",                              "",         "ra",    "rawd"),
}
GROUP_COLUMNS = (CLERK_GROUP, ACCOUNTANT_GROUP, HR_GROUP, ADMIN_GROUP)
# A table the matrix does not know yet (a newer migration) is the admin's alone until it does.
UNKNOWN_TABLE = ("", "", "", "rawd")
# Tables some groups may lock but not change: who may change them.
LOCK_ONLY = {"company": ACCOUNTANT_GROUP, "stock_move": ADMIN_GROUP}
_LETTERS = {"r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE"}


def restricted_columns() -> dict[str, tuple[str, ...]]:
    """The columns only HR may read, from the model (``app.domain.employees.RESTRICTED``)."""
    from app.domain.employees import RESTRICTED, Employee, LeaveRequest

    return {m.__table__.name: tuple(p.key for p in m.__mapper__.column_attrs if p.group == RESTRICTED)
            for m in (Employee, LeaveRequest)}


def grants_for(table: str, cell: str, columns: list[str]) -> list[str]:
    """The GRANT clauses (without "TO") of one matrix cell, e.g. ``["SELECT", "UPDATE (year, version)"]``."""
    out: list[str] = []
    for word in cell.split():
        if word == "r-":
            hidden = set(restricted_columns().get(table, ()))
            out.append("SELECT ({})".format(", ".join(_ident(c) for c in columns if c not in hidden)))
        elif word == "lock":
            out.append('UPDATE ("updated_at")')
        elif word.startswith("w(") and word.endswith(")"):
            names = [c.strip() for c in word[2:-1].split(",")] + list(STAMPS)
            out.append("UPDATE ({})".format(", ".join(_ident(c) for c in dict.fromkeys(names))))
        elif set(word) <= set(_LETTERS):
            out.append(", ".join(_LETTERS[ch] for ch in word))
        else:
            raise ValueError(f"matrix cell {cell!r} of {table}: unknown word {word!r}")
    return out


def _ident(name: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise ValueError(f"not a plain SQL name: {name!r}")
    return f'"{name}"'


# -- functions, rules and policies ------------------------------------------------------------

def _member(group: str) -> str:
    # A scalar subquery: evaluated once per statement, not once per row.
    return f"(SELECT pg_catalog.pg_has_role('{group}', 'MEMBER'))"


_REFUSE = "RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = "

FUNCTIONS = [
    # Whether the committed row of an employee is blocked. The policy below asks it of a row it
    # is about to show: for the row an HR clerk is blocking right now it still says "no", so the
    # UPDATE's new row passes the reading rule, and from the next statement on the row is hidden.
    """CREATE OR REPLACE FUNCTION {s}.trastienda_employee_blocked(employee_id uuid) RETURNS boolean
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
       AS $$ SELECT e.blocked_at IS NOT NULL FROM {s}.employee e WHERE e.id = employee_id $$""",
    f"""CREATE OR REPLACE FUNCTION {{s}}.trastienda_lock_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NOT pg_catalog.pg_has_role(TG_ARGV[0], 'MEMBER') THEN
           {_REFUSE} format('%s rows may be locked but not changed by %s', TG_TABLE_NAME, current_user);
         END IF;
         RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
       END $$""",
    # Posting by a clerk: the number is the one the series just gave (posting stepped it first, under its lock).
    f"""CREATE OR REPLACE FUNCTION {{s}}.trastienda_invoice_rules() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         series record;
         given text;
       BEGIN
         IF pg_catalog.pg_has_role('{ACCOUNTANT_GROUP}', 'MEMBER') THEN
           RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
         END IF;
         IF (TG_OP <> 'DELETE' AND NEW.kind = 'credit_note') OR (TG_OP <> 'INSERT' AND OLD.kind = 'credit_note') THEN
           {_REFUSE} 'credit notes are made by an accountant', COLUMN = 'kind';
         END IF;
         IF TG_OP <> 'INSERT' AND OLD.status <> 'draft' THEN
           {_REFUSE} format('invoice %s is posted: only an accountant records its payments or cancels it',
                            OLD.full_number), COLUMN = 'status';
         END IF;
         IF TG_OP = 'INSERT' AND NEW.status <> 'draft' THEN
           {_REFUSE} 'an invoice starts as a draft: posting numbers it', COLUMN = 'status';
         END IF;
         IF TG_OP = 'UPDATE' AND NEW.status <> 'draft' THEN
           SELECT sr.* INTO series FROM {{s}}.invoice_series sr WHERE sr.id = NEW.series_id;
           IF series.workstation_id IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM {{s}}.workstation w WHERE w.id = series.workstation_id AND w.login = session_user) THEN
             {_REFUSE} format('series %s is reserved for another computer''s offline work', series.code),
               COLUMN = 'series_id';
           END IF;
           given := series.prefix || CASE WHEN series.yearly_reset THEN NEW.fiscal_year::text || '-' ELSE '' END
                    || lpad(NEW.number::text, {NUMBER_DIGITS}, '0');
           IF NEW.status <> 'posted' OR NEW.number IS DISTINCT FROM series.next_number - 1
              OR NEW.fiscal_year IS DISTINCT FROM series.year
              OR NEW.fiscal_year IS DISTINCT FROM extract(year FROM NEW.issue_date)::int
              OR NEW.full_number IS DISTINCT FROM given THEN
             {_REFUSE} format('posting numbers an invoice with the next number of its series %s (%s), as given',
                              series.code, series.next_number - 1), COLUMN = 'number';
           END IF;
         END IF;
         RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
       END $$""",
    # The lines of an invoice that is no longer a draft are never changed, by any role (the app
    # corrects a posted invoice with a credit note); only the tables' owner (or a superuser) may.
    # The invoice row is locked first, so a posting running at the same time is waited for and
    # then seen: no line slips into an invoice between its posting's read and its commit.
    f"""CREATE OR REPLACE FUNCTION {{s}}.trastienda_invoice_line_rules() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         ids uuid[] := ARRAY[]::uuid[];
         inv record;
       BEGIN
         IF pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = TG_RELID),
                                   'MEMBER') THEN
           RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
         END IF;
         IF TG_OP <> 'INSERT' THEN ids := ids || OLD.invoice_id; END IF;
         IF TG_OP <> 'DELETE' THEN ids := ids || NEW.invoice_id; END IF;
         FOR inv IN SELECT i.status, i.full_number FROM {{s}}.invoice i WHERE i.id = ANY (ids)
                    ORDER BY i.id FOR NO KEY UPDATE OF i LOOP
           IF inv.status <> 'draft' THEN
             {_REFUSE} format('invoice %s is %s: its lines cannot be changed (correct it with a credit note)',
                              inv.full_number, inv.status), COLUMN = 'lines';
           END IF;
         END LOOP;
         RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
       END $$""",
    f"""CREATE OR REPLACE FUNCTION {{s}}.trastienda_series_rules() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         -- Posting steps the number by one, or starts a new year at 1 (and gives it: 2).
         IF NOT pg_catalog.pg_has_role('{ACCOUNTANT_GROUP}', 'MEMBER') AND NOT (
             (NEW.year IS NOT DISTINCT FROM OLD.year AND NEW.next_number - OLD.next_number IN (0, 1))
             OR (NEW.year > coalesce(OLD.year, 0) AND NEW.next_number IN (1, 2)
                 AND NEW.year <= extract(year FROM current_date) + 1)) THEN
           {_REFUSE} format('only an accountant may set the numbers of series %s', OLD.code),
             COLUMN = 'next_number';
         END IF;
         RETURN NEW;
       END $$""",
    # A workstation is registered under the login that registers it, whatever that login sends.
    """CREATE OR REPLACE FUNCTION {s}.trastienda_workstation_rules() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NOT pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = TG_RELID),
                                       'MEMBER') THEN
           NEW.login := session_user;
         END IF;
         RETURN NEW;
       END $$""",
    # trastienda_chain_rules: a VERI*FACTU record is the next link of the chain, as posting appends it;
    # a cancellation takes an accountant.
    chain_rules(_REFUSE, ACCOUNTANT_GROUP),
]
# (trigger, table, timing and events, function call)
TRIGGERS = [
    ("trastienda_invoice_rules", "invoice", "BEFORE INSERT OR UPDATE OR DELETE", "trastienda_invoice_rules()"),
    ("trastienda_invoice_line_rules", "invoice_line", "BEFORE INSERT OR UPDATE OR DELETE",
     "trastienda_invoice_line_rules()"),
    ("trastienda_series_rules", "invoice_series", "BEFORE UPDATE", "trastienda_series_rules()"),
    ("trastienda_chain_rules", "verifactu_record", "BEFORE INSERT", "trastienda_chain_rules()"),
    ("trastienda_workstation_rules", "workstation", "BEFORE INSERT", "trastienda_workstation_rules()"),
] + [("trastienda_lock_only", table, "BEFORE UPDATE OR DELETE", f"trastienda_lock_only('{group}')")
     for table, group in LOCK_ONLY.items()]

_CONTRACT_VISIBLE = (f"CASE WHEN kind = 'employment' THEN {_member(HR_GROUP)} "
                     f"ELSE {_member(CLERK_GROUP)} END")
_EMPLOYEE_VISIBLE = f"blocked_at IS NULL OR {_member(ADMIN_GROUP)}"
# (policy, table, command, USING, WITH CHECK); permissive, so a table's policies for a command are OR-ed.
_OF_CONTRACT = "EXISTS (SELECT 1 FROM {{s}}.contract c WHERE c.id = {child}.contract_id)"
_OF_EMPLOYEE = "EXISTS (SELECT 1 FROM {{s}}.employee e WHERE e.id = {child}.employee_id)"
POLICIES = [
    ("trastienda_by_kind", "contract", "ALL", _CONTRACT_VISIBLE, _CONTRACT_VISIBLE),
    *(("trastienda_of_contract", child, "ALL", _OF_CONTRACT.format(child=child), None)
      for child in ("contract_line", "contract_attachment", "contract_event", "contract_billing")),
    ("trastienda_read", "employee", "SELECT", f"{_EMPLOYEE_VISIBLE} OR NOT {{s}}.trastienda_employee_blocked(id)",
     None),
    ("trastienda_add", "employee", "INSERT", None, "true"),
    # HR blocking a row: the old row must be visible, the new one may be blocked.
    ("trastienda_change", "employee", "UPDATE", _EMPLOYEE_VISIBLE, "true"),
    ("trastienda_remove", "employee", "DELETE", _member(ADMIN_GROUP), None),
    *(("trastienda_of_employee", child, "ALL", _OF_EMPLOYEE.format(child=child), None)
      for child in ("leave_request", "leave_allowance", "employee_document")),
]


# -- applying it ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ServerReport:
    """What ``init_server`` / ``upgrade_server`` did."""

    revision: str | None
    tables: int  # tables granted by the matrix
    unknown: tuple[str, ...]  # tables the matrix does not name (granted to admins only)


def run_sql(conn: Connection, statement, params=None) -> None:
    """Runs a psycopg statement (text or ``psycopg.sql.Composed``) on the connection's transaction.

    The driver's cursor is used so that ``%`` in function bodies is never taken for a parameter.
    """
    with conn.connection.driver_connection.cursor() as cur:
        cur.execute(statement, params)


def ensure_groups(conn: Connection) -> None:
    """The four group roles and their memberships; safe to run at once from several sessions."""
    for group in GROUPS:
        conn.execute(text(f"DO $$ BEGIN CREATE ROLE {group} NOLOGIN; "
                          "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"))
    for member, groups in MEMBER_OF.items():
        for group in groups:
            conn.execute(text(f"DO $$ BEGIN GRANT {group} TO {member}; "
                              "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"))


def apply_grants(conn: Connection) -> ServerReport:
    """REVOKE everything from PUBLIC and the groups, then grant the matrix, the rules and the policies."""
    schema = conn.execute(text("SELECT current_schema()")).scalar()
    database = conn.execute(text("SELECT current_database()")).scalar()
    s = _quoted(schema)
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('trastienda.server_admin'))"))
    ensure_groups(conn)
    groups = ", ".join(GROUPS)
    conn.execute(text(f'REVOKE ALL ON DATABASE {_quoted(database)} FROM PUBLIC'))
    conn.execute(text(f'GRANT CONNECT, TEMPORARY ON DATABASE {_quoted(database)} TO {groups}'))
    conn.execute(text(f"GRANT USAGE ON SCHEMA {s} TO {groups}"))
    conn.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM PUBLIC, {groups}"))
    tables: dict[str, list[str]] = {}
    for table, column in conn.execute(text(
            "SELECT c.table_name, c.column_name FROM information_schema.columns c "
            "JOIN information_schema.tables t USING (table_schema, table_name) "
            "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
            "ORDER BY c.table_name, c.ordinal_position")):
        tables.setdefault(table, []).append(column)
    unknown = tuple(t for t in tables if t not in MATRIX)
    for table, columns in tables.items():
        for group, cell in zip(GROUP_COLUMNS, MATRIX.get(table, UNKNOWN_TABLE), strict=True):
            for clause in grants_for(table, cell, columns):
                conn.execute(text(f"GRANT {clause} ON {s}.{_ident(table)} TO {group}"))
    for body in FUNCTIONS:
        run_sql(conn, body.format(s=s))
    conn.execute(text(f"REVOKE ALL ON FUNCTION {s}.trastienda_employee_blocked(uuid) FROM PUBLIC"))
    conn.execute(text(f"GRANT EXECUTE ON FUNCTION {s}.trastienda_employee_blocked(uuid) TO {groups}"))
    for name, table, when, call in TRIGGERS:
        if table in tables:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {s}.{table}"))
            conn.execute(text(f"CREATE TRIGGER {name} {when} ON {s}.{table} FOR EACH ROW EXECUTE FUNCTION "
                              f"{s}.{call}"))
    _apply_policies(conn, s, set(tables))
    if not conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
        # The owner who sets the server up is its first admin (a superuser already is one).
        run_sql(conn, f"DO $$ BEGIN EXECUTE format('GRANT {ADMIN_GROUP} TO %I', current_user); "
                   "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
        if "alembic_version" in tables else None
    return ServerReport(revision, len(tables) - len(unknown), unknown)


def _apply_policies(conn: Connection, s: str, tables: set[str]) -> None:
    for table in sorted({p[1] for p in POLICIES} & tables):
        for (name,) in conn.execute(text(
                "SELECT policyname FROM pg_policies WHERE schemaname = current_schema() AND tablename = :t "
                "AND policyname LIKE 'trastienda%'"), {"t": table}):
            conn.execute(text(f"DROP POLICY {_ident(name)} ON {s}.{table}"))
        conn.execute(text(f"ALTER TABLE {s}.{table} ENABLE ROW LEVEL SECURITY"))
    for name, table, command, using, check in POLICIES:
        if table not in tables:
            continue
        sql = f"CREATE POLICY {name} ON {s}.{table} FOR {command}"
        if using is not None:
            sql += f" USING ({using.format(s=s)})"
        if check is not None:
            sql += f" WITH CHECK ({check.format(s=s)})"
        conn.execute(text(sql))


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
