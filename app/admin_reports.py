"""``main.py report``: a report to a PDF, CSV or XLSX file, or as text on the terminal; ``report --list``."""

from __future__ import annotations

import sys
from pathlib import Path

from app.errors import FieldError, ValidationError
from app.i18n import _


def list_reports() -> int:
    from app.reports import REPORTS

    width = max(len(n) for n in REPORTS)
    for name, spec in sorted(REPORTS.items()):
        dates = "--to DATE (as of)" if spec.as_of else "--from DATE --to DATE"
        filters = " ".join(f"[--{f} X]" for f in spec.filters)
        print(f"{name:<{width}}  {spec.title()}: {spec.description()}")
        print(f"{'':<{width}}    {dates} {filters}".rstrip())
    return 0


def _format(output: str | None, fmt: str | None) -> str | None:
    if fmt is not None:
        return fmt
    if output is None:
        return None
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix in ("pdf", "csv", "xlsx"):
        return suffix
    raise ValidationError("--format", _("Say the format with --format pdf|csv|xlsx, or end the file name with "
                                        ".pdf, .csv or .xlsx."))


def report_command(db: str | None, *, name: str | None, date_from: str | None, date_to: str | None,
                   output: str | None, fmt: str | None, filters: dict[str, str | None]) -> int:
    """Print or write one report. The period defaults to this year up to today; an "as of" report reads --to.

    Exit 0 with the file written (an empty period still writes a file that
    says so); 1 with one line per problem (unknown report, bad date, unknown
    filter value) and nothing written.
    """
    from app.admin import _existing_database, parse_date
    from app.reports import REPORTS, Period, default_period, run_report
    from app.reports.output import company_name, save_report

    if not name:
        raise ValidationError("NAME", _("Name a report; `main.py report --list` lists them."))
    spec = REPORTS.get(name)
    if spec is None:
        raise ValidationError("NAME", _("Unknown report {name}; `main.py report --list` lists them.").format(
            name=name))
    fmt = _format(output, fmt)
    if fmt is not None and output is None:
        raise ValidationError("-o", _("Name the file to write with -o FILE."))
    default = default_period()
    start = parse_date(date_from, "--from") if date_from else default.start
    end = parse_date(date_to, "--to") if date_to else default.end
    if spec.as_of and date_from:
        print(_("trastienda: note: {name} is as of one date (--to); --from is not used.").format(name=name),
              file=sys.stderr)
    database = _existing_database(db)
    try:
        try:
            report = run_report(database, name, Period(start, end), filters)
        except ValidationError as exc:  # name the option the person typed, not the filter's key
            raise ValidationError([FieldError(f"--{e.field}" if e.field in filters else e.field, e.message)
                                   for e in exc.errors]) from None
        if output is None:
            _print(report)
            return 0
        rows = save_report(report, output, fmt, company=company_name(database))
    finally:
        database.dispose()
    for note in report.notes if report.empty else ():
        print(f"trastienda: note: {note}", file=sys.stderr)
    print(_("{title}, {period}: {n} rows written to {path}").format(
        title=report.title, period=report.period_text, n=rows, path=output))
    return 0


def _print(report) -> None:
    """The report as an aligned text table (what a quick look from a terminal needs)."""
    from app.documents.report_pdf import cell_text

    print(report.title)
    print(report.period_text + (f" · {report.filters_text}" if report.filters_text else ""))
    for note in report.notes:
        print(note)
    if report.empty:
        return
    cols = report.columns
    lines = [[c.title for c in cols]]
    for row in [*report.rows, *([report.totals] if report.totals else [])]:
        lines.append([cell_text(c, row.get(c.key)) for c in cols])
    widths = [min(40, max(len(line[i]) for line in lines)) for i in range(len(cols))]
    right = {i for i, c in enumerate(cols) if c.kind in ("money", "price", "quantity", "percent")}
    for n, line in enumerate(lines):
        cells = [(v[:w - 1] + "…" if len(v) > w else v) for v, w in zip(line, widths)]
        print("  ".join(v.rjust(w) if i in right else v.ljust(w) for i, (v, w) in enumerate(zip(cells, widths)))
              .rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))

