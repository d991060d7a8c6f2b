"""Pieces every tab shares: the lazy table model, the list panel, form fields and helpers."""
