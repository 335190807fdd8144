package ui

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"floordesk/assets"
	"floordesk/ui/kit"
)

// TestTranslationFilesAgree checks that every key has a text in every
// language, with the same template fields.
func TestTranslationFilesAgree(t *testing.T) {
	tables := loadTables(t)
	all := map[string]bool{}
	for _, table := range tables {
		for k := range table {
			all[k] = true
		}
	}
	for _, l := range assets.Languages {
		for k := range all {
			text, ok := tables[l][k]
			switch {
			case !ok:
				t.Errorf("%s.json: key %q is missing", l, k)
			case strings.TrimSpace(text) == "":
				t.Errorf("%s.json: key %q is empty", l, k)
			case !slices.Equal(fields(text), fields(tables[assets.Languages[0]][k])):
				t.Errorf("%s.json: key %q uses fields %v, %s.json uses %v",
					l, k, fields(text), assets.Languages[0], fields(tables[assets.Languages[0]][k]))
			}
		}
	}
}

// TestUsedKeysAreTranslated scans the UI (every area package under ui/)
// and main.go for translation keys:
// the first argument of lang.L and lang.X, and every string literal shaped
// like a key of a known group ("status.events").
func TestUsedKeysAreTranslated(t *testing.T) {
	tables := loadTables(t)
	groups := map[string]bool{}
	for k := range tables[assets.Languages[0]] {
		groups[strings.SplitN(k, ".", 2)[0]] = true
	}
	files := goFiles(t, ".")
	if _, err := os.Stat(filepath.Join("..", "main.go")); err == nil {
		files = append(files, filepath.Join("..", "main.go"))
	}
	used := map[string]string{} // key -> where
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		for key, pos := range keysIn(t, f, groups) {
			used[key] = pos
		}
	}
	if len(used) == 0 {
		t.Fatal("found no translation keys in the source")
	}
	for _, l := range assets.Languages {
		for key, pos := range used {
			if _, ok := tables[l][key]; !ok {
				t.Errorf("%s: key %q is missing from %s.json", pos, key, l)
			}
		}
	}
}

// goFiles lists the Go files under dir, recursively.
func goFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var keyShape = regexp.MustCompile(`^[a-z]+(\.[a-z_]+)+$`)

func keysIn(t *testing.T, file string, groups map[string]bool) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if isLangCall(n) && len(n.Args) > 0 {
				lit, ok := n.Args[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true // a helper's parameter: its callers' literals are found below
				}
				s, _ := strconv.Unquote(lit.Value)
				keys[s] = fset.Position(lit.Pos()).String()
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(n.Value)
			if err == nil && keyShape.MatchString(s) && groups[strings.SplitN(s, ".", 2)[0]] {
				keys[s] = fset.Position(n.Pos()).String()
			}
		}
		return true
	})
	return keys
}

func isLangCall(c *ast.CallExpr) bool {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "lang" && (sel.Sel.Name == "L" || sel.Sel.Name == "X")
}

var field = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

func fields(text string) []string {
	var out []string
	for _, m := range field.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return slices.Compact(out)
}

func loadTables(t *testing.T) map[string]map[string]string {
	t.Helper()
	tables := map[string]map[string]string{}
	for _, l := range assets.Languages {
		table, err := assets.Table(l)
		if err != nil {
			t.Fatal(err)
		}
		tables[l] = table
	}
	return tables
}

