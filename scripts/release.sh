#!/usr/bin/env bash
# release.sh X.Y.Z makes release X.Y.Z from a clean checkout of main: it
# writes the version into FyneApp.toml (and counts its Build up), commits
# that, and tags the commit vX.Y.Z (annotated). `make dist` then stamps
# X.Y.Z into both programs, the Windows resources and the installer; the
# version test (go test ./version) fails while FyneApp.toml and the
# latest tag disagree. Push with: git push origin main vX.Y.Z
set -euo pipefail
cd "$(dirname "$0")/.."

v=${1:-}
if ! [[ $v =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
	echo "usage: $0 MAJOR.MINOR.PATCH (for example 1.2.0)" >&2
	exit 64
fi
if [ -n "$(git status --porcelain)" ]; then
	echo "release: the checkout has uncommitted changes; commit or stash them first" >&2
	exit 1
fi
if git rev-parse -q --verify "refs/tags/v$v" >/dev/null; then
	echo "release: tag v$v exists already" >&2
	exit 1
fi
build=$(sed -n 's/^ *Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)
sed -i -e "s/^\( *Version *= *\)\"[^\"]*\"/\1\"$v\"/" \
	-e "s/^\( *Build *= *\)[0-9]*/\1$((${build:-0} + 1))/" FyneApp.toml
git add FyneApp.toml
git commit -q -m "Release $v"
git tag -a "v$v" -m "FloorDesk $v"
echo "release: tagged v$v; push with: git push origin HEAD v$v"
