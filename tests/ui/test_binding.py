"""The Qt binding itself must not corrupt the interpreter during a long working day."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication


def test_void_qt_calls_keep_the_reference_count_of_none(qapp):
    # PySide6 6.12.0 under Python 3.11 lost one reference to None per call of a void
    # method; a clerk's session makes millions of them and the app died with
    # "none_dealloc". (From Python 3.12 None is immortal and this holds trivially.)
    timer, obj = QTimer(), QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        QApplication.processEvents()
        timer.start(60_000)
        timer.stop()
        obj.setObjectName("probe")
    assert sys.getrefcount(None) - before > -50  # small drift from the interpreter is fine
