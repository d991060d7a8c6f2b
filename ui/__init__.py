"""The PySide6 client. Imports app/; app/ never imports this package."""
