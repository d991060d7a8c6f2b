"""The personal-data export as a PDF: what the person who asked for their data reads.

Spanish (the reader is the employee, not the clerk), A4, the company as data
controller, one section per kind of data as tables that flow over as many
pages as they need (the header row repeated), "Página N de M" on every page.
Unlike the invoice, the length here is anyone's guess, so platypus lays it
out; fonts, colours and number formats are the other documents' own. The
input is the JSON-ready dict of ``app.services.personal_data``: the PDF shows
exactly what the JSON holds. No session here.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.documents import labels as fmt
from app.documents.drawing import fit
from app.documents.fonts import BOLD, REGULAR, register_fonts
from app.documents.style import (
    ACCENT,
    BODY,
    INK,
    LEADING,
    LEFT,
    MUTED,
    PAGE_H,
    RIGHT,
    RULE,
    SMALL,
    STRIPE,
    WIDTH,
    rule,
    text,
)

TOP_MARGIN = 22 * mm  # room for the running header of pages after the first
BOTTOM_MARGIN = 22 * mm
EMPTY = "—"
KEEP_WITH_HEADING = 38 * mm  # a heading, its table's header and two or three rows

ES: dict[str, str] = {
    "title": "Datos personales de {name}",
    "document": "Datos personales",
    "generated": "Generado el {date} a las {time}",
    "intro": "Este documento recoge todos los datos personales que {controller} trata sobre usted, en respuesta a "
             "su solicitud de acceso (art. 15 del Reglamento General de Protección de Datos y art. 13 de la "
             "LOPDGDD). El registro de accesos indica quién consultó o modificó sus datos y cuándo, sin repetir "
             "los valores.",
    "controller": "Responsable del tratamiento",
    "no_controller": "Los datos de la empresa no están configurados.",
    "tax_id": "NIF",
    "email": "Correo electrónico",
    "phone": "Teléfono",
    "person": "Datos personales",
    "job": "Puesto de trabajo y retribución",
    "leave_requests": "Ausencias y permisos",
    "leave_allowances": "Días de vacaciones asignados",
    "documents": "Documentos",
    "contracts": "Contratos de trabajo",
    "audit_trail": "Registro de accesos y cambios",
    "none": "Ninguno.",
    "yes": "Sí",
    "no": "No",
    "continued": "Continúa en la página siguiente",
    "page": "Página {page} de {pages}",
}

# Field names as the reader knows them (also the "fields" of audit entries).
FIELDS: dict[str, str] = {
    "code": "Código de empleado", "first_name": "Nombre", "last_name": "Apellidos", "full_name": "Nombre completo",
    "tax_id": "NIF / NIE", "social_security_number": "N.º de la Seguridad Social", "birth_date": "Fecha de nacimiento",
    "street": "Dirección", "postal_code": "Código postal", "city": "Localidad", "province": "Provincia",
    "country": "País", "phone": "Teléfono", "email": "Correo electrónico", "iban": "IBAN",
    "emergency_contact": "Contacto de emergencia", "user_name": "Usuario de acceso", "created_at": "Alta en el registro",
    "blocked_at": "Datos bloqueados el", "blocked_by": "Bloqueados por", "block_reason": "Motivo del bloqueo",
    "anonymised_at": "Anonimizado el",
    "department": "Departamento", "department_code": "Código de departamento", "department_id": "Departamento",
    "position": "Puesto", "manager": "Responsable", "manager_id": "Responsable", "manager_code": "Código del responsable",
    "hire_date": "Fecha de alta", "end_date": "Fecha de baja", "weekly_hours": "Horas semanales",
    "salary": "Salario bruto anual", "payments_per_year": "Pagas al año", "archived_at": "Archivado el",
    "reason": "Motivo", "kind": "Tipo", "title": "Título", "expires_on": "Caducidad",
    **{k: v for k, v in ES.items() if k in ("person", "job", "leave_requests", "leave_allowances", "documents",
                                              "contracts", "audit_trail")},
}

LEAVE_KINDS = {"vacation": "Vacaciones", "sick": "Baja por enfermedad", "personal": "Asuntos propios",
               "unpaid": "Permiso no retribuido", "other": "Otro"}
LEAVE_STATUSES = {"requested": "Solicitada", "approved": "Aprobada", "rejected": "Rechazada",
                  "cancelled": "Cancelada"}
DOCUMENT_KINDS = {"contract": "Contrato", "certificate": "Certificado", "permit": "Permiso o licencia",
                  "identity": "Documento de identidad", "other": "Otro"}
ACTIONS = {"view": "Consulta", "create": "Alta", "change": "Modificación", "export": "Exportación",
           "block": "Bloqueo", "unblock": "Desbloqueo", "anonymise": "Anonimización", "document": "Documento"}
NOTES = {"added": "añadido", "opened": "abierto", "changed": "modificado", "removed": "retirado"}

PERSON_ROWS = ("code", "first_name", "last_name", "tax_id", "social_security_number", "birth_date", "street",
               "postal_code", "city", "province", "country", "phone", "email", "iban", "emergency_contact",
               "user_name", "created_at", "blocked_at", "blocked_by", "block_reason", "anonymised_at")
JOB_ROWS = ("department", "position", "manager", "hire_date", "end_date", "weekly_hours", "salary",
            "payments_per_year", "archived_at")


# -- values as the reader reads them ----------------------------------------------------------------

def _date(value: str | None) -> str:
    return fmt.date(dt.date.fromisoformat(value[:10])) if value else EMPTY


def _when(value: str | None) -> str:
    if not value:
        return EMPTY
    at = dt.datetime.fromisoformat(value)
    at = at.astimezone() if at.tzinfo else at
    return f"{fmt.date(at.date())} {at:%H:%M}"


def _money(value: str | None) -> str:
    return fmt.money(Decimal(value)) if value is not None else EMPTY


def _number(value: str | None) -> str:
    return fmt.quantity(Decimal(value)) if value is not None else EMPTY


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{fmt.quantity(Decimal(n) / 1024 // 1)} KB"
    return f"{fmt.quantity(round(Decimal(n) / 1024 / 1024, 1))} MB"


def _value(key: str, value: object) -> str:
    """One field of the person or the job, formatted by what it is."""
    if value is None or value == "":
        return EMPTY
    if key in ("birth_date", "hire_date", "end_date"):
        return _date(value)
    if key in ("created_at", "blocked_at", "anonymised_at", "archived_at"):
        return _when(value)
    if key == "salary":
        return _money(value)
    if key == "weekly_hours":
        return f"{_number(value)} h"
    return str(value)


def _note(note: str | None) -> str:
    if not note:
        return ""
    head, sep, rest = note.partition(": ")
    if not sep or head not in NOTES:
        return note
    kind, document, short_id = rest.partition(" document ")  # "permit document 3f2a9c1e"
    if document:
        rest = f"{DOCUMENT_KINDS.get(kind, kind).lower()} {short_id}"
    return f"{NOTES[head]}: {rest}"


# -- styles ----------------------------------------------------------------------------------------------

def _styles() -> dict[str, ParagraphStyle]:
    ink, muted, accent = colors.Color(*INK), colors.Color(*MUTED), colors.Color(*ACCENT)
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=BODY, leading=LEADING, textColor=ink)
    return {
        "body": base,
        "muted": ParagraphStyle("muted", parent=base, textColor=muted),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=15, leading=19, textColor=accent),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=10.5, leading=13, textColor=accent,
                             spaceBefore=5 * mm, spaceAfter=1.5 * mm),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "label": ParagraphStyle("label", parent=base, fontSize=SMALL, leading=10, textColor=muted),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=SMALL, leading=9, textColor=colors.white),
        "head_r": ParagraphStyle("head_r", parent=base, fontName=BOLD, fontSize=SMALL, leading=9,
                                 textColor=colors.white, alignment=TA_RIGHT),
        "num": ParagraphStyle("num", parent=base, fontSize=8, leading=10, alignment=TA_RIGHT),
        "small": ParagraphStyle("small", parent=base, fontSize=6.5, leading=8, textColor=muted),
    }


def _p(s: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(s).replace("\n", "<br/>"), style)


class _Builder:
    def __init__(self, data: dict):
        self.data, self.st = data, _styles()

    # A table of records: a header row (repeated on every page) and striped rows that break between pages.
    def table(self, headers: list[str], widths_mm: list[float], rows: list[list[object]],
              numeric: tuple[int, ...] = ()) -> Table:
        """``numeric``: the columns aligned right (amounts, days, sizes)."""
        st = self.st
        cells = [[_p(h, st["head_r"] if i in numeric else st["head"]) for i, h in enumerate(headers)]]
        for row in rows:
            cells.append([c if isinstance(c, (Paragraph, list)) else _p(str(c), st["num"] if i in numeric else st["cell"])
                          for i, c in enumerate(row)])
        table = Table(cells, colWidths=[w * mm for w in widths_mm], repeatRows=1, hAlign="LEFT")
        style = [("FONTNAME", (0, 0), (-1, -1), REGULAR), ("BACKGROUND", (0, 0), (-1, 0), colors.Color(*ACCENT)),
                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
                 ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                 ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.Color(*ACCENT))]
        style += [("BACKGROUND", (0, i), (-1, i), colors.Color(*STRIPE)) for i in range(2, len(cells), 2)]
        table.setStyle(TableStyle(style))
        return table

    # Label/value pairs, two pairs a row.
    def fields(self, pairs: list[tuple[str, str]]) -> Table:
        rows = []
        for i in range(0, len(pairs), 2):
            row = []
            for label, value in pairs[i:i + 2]:
                row += [_p(label, self.st["label"]), _p(value, self.st["cell"])]
            rows.append(row + [""] * (4 - len(row)))
        table = Table(rows, colWidths=[33 * mm, 57 * mm, 33 * mm, 57 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 1.8 * mm),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.Color(*RULE))]))
        return table

    def section(self, key: str, body) -> list:
        # A heading never ends a page alone: it starts a new one unless its table's first rows fit below it.
        return [CondPageBreak(KEEP_WITH_HEADING), _p(ES[key], self.st["h2"]), body]

    def _records(self, key: str, headers, widths, rows, numeric: tuple[int, ...] = ()) -> list:
        if not rows:
            return self.section(key, _p(ES["none"], self.st["muted"]))
        return self.section(key, self.table(headers, widths, rows, numeric))

    # -- the parts ---------------------------------------------------------------------------------

    def heading(self) -> list:
        d, st = self.data, self.st
        at = dt.datetime.fromisoformat(d["generated_at"])
        at = at.astimezone() if at.tzinfo else at
        person = d["person"]
        co = d.get("controller")
        out = [_p(ES["title"].format(name=person.get("full_name") or ""), st["title"]), Spacer(0, 1 * mm),
               _p(ES["generated"].format(date=fmt.date(at.date()), time=f"{at:%H:%M}"), st["muted"]),
               Spacer(0, 4 * mm)]
        lines = [_p(ES["controller"].upper(), st["label"])]
        if co:
            lines.append(Paragraph(f"<b>{escape(co['legal_name'])}</b>", st["body"]))
            lines.append(_p(f"{ES['tax_id']}: {co['tax_id']}", st["body"]))
            lines += [_p(a, st["body"]) for a in co.get("address_lines") or ()]
            contact = " · ".join(p for p in (co.get("email"), co.get("phone")) if p)
            if contact:
                lines.append(_p(contact, st["body"]))
        else:
            lines.append(_p(ES["no_controller"], st["muted"]))
        box = Table([[lines]], colWidths=[WIDTH], hAlign="LEFT")
        box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("BOX", (0, 0), (-1, -1), 0.6, colors.Color(*RULE)),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm), ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm)]))
        name = co["legal_name"] if co else "la empresa"
        out += [KeepTogether([box]), Spacer(0, 3 * mm), _p(ES["intro"].format(controller=name), st["body"])]
        return out

    def person(self) -> list:
        p = self.data["person"]
        return self.section("person", self.fields([(FIELDS[k], _value(k, p.get(k))) for k in PERSON_ROWS
                                                   if k in ("code", "first_name", "last_name", "tax_id") or
                                                   not k.startswith(("blocked", "block_", "anonymised"))
                                                   or p.get(k)]))

    def job(self) -> list:
        j = self.data["job"]
        values = dict(j)
        if j.get("department_code") and j.get("department"):
            values["department"] = f"{j['department']} ({j['department_code']})"
        if j.get("manager_code") and j.get("manager"):
            values["manager"] = f"{j['manager']} ({j['manager_code']})"
        keys = [k for k in JOB_ROWS if k != "archived_at" or j.get(k)]
        return self.section("job", self.fields([(FIELDS[k], _value(k, values.get(k))) for k in keys]))

    def leave(self) -> list:
        rows = [[LEAVE_KINDS.get(r["kind"], r["kind"]), LEAVE_STATUSES.get(r["status"], r["status"]),
                 _date(r["start_date"]), _date(r["end_date"]),
                 _number(r["days"]) + (" (½)" if r.get("half_day") else ""), r.get("reason") or "",
                 r.get("approved_by") or "", _date(r.get("requested_at"))] for r in self.data["leave_requests"]]
        return self._records("leave_requests", ["Tipo", "Estado", "Desde", "Hasta", "Días", "Motivo", "Decidida por",
                                                "Solicitada"],
                             [27, 18, 20, 20, 10, 37, 28, 20], rows, numeric=(4,))

    def allowances(self) -> list:
        rows = [[str(a["year"]), _number(a["days"]), _number(a["carried_over"])]
                for a in self.data["leave_allowances"]]
        return self._records("leave_allowances", ["Año", "Días asignados", "Días arrastrados", ""],
                             [20, 35, 35, 90], [r + [""] for r in rows], numeric=(1, 2))

    def documents(self) -> list:
        st, rows = self.st, []
        for d in self.data["documents"]:
            sha = " ".join(d["sha256"][i:i + 16] for i in range(0, len(d["sha256"]), 16))
            rows.append([DOCUMENT_KINDS.get(d["kind"], d["kind"]),
                         [_p(d["title"], st["cell"]), _p(f"{d['filename']} · {d['mime_type']}", st["small"]),
                          _p(f"SHA-256: {sha}", st["small"])],
                         _size(d["size"]), _date(d.get("expires_on")), _date(d["added_at"]),
                         _date(d.get("removed_at")) if d.get("removed_at") else ""])
        return self._records("documents", ["Tipo", "Documento", "Tamaño", "Caduca", "Añadido", "Retirado"],
                             [26, 77, 17, 20, 20, 20], rows, numeric=(2,))

    def contracts(self) -> list:
        labels = fmt.CONTRACT_ES
        rows = []
        for c in self.data["contracts"]:
            end = _date(c.get("end_date")) if c.get("end_date") else labels["open_ended"]
            extra = []
            if c.get("terminated_on"):
                extra.append(f"{labels['terminated_on']} {_date(c['terminated_on'])}"
                             + (f": {c['termination_reason']}" if c.get("termination_reason") else ""))
            if c.get("notice_given_on"):
                extra.append(f"{labels['notice_given_on']} {_date(c['notice_given_on'])}")
            title = [_p(c["title"], self.st["cell"])] + [_p(x, self.st["small"]) for x in extra]
            rows.append([c.get("reference") or "", title, labels.get(c["status"], c["status"]),
                         _date(c["start_date"]), end, _money(c["value"]) if c.get("value") is not None else ""])
        return self._records("contracts", ["Referencia", "Título", "Estado", "Inicio", "Fin", "Valor"],
                             [24, 62, 22, 20, 20, 32], rows, numeric=(5,))

    def audit(self) -> list:
        rows = [[_when(a["at"]), a["user"], ACTIONS.get(a["action"], a["action"]),
                 ", ".join(FIELDS.get(f, f) for f in a["fields"]), _note(a.get("note"))]
                for a in self.data["audit_trail"]]
        return self._records("audit_trail", ["Fecha y hora", "Usuario", "Acción", "Datos", "Nota"],
                             [29, 26, 24, 59, 42], rows)

    def story(self) -> list:
        return (self.heading() + self.person() + self.job() + self.leave() + self.allowances() + self.documents()
                + self.contracts() + self.audit())


def _canvas_class(title: str, company: str):
    """A canvas that holds its pages until the end, so each one can say "Página N de M"."""

    class _NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._chrome(number, total)
                super().showPage()
            super().save()

        def _chrome(self, page: int, pages: int) -> None:
            if page > 1:
                top = PAGE_H - 12 * mm
                text(self, LEFT, top - 9, fit(title, BOLD, 9, WIDTH / 2 - 5 * mm), bold=True, size=9)
                text(self, RIGHT, top - 9, fit(company, BOLD, 9, WIDTH / 2 - 5 * mm), bold=True, size=9, align="r")
                rule(self, LEFT, RIGHT, top - 15)
            if page < pages:
                text(self, RIGHT, 17.5 * mm, ES["continued"], size=SMALL, color=MUTED, align="r")
            rule(self, LEFT, RIGHT, 15 * mm)
            text(self, LEFT, 11 * mm, fit(f"{title} · {company}" if company else title, REGULAR, SMALL,
                                          WIDTH - 35 * mm), size=SMALL, color=MUTED)
            text(self, RIGHT, 11 * mm, ES["page"].format(page=page, pages=pages), size=SMALL, align="r")

    return _NumberedCanvas


def render_personal_data_pdf(data: dict) -> bytes:
    """The export (``app.services.personal_data.personal_data``'s dict) as a PDF: A4, Spanish,
    the controller first, each section a table that flows over pages, "Página N de M". Fonts embedded."""
    register_fonts()
    co = data.get("controller")
    company = f"{co['legal_name']} ({ES['tax_id']} {co['tax_id']})" if co else ""
    title = ES["title"].format(name=data["person"].get("full_name") or "")
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=LEFT, rightMargin=A4[0] - RIGHT, topMargin=TOP_MARGIN,
                            bottomMargin=BOTTOM_MARGIN, title=title, author=co["legal_name"] if co else "Trastienda",
                            creator="Trastienda", subject=ES["document"], pageCompression=1,
                            initialFontName=REGULAR, initialFontSize=BODY)  # no base-14 font left unembedded
    doc.build(_Builder(data).story(), canvasmaker=_canvas_class(title, company))
    return buf.getvalue()
