// Package version says which FloorDesk this build is. The build stamps it
// from the git tag (scripts/version.sh, the Makefile's LDFLAGS):
//
//	go build -ldflags "-X floordesk/version.Version=1.2.0" .
//
// A build without the stamp (go build, go test) is "0.0.0-dev", with the
// commit when Go recorded one. Standard library only: the desk, the server
// and their tools all link it.
package version

import (
	"runtime/debug"
	"strings"
)

// Version is set by the linker (-X floordesk/version.Version=…) to the
// release this build is: "1.2.0" at a tag, "1.2.0-3-gabc1234" three
// commits after it, "-dirty" with uncommitted changes. Empty in a build
// without the stamp.
var Version string

// Dev is the version of a build without a stamp.
const Dev = "0.0.0-dev"

// String is the build's version: the stamp, else Dev with the commit Go
// recorded ("0.0.0-dev+abc1234"), else Dev.
func String() string {
	if v := strings.TrimPrefix(strings.TrimSpace(Version), "v"); v != "" {
		return v
	}
	if rev := revision(); rev != "" {
		return Dev + "+" + rev
	}
	return Dev
}

// revision is the commit Go stamped into the build (go build in a git
// checkout), shortened, with "-dirty" for uncommitted changes.
func revision() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if len(rev) > 7 {
		rev = rev[:7]
	}
	if rev == "" {
		return ""
	}
	return rev + dirty
}
