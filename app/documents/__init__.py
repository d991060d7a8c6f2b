"""Documents built with reportlab: invoices now; contracts and reports later.

Documents take plain values (the services' views) and return PDF bytes or
write to a file; they never open a database session.
"""
