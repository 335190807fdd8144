#!/bin/sh
# install.sh installs the FloorDesk sync server from this folder, as root:
#
#   sudo ./install.sh              into /: the program, the systemd unit,
#                                  the settings (kept when they exist),
#                                  the user floordesk, /var/lib/floordesk-server 0700,
#                                  the nightly backup's timer and its folder 0700
#   ./install.sh --root DIR        the same files into DIR (a scratch root,
#                                  an image); no user, no systemctl
#
# Upgrading is running the new version's install.sh: the program and the
# unit are replaced, the settings and the data folder are kept, and a
# running server is restarted. docs/INSTALL.md says the rest.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=/
if [ "${1:-}" = --root ]; then
	root=${2:?--root needs a folder}
	mkdir -p "$root"
	root=$(cd "$root" && pwd)
elif [ -n "${1:-}" ]; then
	echo "usage: $0 [--root DIR]" >&2
	exit 64
fi
system=false
[ "$root" = / ] && system=true
if $system && [ "$(id -u)" -ne 0 ]; then
	echo "install.sh: run it as root (sudo ./install.sh), or with --root DIR" >&2
	exit 1
fi

install -d -m 0755 "$root/usr/local/bin" "$root/etc/systemd/system" "$root/etc/floordesk-server"
install -m 0755 "$here/floordesk-server" "$root/usr/local/bin/floordesk-server.new"
mv -f "$root/usr/local/bin/floordesk-server.new" "$root/usr/local/bin/floordesk-server"
for unit in floordesk-server.service floordesk-server-backup.service floordesk-server-backup.timer; do
	install -m 0644 "$here/$unit" "$root/etc/systemd/system/$unit"
done
conf="$root/etc/floordesk-server/floordesk-server.conf"
if [ -e "$conf" ]; then
	install -m 0644 "$here/floordesk-server.conf" "$conf.new"
	echo "kept your settings $conf; this version's sample is beside it as .new"
else
	install -m 0644 "$here/floordesk-server.conf" "$conf"
fi
install -d -m 0750 "$root/etc/floordesk-server/tls"
install -d -m 0700 "$root/var/lib/floordesk-server" "$root/var/lib/floordesk-server-backups"

if $system; then
	if ! getent passwd floordesk >/dev/null; then
		useradd --system --user-group --home-dir /var/lib/floordesk-server --no-create-home \
			--shell /usr/sbin/nologin --comment "FloorDesk sync server" floordesk
	fi
	chown floordesk:floordesk /var/lib/floordesk-server /var/lib/floordesk-server-backups
	chmod 0700 /var/lib/floordesk-server /var/lib/floordesk-server-backups
	chown root:floordesk /etc/floordesk-server/tls
	if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
		systemctl daemon-reload
		if systemctl is-active --quiet floordesk-server; then
			systemctl restart floordesk-server
			echo "floordesk-server restarted on the new version"
		else
			echo "next: the certificate (docs/INSTALL.md), then:"
			echo "  systemctl enable --now floordesk-server floordesk-server-backup.timer"
		fi
	fi
fi
echo "installed $("$root/usr/local/bin/floordesk-server" --version) into $root"
