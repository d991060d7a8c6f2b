"""Trastienda: start the desktop app, or run an admin command.

    python main.py [--db PATH|URL]             start the app (local SQLite by default)
    python main.py db upgrade [--db ...]       create or upgrade the schema
    python main.py db current [--db ...]       print the schema revision
    python main.py backup -o FILE [--db PATH]  a checked copy of the local database, taken while it is in use
    python main.py restore FILE [--db PATH] [--yes]   put a backup in place (the current file is kept)
    python main.py demo [--db ...] [--seed N] [--invoices N] ...   fill with demo data
    python main.py chain verify [--db ...]     recompute the VERI*FACTU chain (exit 1 if broken)
    python main.py series workstations|keep CODE --workstation N|release CODE   series kept for offline work
    python main.py stock check [--db ...]      prove stock on hand is the sum of the moves (exit 1 if not)
    python main.py contracts bill --until YYYY-MM-DD [--post|--draft]   invoice every contract period due
    python main.py contracts refresh [--today YYYY-MM-DD]   renew or end contracts past their end date
    python main.py screenshot --tab invoices -o FILE.png [--theme dark] [--db ...]  picture of a tab (1440x900)
    python main.py invoice list [--json] [--series S] [--status S]   list invoices
    python main.py invoice pdf NUMBER -o FILE.pdf                     one invoice, e.g. F2026-000123
    python main.py invoice pdf --from DATE --to DATE -o FILE.pdf      posted invoices of a period, one PDF
    python main.py employees export CODE --json F.json --pdf F.pdf    one employee's personal data (access request)
    python main.py server init --db URL         shared PostgreSQL: schema, group roles, grants, row-level security
    python main.py server upgrade --db URL      migrate the shared server and apply the grants again
    python main.py server add-user NAME --role clerk|accountant|hr|admin [--password-stdin] --db URL
    python main.py server set-role NAME --role ROLE --db URL   move a login to another role
    python main.py server remove-user NAME --db URL            drop a login
    python main.py profile add NAME --url postgresql+psycopg://USER@HOST:PORT/DB [--sslmode M --sslrootcert CA]
    python main.py profile list | profile remove NAME     the shared servers this computer knows
    python main.py --profile NAME sync          send the offline copy's changes, then bring it up to date
    python main.py --profile NAME sync --export FILE          save the copy's unsynced changes (no server needed)
    python main.py --profile NAME sync --fresh --export FILE  save them, then download a fresh copy (old one kept)

Global options (--db, --profile, --verbose) are accepted before or after the command name.
--profile NAME connects with a saved profile; its password comes from the keyring, PGPASSWORD or a prompt.
"""

from __future__ import annotations

import argparse
import sys

