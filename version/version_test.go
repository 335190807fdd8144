package version

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestStringIsTheStampWithoutItsV(t *testing.T) {
	old := Version
	t.Cleanup(func() { Version = old })
	for stamp, want := range map[string]string{"1.2.0": "1.2.0", "v1.2.0-3-gabc1234": "1.2.0-3-gabc1234", " 2.0.0-dirty\n": "2.0.0-dirty"} {
		Version = stamp
		if got := String(); got != want {
			t.Errorf("stamped %q: String() = %q, want %q", stamp, got, want)
		}
	}
	Version = ""
	if got := String(); !strings.HasPrefix(got, Dev) {
		t.Errorf("unstamped: String() = %q, want %s…", got, Dev)
	}
}

// The version the fyne tool and the Windows installer read from
// FyneApp.toml is the latest release tag's (scripts/release.sh makes both
// in one commit); before the first tag it is 0.0.0.
func TestFyneAppTomlFollowsTheLatestTag(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	toml, err := os.ReadFile(filepath.Join(root, "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]*)"`).FindSubmatch(toml)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version line")
	}
	inToml := string(m[1])
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git: cannot read the tags")
	}
	git := func(args ...string) (string, error) {
		out, err := exec.Command("git", append([]string{"-C", root}, args...)...).Output()
		return strings.TrimSpace(string(out)), err
	}
	if shallow, err := git("rev-parse", "--is-shallow-repository"); err != nil || shallow != "false" {
		t.Skip("not a full git clone: the tags may be missing")
	}
	tag, err := git("describe", "--tags", "--abbrev=0", "--match", "v[0-9]*")
	want := strings.TrimPrefix(tag, "v")
	if err != nil || tag == "" {
		want = "0.0.0" // no release yet
	}
	if inToml != want {
		t.Errorf("FyneApp.toml says Version = %q but the latest release tag is %q: release with scripts/release.sh, which writes both", inToml, want)
	}
}
