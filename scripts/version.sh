#!/usr/bin/env bash
# version.sh prints the version this checkout builds as, from its git tag
# (releases are tagged vMAJOR.MINOR.PATCH by scripts/release.sh):
#
#   scripts/version.sh           1.2.0, 1.2.0-3-gabc1234, 1.2.0-dirty;
#                                0.0.0-dev+abc1234 before the first tag;
#                                0.0.0-dev outside a git checkout
#   scripts/version.sh numeric [VERSION]
#                                1.2.0.3: MAJOR.MINOR.PATCH.COMMITS-SINCE-TAG
#                                of VERSION (default: the above), for the
#                                Windows version resource and installer
set -euo pipefail
cd "$(dirname "$0")/.."

described() {
	local d
	d=$(git describe --tags --always --dirty --match 'v[0-9]*' 2>/dev/null || true)
	case "$d" in
	v[0-9]*) echo "${d#v}" ;;
	"") echo 0.0.0-dev ;;
	*) echo "0.0.0-dev+$d" ;; # no tag yet: the commit alone
	esac
}

# numeric turns 1.2.0-3-gabc1234 into 1.2.0.3; a version without
# MAJOR.MINOR.PATCH numbers in front into 0.0.0.0.
numeric() {
	local v=$1 base commits=0
	base=${v%%[-+]*}
	if ! [[ $base =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
		echo 0.0.0.0
		return
	fi
	if [[ $v =~ ^[0-9.]+-([0-9]+)-g ]]; then commits=${BASH_REMATCH[1]}; fi
	echo "$base.$commits"
}

case "${1:-}" in
"") described ;;
numeric) numeric "${2:-$(described)}" ;;
*)
	echo "usage: $0 [numeric [VERSION]]" >&2
	exit 64
	;;
esac
