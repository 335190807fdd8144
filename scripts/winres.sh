#!/usr/bin/env bash
# winres.sh VERSION writes rsrc_windows_amd64.syso into the desk's main
# package: the icon (assets/icon.png, at every size Windows shows), the
# version resource (product version VERSION, file version from
# `scripts/version.sh numeric`, or VERSION's numbers) and a manifest that
# runs the desk as the signed-in user (asInvoker: no administrator
# prompt), DPI-aware, with the common controls of Windows 10/11. `go
# build` links a .syso for its GOOS/GOARCH by itself; other builds ignore
# it. The tool is github.com/tc-hib/go-winres, fetched by `go run` at a
# pinned version (through the Go module proxy, as the project's modules).
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:?usage: $0 VERSION}
numeric=$(scripts/version.sh numeric "$version")

GO=${GO:-go}
"$GO" run github.com/tc-hib/go-winres@v0.3.3 simply \
	--arch amd64 --out rsrc --manifest gui \
	--product-name FloorDesk --product-version "$version" --file-version "$numeric" \
	--file-description "FloorDesk 楼层服务台" --copyright "FloorDesk" \
	--original-filename floordesk.exe --icon assets/icon.png
echo "$numeric"
