package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"floordesk/assets"
)

// TestEveryRefusalIsTranslated checks that every refusal and conflict code
// the domain has a message for (registerMessages and errors.go's messages) has "refusal.<code>" in every
// language, so kit.Say never falls back to a vague sentence.
func TestEveryRefusalIsTranslated(t *testing.T) {
	tables := loadTables(t)
	codes := refusalCodes(t)
	if len(codes) < 20 {
		t.Fatalf("found only %d refusal codes in app/", len(codes))
	}
	for _, l := range assets.Languages {
		for _, code := range codes {
			if _, ok := tables[l]["refusal."+code]; !ok {
				t.Errorf("%s.json: refusal.%s is missing", l, code)
			}
		}
	}
}

// refusalCodes lists the keys of every registerMessages map in app/.
func refusalCodes(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "app", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			messageKeys(t, f, seen)
		}
	}
	codes := make([]string, 0, len(seen))
	for c := range seen {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

func messageKeys(t *testing.T, file string, seen map[string]bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Names) == 1 && vs.Names[0].Name == "messages" && len(vs.Values) == 1 {
			mapKeys(vs.Values[0], seen)
			return true
		}
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "registerMessages" {
			return true
		}
		mapKeys(call.Args[0], seen)
		return true
	})
}

// mapKeys adds the string keys of a map literal to seen.
func mapKeys(e ast.Expr, seen map[string]bool) {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.BasicLit); ok {
				code, _ := strconv.Unquote(k.Value)
				seen[code] = true
			}
		}
	}
}
