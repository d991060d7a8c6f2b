#!/usr/bin/env python3
"""Build Trastienda's installer for the system this runs on.

    python packaging/build.py [--no-installer] [--keep-build]

Run it with the project's Python after `pip install -e .[package]` (PyInstaller). It
1. runs PyInstaller on packaging/trastienda.spec: dist/trastienda/ (and dist/Trastienda.app on macOS);
2. checks that the built program starts: `trastienda --version` must print this version;
3. packs it for the system:
   Linux    dist/trastienda-VERSION-linux-ARCH.tar.gz (the folder, its .desktop file and icon)
   Windows  dist/Trastienda-VERSION-windows-x64-setup.exe with Inno Setup 6 (ISCC), else a .zip
   macOS    dist/Trastienda-VERSION-macos-ARCH.dmg with hdiutil; signed and notarised when
            TRASTIENDA_CODESIGN_IDENTITY (and TRASTIENDA_NOTARY_PROFILE) are set, see packaging/README.md
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
ICONS = BUILD / "trastienda" / "icons"  # made by the spec in its work folder
sys.path.insert(0, str(PACKAGING))

import metadata as meta  # noqa: E402

VERSION = meta.app_version()


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def pyinstaller(keep_build: bool) -> None:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", DIST, "--workpath", BUILD]
    if not keep_build:
        cmd.append("--clean")
    run([*cmd, PACKAGING / "trastienda.spec"], cwd=ROOT)


def built_program() -> Path:
    """The executable to smoke-test: one that prints to a console on every system."""
    if sys.platform == "win32":
        return DIST / meta.EXE_NAME / f"{meta.CLI_EXE_NAME}.exe"
    if sys.platform == "darwin":
        return DIST / f"{meta.APP_NAME}.app" / "Contents" / "MacOS" / meta.EXE_NAME
    return DIST / meta.EXE_NAME / meta.EXE_NAME


def check_version() -> None:
    out = run([built_program(), "--version"], capture_output=True, text=True).stdout.strip()
    print(out)
    if out != f"{meta.APP_NAME} {VERSION}":
        sys.exit(f"The built program answered {out!r}, expected '{meta.APP_NAME} {VERSION}'")


def package_linux() -> Path:
    folder = DIST / meta.EXE_NAME
    shutil.copy2(PACKAGING / "linux" / "trastienda.desktop", folder)
    shutil.copy2(PACKAGING / "linux" / "install-desktop-entry.sh", folder)
    shutil.copy2(ICONS / "trastienda.png", folder)
    target = DIST / f"trastienda-{VERSION}-linux-{arch()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=9) as tar:
        tar.add(folder, arcname=meta.EXE_NAME)
    return target


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").exists():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def package_windows(installer: bool) -> Path:
    folder = DIST / meta.EXE_NAME
    zipped = shutil.make_archive(str(DIST / f"trastienda-{VERSION}-windows-x64"), "zip", DIST, meta.EXE_NAME)
    print("Portable folder:", zipped)
    iscc = find_iscc() if installer else None
    if not iscc:
        if installer:
            print("Inno Setup 6 (ISCC.exe) not found: no setup.exe made. Install it, e.g. `choco install innosetup`.")
        return Path(zipped)
    run([iscc, f"/DAppVersion={VERSION}", f"/DSourceDir={folder}", f"/DIconFile={ICONS / 'trastienda.ico'}",
         f"/DOutputDir={DIST}", PACKAGING / "windows" / "trastienda.iss"])
    return DIST / f"Trastienda-{VERSION}-windows-x64-setup.exe"


def package_macos(installer: bool) -> Path:
    app = DIST / f"{meta.APP_NAME}.app"
    identity = os.environ.get("TRASTIENDA_CODESIGN_IDENTITY")  # "Developer ID Application: Name (TEAMID)"
    if identity:
        run(["codesign", "--deep", "--force", "--options", "runtime", "--timestamp", "--sign", identity, app])
        run(["codesign", "--verify", "--deep", "--strict", "--verbose=2", app])
    if not installer:
        return app
    staging = BUILD / "dmg"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    run(["ditto", app, staging / app.name])  # ditto keeps the bundle's symlinks and signatures
    (staging / "Applications").symlink_to("/Applications")
    dmg = DIST / f"{meta.APP_NAME}-{VERSION}-macos-{arch()}.dmg"
    dmg.unlink(missing_ok=True)
    run(["hdiutil", "create", "-volname", meta.APP_NAME, "-srcfolder", staging, "-ov", "-format", "UDZO", dmg])
    if identity:
        run(["codesign", "--force", "--timestamp", "--sign", identity, dmg])
        profile = os.environ.get("TRASTIENDA_NOTARY_PROFILE")  # made once by `xcrun notarytool store-credentials`
        if profile:
            run(["xcrun", "notarytool", "submit", dmg, "--keychain-profile", profile, "--wait"])
            run(["xcrun", "stapler", "staple", dmg])
    return dmg


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-installer", action="store_true", help="stop at the program folder (and the .tar.gz/.zip)")
    parser.add_argument("--keep-build", action="store_true", help="reuse build/ from the last run (faster)")
    args = parser.parse_args(argv)

    # The window's catalogues compiled (.qm: generated, not in git) before the bundle copies resources/.
    run([sys.executable, PACKAGING / "translations.py", "compile"], cwd=ROOT)
    pyinstaller(args.keep_build)
    check_version()
    if sys.platform == "win32":
        artifact = package_windows(not args.no_installer)
    elif sys.platform == "darwin":
        artifact = package_macos(not args.no_installer)
    else:
        artifact = package_linux()
    size = f" ({artifact.stat().st_size / 2**20:.1f} MiB)" if artifact.is_file() else ""
    print(f"Built {artifact}{size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
