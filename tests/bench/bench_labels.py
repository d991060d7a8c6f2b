"""Benchmark of the barcode label sheet against a bare reportlab page with the same text, in the same run.

    .venv/bin/python -m tests.bench.bench_labels [--labels 1000] [--rounds 3] [--layout 3x8] [--keep DIR]

Measures, in one process, as labels per second (best of ``--rounds``):
- ours, distinct: ``label_sheet_pdf`` of 1,000 different products, one copy
  each (one EAN-13 drawn per label: the worst case);
- ours, copies: 10 products x 100 copies (each label drawn once as a PDF form
  and placed 100 times: a shelf restock);
- ours, Code 128: 1,000 products without an EAN (the SKU fallback);
- ours, made again: the 1,000 distinct labels a second time, their barcodes
  cached (what the labels dialog does when the clerk changes a copy count);
- the baseline: a bare reportlab canvas drawing the very same strings at the
  same places in Helvetica (no embedded font, no barcode, no fitting), the
  same number of pages, one file.

Ratios are ours / baseline time: how far a label sheet is from the cheapest
page of the same words reportlab can make here. Unit tests never assert times.
"""

from __future__ import annotations

import argparse
import io
import os
import time
from decimal import Decimal as D
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as rl_canvas

from app.compliance.identifiers import ean13_check_digit
from app.documents import barcode_labels as bl
from app.documents.barcode_labels import LAYOUTS, LabelItem, label_sheet_pdf, sheets_needed


def ean(n: int) -> str:
    first12 = f"84{n:010d}"
    return first12 + ean13_check_digit(first12)


def catalogue(count: int, copies: int = 1, with_ean: bool = True) -> list[LabelItem]:
    return [LabelItem(name=f"Artículo de ferretería {n}: tornillería inoxidable A2 cabeza alomada",
                      sku=f"FER-{n:05d}", ean=ean(n) if with_ean else None, price=D("12.3967") + n,
                      tax_percent=D(21), copies=copies) for n in range(1, count + 1)]


def best_of(rounds: int, fn) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def bare_sheets(items: list[LabelItem], layout_key: str) -> bytes:
    """The baseline: name, price and SKU of each label in Helvetica at the label's place, nothing else."""
    layout = LAYOUTS[layout_key]
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4, pageCompression=1)
    slot = 0
    for item in items:
        for _copy in range(item.copies):
            if slot == layout.per_sheet:
                c.showPage()
                slot = 0
            x, y = layout.origin(slot)
            c.setFont("Helvetica-Bold", layout.name_size)
            c.drawString(x + 7, y + layout.label_h - 14, item.name[:40])
            c.setFont("Helvetica-Bold", layout.price_size)
            c.drawRightString(x + layout.label_w - 7, y + layout.label_h - 40, f"{item.consumer_price} €")
            c.setFont("Helvetica", 6)
            c.drawString(x + 7, y + layout.label_h - 40, item.sku)
            slot += 1
    c.showPage()
    c.save()
    return buf.getvalue()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--layout", default="3x8", choices=sorted(LAYOUTS))
    parser.add_argument("--keep", metavar="DIR", help="keep the PDFs written here")
    args = parser.parse_args(argv)
    n, key = args.labels, args.layout
    print(f"cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.2f}  rounds: best of {args.rounds}  "
          f"layout: {key}, {n:,} labels = {sheets_needed(n, key)} sheets")

    cases = {
        "ours, distinct EAN-13": catalogue(n),
        "ours, 10 products x copies": catalogue(10, copies=max(1, n // 10)),
        "ours, Code 128 of the SKU": catalogue(n, with_ean=False),
    }
    label_sheet_pdf(catalogue(2), key)  # fonts registered, caches warm
    baseline_items = cases["ours, distinct EAN-13"]
    bare = best_of(args.rounds, lambda: bare_sheets(baseline_items, key))
    print(f"\n  {'baseline (bare canvas, same words)':34s} {n / bare:9.0f} labels/s  {bare:7.3f} s")
    out_dir = Path(args.keep) if args.keep else None
    for name, items in cases.items():
        labels = sum(i.copies for i in items)

        def cold(items=items):
            bl._ean_symbol.cache_clear()  # as the first time these products are labelled
            return label_sheet_pdf(items, key)

        took = best_of(args.rounds, cold)
        size = len(label_sheet_pdf(items, key))
        print(f"  {name:34s} {labels / took:9.0f} labels/s  {took:7.3f} s  {size / 1024:7.0f} KiB  "
              f"{took / bare * n / labels:5.1f}x the baseline's time per label")
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
            (out_dir / f"{name.split(',')[1].strip().replace(' ', '_')}.pdf").write_bytes(label_sheet_pdf(items, key))
    items = cases["ours, distinct EAN-13"]
    label_sheet_pdf(items, key)
    warm = best_of(args.rounds, lambda: label_sheet_pdf(items, key))
    print(f"  {'ours, distinct EAN-13, made again':34s} {n / warm:9.0f} labels/s  {warm:7.3f} s  {'':11s}"
          f"{warm / bare:5.1f}x the baseline's time per label (barcodes cached: a copy count changed)")
    if out_dir is not None:
        print(f"\nPDFs kept in {out_dir}")


if __name__ == "__main__":
    main()
