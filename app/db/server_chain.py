"""The server's rule for the VERI*FACTU chain: a record is only ever the next link, as the app writes it.

A clerk is granted INSERT on ``verifactu_record`` because posting appends the
invoice's registration record. ``chain_rules`` is the BEFORE INSERT trigger
function (``trastienda_chain_rules``, made by ``app.db.server_grants``) that
refuses, with SQLSTATE 42501 and the column at fault, any record other than
the one ``app.services.chain`` would append: the issuer is the company
(its first row, as the app reads it), the invoice is posted (cancelled, for a
cancellation) and reads what the record says, it is the first record of its
kind for that invoice (a cancellation follows a registration), it follows the
last record of its chain (the server's, or the workstation's whose reserved series numbered it) (sequence, previous hash, previous invoice, a time not
before it), and its hash is the huella of its fields, recomputed in SQL as
``app.compliance.verifactu`` computes it. So with psql a login appends no
more than posting or cancelling through the app does.

Only cancellations take an accountant; everything else holds for every login,
accountants and admins too. The tables' owner (or a superuser: migrations,
repairs) is trusted, as for the lines of an invoice. What is not checked: the
free text and tax breakdown a registration keeps for sending (the
description and breakdown must only be there), and a cancellation's reason.
"""

from __future__ import annotations

# -- the huella in SQL (app.compliance.verifactu: Registration / Cancellation.hash_input) ----------

_STRIP = r"E' \t\n\r\f\x0b'"  # the blanks str.strip() takes off each value before it is hashed
_TIMESTAMP = "'YYYY-MM-DD\"T\"HH24:MI:SSTZH:TZM'"  # format_timestamp, in the session's time zone


def _amount(column: str) -> str:
    """format_amount: two decimals, never "-0.00"."""
    return f"CASE WHEN {column} = 0 THEN '0.00' ELSE round({column}, 2)::text END"


def _text(column: str) -> str:
    return f"btrim({column}, {_STRIP})"


_REGISTRATION_FIELDS = (
    ("IDEmisorFactura", _text("NEW.issuer_tax_id")),
    ("NumSerieFactura", _text("NEW.invoice_number")),
    ("FechaExpedicionFactura", "to_char(NEW.issue_date, 'DD-MM-YYYY')"),
    ("TipoFactura", _text("NEW.tipo_factura")),
    ("CuotaTotal", _amount("NEW.cuota_total")),
    ("ImporteTotal", _amount("NEW.importe_total")),
    ("Huella", _text("NEW.previous_hash")),
    ("FechaHoraHusoGenRegistro", _text("NEW.generated_at_text")),
)
_CANCELLATION_FIELDS = (
    ("IDEmisorFacturaAnulada", _text("NEW.issuer_tax_id")),
    ("NumSerieFacturaAnulada", _text("NEW.invoice_number")),
    ("FechaExpedicionFacturaAnulada", "to_char(NEW.issue_date, 'DD-MM-YYYY')"),
    ("Huella", _text("NEW.previous_hash")),
    ("FechaHoraHusoGenRegistro", _text("NEW.generated_at_text")),
)


def _hash_input(fields: tuple[tuple[str, str], ...]) -> str:
    """The ``Field=value&...`` text as an SQL expression (NULL if a value is missing)."""
    return " || ".join(f"'{'&' if i else ''}{name}=' || {value}" for i, (name, value) in enumerate(fields))


