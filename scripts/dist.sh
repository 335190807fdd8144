#!/usr/bin/env bash
# dist.sh makes FloorDesk's release files in bin/dist (make dist), from this
# Linux machine, stamped with VERSION (default: scripts/version.sh):
#
#   FloorDesk-V-windows-amd64-setup.exe      the desk's Windows installer (NSIS)
#   floordesk-V-windows-amd64.exe            the desk's Windows program alone
#   floordesk-V-linux-amd64.tar.xz           the desk for Linux: program, .desktop, icon, install.sh
#   floordesk-server-V-linux-amd64.tar.gz    the server (no cgo), systemd unit, settings,
#   floordesk-server-V-linux-arm64.tar.gz    install.sh (user floordesk, data folder 0700)
#   SHA256SUMS
#
# then checks them (scripts/dist-check.sh). System packages: scripts/setup-deps.sh dist.
#
# With SIGN_PKCS12=FILE.pfx (and SIGN_PASS_FILE=FILE holding its password)
# the desk's exe and the installer are signed with osslsigncode (Authenticode,
# SHA-256, time-stamped at SIGN_TIMESTAMP, default DigiCert's): docs/INSTALL.md,
# Signing.
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
TAGS=migrated_fynedo,no_emoji # as the Makefile's TAGS
VERSION=${VERSION:-$(scripts/version.sh)}
NUMERIC=$(scripts/version.sh numeric "$VERSION")
LDFLAGS="-X floordesk/version.Version=$VERSION"
out=bin/dist
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
rm -rf "$out"
mkdir -p "$out"
echo "dist: FloorDesk $VERSION ($NUMERIC) into $out"

# sign signs a Windows program in place, when a certificate was given.
sign() {
	[ -n "${SIGN_PKCS12:-}" ] || return 0
	osslsigncode sign -pkcs12 "$SIGN_PKCS12" ${SIGN_PASS_FILE:+-readpass "$SIGN_PASS_FILE"} \
		-h sha256 -n FloorDesk -t "${SIGN_TIMESTAMP:-http://timestamp.digicert.com}" \
		-in "$1" -out "$1.signed"
	mv -f "$1.signed" "$1"
}

windows_desk() {
	GO="$GO" scripts/winres.sh "$VERSION" >/dev/null
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		"$GO" build -tags "$TAGS" -ldflags "-H=windowsgui $LDFLAGS" -o "$out/floordesk-$VERSION-windows-amd64.exe" .
	sign "$out/floordesk-$VERSION-windows-amd64.exe"
	convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 "$stage/floordesk.ico"
	makensis -V2 -DVERSION="$VERSION" -DNUMERIC="$NUMERIC" \
		-DEXE="$PWD/$out/floordesk-$VERSION-windows-amd64.exe" -DICON="$stage/floordesk.ico" \
		-DOUTFILE="$PWD/$out/FloorDesk-$VERSION-windows-amd64-setup.exe" packaging/windows/floordesk.nsi
	sign "$out/FloorDesk-$VERSION-windows-amd64-setup.exe"
}

linux_desk() {
	local name=floordesk-$VERSION-linux-amd64 dir
	dir=$stage/$name
	mkdir -p "$dir"
	CGO_ENABLED=1 GOOS=linux GOARCH=amd64 \
		"$GO" build -tags "$TAGS" -ldflags "$LDFLAGS" -o "$dir/floordesk" .
	cp packaging/linux/floordesk.desktop packaging/linux/install.sh "$dir/"
	cp assets/icon.png "$dir/floordesk.png"
	tar -C "$stage" --owner=0 --group=0 -cf - "$name" | xz -6 -T0 >"$out/$name.tar.xz"
}

linux_server() {
	local arch=$1 name dir
	name=floordesk-server-$VERSION-linux-$arch
	dir=$stage/$name
	mkdir -p "$dir"
	CGO_ENABLED=0 GOOS=linux GOARCH=$arch \
		"$GO" build -ldflags "$LDFLAGS" -o "$dir/floordesk-server" ./cmd/floordesk-server
	cp packaging/server/floordesk-server.service packaging/server/floordesk-server-backup.service \
		packaging/server/floordesk-server-backup.timer packaging/server/floordesk-server.conf packaging/server/install.sh "$dir/"
	tar -C "$stage" --owner=0 --group=0 -czf "$out/$name.tar.gz" "$name"
}

step() {
	local t=$SECONDS
	"$@"
	echo "dist: $* done in $((SECONDS - t)) s"
}

step linux_server amd64
step linux_server arm64
step linux_desk
step windows_desk
(cd "$out" && sha256sum -- * >SHA256SUMS)
ls -l "$out"
VERSION="$VERSION" scripts/dist-check.sh
