package loans

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"floordesk/app"
	"floordesk/assets"
)

// TestEveryTextIsTranslated checks that every loans.* key the screen uses,
// and every loan refusal code, is in both translation files.
func TestEveryTextIsTranslated(t *testing.T) {
	want := usedKeys(t, `"(loans\.[a-z_.]*[a-z_])"`)
	for _, c := range []string{"fine", "damaged", "lost"} {
		want = append(want, "loans.cond."+c)
	}
	for _, code := range app.MessageCodes() {
		if regexp.MustCompile(`^loan\.`).MatchString(code) {
			want = append(want, "refusal."+code)
		}
	}
	checkKeys(t, want)
}

func usedKeys(t *testing.T, pattern string) []string {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(pattern)
	var out []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			out = append(out, m[1])
		}
	}
	return out
}

func checkKeys(t *testing.T, keys []string) {
	t.Helper()
	for _, file := range []string{"en", "zh-Hans"} {
		table, err := assets.Table(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if _, ok := table[k]; !ok {
				t.Errorf("%s.json lacks %q", file, k)
			}
		}
	}
}
