"""Helpers for driving the real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from ui.common import conflict_dialog, dialogs
from ui.common.worker import wait_for_done


def wait_idle(qtbot, model, timeout: int = 10_000) -> None:
    """Until the model has no query in flight (its pages and count are in)."""
    qtbot.waitUntil(lambda: not model.busy, timeout=timeout)


@pytest.fixture
def answers(monkeypatch):
    """Answers to the questions the app asks, in order; each question asked is recorded."""
    state = {"answers": [], "asked": []}

    def confirm(_parent, title, text, **_kw):
        state["asked"].append((title, text))
        return state["answers"].pop(0) if state["answers"] else False

    def ask(_parent, title, text, *rest):
        state["asked"].append((title, text))
        return state["answers"].pop(0) if state["answers"] else None

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "ask_text", ask)
    monkeypatch.setattr(dialogs, "choose", ask)
    monkeypatch.setattr(dialogs, "inform", lambda _p, title, text: state["asked"].append((title, text)))

    def conflict(_parent, noun, diffs, *_rest, **_kw):
        # The conflict dialog (ui/common/conflict_dialog.py): True reloads, False keeps editing,
        # or give conflict_dialog.OVERWRITE. The differences shown are recorded too.
        state["asked"].append(("Someone else changed this record", f"Someone else changed this {noun}.", list(diffs)))
        answer = state["answers"].pop(0) if state["answers"] else False
        return {True: conflict_dialog.RELOAD, False: conflict_dialog.KEEP_EDITING}.get(answer, answer)

    monkeypatch.setattr(conflict_dialog, "ask", conflict)
    return state


@pytest.fixture(autouse=True)
def _own_settings(monkeypatch):
    """A window opened with remember=False sends the settings to a scratch file for the rest of the
    process; undo that after each test, so no test reads the column layout another one saved."""
    from ui.common import settings

    monkeypatch.setattr(settings, "_scratch", None)


@pytest.fixture(autouse=True)
def _drain_pool():
    yield
    wait_for_done(10_000)


def type_text(qtbot, widget, text: str, *, clear: bool = True) -> None:
    """Type like a person, accents included (QTest's keyClicks handles ASCII only)."""
    widget.setFocus()
    if clear:
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def save_to(monkeypatch):
    """Answer the save dialog with a path; records what it suggested."""
    asked = {}

    def answer(path):
        def choose(_parent, title, suggested, filters):
            asked.update(title=title, suggested=suggested, filters=filters)
            return str(path)
        monkeypatch.setattr(dialogs, "choose_save_path", choose)
        return asked
    return answer


@pytest.fixture
def open_from(monkeypatch):
    """Answer the open dialog with a path (None: the clerk cancels); records what each one offered."""
    asked = []

    def answer(path):
        def choose(_parent, title, filters):
            asked.append(dict(title=title, filters=filters))
            return None if path is None else str(path)
        monkeypatch.setattr(dialogs, "choose_open_path", choose)
        return asked
    return answer
