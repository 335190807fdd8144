package keys

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"floordesk/app"
	"floordesk/assets"
)

// TestEveryTextIsTranslated checks that every keys.* key the screen uses,
// and every key, count and door refusal code, is in both translation files.
func TestEveryTextIsTranslated(t *testing.T) {
	want := usedKeys(t, `"(keys\.[a-z_.]*[a-z_])"`)
	for _, k := range []string{"floor_master", "section", "store_room", "emergency", "other"} {
		want = append(want, "keys.type."+k)
	}
	for _, k := range idTypes {
		want = append(want, "keys.id."+k)
	}
	for _, code := range app.MessageCodes() {
		if regexp.MustCompile(`^(key|keys|door)\.`).MatchString(code) {
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
