#!/bin/sh
# Adds Trastienda to the applications menu of the user who runs it (no root needed):
#     ./install-desktop-entry.sh            from inside the unpacked trastienda/ folder
# It points the menu entry at this folder, wherever it was unpacked; run it again after moving it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/trastienda.png" "$icons/trastienda.png"
sed "s|^Exec=trastienda|Exec=\"$here/trastienda\"|" "$here/trastienda.desktop" > "$apps/trastienda.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "Trastienda added to the applications menu ($apps/trastienda.desktop)."