func TestUseLanguage(t *testing.T) {
	tests := []struct {
		system, choice, want, heading string
	}{
		{"C", "", Chinese, "数据状态"},
		{"C.UTF-8", "", Chinese, "数据状态"},
		{"POSIX", "", Chinese, "数据状态"},
		{"en_GB.UTF-8", "", English, "Data status"},
		{"zh_CN.UTF-8", "", Chinese, "数据状态"},
		{"de_DE.UTF-8", "", Chinese, "数据状态"},
		{"C", Chinese, Chinese, "数据状态"},
		{"zh_CN.UTF-8", English, English, "Data status"},
		{"en_US.UTF-8", Chinese, Chinese, "数据状态"},
		{"de_DE.UTF-8", English, English, "Data status"},
		{"C", English, English, "Data status"},
	}
	for _, tt := range tests {
		t.Run(tt.system+"/"+tt.choice, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANGUAGE", "")
			t.Setenv("LANG", tt.system)
			got, err := UseLanguage(tt.choice)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("UseLanguage(%q) = %q, want %q", tt.choice, got, tt.want)
			}
			if h := lang.L("status.heading"); h != tt.heading {
				t.Errorf("heading reads %q, want %q", h, tt.heading)
			}
		})
	}
	if _, err := UseLanguage("fr"); err == nil {
		t.Error(`UseLanguage("fr") succeeded, want an error`)
	}
}

// TestPOSIXLocaleLogsNoError: on LANG=C.UTF-8 Fyne would log "Error
// parsing user locale C"; the desk speaks Chinese with a clean log.
func TestPOSIXLocaleLogsNoError(t *testing.T) {
	for _, loc := range []string{"C.UTF-8", "POSIX", "C"} {
		t.Run(loc, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANGUAGE", "")
			t.Setenv("LANG", loc)
			var logged bytes.Buffer
			log.SetOutput(&logged)
			defer log.SetOutput(os.Stderr)
			got, err := UseLanguage("")
			lang.L("status.heading")
			if err != nil || got != Chinese {
				t.Fatalf("UseLanguage on %s = %q, %v; want Chinese", loc, got, err)
			}
			if strings.Contains(logged.String(), "locale") {
				t.Errorf("the log reads %q", logged.String())
			}
			if loc != "C" && os.Getenv("LANGUAGE") != "zh_CN" {
				t.Errorf("LANGUAGE = %q, want zh_CN", os.Getenv("LANGUAGE"))
			}
		})
	}
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LANGUAGE", "")
	if kit.FixPOSIXLocale() {
		t.Error("FixPOSIXLocale changed LANGUAGE on en_US.UTF-8")
	}
}

// TestFyneWordsSpeakTheDeskLanguage: Fyne's own words (an entry's
// right-click menu, the window menu's Quit) follow the desk's language,
// whichever locale the computer is set to.
func TestFyneWordsSpeakTheDeskLanguage(t *testing.T) {
	t.Cleanup(func() { kit.UseLanguage(kit.Chinese) })
	want := map[string]map[string]string{
		kit.Chinese: {"Paste": "粘贴", "Select all": "全选", "Quit": "退出"},
		kit.English: {"Paste": "Paste", "Select all": "Select all", "Quit": "Quit"},
	}
	for _, l := range []string{kit.Chinese, kit.English, kit.Chinese} {
		if _, err := kit.UseLanguage(l); err != nil {
			t.Fatal(err)
		}
		for key, text := range want[l] {
			if got := lang.L(key); got != text {
				t.Errorf("%s: %q reads %q, want %q", l, key, got, text)
			}
		}
	}
}

// TestEnglishHintsAreEnglish: the hints in search boxes and fields, and
// the checks under them, speak English in the English desk; Chinese shows
// only where the desk asks for Chinese words.
func TestEnglishHintsAreEnglish(t *testing.T) {
	chineseOnPurpose := map[string]string{
		"supervisor.item_name_hint": "an item type's name is typed in both languages",
	}
	han := regexp.MustCompile(`\p{Han}`)
	hint := regexp.MustCompile(`(\.search$|_hint$|\.hint\.|\.check\.|\.pick$)`)
	en := loadTables(t)["en"]
	n := 0
	for key, text := range en {
		if !hint.MatchString(key) || chineseOnPurpose[key] != "" {
			continue
		}
		n++
		if han.MatchString(text) {
			t.Errorf("%s reads %q in the English desk", key, text)
		}
	}
	if n < 10 {
		t.Fatalf("found only %d hints to check", n)
	}
}
