#!/bin/sh
# install.sh puts this FloorDesk on the menu: for the signed-in user by
# default (no root), or for everyone with PREFIX=/usr/local (as root).
#
#   ./install.sh                      ~/.local/lib/floordesk, menu entry and icon in ~/.local/share
#   sudo PREFIX=/usr/local ./install.sh
#
# Upgrading is running the new version's install.sh: the program is
# replaced, the desk's data (~/.config/FloorDesk) is never touched.
# FloorDesk needs the system's OpenGL and X11 libraries (Debian/Ubuntu:
# libgl1 libx11-6 libxcursor1 libxrandr2 libxinerama1 libxi6 libxxf86vm1).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-${XDG_DATA_HOME:-$HOME/.local/share}/..}
prefix=$(mkdir -p "$prefix" && cd "$prefix" && pwd)
lib="$prefix/lib/floordesk"
apps="$prefix/share/applications"
icons="$prefix/share/icons/hicolor/512x512/apps"
mkdir -p "$lib" "$apps" "$icons"
# A new file, then a rename: a running desk keeps its old program.
cp "$here/floordesk" "$lib/floordesk.new"
chmod 0755 "$lib/floordesk.new"
mv -f "$lib/floordesk.new" "$lib/floordesk"
cp "$here/floordesk.png" "$icons/floordesk.png"
sed "s|^Exec=floordesk|Exec=$lib/floordesk|" "$here/floordesk.desktop" >"$apps/floordesk.desktop"
chmod 0644 "$apps/floordesk.desktop" "$icons/floordesk.png"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" 2>/dev/null || true
echo "FloorDesk $("$lib/floordesk" --version | cut -d' ' -f2) installed in $lib; it is on the menu as FloorDesk."
