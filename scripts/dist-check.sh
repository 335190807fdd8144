#!/usr/bin/env bash
# dist-check.sh checks the release files scripts/dist.sh left in bin/dist,
# as a hotel's IT person would meet them:
#
#   - the Windows desk and its installer are valid PE programs with the
#     icon, this version in their version resource and a manifest that
#     needs no administrator (packaging/pecheck); the desk is a GUI program;
#   - the Linux desk, unpacked into an empty folder, reports its version
#     and shows its window under Xvfb with no Go toolchain on its PATH
#     (scripts/smoke.sh on the unpacked program), and its install.sh puts
#     it on the menu;
#   - each server tarball holds a program for its architecture; the amd64
#     one, installed into a scratch root with its install.sh, runs
#     `floordesk-server --version`, and leaves the unit, the settings and
#     the data folder 0700 where the unit expects them.
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
VERSION=${VERSION:-$(scripts/version.sh)}
NUMERIC=$(scripts/version.sh numeric "$VERSION")
out=bin/dist
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
clean_path=/usr/bin:/bin

fail() {
	echo "dist-check: FAIL: $*" >&2
	exit 1
}

want_file() { [ -s "$1" ] || fail "$1 is missing"; }

check_windows() {
	local exe=$out/floordesk-$VERSION-windows-amd64.exe setup=$out/FloorDesk-$VERSION-windows-amd64-setup.exe
	want_file "$exe"
	want_file "$setup"
	"$GO" run ./packaging/pecheck -version "$VERSION" -numeric "$NUMERIC" "$exe"
	"$GO" run ./packaging/pecheck -allow-386 -version "$VERSION" -numeric "$NUMERIC" "$setup"
	if [ -n "${SIGN_PKCS12:-}" ]; then # signed by dist.sh: the signatures must read back
		osslsigncode verify -in "$exe" ${SIGN_CA:+-CAfile "$SIGN_CA"} >/dev/null || fail "$exe: the signature does not verify"
		osslsigncode verify -in "$setup" ${SIGN_CA:+-CAfile "$SIGN_CA"} >/dev/null || fail "$setup: the signature does not verify"
	fi
}

check_linux_desk() {
	local name=floordesk-$VERSION-linux-amd64 dir got
	want_file "$out/$name.tar.xz"
	mkdir "$scratch/desk"
	tar -C "$scratch/desk" -xJf "$out/$name.tar.xz"
	dir=$scratch/desk/$name
	for f in floordesk floordesk.desktop floordesk.png install.sh; do want_file "$dir/$f"; done
	if env PATH="$clean_path" sh -c 'command -v go' >/dev/null; then
		fail "a Go toolchain is on $clean_path: the check would not show the desk runs without one"
	fi
	got=$(env -i PATH="$clean_path" HOME="$scratch/home" "$dir/floordesk" --version)
	[ "$got" = "floordesk $VERSION" ] || fail "the unpacked desk says \"$got\", want \"floordesk $VERSION\""
	SMOKE_BIN="$dir/floordesk" SMOKE_PATH="$clean_path" scripts/smoke.sh
	env -i PATH="$clean_path" HOME="$scratch/home" PREFIX="$scratch/prefix" sh "$dir/install.sh"
	grep -qx "Exec=$scratch/prefix/lib/floordesk/floordesk" "$scratch/prefix/share/applications/floordesk.desktop" ||
		fail "install.sh's menu entry does not start the installed program"
	want_file "$scratch/prefix/share/icons/hicolor/512x512/apps/floordesk.png"
	if command -v desktop-file-validate >/dev/null; then
		desktop-file-validate "$dir/floordesk.desktop"
	fi
	echo "dist-check: linux desk ok: unpacked, started without Go, installed for a user"
}