def chain_rules(refuse: str, accountant_group: str) -> str:
    """The trigger function, with ``{s}`` for the schema; ``refuse`` starts a RAISE (``server_grants._REFUSE``).

    The invoice row, then the issuer's (the company row) are locked first, in the order posting and
    cancelling lock them, so the chain's end read next is the one the record follows, whoever appends
    at the same moment. TimeZone is Madrid's, so that to_char writes generated_at as format_timestamp does.
    """
    return f"""CREATE OR REPLACE FUNCTION {{s}}.trastienda_chain_rules() RETURNS trigger LANGUAGE plpgsql
       SET search_path = pg_catalog, pg_temp SET TimeZone = 'Europe/Madrid' AS $$
       DECLARE
         what text := format('VERI*FACTU record %s of invoice %s refused: ',
                             coalesce(NEW.sequence::text, '-'), coalesce(NEW.invoice_number, '-'));
         registering boolean := NEW.kind = 'registration';
         inv record;
         issuer record;
         prev record;
         tipo text;
         chain integer;
         f record;
       BEGIN
         IF pg_has_role((SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'MEMBER') THEN
           RETURN NEW;
         END IF;
         IF NEW.kind = 'cancellation' AND NOT pg_has_role('{accountant_group}', 'MEMBER') THEN
           {refuse} 'only an accountant cancels an invoice', COLUMN = 'kind';
         END IF;
         IF NEW.kind IS NULL OR NEW.kind NOT IN ('registration', 'cancellation') THEN
           {refuse} what || 'its kind is registration or cancellation', COLUMN = 'kind';
         END IF;
         -- The invoice, then the issuer (the company row): the order posting and cancelling lock them in,
         -- so the chain's end read below is the one this record follows, whoever appends at the same time.
         SELECT i.kind, i.status, i.full_number, i.issue_date, i.operation_date, i.party_name, i.party_tax_id,
                i.correction_reason, i.series_id, i.base_total, i.tax_total, i.recargo_total,
                c.full_number AS corrected_number, c.issue_date AS corrected_date
           INTO inv FROM {{s}}.invoice i LEFT JOIN {{s}}.invoice c ON c.id = i.corrected_invoice_id
          WHERE i.id = NEW.invoice_id FOR SHARE OF i;
         IF NOT FOUND THEN
           {refuse} what || 'its invoice does not exist', COLUMN = 'invoice_id';
         END IF;
         SELECT btrim(c.tax_id, {_STRIP}) AS tax_id, c.legal_name INTO issuer
           FROM {{s}}.company c ORDER BY c.created_at, c.id LIMIT 1 FOR UPDATE OF c;
         IF coalesce(issuer.tax_id, '') = '' THEN
           {refuse} what || 'the company has no NIF', COLUMN = 'issuer_tax_id';
         END IF;
         IF NEW.issuer_tax_id IS DISTINCT FROM issuer.tax_id THEN
           {refuse} format('%sits issuer is the company, %s', what, issuer.tax_id), COLUMN = 'issuer_tax_id';
         END IF;
         IF inv.status IS DISTINCT FROM (CASE WHEN registering THEN 'posted' ELSE 'cancelled' END) THEN
           {refuse} format('%sinvoice %s is %s: only a %s invoice gets a %s record', what,
                            coalesce(inv.full_number, '(draft)'), inv.status,
                            CASE WHEN registering THEN 'posted' ELSE 'cancelled' END, NEW.kind),
             COLUMN = 'invoice_id';
         END IF;
         IF EXISTS (SELECT 1 FROM {{s}}.verifactu_record r WHERE r.invoice_id = NEW.invoice_id AND r.kind = NEW.kind)
         THEN
           {refuse} format('%sinvoice %s already has its %s record', what, inv.full_number, NEW.kind),
             COLUMN = 'invoice_id';
         END IF;
         IF NOT registering AND NOT EXISTS (SELECT 1 FROM {{s}}.verifactu_record r
                                            WHERE r.invoice_id = NEW.invoice_id AND r.kind = 'registration') THEN
           {refuse} format('%sinvoice %s has no registration record to cancel', what, inv.full_number),
             COLUMN = 'invoice_id';
         END IF;
         -- app.services.chain.tipo_factura
         tipo := CASE inv.kind WHEN 'invoice' THEN 'F1' WHEN 'simplified' THEN 'F2'
                               WHEN 'credit_note' THEN inv.correction_reason END;
         IF registering AND tipo IS NULL THEN
           {refuse} what || 'a credit note needs its reason (R1 to R5)', COLUMN = 'tipo_factura';
         END IF;
         -- The chain (installation): a registration in a series reserved for a workstation is that
         -- workstation's (posted offline there); everything else is the server's, 0.
         chain := CASE WHEN registering THEN coalesce((SELECT w.number FROM {{s}}.invoice_series sr
                                                       JOIN {{s}}.workstation w ON w.id = sr.workstation_id
                                                       WHERE sr.id = inv.series_id), 0) ELSE 0 END;
         SELECT r.sequence, r.hash, r.invoice_number, r.issue_date, r.generated_at INTO prev
           FROM {{s}}.verifactu_record r WHERE r.issuer_tax_id = issuer.tax_id AND r.installation = chain
          ORDER BY r.sequence DESC LIMIT 1;
         -- Each column as append_registration / append_cancellation fill it (NULL: left empty).
         FOR f IN SELECT * FROM (VALUES
             ('issuer_name', NEW.issuer_name::text, issuer.legal_name::text),
             ('invoice_number', NEW.invoice_number::text, inv.full_number::text),
             ('issue_date', NEW.issue_date::text, inv.issue_date::text),
             ('tipo_factura', NEW.tipo_factura::text, CASE WHEN registering THEN tipo END),
             ('cuota_total', NEW.cuota_total::text,
              CASE WHEN registering THEN (inv.tax_total + inv.recargo_total)::text END),
             ('importe_total', NEW.importe_total::text,
              CASE WHEN registering THEN (inv.base_total + inv.tax_total + inv.recargo_total)::text END),
             ('operation_date', NEW.operation_date::text,
              CASE WHEN registering THEN nullif(inv.operation_date, inv.issue_date)::text END),
             ('recipient_name', NEW.recipient_name::text,
              CASE WHEN registering THEN nullif(inv.party_name, '')::text END),
             ('recipient_tax_id', NEW.recipient_tax_id::text,
              CASE WHEN registering THEN nullif(inv.party_tax_id, '')::text END),
             ('tipo_rectificativa', NEW.tipo_rectificativa::text,
              CASE WHEN registering AND inv.kind = 'credit_note' THEN 'I' END),
             ('corrected_invoice_number', NEW.corrected_invoice_number::text,
              CASE WHEN registering THEN inv.corrected_number::text END),
             ('corrected_issue_date', NEW.corrected_issue_date::text,
              CASE WHEN registering THEN inv.corrected_date::text END),
             ('installation', NEW.installation::text, chain::text),
             ('sequence', NEW.sequence::text, (coalesce(prev.sequence, 0) + 1)::text),
             ('previous_hash', NEW.previous_hash::text, coalesce(prev.hash, '')::text),
             ('previous_invoice_number', NEW.previous_invoice_number::text, prev.invoice_number::text),
             ('previous_issue_date', NEW.previous_issue_date::text, prev.issue_date::text)
           ) AS v (name, found, expected) LOOP
           IF f.found IS DISTINCT FROM f.expected THEN
             {refuse} format('%sits %s is %s, not %s', what, f.name, coalesce(f.expected, 'empty'),
                              coalesce(f.found, 'empty')), COLUMN = f.name;
           END IF;
         END LOOP;
         IF registering AND (abs(NEW.cuota_total) >= 1e12 OR abs(NEW.importe_total) >= 1e12) THEN
           {refuse} what || 'its amounts have more than 12 integer digits', COLUMN = 'importe_total';
         END IF;
         IF registering AND (coalesce(NEW.description, '') = '' OR NEW.breakdown IS NULL
                             OR json_typeof(NEW.breakdown::json) IS DISTINCT FROM 'array') THEN
           {refuse} what || 'a registration carries its description and tax breakdown', COLUMN = 'breakdown';
         END IF;
         IF NOT registering AND (NEW.description IS NOT NULL OR NEW.breakdown IS NOT NULL) THEN
           {refuse} what || 'a cancellation carries no description nor tax breakdown', COLUMN = 'breakdown';
         END IF;
         IF registering AND NEW.reason IS NOT NULL THEN
           {refuse} what || 'only a cancellation has a reason', COLUMN = 'reason';
         END IF;
         -- FechaHoraHusoGenRegistro: generated_at in Spanish local time with its offset, to the second.
         IF NEW.generated_at IS NULL OR NEW.generated_at <> date_trunc('second', NEW.generated_at)
            OR NEW.generated_at_text IS DISTINCT FROM to_char(NEW.generated_at, {_TIMESTAMP}) THEN
           {refuse} format('%sits generated_at_text is %s, its generated_at in Spanish time to the second', what,
                            coalesce(to_char(date_trunc('second', NEW.generated_at), {_TIMESTAMP}), 'a time')),
             COLUMN = 'generated_at_text';
         END IF;
         IF NEW.generated_at < prev.generated_at THEN
           {refuse} format('%sit cannot be generated (%s) before the record it follows (%s)', what,
                            NEW.generated_at_text, to_char(prev.generated_at, {_TIMESTAMP})),
             COLUMN = 'generated_at';
         END IF;
         IF NEW.hash IS DISTINCT FROM upper(encode(sha256(convert_to(CASE WHEN registering
              THEN {_hash_input(_REGISTRATION_FIELDS)}
              ELSE {_hash_input(_CANCELLATION_FIELDS)} END, 'UTF8')), 'hex')) THEN
           {refuse} what || 'its hash is not the SHA-256 huella of its fields', COLUMN = 'hash';
         END IF;
         RETURN NEW;
       END $$"""
