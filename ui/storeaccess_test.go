package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestUIReachesTheStoreOnlyThroughInterfaces reads the window's source: no
// screen takes the desk's store out of the service (Svc.Store(), a type
// assertion to *data.Store) or names *data.Store at all. The window gets
// the registers from main and the desk's own store as kit.LocalStore; the
// test helpers (kittest) open real stores and are left out.
func TestUIReachesTheStoreOnlyThroughInterfaces(t *testing.T) {
	files := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
			strings.Contains(path, "kittest") {
			return err
		}
		files++
		for _, problem := range storeAccess(t, path) {
			t.Errorf("%s", problem)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("read only %d files", files)
	}
}

// storeAccess lists the places in file that reach the store around the
// interfaces.
func storeAccess(t *testing.T, file string) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Store" && len(n.Args) == 0 {
				out = append(out, fset.Position(n.Pos()).String()+": takes the store out of "+exprText(sel.X))
			}
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok && x.Name == "data" && n.Sel.Name == "Store" {
				out = append(out, fset.Position(n.Pos()).String()+": names *data.Store")
			}
		}
		return true
	})
	return out
}

func exprText(e ast.Expr) string {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return exprText(sel.X) + "." + sel.Sel.Name
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return "an expression"
}
