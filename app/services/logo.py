"""The company logo: a PNG or JPEG that every invoice and contract summary can print.

It is checked once, when the clerk picks it, rather than at each printing: the
file must be a PNG or JPEG that decodes whole (reportlab's ImageReader, the
reader the documents use), at most 2 MB, and of a size a logo can have. A file
that passes prints; the documents still leave out a logo they cannot read
(app.documents.invoice_pdf), so an old database's logo never stops an invoice.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass

from reportlab.lib.utils import ImageReader

from app.i18n import _
from app.locale_format import format_number
from app.services.validation import Validator

FIELD = "logo"
MAX_BYTES = 2 * 1024 * 1024
MIN_PX = 32  # smaller prints as a smudge
MAX_PX = 4000  # 55 mm at 1,800 dpi: more only makes every PDF heavier (and decoding it slower)
MAX_RATIO = 10  # wider (or taller) than this prints as a hairline in the 55 x 20 mm box
KINDS = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))


@dataclass(frozen=True)
class Logo:
    data: bytes
    mime: str
    width: int  # pixels
    height: int


def _kind(data: bytes) -> str | None:
    return next((mime for magic, mime in KINDS if data.startswith(magic)), None)


def read_logo(data: bytes, v: Validator | None = None) -> Logo | None:
    """The checked logo; ValidationError on ``logo`` saying what is wrong with the file.

    Given a ``v``, the error is collected there instead and None returned.
    """
    own = v is None
    v = v or Validator()
    logo = _check(bytes(data), v)
    if own:
        v.done()
    return logo


def read_logo_file(path: str | os.PathLike) -> Logo:
    """The checked logo in the file at ``path``; ValidationError on ``logo`` otherwise.

    A file over the limit is refused by its size, before it is read.
    """
    v = Validator()
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            v.error(FIELD, _too_large(size))
        else:
            with open(path, "rb") as f:
                logo = _check(f.read(MAX_BYTES + 1), v)
    except OSError as exc:
        v.error(FIELD, _("This file cannot be read: {reason}").format(reason=exc.strerror or exc))
    v.done()
    return logo


def _too_large(size: int) -> str:
    return _("The logo file is {size} MB: it can be at most 2 MB.").format(size=format_number(size / 1024 / 1024, 1))


def _check(data: bytes, v: Validator) -> Logo | None:
    if len(data) > MAX_BYTES:
        v.error(FIELD, _too_large(len(data)))
        return None
    mime = _kind(data)
    if mime is None:
        v.error(FIELD, _("The logo must be a PNG or JPEG image."))
        return None
    try:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
    except Exception:  # reportlab and Pillow raise many kinds; each means "not an image"
        v.error(FIELD, _("This file is not a readable PNG or JPEG image."))
        return None
    if min(width, height) < MIN_PX:
        v.error(FIELD, _("The logo is {w} x {h} pixels: it needs at least {min} on each side.").format(
            w=width, h=height, min=MIN_PX))
        return None
    if max(width, height) > MAX_PX:
        v.error(FIELD, _("The logo is {w} x {h} pixels: it can be at most {max} on each side.").format(
            w=width, h=height, max=MAX_PX))
        return None
    if max(width, height) > MAX_RATIO * min(width, height):
        v.error(FIELD, _("The logo is {w} x {h} pixels: it would print as a thin line. "
                         "It can be at most {ratio} times wider than tall, or taller than wide.").format(
            w=width, h=height, ratio=MAX_RATIO))
        return None
    try:
        reader.getRGBData()  # the whole image, as printing will decode it: a cut-off file fails here
    except Exception:
        v.error(FIELD, _("This image is damaged (cut off or corrupt): save it again and pick the new file."))
        return None
    return Logo(data, mime, width, height)


def logo_values(data: bytes | None, v: Validator) -> dict:
    """The company columns for ``data`` (None: no logo); errors go to ``v``."""
    if not data:
        return {"logo": None, "logo_mime": None}
    logo = _check(bytes(data), v)
    return {"logo": logo.data, "logo_mime": logo.mime} if logo else {"logo": None, "logo_mime": None}

