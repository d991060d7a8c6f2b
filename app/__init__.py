"""Trastienda core: domain, services and data, importable without Qt."""

__version__ = "0.1.0"
