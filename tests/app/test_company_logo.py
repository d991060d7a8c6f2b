"""The company logo: a clerk's PNG or JPEG is kept; anything else is refused and changes nothing."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from app.errors import ValidationError
from app.services.company import CompanyData, find_company, save_company
from app.services.first_run import FirstSeries, set_up_company
from app.services.logo import MAX_BYTES, read_logo, read_logo_file

EBRO = dict(legal_name="Suministros Ebro SL", tax_id="B58378431", street="Calle Mayor 1", postal_code="50001",
            city="Zaragoza")


def image(size=(300, 100), kind="PNG", noise=False) -> bytes:
    out = io.BytesIO()
    if noise:  # incompressible: a real image whose file is large
        picture = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        picture = Image.new("RGB", size, (20, 60, 120))
    picture.save(out, kind)
    return out.getvalue()


def test_a_png_is_stored_kept_by_forms_that_do_not_show_it_and_removed_by_none(db):
    png = image()
    view = save_company(db, CompanyData(**EBRO, logo=png))
    assert (view.logo, view.logo_mime) == (png, "image/png")
    stored = find_company(db)
    assert (stored.logo, stored.logo_mime) == (png, "image/png")
    kept = save_company(db, CompanyData(**EBRO, phone="976 000 000"), view.version)  # no logo given: KEEP
    assert kept.logo == png and find_company(db).logo == png
    jpeg = image((640, 480), "JPEG")
    replaced = save_company(db, CompanyData(**EBRO, logo=jpeg), kept.version)
    assert (replaced.logo, replaced.logo_mime) == (jpeg, "image/jpeg")
    removed = save_company(db, CompanyData(**EBRO, logo=None), replaced.version)
    assert (removed.logo, removed.logo_mime) == (None, None)
    assert find_company(db).logo is None


def _refusals(tmp_path) -> list[tuple[str, bytes]]:
    renamed = tmp_path / "logo.png"
    renamed.write_text("Suministros Ebro SL: this is a text file, not a picture\n" * 20)
    png = image()
    gif = io.BytesIO()
    Image.new("RGB", (100, 100)).save(gif, "GIF")
    return [
        ("text renamed .png", renamed.read_bytes()),
        ("over 2 MB", image((1000, 800), noise=True)),
        ("PNG signature, then nothing", png[:8] + b"\0" * 200),
        ("cut off", png[:len(png) // 2]),
        ("GIF", gif.getvalue()),
        ("20 px tall", image((200, 20))),
        ("absurdly wide", image((3000, 100))),
        ("absurdly large", image((5000, 1000))),
    ]


def test_a_file_that_is_not_a_printable_logo_is_refused_naming_the_field_and_nothing_changes(db, tmp_path):
    png = image()
    before = save_company(db, CompanyData(**EBRO, logo=png))
    refusals = _refusals(tmp_path)
    assert len(refusals[1][1]) > MAX_BYTES  # the large one really is
    for what, data in refusals:
        with pytest.raises(ValidationError) as err:
            save_company(db, CompanyData(**{**EBRO, "city": "Huesca"}, logo=data), before.version)
        assert err.value.fields == {"logo"}, what
        assert find_company(db) == before, what  # neither the logo nor the city changed


def test_the_messages_say_what_is_wrong_with_the_file(tmp_path):
    messages = {}
    for what, data in _refusals(tmp_path):
        with pytest.raises(ValidationError) as err:
            read_logo(data)
        messages[what] = err.value.errors[0].message
    assert "2 MB" in messages["over 2 MB"]
    assert "PNG or JPEG" in messages["text renamed .png"] and "PNG or JPEG" in messages["GIF"]
    assert "200 x 20" in messages["20 px tall"] and "32" in messages["20 px tall"]
    assert "3000 x 100" in messages["absurdly wide"] and "10 times" in messages["absurdly wide"]
    assert "5000 x 1000" in messages["absurdly large"] and "4000" in messages["absurdly large"]
    assert read_logo(image((32, 32))).mime == "image/png"


def test_a_picked_file_is_read_only_when_its_size_allows(tmp_path):
    huge = tmp_path / "scan.png"
    with open(huge, "wb") as f:
        f.truncate(30 * 1024 * 1024)  # sparse: refused by its size, never read
    picked = tmp_path / "logo.png"
    picked.write_bytes(image((120, 40)))
    assert read_logo_file(picked).mime == "image/png" and read_logo_file(picked).width == 120
    for path, words in ((huge, "30.0 MB"), (tmp_path / "gone.png", "cannot be read")):
        with pytest.raises(ValidationError) as err:
            read_logo_file(path)
        assert err.value.fields == {"logo"} and words in err.value.errors[0].message


def test_the_first_run_stores_the_logo_with_the_company_or_nothing(db):
    with pytest.raises(ValidationError) as err:
        set_up_company(db, CompanyData(**EBRO, logo=b"GIF89a not a logo"), FirstSeries())
    assert err.value.fields == {"logo"} and find_company(db) is None
    png = image((400, 400))
    done = set_up_company(db, CompanyData(**EBRO, logo=png), FirstSeries())
    assert done.company.logo == png and find_company(db).logo_mime == "image/png"
