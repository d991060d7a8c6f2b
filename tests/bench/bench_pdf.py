"""Benchmark of the invoice PDF against a bare reportlab page with the same text, in the same run.

    .venv/bin/python -m tests.bench.bench_pdf [--singles 300] [--batch 1000] [--keep DIR]

Measures, in one process:
- single invoices: ``render_invoice`` of a 20-line invoice with its VERI*FACTU QR,
  each with a different number (so a different QR), as invoices per second;
- a batch: 1,000 such invoices into ONE PDF file with ``render_invoices``;
- the same batch read from a demo SQLite database (services + PDF: what
  ``invoice pdf --from --to`` does);
- the baseline: a bare reportlab canvas page drawing the very same strings
  at the same places in Helvetica (no embedded font, no QR, no layout);
- the QR alone: our encoder + drawing, and reportlab's own QR widget.

Targets (issue 4): >= 100 invoices/s; the 1,000-invoice batch under 15 s.
Figures are best of three rounds; ratios are ours / baseline, so they say
how far the invoice is from the cheapest page reportlab can make here.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import os
import tempfile
import time
import uuid
from decimal import Decimal as D
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as rl_canvas

from app.compliance.qr import encode_qr, validar_qr_url
from app.documents.drawing import draw_qr
from app.documents.invoice_pdf import InvoiceDocument, render_invoice, render_invoices
from app.domain.enums import InvoiceKind, InvoiceStatus
from app.services.company import CompanyView
from app.services.invoices import InvoiceLineView, InvoiceView
from app.services.totals import LineInput, compute_totals

TARGET_RATE, TARGET_BATCH_S = 100.0, 15.0
ISSUE = dt.date(2026, 3, 2)

COMPANY = CompanyView(
    id=uuid.uuid4(), legal_name="Suministros y Servicios del Ebro SL", trade_name="Trastienda Ebro",
    tax_id="B28543783", street="Calle del Coso, 87", postal_code="50001", city="Zaragoza", province="Zaragoza",
    country="ES", email="administracion@suministrosebro.es", phone="976 123 456",
    iban="ES9121000418450200051332", logo=None, logo_mime=None, simplified_invoice_limit=D(400),
    verifactu_production=False,
)


def invoice_view(lines: int = 20) -> InvoiceView:
    """A posted invoice of ``lines`` lines: mixed rates, some discounts, one exempt line."""
    specs = []
    for i in range(lines):
        rate = D(0) if i == lines - 1 else (D(21) if i % 3 else D(10))
        specs.append(LineInput(D(i % 5 + 1), D("12.50") + i, D(5) if i % 4 == 0 else D(0), rate, D(0),
                               "E1: Exenta por el artículo 20 de la Ley del IVA" if rate == 0 else None))
    totals = compute_totals(specs)
    views = tuple(
        InvoiceLineView(uuid.uuid4(), i, None, f"Artículo de ferretería {i + 1}: tornillería inoxidable A2",
                        s.quantity, s.unit_price, s.discount_percent, uuid.uuid4(), s.tax_percent, D(0), amount)
        for i, (s, amount) in enumerate(zip(specs, totals.line_amounts)))
    return InvoiceView(
        id=uuid.uuid4(), version=1, kind=InvoiceKind.INVOICE, status=InvoiceStatus.POSTED, series_id=uuid.uuid4(),
        series_code="F", fiscal_year=2026, number=1, full_number="F2026-000001", party_id=uuid.uuid4(),
        party_name="Ferretería López SL", party_tax_id="B12345674", party_address="Calle Mayor 1, 28001 Madrid",
        issue_date=ISSUE, operation_date=None, due_date=ISSUE + dt.timedelta(days=30), posted_at=None,
        currency="EUR", recargo_equivalencia=False, irpf_percent=None, corrected_invoice_id=None,
        correction_reason=None, notes="Entrega en almacén.", base_total=totals.base, tax_total=totals.tax,
        recargo_total=totals.recargo, irpf_total=totals.irpf, total=totals.total, paid_total=D(0),
        outstanding=totals.total, lines=views, tax_groups=totals.groups)


def numbered(view: InvoiceView, n: int) -> tuple[InvoiceView, str]:
    full = f"F2026-{n:06d}"
    url = validar_qr_url(COMPANY.tax_id, full, view.issue_date, view.total, production=False)
    return dataclasses.replace(view, number=n, full_number=full), url


def best_of(rounds: int, fn) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def record_strings(view: InvoiceView, url: str) -> list[tuple[float, float, float, str, str]]:
    """(x, y, size, alignment, text) of every string the invoice draws, caught from the canvas."""
    seen: list[tuple[float, float, float, str, str]] = []
    originals = {name: getattr(rl_canvas.Canvas, name) for name in ("drawString", "drawRightString", "drawCentredString")}

    def spy(name):
        def call(self, x, y, text, *args, **kw):
            seen.append((x, y, self._fontsize, name, text))
            return originals[name](self, x, y, text, *args, **kw)
        return call

    for name in originals:
        setattr(rl_canvas.Canvas, name, spy(name))
    try:
        render_invoice(view, COMPANY, qr_url=url)
    finally:
        for name, fn in originals.items():
            setattr(rl_canvas.Canvas, name, fn)
    return seen


def bare_pages(strings, pages: int, target) -> None:
    """The baseline: the same strings in Helvetica on a bare canvas, ``pages`` pages, one file."""
    c = rl_canvas.Canvas(target, pagesize=A4, pageCompression=1)
    for _ in range(pages):
        for x, y, size, how, text in strings:
            c.setFont("Helvetica", size)
            getattr(c, how)(x, y, text)
        c.showPage()
    c.save()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--singles", type=int, default=300, help="invoices rendered one PDF each per round")
    parser.add_argument("--batch", type=int, default=1000, help="invoices in the one-PDF batch")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", metavar="DIR", help="keep the PDFs written here")
    args = parser.parse_args(argv)
    out_dir = Path(args.keep or tempfile.mkdtemp(prefix="bench_pdf_"))
    out_dir.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.2f}  rounds: best of {args.rounds}")

    view = invoice_view(20)
    jobs = [numbered(view, n) for n in range(1, max(args.singles, args.batch) + 1)]
    render_invoice(jobs[0][0], COMPANY, qr_url=jobs[0][1])  # fonts registered, caches warm
    strings = record_strings(*jobs[0])

    # Single invoices, one PDF each.
    singles = jobs[:args.singles]
    ours = best_of(args.rounds, lambda: [render_invoice(v, COMPANY, qr_url=u) for v, u in singles])
    bare = best_of(args.rounds, lambda: [bare_pages(strings, 1, io.BytesIO()) for _ in singles])
    rate, bare_rate = len(singles) / ours, len(singles) / bare
    print(f"\nsingle 20-line invoice with QR ({len(strings)} strings a page):")
    print(f"  ours:     {rate:8.1f} invoices/s  ({1000 * ours / len(singles):.2f} ms each)"
          f"  target >= {TARGET_RATE:.0f}/s: {'met' if rate >= TARGET_RATE else 'MISSED'}")
    print(f"  baseline: {bare_rate:8.1f} pages/s     ({1000 * bare / len(singles):.2f} ms each)")
    print(f"  ratio:    {ours / bare:8.2f}x the baseline's time")

    # One PDF of many invoices.
    batch = jobs[:args.batch]
    path = out_dir / "batch.pdf"
    docs = [InvoiceDocument(v, COMPANY, u) for v, u in batch]
    ours_b = best_of(args.rounds, lambda: render_invoices(docs, path))
    bare_b = best_of(args.rounds, lambda: bare_pages(strings, len(batch), str(out_dir / "bare.pdf")))
    print(f"\nbatch of {len(batch):,} invoices into one PDF ({path.stat().st_size / 2**20:.1f} MiB):")
    print(f"  ours:     {ours_b:8.2f} s  ({len(batch) / ours_b:.0f} invoices/s)"
          f"  target < {TARGET_BATCH_S:.0f} s: {'met' if ours_b < TARGET_BATCH_S else 'MISSED'}")
    print(f"  baseline: {bare_b:8.2f} s  ({len(batch) / bare_b:.0f} pages/s)")
    print(f"  ratio:    {ours_b / bare_b:8.2f}x the baseline's time")

    batch_from_database(args.batch, out_dir)

    # The QR on its own: encoding and drawing, against reportlab's widget.
    urls = [u for _v, u in jobs[:200]]
    c = rl_canvas.Canvas(io.BytesIO())
    enc = best_of(args.rounds, lambda: [encode_qr(u) for u in urls]) / len(urls)
    symbols = [encode_qr(u) for u in urls]
    drawn = best_of(args.rounds, lambda: [draw_qr(c, s, 40, 800, 96) for s in symbols]) / len(urls)

    def widget(u):
        d = Drawing(96, 96)
        d.add(QrCodeWidget(u, barLevel="M", barWidth=96, barHeight=96))
        renderPDF.draw(d, c, 40, 700)

    rl = best_of(1, lambda: [widget(u) for u in urls[:20]]) / 20
    print(f"\nQR code: encode {1000 * enc:.2f} ms + draw {1000 * drawn:.2f} ms; "
          f"reportlab's QrCodeWidget {1000 * rl:.1f} ms ({rl / (enc + drawn):.0f}x ours)")
    if not args.keep:
        for p in out_dir.iterdir():
            p.unlink()
        out_dir.rmdir()
    else:
        print(f"\nPDFs kept in {out_dir}")


def batch_from_database(count: int, out_dir: Path) -> None:
    """``invoice pdf --from --to`` end to end: a demo SQLite database, services, one PDF."""
    from app.db.engine import make_engine
    from app.db import migrate
    from app.db.open import open_database
    from app.demo import generate_demo
    from app.services.invoice_documents import invoice_documents, posted_invoice_ids

    path = out_dir / "bench.sqlite3"
    engine = make_engine(path)
    migrate.upgrade(engine)
    engine.dispose()
    db = open_database(path)
    try:
        generate_demo(db, seed=1, customers=200, products=300, invoices=int(count * 1.4), contracts=0, employees=0)
        ids = posted_invoice_ids(db, dt.date(2000, 1, 1), dt.date(2100, 1, 1))[:count]
        started = time.perf_counter()
        render_invoices(invoice_documents(db, ids), out_dir / "from_db.pdf")
        took = time.perf_counter() - started
        print(f"\nbatch of {len(ids):,} demo invoices read from SQLite and printed to one PDF: {took:.2f} s "
              f"({len(ids) / took:.0f} invoices/s, one run)")
    finally:
        db.dispose()
        for p in out_dir.glob("bench.sqlite3*"):
            p.unlink()


if __name__ == "__main__":
    main()