check_server() {
	local arch=$1 want_elf=$2 name dir root got mode said
	name=floordesk-server-$VERSION-linux-$arch
	want_file "$out/$name.tar.gz"
	mkdir -p "$scratch/server-$arch"
	tar -C "$scratch/server-$arch" -xzf "$out/$name.tar.gz"
	dir=$scratch/server-$arch/$name
	for f in floordesk-server floordesk-server.service floordesk-server-backup.service floordesk-server-backup.timer \
		floordesk-server.conf install.sh; do want_file "$dir/$f"; done
	file -b "$dir/floordesk-server" | grep -q "$want_elf" || fail "$name: $(file -b "$dir/floordesk-server"), want $want_elf"
	file -b "$dir/floordesk-server" | grep -q "statically linked" || fail "$name: the server is not statically linked (cgo?)"
	[ "$arch" = amd64 ] || return 0
	root=$scratch/root
	"$dir/install.sh" --root "$root"
	got=$(env -i PATH="$clean_path" "$root/usr/local/bin/floordesk-server" --version)
	[ "$got" = "floordesk-server $VERSION" ] || fail "the installed server says \"$got\""
	mode=$(stat -c %a "$root/var/lib/floordesk-server")
	[ "$mode" = 700 ] || fail "the data folder is $mode, want 700"
	want_file "$root/etc/systemd/system/floordesk-server.service"
	want_file "$root/etc/floordesk-server/floordesk-server.conf"
	echo changed >>"$root/etc/floordesk-server/floordesk-server.conf"
	"$dir/install.sh" --root "$root" >/dev/null # an upgrade keeps the settings
	tail -n1 "$root/etc/floordesk-server/floordesk-server.conf" | grep -qx changed || fail "an upgrade replaced the settings"
	want_file "$root/etc/floordesk-server/floordesk-server.conf.new"
	if command -v systemd-analyze >/dev/null; then
		# The units as systemd reads them (the program path made one that
		# exists here): any warning, an unknown key say, fails.
		for unit in floordesk-server.service floordesk-server-backup.service floordesk-server-backup.timer; do
			sed "s|/usr/local/bin/floordesk-server|/bin/true|" "$dir/$unit" >"$scratch/$unit"
		done
		said=$(cd "$scratch" && systemd-analyze verify ./floordesk-server.service ./floordesk-server-backup.service ./floordesk-server-backup.timer 2>&1) ||
			fail "systemd-analyze: $said"
		[ -z "$said" ] || fail "systemd-analyze: $said"
	fi
	mode=$(stat -c %a "$root/var/lib/floordesk-server-backups")
	[ "$mode" = 700 ] || fail "the backups folder is $mode, want 700"
	serve_and_back_up "$root"
	echo "dist-check: server ok: installed into a scratch root, --version: $got"
}

# serve_and_back_up starts the installed server on its data folder on
# loopback, waits for /healthz, then takes a backup as the nightly unit
# does (a running server answers the backup command) and stops it.
serve_and_back_up() {
	local root=$1 bin=$1/usr/local/bin/floordesk-server data=$1/var/lib/floordesk-server pid port
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	"$bin" serve --data "$data" --listen "127.0.0.1:$port" 2>"$scratch/server.log" &
	pid=$!
	for _ in $(seq 100); do
		curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
		kill -0 "$pid" 2>/dev/null || fail "the installed server exited: $(cat "$scratch/server.log")"
		sleep 0.1
	done
	curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || fail "the installed server does not answer /healthz"
	grep -q "version=$VERSION" "$scratch/server.log" || fail "the server's start line does not name version $VERSION"
	"$bin" backup --data "$data" "$root/var/lib/floordesk-server-backups/floordesk-server-test.bak" >/dev/null ||
		fail "a backup of the running server failed"
	kill "$pid"
	wait "$pid" || true
	want_file "$root/var/lib/floordesk-server-backups/floordesk-server-test.bak"
}

check_windows
check_server amd64 "x86-64"
check_server arm64 "ARM aarch64"
check_linux_desk
echo "dist-check: ok ($VERSION)"
