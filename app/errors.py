"""Errors a user can cause: typed, carrying the field they belong to.

A form shows each FieldError next to its widget; a command prints them as
``field: message`` lines. Raising one never leaves half a change behind,
because services validate before they write and run in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class TrastiendaError(Exception):
    """Base of every error meant to be shown to a person."""


class ValidationError(TrastiendaError):
    """One or more fields hold values the business rules refuse."""

    def __init__(self, errors: list[FieldError] | FieldError | str, message: str | None = None):
        if isinstance(errors, str):
            errors = [FieldError(errors, message or "")]
        elif isinstance(errors, FieldError):
            errors = [errors]
        if not errors:
            raise ValueError("ValidationError needs at least one FieldError")
        self.errors: list[FieldError] = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    @property
    def field(self) -> str:
        """The first offending field (the one a form focuses)."""
        return self.errors[0].field

    @property
    def fields(self) -> set[str]:
        return {e.field for e in self.errors}

    def message_for(self, field: str) -> str | None:
        for e in self.errors:
            if e.field == field:
                return e.message
        return None


class NotFoundError(TrastiendaError):
    """The record asked for does not exist (or was deleted by someone else)."""


class ConflictError(TrastiendaError):
    """Someone else changed the record since it was read (optimistic lock)."""


class DatabaseUnavailableError(TrastiendaError):
    """The database cannot be opened: server down, bad password, not a database."""


class LoginRefusedError(DatabaseUnavailableError):
    """The server refused the user name or password (a stored password that fails is forgotten).

    ``password_missing``: the server asked for a password and none was given.
    """

    def __init__(self, message: str, *, password_missing: bool = False):
        self.password_missing = password_missing
        super().__init__(message)

    def __reduce__(self):
        return _login_refused, (str(self), self.password_missing)


def _login_refused(message: str, password_missing: bool) -> LoginRefusedError:
    return LoginRefusedError(message, password_missing=password_missing)


@dataclass(frozen=True)
class Shortage:
    """A move that would leave a warehouse with less than nothing of a product."""

    product: str  # "SKU - name"
    warehouse: str  # code
    on_hand: object  # Decimal before the move
    wanted: object  # Decimal the move takes out
    field: str = "quantity"

    def __str__(self) -> str:
        from app.i18n import _

        return _("{product}: {on_hand} on hand in {warehouse}, {wanted} wanted").format(
            product=self.product, on_hand=_plain(self.on_hand), warehouse=self.warehouse, wanted=_plain(self.wanted))


def _plain(quantity) -> str:
    """``100``, ``2.5``: a quantity without the trailing zeros of its column's scale."""
    try:
        text = format(quantity.normalize(), "f")
    except AttributeError:
        return str(quantity)
    return "0" if text in ("-0", "0") else text


class NegativeStockWarning(TrastiendaError):
    """The moves would leave stock below zero and the company asks first (policy "warn").

    Nothing was written. Ask the clerk and call again with ``allow_negative=True``.
    """

    def __init__(self, shortages: list[Shortage]):
        from app.i18n import _

        self.shortages = list(shortages)
        super().__init__(_("Not enough stock: {list}.").format(list="; ".join(str(x) for x in self.shortages)))

    def __reduce__(self):  # crosses process boundaries (worker pools) with its shortages intact
        return type(self), (self.shortages,)


class PostingQueued(TrastiendaError):
    """Offline, a draft of a series the server numbers: kept to be posted (and numbered) at the next sync.

    The draft was checked as posting checks it, and nothing but the request to post was written.
    """


class PermissionDeniedError(TrastiendaError):
    """The person acting lacks the role the change or the reading needs.

    ``field`` names the restricted field when one is to blame, so a form can
    show the refusal next to it.
    """

    def __init__(self, message: str, field: str | None = None):
        self.field = field
        super().__init__(message)

    def __reduce__(self):
        return type(self), (str(self), self.field)


@dataclass(frozen=True)
class Clash:
    """Someone else away on some of the same days (a leave overlap worth a look)."""

    who: str  # "E00012 Ana García"
    start: object  # date
    end: object  # date

    def __str__(self) -> str:
        return f"{self.who} ({self.start:%d/%m/%Y}–{self.end:%d/%m/%Y})"


class LeaveWarning(TrastiendaError):
    """A leave request is valid but worth a second look; nothing was written.

    ``clashes``: colleagues of the same department away on some of the days.
    ``over_balance``: days beyond the balance (policy "warn"), or None.
    Ask the clerk and call again with ``confirm=True``.
    """

    def __init__(self, message: str, clashes: list[Clash] | None = None, over_balance: object = None):
        self.clashes = list(clashes or [])
        self.over_balance = over_balance
        super().__init__(message)

    def __reduce__(self):
        return type(self), (str(self), self.clashes, self.over_balance)
