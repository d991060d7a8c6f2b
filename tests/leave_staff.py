"""A small staff to test leave with, and acting as another login; shared by the service and the UI tests.

Marta (login "marta") heads everyone; Pepe ("pepe") manages Ana ("ana") and Luis in Ventas;
Rosa ("rosa") is in Almacén and manages nobody.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from app.db.session import Database
from app.domain.employees import Department, Employee


@dataclasses.dataclass
class Staff:
    ventas: uuid.UUID
    almacen: uuid.UUID
    marta: uuid.UUID
    pepe: uuid.UUID
    ana: uuid.UUID
    luis: uuid.UUID
    rosa: uuid.UUID


def add_employee(s, code, first, last, dept=None, manager=None, user=None, **kw) -> uuid.UUID:
    e = Employee(code=code, first_name=first, last_name=last, hire_date=kw.pop("hire_date", dt.date(2020, 1, 1)),
                 department_id=dept, manager_id=manager, user_name=user, **kw)
    s.add(e)
    s.flush()
    return e.id


def make_staff(db: Database) -> Staff:
    with db.session() as s:
        ventas, almacen = Department(code="VEN", name="Ventas"), Department(code="ALM", name="Almacén")
        s.add_all([ventas, almacen])
        s.flush()
        marta = add_employee(s, "E00001", "Marta", "Ruiz", user="marta")
        pepe = add_employee(s, "E00002", "Pepe", "López", ventas.id, marta, user="pepe")
        ana = add_employee(s, "E00003", "Ana", "García", ventas.id, pepe, user="ana")
        luis = add_employee(s, "E00004", "Luis", "Gil", ventas.id, pepe)
        rosa = add_employee(s, "E00005", "Rosa", "Sanz", almacen.id, user="rosa")
        return Staff(ventas.id, almacen.id, marta, pepe, ana, luis, rosa)


def as_login(db: Database, user: str | None, *roles: str) -> Database:
    """The same database, acting as another login (no roles: a clerk without HR)."""
    return Database(db.engine, user=user, roles=frozenset(roles))
