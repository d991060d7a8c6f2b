"""Helpers for the PDF scenarios: the issuer, and reading PDFs back with poppler and zbar.

Everything reads the real file: pdftotext for the words, pdfinfo for pages,
pdffonts for embedding, pdftoppm + zbarimg for the QR code. A missing tool
fails the test with the package to install (CI installs them in .ci/run).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from app.domain.company import Company

ISSUER = dict(legal_name="Suministros del Ebro SL", trade_name="Trastienda Ebro", tax_id="A58818501",
              street="Calle del Coso, 87", postal_code="50001", city="Zaragoza", province="Zaragoza",
              email="administracion@suministrosebro.es", phone="976 123 456",
              iban="ES9121000418450200051332")


def make_company(db, **overrides) -> None:
    with db.session() as s:
        s.add(Company(**{**ISSUER, **overrides}))


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: apt-get install {package}"
    return path


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=120)


def save(tmp_path: Path, data: bytes, name: str = "invoice.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def text(pdf: Path, page: int | None = None, layout: bool = True) -> str:
    """The words of the PDF (or of one page), in reading layout."""
    args = [_tool("pdftotext", "poppler-utils")]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = _run(*args, str(pdf), "-")
    assert out.returncode == 0, out.stderr
    return out.stdout


def flat(s: str) -> str:
    """Whitespace collapsed to single spaces: lines and columns read as one string.

    "21 %" is read as "21 %" or "21%" depending on pdftotext's spacing guess; both become "21 %".
    """
    return " ".join(s.split()).replace(" %", "%").replace("%", " %")


def pages(pdf: Path) -> int:
    out = _run(_tool("pdfinfo", "poppler-utils"), str(pdf))
    assert out.returncode == 0, out.stderr
    return int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M).group(1))


def fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) of every font the PDF uses."""
    out = _run(_tool("pdffonts", "poppler-utils"), str(pdf))
    assert out.returncode == 0, out.stderr
    rows = out.stdout.splitlines()[2:]
    return [(r.split()[0], r.split()[-5]) for r in rows if r.strip()]


def png(pdf: Path, page: int, dpi: int = 200) -> Path:
    prefix = pdf.with_name(f"{pdf.stem}-p{page}-{dpi}")
    out = _run(_tool("pdftoppm", "poppler-utils"), "-r", str(dpi), "-f", str(page), "-l", str(page),
               "-png", "-singlefile", str(pdf), str(prefix))
    assert out.returncode == 0, out.stderr
    return prefix.with_suffix(".png")


def qr_codes(pdf: Path, page: int = 1, dpi: int = 200) -> list[str]:
    """The texts of the QR codes zbar reads on one page (none: an empty list)."""
    image = png(pdf, page, dpi)
    out = _run(_tool("zbarimg", "zbar-tools"), "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image))
    # zbarimg exits 4 when it finds no symbol; anything else non-zero is a real failure.
    assert out.returncode in (0, 4), out.stderr
    return [line for line in out.stdout.splitlines() if line]


def word_boxes(pdf: Path, page: int = 1) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in points from the top-left corner, from pdftotext -bbox."""
    out = _run(_tool("pdftotext", "poppler-utils"), "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-")
    assert out.returncode == 0, out.stderr
    pattern = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
    return [(m.group(5), *map(float, m.group(1, 2, 3, 4))) for m in pattern.finditer(out.stdout)]


def images(pdf: Path) -> list[dict]:
    """The images drawn in the PDF, from pdfimages -list: page, width/height in pixels, x/y ppi
    (a soft mask, the transparency of the image before it, is left out)."""
    out = _run(_tool("pdfimages", "poppler-utils"), "-list", str(pdf))
    assert out.returncode == 0, out.stderr
    found = []
    for row in out.stdout.splitlines()[2:]:
        cells = row.split()
        if len(cells) >= 14 and cells[2] != "smask":
            found.append(dict(page=int(cells[0]), type=cells[2], width=int(cells[3]), height=int(cells[4]),
                              x_ppi=int(cells[12]), y_ppi=int(cells[13])))
    return found
