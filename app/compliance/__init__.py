"""Legal checks: identifiers now; the VERI*FACTU chain and e-invoices later."""
