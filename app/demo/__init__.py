"""Demo data for every area, fast enough for a million invoices (``python main.py demo``)."""

from app.demo.generate import DemoStats, check_empty, generate_demo

__all__ = ["DemoStats", "check_empty", "generate_demo"]
