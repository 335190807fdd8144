#!/usr/bin/env bash
# smoke.sh starts the real desk app with the demo hotel in a real window
# under Xvfb, signed in as the demo supervisor so it lands on the
# dashboard, takes a screenshot and fails when no window appears within
# 60 s or the window is blank. The screenshot goes to
# bin/smoke-dashboard.png, and with UPDATE_SCREENSHOT=1 also to
# docs/screenshot-dashboard.png. SMOKE_LANG=en takes it in English.
# SMOKE_BIN=FILE starts that program instead of building bin/floordesk
# (scripts/dist-check.sh: the unpacked release), and SMOKE_PATH, when set,
# is the only PATH it sees (no Go toolchain).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${SMOKE_BIN:-bin/floordesk}
if [ -z "${SMOKE_BIN:-}" ]; then
	go build -tags migrated_fynedo,no_emoji -o bin/floordesk .
fi

work=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
	rm -rf "$work"
	return 0
}
trap cleanup EXIT

fail() {
	echo "smoke: FAIL: $*" >&2
	if [ -s "$work/app.log" ]; then
		echo "--- app output ---" >&2
		tail -n 40 "$work/app.log" >&2
	fi
	exit 1
}

# Xvfb picks a free display itself and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
	[ -s "$work/display" ] && break
	kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
	sleep 0.1
done
[ -s "$work/display" ] || fail "Xvfb gave no display number"
export DISPLAY=":$(head -n1 "$work/display")"
export LIBGL_ALWAYS_SOFTWARE=1

mkdir "$work/data"
# The desk's key goes where it goes on a PC without a key store (a file in
# the user's settings folder), here inside $work, so no run leaves a key
# behind in the real one.
export XDG_CONFIG_HOME="$work/config" DBUS_SESSION_BUS_ADDRESS="unix:path=$work/no-bus"
env ${SMOKE_PATH:+PATH="$SMOKE_PATH"} "$bin" --data "$work/data/desk" --lang "${SMOKE_LANG:-zh}" --demo --signed-in S01 >"$work/app.log" 2>&1 &
app_pid=$!

shot="$work/shot.png"
colours=0
deadline=$((SECONDS + 60))
while [ $SECONDS -lt $deadline ]; do
	kill -0 "$app_pid" 2>/dev/null || fail "the app exited early"
	win=$(xwininfo -root -tree 2>/dev/null | awk '/"FloorDesk"/ {print $1; exit}')
	if [ -n "$win" ] && timeout 10 import -window "$win" "$shot" 2>/dev/null; then
		colours=$(identify -format '%k' "$shot" 2>/dev/null || echo 0)
		# Rendered text is anti-aliased: a drawn window has many colours.
		if [ "$colours" -ge 16 ]; then
			sleep 1 # let the first frames settle
			timeout 10 import -window "$win" "$shot" 2>/dev/null || true
			break
		fi
	fi
	sleep 0.5
done

[ -n "${win:-}" ] || fail "no FloorDesk window within 60 s"
[ "$colours" -ge 16 ] || fail "the FloorDesk window stayed blank ($colours colours)"

mkdir -p bin
cp "$shot" bin/smoke-dashboard.png
if [ "${UPDATE_SCREENSHOT:-}" = 1 ]; then
	cp "$shot" docs/screenshot-dashboard.png
	echo "smoke: updated docs/screenshot-dashboard.png"
fi
ls "$work/config/FloorDesk-keys/"*.key >/dev/null 2>&1 || fail "the desk's key is not in the user's settings folder"
echo "smoke: ok: window $win drawn with $colours colours (bin/smoke-dashboard.png)"
