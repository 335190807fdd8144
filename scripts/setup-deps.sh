#!/usr/bin/env bash
# setup-deps.sh installs the system packages FloorDesk needs on Debian or
# Ubuntu, and only those that are missing, so a second run is fast and silent.
#
#   scripts/setup-deps.sh run    what `make run` needs: a C compiler and the
#                                OpenGL/X11 headers Fyne builds against
#   scripts/setup-deps.sh test   run deps, plus what `make test` needs: the
#                                Windows cross-compiler, Xvfb and ImageMagick
#                                for the smoke test, PostgreSQL for server tests,
#                                poppler-utils and zbar-tools to read the
#                                printed PDFs back (ui/paper), and Prometheus
#                                for promtool, which checks docs/alerts.yml
#   scripts/setup-deps.sh dist   test deps, plus what `make dist` needs: NSIS
#                                for the Windows installer, xz, file and
#                                desktop-file-utils for its checks
#
# On other systems it prints what to install and exits non-zero.
set -euo pipefail

run_pkgs=(
	gcc pkg-config
	libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev
)
test_pkgs=(
	gcc-mingw-w64-x86-64
	xvfb xauth x11-utils imagemagick
	postgresql
	poppler-utils zbar-tools
	prometheus
)
dist_pkgs=(nsis xz-utils file desktop-file-utils)

usage() {
	echo "usage: $0 run|test|dist" >&2
	exit 64
}

[ $# -eq 1 ] || usage
case "$1" in
run) want=("${run_pkgs[@]}") ;;
test) want=("${run_pkgs[@]}" "${test_pkgs[@]}") ;;
dist) want=("${run_pkgs[@]}" "${test_pkgs[@]}" "${dist_pkgs[@]}") ;;
*) usage ;;
esac

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
	cat >&2 <<MSG
setup-deps: this is not a Debian or Ubuntu system, so nothing was installed.
Install these yourself (names are Debian's; your system's may differ):
  a C compiler (gcc) and pkg-config
  OpenGL and X11 development headers: ${run_pkgs[*]:2}
MSG
	if [ "$1" = dist ]; then
		echo "  for make dist: NSIS (makensis), xz, file, desktop-file-utils" >&2
	fi
	if [ "$1" = test ] || [ "$1" = dist ]; then
		cat >&2 <<MSG
  for tests: the MinGW-w64 cross-compiler (x86_64-w64-mingw32-gcc),
  Xvfb with xauth and xwininfo, ImageMagick, PostgreSQL (initdb, pg_ctl),
  poppler-utils (pdftotext, pdffonts, pdftoppm), zbar-tools (zbarimg)
  and Prometheus's promtool
MSG
	fi
	exit 1
fi

missing=()
for p in "${want[@]}"; do
	# dpkg -s also lists removed-but-configured packages: check the status.
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
		missing+=("$p")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo=(sudo)
	else
		echo "setup-deps: missing packages and no sudo; as root run:" >&2
		echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
fi

echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
