"""Legal checks: identifiers, the VERI*FACTU record fingerprints; e-invoices later."""