from app import __version__


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    # Sub-parsers get the same options with SUPPRESS defaults, so a value given
    # before the command name is not overwritten by the sub-parser's default.
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=default,
        help="SQLite file path or SQLAlchemy URL, e.g. postgresql+psycopg://user@host/trastienda "
        "(default: the local database in your data folder)",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        default=default,
        help="connect with a saved connection profile (see `profile list`); not with --db",
    )
    parser.add_argument(
        "--offline", action="store_true", default=argparse.SUPPRESS if suppress else False,
        help="with --profile: work on this computer's offline copy of the server, as if it could not be reached",
    )
    parser.add_argument(
        "--lang", choices=("es", "en"), default=default,
        help="language of the window and messages (default: View > Language, else the system's)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS if suppress else False,
        help="show SQL and full error details",
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trastienda",
        description="Trastienda: contracts, invoices, inventory and employees for small businesses. "
        "Without a command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"Trastienda {__version__}")
    _global_options(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, parent=commands) -> argparse.ArgumentParser:
        sub = parent.add_parser(name, help=help_text, description=help_text)
        _global_options(sub, suppress=True)
        return sub

    command("gui", "start the desktop app (the default)")

    db = command("db", "database schema: create, upgrade, show the revision")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    command("upgrade", "create the database if needed and bring its schema up to date", db_commands)
    command("current", "print the database's schema revision", db_commands)

    backup_cmd = command("backup", "write a consistent, checked copy of the local SQLite database to FILE "
                         "(safe while the app runs); a shared server is backed up by its admin with pg_dump")
    backup_cmd.add_argument("-o", "--output", required=True, metavar="FILE", help="the backup file, e.g. "
                            "trastienda-2026-05-31.sqlite3 (replaced whole only once the copy is checked)")
    restore = command("restore", "replace the local SQLite database with a backup, once the backup is checked "
                      "(SQLite, Trastienda, undamaged, not from a newer version); the current file is kept as "
                      "<file>.<time>.before-restore. Close Trastienda first")
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask (needed when there is no terminal)")

    demo = command("demo", "fill a new database with realistic Spanish demo data")
    demo.add_argument("--seed", type=int, default=1, help="same seed, same data (default 1)")
    demo.add_argument("--customers", type=_positive, default=200, metavar="N")
    demo.add_argument("--products", type=_positive, default=300, metavar="N")
    demo.add_argument("--invoices", type=_positive, default=2000, metavar="N")
    demo.add_argument("--contracts", type=_positive, default=100, metavar="N")
    demo.add_argument("--employees", type=_positive, default=40, metavar="N")

    chain = command("chain", "the VERI*FACTU invoice record chain")
    chain_commands = chain.add_subparsers(dest="chain_command", metavar="ACTION", required=True)
    command("verify", "recompute every record's hash; name the first broken record (exit 1 if any)",
            chain_commands)

    series_cmd = command("series", "invoice series kept for one computer's offline postings (a shared server)")
    series_commands = series_cmd.add_subparsers(dest="series_command", metavar="ACTION", required=True)
    command("workstations", "list the computers that keep an offline copy, with the series kept for each",
            series_commands)
    keep = command("keep", "keep a series for one workstation: only it numbers the series, offline", series_commands)
    keep.add_argument("code", metavar="CODE", help="the series, e.g. FP1")
    keep.add_argument("--workstation", type=_positive, required=True, metavar="N",
                      help="the workstation's number (see `series workstations`)")
    release = command("release", "give a kept series back to the server (once its computer has synced)",
                      series_commands)
    release.add_argument("code", metavar="CODE")

    stock = command("stock", "stock levels")
    stock_commands = stock.add_subparsers(dest="stock_command", metavar="ACTION", required=True)
    command("check", "compare every product's stock on hand and value per warehouse with the sum of its moves; "
            "list each difference (exit 1 if any)", stock_commands)

    contracts = command("contracts", "contracts: recurring billing and status refresh")
    contract_commands = contracts.add_subparsers(dest="contracts_command", metavar="ACTION", required=True)
    bill = command("bill", "invoice every customer contract period due up to a date, each period once "
                   "(exit 1 if any contract failed)", contract_commands)
    bill.add_argument("--until", required=True, metavar="DATE", help="bill periods invoiced on or before this date "
                      "(YYYY-MM-DD or DD/MM/YYYY)")
    mode = bill.add_mutually_exclusive_group()
    mode.add_argument("--post", dest="post", action="store_const", const=True, default=None,
                      help="post (number) the invoices")
    mode.add_argument("--draft", dest="post", action="store_const", const=False,
                      help="leave them as drafts (default: the company setting)")
    refresh = command("refresh", "bring contract statuses up to date: renew or end every contract past its end "
                      "date, each step recorded (the app does this at start)", contract_commands)
    refresh.add_argument("--today", default=None, metavar="DATE", help="as of this date (default: today)")

    invoice = command("invoice", "invoices: list them, print them to PDF")
    invoice_commands = invoice.add_subparsers(dest="invoice_command", metavar="ACTION", required=True)
    listing = command("list", "list invoices, oldest first", invoice_commands)
    listing.add_argument("--json", action="store_true", help="one JSON array (amounts as exact decimal text)")
    listing.add_argument("--series", metavar="CODE", help="only this series (e.g. F)")
    listing.add_argument("--status", metavar="STATUS", help="only draft, posted or cancelled invoices")
    pdf = command("pdf", "write one invoice, or the posted invoices of a period, to one PDF file",
                  invoice_commands)
    pdf.add_argument("number", nargs="?", metavar="NUMBER", help="the invoice's full number, e.g. F2026-000123")
    pdf.add_argument("--from", dest="date_from", metavar="DATE", help="first issue date (DD/MM/YYYY or YYYY-MM-DD)")
    pdf.add_argument("--to", dest="date_to", metavar="DATE", help="last issue date, included")
    pdf.add_argument("-o", "--output", required=True, metavar="FILE.pdf")

    employees = command("employees", "employees: personal data")
    employee_commands = employees.add_subparsers(dest="employees_command", metavar="ACTION", required=True)
    export = command("export", "write one employee's personal data, restricted fields and audit trail included, "
                     "to answer an access request (GDPR art. 15); the export is recorded in the audit trail",
                     employee_commands)
    export.add_argument("code", metavar="CODE", help="the employee's code, e.g. E00012")
    export.add_argument("--json", dest="json_path", metavar="FILE.json", help="write the data as JSON")
    export.add_argument("--pdf", dest="pdf_path", metavar="FILE.pdf", help="write the data as a PDF (in Spanish)")

    profile = command("profile", "connection profiles: the shared servers this computer knows (never a password)")
    sync_help = ("with --profile: send this computer's offline changes to the server, then bring its offline copy "
                 "up to date (made on first use); --export and --fresh are the way out of a copy that is refused")
    sync = commands.add_parser("sync", help=sync_help, description=sync_help)
    _global_options(sync, suppress=True)
    sync.add_argument("--export", metavar="FILE", help="save the offline copy's unsynced changes and open conflicts "
                      "to FILE (JSON), reading only this computer's copy: works without the server, and with a copy "
                      "that is refused (another login's or server's, another version's, a damaged file)")
    sync.add_argument("--fresh", action="store_true", help="download a new offline copy; the old one is kept as "
                      "<file>.<time>.old. Refused while the old one holds unsynced changes, unless --export FILE "
                      "saves them in the same command")
    profile_commands = profile.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    add = command("add", "save a shared server as a profile", profile_commands)
    add.add_argument("name", metavar="NAME", help="the profile's name, e.g. Office")
    add.add_argument("--url", required=True, metavar="URL",
                     help="postgresql+psycopg://USER@HOST:PORT/DATABASE, without a password")
    add.add_argument("--sslmode", choices=("disable", "prefer", "require", "verify-ca", "verify-full"),
                     help="TLS: disable, prefer (the default), require, or verify the server's certificate")
    add.add_argument("--sslrootcert", metavar="CA.crt", help="the CA certificate file (verify-ca, verify-full)")
    command("list", "list the profiles; * marks the one used last", profile_commands)
    remove = command("remove", "forget a profile and its remembered password", profile_commands)
    remove.add_argument("name", metavar="NAME")

    server = command("server", "a shared PostgreSQL server: set it up, upgrade it, manage its logins")
    server_commands = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    command("init", "create or upgrade the schema, make the group roles trastienda_clerk, _accountant, _hr and "
            "_admin, and apply the grants and row-level security (safe to run again)", server_commands)
    command("upgrade", "migrate the server's schema and apply the grants again", server_commands)
    roles = ("clerk", "accountant", "hr", "admin")
    add_user = command("add-user", "add a login in one role's group", server_commands)
    add_user.add_argument("name", metavar="NAME", help="the login: lower-case letters, digits, _ . -")
    add_user.add_argument("--role", required=True, choices=roles)
    add_user.add_argument("--password-stdin", action="store_true",
                          help="read the password from the first line of standard input (never from an argument)")
    set_role = command("set-role", "move a login to another role's group (out of the others)", server_commands)
    set_role.add_argument("name", metavar="NAME")
    set_role.add_argument("--role", required=True, choices=roles)
    remove_user = command("remove-user", "drop a login; its open sessions lose every privilege", server_commands)
    remove_user.add_argument("name", metavar="NAME")

    report = command("report", "a report (sales, VAT book, aging, stock valuation, renewals, headcount) to a PDF, "
                     "CSV or XLSX file, or as text; --list names them")
    report.add_argument("name", nargs="?", metavar="NAME", help="the report, e.g. vat-book (see --list)")
    report.add_argument("--list", action="store_true", help="list the reports with their options")
    report.add_argument("--from", dest="date_from", metavar="DATE",
                        help="first day (DD/MM/YYYY or YYYY-MM-DD; default: 1 January of this year)")
    report.add_argument("--to", dest="date_to", metavar="DATE",
                        help="last day, included; the date of an 'as of' report (default: today)")
    report.add_argument("--format", choices=("pdf", "csv", "xlsx"), help="default: from the file's extension")
    report.add_argument("-o", "--output", metavar="FILE", help="write here (without it: print to the terminal)")
    for key, what in (("customer", "a customer's code or NIF"), ("series", "an invoice series' code"),
                      ("warehouse", "a warehouse's code"), ("department", "a department's code")):
        report.add_argument(f"--{key}", metavar="CODE", help=f"only {what} (reports that take it)")

    shot = command("screenshot", "open the main window offscreen on one tab, save a PNG of it and exit")
    shot.add_argument("--tab", required=True,
                      choices=("dashboard", "invoices", "contracts", "inventory", "employees", "parties"))
    shot.add_argument("-o", "--output", required=True, metavar="FILE.png")
    shot.add_argument("--size", default="1440x900", metavar="WxH", help="window size (default 1440x900)")
    shot.add_argument("--theme", choices=("light", "dark"), default=None,
                      help="colour scheme (default: TRASTIENDA_THEME, else the system's)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    profile = getattr(args, "profile", None)
    if profile is not None and args.db is not None:
        parser.error("give --db or --profile, not both")
    from sqlalchemy.exc import OperationalError

    from app import admin, admin_offline
    from app.errors import TrastiendaError

    from app import i18n

    i18n.set_language(args.lang or i18n.chosen_language())  # the window re-reads its own choice
    try:
        if args.command in (None, "gui"):
            from ui.app import run_gui

            return run_gui(args.db, profile=profile, language=args.lang)
        if args.command == "profile":
            return admin.profile_command(args.profile_command, name=getattr(args, "name", None),
                                         url=getattr(args, "url", None), sslmode=getattr(args, "sslmode", None),
                                         sslrootcert=getattr(args, "sslrootcert", None))
        if getattr(args, "offline", False) and profile is None:
            parser.error("--offline works with --profile NAME (the offline copy of that server)")
        if args.command == "sync":
            if profile is None or args.offline:
                parser.error("sync needs --profile NAME, and the server (not --offline)")
            return admin_offline.sync_command(profile, export=args.export, fresh=args.fresh)
        if profile is not None and getattr(args, "offline", False):
            args.db = admin_offline.offline_target(profile)  # the replica file
        elif profile is not None:
            args.db = admin.profile_target(profile)  # a URL object: the password stays in memory
        if args.command == "screenshot":
            from ui.screenshot import take_screenshot

            width, _, height = args.size.partition("x")
            return take_screenshot(args.db, args.tab, args.output, (int(width), int(height)), args.lang,
                                   theme=args.theme)
        if args.command == "report":
            from app import admin_reports

            if args.list:
                return admin_reports.list_reports()
            return admin_reports.report_command(
                args.db, name=args.name, date_from=args.date_from, date_to=args.date_to, output=args.output,
                fmt=args.format, filters={k: getattr(args, k) for k in ("customer", "series", "warehouse",
                                                                        "department")})
        if args.command in ("backup", "restore"):
            from app import admin_backup

            if args.command == "backup":
                return admin_backup.backup_command(args.db, output=args.output)
            return admin_backup.restore_command(args.db, file=args.file, yes=args.yes)
        if args.command == "db":
            return admin.db_command(args.db_command, args.db, verbose=args.verbose)
        if args.command == "chain":
            return admin.chain_command(args.chain_command, args.db)
        if args.command == "series":
            return admin_offline.series_command(args.series_command, args.db, code=getattr(args, "code", None),
                                        workstation=getattr(args, "workstation", None))
        if args.command == "stock":
            return admin.stock_command(args.stock_command, args.db)
        if args.command == "contracts" and args.contracts_command == "bill":
            return admin.contracts_bill_command(args.db, until=args.until, post=args.post)
        if args.command == "contracts" and args.contracts_command == "refresh":
            return admin.contracts_refresh_command(args.db, today=args.today)
        if args.command == "invoice":
            if args.invoice_command == "list":
                return admin.invoice_list_command(args.db, as_json=args.json, series=args.series,
                                                  status=args.status)
            return admin.invoice_pdf_command(args.db, number=args.number, date_from=args.date_from,
                                             date_to=args.date_to, output=args.output)
        if args.command == "employees":
            return admin.employees_export_command(args.db, code=args.code, json_path=args.json_path,
                                                  pdf_path=args.pdf_path)
        if args.command == "server":
            return admin.server_command(args.server_command, args.db, name=getattr(args, "name", None),
                                        role=getattr(args, "role", None),
                                        password_stdin=getattr(args, "password_stdin", False))
        if args.command == "demo":
            return admin.demo_command(
                args.db,
                seed=args.seed,
                sizes=dict(customers=args.customers, products=args.products, invoices=args.invoices,
                           contracts=args.contracts, employees=args.employees),
                verbose=args.verbose,
            )
    except TrastiendaError as exc:
        admin.print_error(exc)
        return 1
    except OperationalError as exc:  # the server went away or cancelled a statement mid-command
        if getattr(args, "verbose", False):
            raise
        from app.db.engine import explain_connect_error, resolve_url

        admin.print_error(explain_connect_error(resolve_url(args.db), exc))
        return 1
    except KeyboardInterrupt:
        print("trastienda: interrupted", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
