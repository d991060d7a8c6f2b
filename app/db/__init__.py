"""Engines, sessions, migrations and backups."""
