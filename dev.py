#!/usr/bin/env python3
"""Developer entry point that does its own set-up, on Windows, macOS and Linux.

    python3 dev.py run [main.py options]    start Trastienda (local SQLite by default)
    python3 dev.py test [pytest options]     run the whole test suite

Both create .venv beside this file and install the project into it the first
time, and again whenever pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".trastienda-installed"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    if sys.version_info < (3, 11):
        sys.exit(f"Trastienda needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not venv_python().exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Installing dependencies into .venv ...", flush=True)
        subprocess.check_call(
            [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", ".[test]"],
            cwd=ROOT,
        )
        STAMP.write_text(wanted)
    return venv_python()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    python = ensure_venv()
    # The window's Spanish catalogue, compiled when its .ts changed (.qm files are not kept in git).
    subprocess.call([str(python), str(ROOT / "packaging" / "translations.py"), "compile"], cwd=ROOT)
    if argv[0] == "run":
        return subprocess.call([str(python), str(ROOT / "main.py"), *argv[1:]], cwd=ROOT)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.call([str(python), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
