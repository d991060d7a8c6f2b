"""The translation catalogues: extract the messages, compile them, check them.

    python packaging/translations.py update     re-read the sources into resources/i18n/*.ts
    python packaging/translations.py compile    .ts -> .qm beside them (dev.py and build.py do it)
    python packaging/translations.py check      exit 1 if a catalogue is stale or incomplete

Both catalogues are Qt Linguist files, so translators use one editor for all of it:

* ``trastienda_<lang>.ts``: the window's texts (``self.tr``, ``QCoreApplication.translate``)
  as pyside6-lupdate finds them in ui/. Qt loads it compiled (.qm, made by pyside6-lrelease;
  generated, so not kept in git).
* ``app_<lang>.ts``: app/'s ``_()`` messages, which lupdate does not see. They are found here
  with Python's own parser, in one context ("app"), and app/i18n.py reads the .ts itself
  (app/ never imports Qt), so it needs no compiled form.

English is the source language; every other language has both files.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TARGET_LANGUAGES = ("es",)
APP_CONTEXT = "app"
QT_LOCALES = {"es": "es_ES", "en": "en_GB"}


def ui_catalogue(language: str) -> Path:
    return I18N / f"trastienda_{language}.ts"


def app_catalogue(language: str) -> Path:
    return I18N / f"app_{language}.ts"


def compiled(language: str) -> Path:
    return I18N / f"trastienda_{language}.qm"


def ui_sources() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def app_sources() -> list[Path]:
    return sorted(p for p in (ROOT / "app").rglob("*.py") if "__pycache__" not in p.parts)


def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease of the Python running this (the venv's PySide6)."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .) first.")
    return found


# -- the messages ---------------------------------------------------------------------------


@dataclass
class Message:
    context: str
    source: str
    translation: str = ""
    finished: bool = False
    locations: list[tuple[str, int]] = field(default_factory=list)


def read_ts(path: Path) -> list[Message]:
    """Every message of a .ts file, obsolete and vanished ones left out."""
    if not path.exists():
        return []
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            t = m.find("translation")
            kind = t.get("type", "") if t is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            locations = [(loc.get("filename", ""), int(loc.get("line", "0") or 0)) for loc in m.iter("location")]
            messages.append(Message(name, m.findtext("source") or "", (t.text or "") if t is not None else "",
                                    kind != "unfinished", locations))
    return messages


def write_ts(path: Path, language: str, messages: list[Message]) -> None:
    root = ET.Element("TS", version="2.1", language=QT_LOCALES.get(language, language), sourcelanguage="en")
    by_context: dict[str, list[Message]] = {}
    for m in messages:
        by_context.setdefault(m.context, []).append(m)
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for m in by_context[name]:
            message = ET.SubElement(context, "message")
            for filename, line in m.locations:
                ET.SubElement(message, "location", filename=filename, line=str(line))
            ET.SubElement(message, "source").text = m.source
            t = ET.SubElement(message, "translation")
            t.text = m.translation
            if not m.finished:
                t.set("type", "unfinished")
    ET.indent(root, space="    ")
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


@dataclass
class Found:
    messages: dict[str, Message]  # source -> message (one context)
    problems: list[str]  # "app/x.py:12: _() of a non-literal: ..."


def find_app_messages() -> Found:
    """Each ``_("literal")`` in app/, with where it is; a ``_()`` of anything else is a problem
    (an f-string or a variable is never in the catalogue, so it would stay English)."""
    messages: dict[str, Message] = {}
    problems = []
    for path in app_sources():
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"):
                continue
            arg = node.args[0] if len(node.args) == 1 and not node.keywords else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                m = messages.setdefault(arg.value, Message(APP_CONTEXT, arg.value))
                m.locations.append((f"../../{rel}", node.lineno))
            else:
                problems.append(f"{rel}:{node.lineno}: _() must be given one string literal, not "
                                f"{ast.unparse(node)[:60]}")
    return Found(messages, problems)


# -- update, compile, check -------------------------------------------------------------------


def update_app(language: str) -> tuple[int, int]:
    """Rewrite app_<language>.ts with the messages now in app/, keeping known translations.
    Returns (messages, unfinished)."""
    found = find_app_messages()
    if found.problems:
        raise SystemExit("\n".join(found.problems))
    known = {m.source: m for m in read_ts(app_catalogue(language))}
    merged = []
    for source, m in sorted(found.messages.items(), key=lambda kv: kv[1].locations[0]):
        old = known.get(source)
        if old is not None:
            m.translation, m.finished = old.translation, old.finished
        merged.append(m)
    write_ts(app_catalogue(language), language, merged)
    return len(merged), sum(not m.finished for m in merged)


def update_ui(language: str) -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in ui_sources()]
    subprocess.run([qt_tool("pyside6-lupdate"), *files, "-no-obsolete", "-locations", "relative",
                    "-source-language", "en", "-target-language", QT_LOCALES.get(language, language),
                    "-ts", str(ui_catalogue(language).relative_to(ROOT))],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def compile_all(dest: Path = I18N, *, quiet: bool = True) -> list[Path]:
    """Compile each trastienda_<lang>.ts to dest/trastienda_<lang>.qm when the .qm is older."""
    made = []
    for language in TARGET_LANGUAGES:
        ts, qm = ui_catalogue(language), dest / compiled(language).name
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        dest.mkdir(parents=True, exist_ok=True)
        subprocess.run([qt_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                       stdout=subprocess.DEVNULL if quiet else None)
        made.append(qm)
    return made


def stale_or_missing(language: str) -> list[str]:
    """What is wrong with the catalogues of ``language``: messages in the code and not in them,
    messages in them no longer in the code, and messages not translated. Empty when all is well."""
    import tempfile

    problems = []
    found = find_app_messages()
    problems += found.problems
    app_known = {m.source: m for m in read_ts(app_catalogue(language))}
    problems += [f"app_{language}.ts lacks {s!r} ({m.locations[0][0][6:]}:{m.locations[0][1]})"
                 for s, m in found.messages.items() if s not in app_known]
    problems += [f"app_{language}.ts holds {s!r}, no longer in app/" for s in app_known if s not in found.messages]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        files = [str(p) for p in ui_sources()]
        subprocess.run([qt_tool("pyside6-lupdate"), *files, "-no-obsolete", "-ts", str(fresh)],
                       check=True, stdout=subprocess.DEVNULL)
        in_code = {(m.context, m.source) for m in read_ts(fresh)}
    ui_known = {(m.context, m.source): m for m in read_ts(ui_catalogue(language))}
    problems += [f"trastienda_{language}.ts lacks {s!r} (context {c!r})" for c, s in sorted(in_code - set(ui_known))]
    problems += [f"trastienda_{language}.ts holds {s!r} (context {c!r}), no longer in ui/"
                 for c, s in sorted(set(ui_known) - in_code)]
    for m in [*app_known.values(), *ui_known.values()]:
        if not m.finished or not m.translation.strip():
            problems.append(f"not translated to {language}: {m.source!r} (context {m.context!r})")
        elif mismatch := differences(m.source, m.translation):
            problems.append(f"{language} translation of {m.source!r} {mismatch}: {m.translation!r}")
    return problems


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d")


def _accelerators(text: str) -> int:
    """The "&" before a letter that marks a menu's or button's key (a spaced "&" is an ampersand)."""
    return len(re.findall(r"&\w", text.replace("&&", "")))


def differences(source: str, translation: str) -> str:
    """What a translation changed that it must keep: placeholders, the accelerator, line breaks."""
    if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(translation)):
        return "changes the placeholders"
    if _accelerators(translation) > _accelerators(source) or (_accelerators(source) > 1 and not _accelerators(translation)):
        return "changes the number of & accelerators"  # one may be given up where no letter is free
    if source.count("\n") != translation.count("\n"):
        return "changes the number of line breaks"
    if source.endswith("…") != translation.endswith("…"):
        return "adds or drops the closing …"
    return ""


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        for language in TARGET_LANGUAGES:
            update_ui(language)
            total, unfinished = update_app(language)
            ui = read_ts(ui_catalogue(language))
            print(f"{language}: window {len(ui)} messages ({sum(not m.finished for m in ui)} to translate), "
                  f"app {total} ({unfinished} to translate)")
        return 0
    if command == "compile":
        for qm in compile_all(quiet=False):
            print(f"wrote {qm.relative_to(ROOT)}")
        return 0
    if command == "check":
        problems = [p for language in TARGET_LANGUAGES for p in stale_or_missing(language)]
        print("\n".join(problems) or "The catalogues are complete and up to date.")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
