package demo

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/found"
	"floordesk/app/textsearch"
)

var categoryNames = map[app.Category]string{app.CatElectronics: "电子产品", app.CatDocuments: "证件文件",
	app.CatValuables: "首饰贵重物品", app.CatCash: "现金", app.CatClothing: "衣物", app.CatOther: "其他"}

// scanFound answers q from every found item's view, as a search must: the
// items whose words (and category name) every word of q starts, the
// latest found first, a page of them.
func scanFound(t *testing.T, core *app.Service, q found.FoundQuery) ([]string, bool) {
	t.Helper()
	terms := textsearch.Terms(q.Text)
	items, err := app.ListViews(core, found.KindFound, func(f *found.FoundItem) bool {
		claimant := ""
		if len(f.Claims) > 0 {
			claimant = f.Claims[len(f.Claims)-1].Claimant
		}
		toks := textsearch.Tokens(f.Tag, f.Place, claimant, f.Finder, f.Description, f.Location().Location, q.Categories[f.Category])
		return (q.Status == "" || f.Status == q.Status) && textsearch.Match(terms, toks)
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(items, func(a, b found.FoundItem) int {
		return cmp.Or(b.FoundAt.Compare(a.FoundAt), strings.Compare(b.Tag, a.Tag))
	})
	var tags []string
	for _, f := range items[:min(len(items), app.SearchPageSize)] {
		tags = append(tags, f.Tag)
	}
	return tags, len(items) > app.SearchPageSize
}

// TestSearchAgreesWithTheViews answers typical queries over three years
// of a demo hotel from the word index and from every view: the same
// items, in the same order, and the same "more"; and again after the
// index is rebuilt.
func TestSearchAgreesWithTheViews(t *testing.T) {
	f := apptest.Open(t, "desk-a", apptest.NewClock(apptest.Start), registers.New)
	if err := Demo(f.Core, DemoOptions{Seed: 3, Size: 6000, Days: 3 * 365}); err != nil {
		t.Fatal(err)
	}
	reg := found.New(f.Core)
	queries := []string{"", "qb", "钱包", "1203", "12", "lf2", "sj", "huawei", "black", "yusan", "z", "xj", "dz hs",
		"大堂 umbrella", "nothing-like-this", "服务台储物柜", "s0"}
	check := func(when string) {
		matched := 0
		for _, text := range queries {
			for _, status := range []found.FoundStatus{"", found.FoundHeld, found.FoundClaimed, found.FoundDisposed} {
				q := found.FoundQuery{Text: text, Status: status, Categories: categoryNames}
				page, err := reg.SearchFound(q)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, item := range page.Items {
					got = append(got, item.Tag)
				}
				want, more := scanFound(t, f.Core, q)
				if !slices.Equal(got, want) || page.More != more {
					t.Errorf("%s: %q in %q: index %d (more %v), views %d (more %v)", when, text, status, len(got), page.More, len(want), more)
				}
				matched += len(got)
			}
		}
		if matched < 2000 {
			t.Fatalf("only %d matches: the test proves little", matched)
		}
	}
	check("kept")
	if err := f.Store.RebuildIndexes(); err != nil {
		t.Fatal(err)
	}
	check("rebuilt")
}
