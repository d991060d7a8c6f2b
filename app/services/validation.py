"""Collects every field error of a form before anything is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from app.compliance import identifiers
from app.errors import FieldError, ValidationError
from app.i18n import _
from app.money import to_decimal

T = TypeVar("T")


def is_storable(text: str) -> bool:
    """Whether both backends can take ``text``: no NUL, valid UTF-8 (no lone UTF-16 surrogate).

    Nothing stored fails this (the Validator refuses it), so a search or a code
    lookup for such text finds nothing without asking the database.
    """
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Validator:
    """``v = Validator(); x = v.required("name", data.name); ...; v.done()``."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def error(self, field: str, message: str) -> None:
        if not any(e.field == field for e in self.errors):
            self.errors.append(FieldError(field, message))

    def ok(self, field: str) -> bool:
        return not any(e.field == field for e in self.errors)

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    # -- text ------------------------------------------------------------
    def text(self, field: str, value: str | None, *, required: bool = False, max_len: int = 200) -> str | None:
        value = (value or "").strip()
        if not value:
            if required:
                self.error(field, _("This field is required."))
            return None
        if not self.storable(field, value):
            return value
        if len(value) > max_len:
            self.error(field, _("Too long: at most {n} characters.").format(n=max_len))
        return value

    def storable(self, field: str, value: str) -> bool:
        """Refuse characters no database column can keep, naming the field.

        PostgreSQL cannot store a NUL in text (the driver would fail with an
        error naming no field), and a lone surrogate (broken UTF-16 pasted
        from elsewhere) is not valid UTF-8 on either backend.
        """
        if "\x00" in value:
            self.error(field, _("Contains a NUL character (an invisible control code, often pasted from "
                                "another program), which cannot be stored: remove it."))
            return False
        if not is_storable(value):
            self.error(field, _("Contains a character that is not valid text and cannot be stored: retype it."))
            return False
        return True

    def required(self, field: str, value: str | None, max_len: int = 200) -> str:
        return self.text(field, value, required=True, max_len=max_len) or ""

    def email(self, field: str, value: str | None) -> str | None:
        value = self.text(field, value)
        if value and ("@" not in value or "." not in value.rsplit("@", 1)[-1] or " " in value):
            self.error(field, _("Not a valid e-mail address."))
        return value

    # -- identifiers --------------------------------------------------------
    def _checked(self, field: str, value: str | None, check: Callable[[str], str], required: bool) -> str | None:
        value = (value or "").strip()
        if not value:
            if required:
                self.error(field, _("This field is required."))
            return None
        if not self.storable(field, value):
            return value
        try:
            return check(value)
        except ValueError as exc:
            self.error(field, str(exc))
            return value

    def tax_id(self, field: str, value: str | None, country: str = "ES", *, required: bool = False) -> str | None:
        return self._checked(field, value, lambda v: identifiers.clean_tax_id(v, country), required)

    def person_tax_id(self, field: str, value: str | None, *, required: bool = False) -> str | None:
        return self._checked(field, value, identifiers.clean_person_tax_id, required)

    def iban(self, field: str, value: str | None, *, required: bool = False) -> str | None:
        return self._checked(field, value, identifiers.clean_iban, required)

    def ean13(self, field: str, value: str | None) -> str | None:
        return self._checked(field, value, identifiers.clean_ean13, False)

    def social_security_number(self, field: str, value: str | None) -> str | None:
        return self._checked(field, value, identifiers.clean_social_security_number, False)

    # -- numbers and dates --------------------------------------------------
    def decimal(
        self,
        field: str,
        value: object,
        *,
        required: bool = True,
        min_value: Decimal | None = None,
        max_value: Decimal | None = None,
        positive: bool = False,
        places: int = 2,
    ) -> Decimal | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(field, _("This field is required."))
            return None
        try:
            d = to_decimal(value)
        except (TypeError, ValueError):
            self.error(field, _("Not a number."))
            return None
        if positive and d <= 0:
            self.error(field, _("Must be greater than zero."))
        elif min_value is not None and d < min_value:
            self.error(field, _("Must be at least {v}.").format(v=min_value))
        elif max_value is not None and d > max_value:
            self.error(field, _("Must be at most {v}.").format(v=max_value))
        elif d != d.quantize(Decimal(1).scaleb(-places)):
            self.error(field, _("At most {n} decimals.").format(n=places))
        return d

    def date(self, field: str, value: dt.date | None, *, required: bool = True) -> dt.date | None:
        if value is None:
            if required:
                self.error(field, _("This field is required."))
            return None
        if not isinstance(value, dt.date):
            self.error(field, _("Not a date."))
            return None
        return value

    def date_order(self, start_field: str, start: dt.date | None, end_field: str, end: dt.date | None) -> None:
        if start and end and end < start:
            words = {"hire_date": _("the hire date"), "start_date": _("the start date"), "start": _("the start"),
                     "issue_date": _("the issue date")}
            self.error(end_field, _("Must not be before {field}.").format(
                field=words.get(start_field, start_field.replace("_", " "))))

    def choice(self, field: str, value: object, enum_cls: type[T], *, required: bool = True) -> T | None:
        if value is None or value == "":
            if required:
                self.error(field, _("This field is required."))
            return None
        try:
            return enum_cls(value)  # type: ignore[call-arg]
        except ValueError:
            self.error(field, _("Unknown value {value!r}.").format(value=value))
            return None
