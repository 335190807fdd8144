package found

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/data/wire"
)

// search answers q as tags.
func search(t *testing.T, f *fixture, q FoundQuery) []string {
	t.Helper()
	page, err := f.Svc.SearchFound(q)
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, item := range page.Items {
		tags = append(tags, item.Tag)
	}
	return tags
}

func umbrella(at time.Time) FoundInput {
	return FoundInput{FoundAt: at, Place: "Lobby", Finder: "Zhao Min", Category: app.CatOther,
		Description: "雨伞 umbrella", Storage: "Store room B"}
}

// A wallet found and claimed three years ago, with a page and more of
// items found since, is found by its pinyin initials among every status,
// and by its claimant, and not among the items held.
func TestSearchFindsAnItemClaimedYearsAgo(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	f.Clock.Set(apptest.Start.AddDate(-3, 0, 0))
	in := wallet()
	in.FoundAt, in.Description = f.Clock.Now().Add(-time.Hour), "黑色钱包 内有身份证"
	old := logFound(f, in)
	f.Must(f.Svc.ClaimFound(apptest.AttID, ClaimInput{Tag: old.Tag, Claimant: "陈静", Contact: "138", IDType: "id_card",
		IDLast4: "1234", Description: "黑色钱包"}))
	f.Clock.Set(apptest.Start.AddDate(0, 0, -30))
	for i := range app.SearchPageSize + 10 {
		logFound(f, umbrella(f.Clock.Now()))
		f.Clock.Advance(time.Duration(i%7+1) * time.Hour)
	}
	for _, q := range []FoundQuery{{Text: "qb"}, {Text: "QB sfz"}, {Text: "cj"}, {Text: "302 钱包"}, {Text: "qb", Status: FoundClaimed}} {
		if got := search(t, f, q); !slices.Equal(got, []string{old.Tag}) {
			t.Errorf("%+v finds %v, want the wallet %s", q, got, old.Tag)
		}
	}
	if got := search(t, f, FoundQuery{Text: "qb", Status: FoundHeld}); got != nil {
		t.Errorf("held wallets: %v", got)
	}
	page, err := f.Svc.SearchFound(FoundQuery{})
	if err != nil || len(page.Items) != app.SearchPageSize || !page.More || slices.ContainsFunc(page.Items, func(i FoundItem) bool { return i.Tag == old.Tag }) {
		t.Fatalf("the latest page: %d items, more %v (%v)", len(page.Items), page.More, err)
	}
	if !slices.IsSortedFunc(page.Items, func(a, b FoundItem) int { return b.FoundAt.Compare(a.FoundAt) }) {
		t.Error("the latest page is not the latest found first")
	}
}

// A claim moves the item from the held results to the claimed ones; a
// category is found by the name the desk shows it by.
func TestSearchFollowsTheItem(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	phone := logFound(f, wallet())
	ring := logFound(f, valuable())
	names := map[app.Category]string{app.CatElectronics: "电子产品", app.CatValuables: "首饰贵重物品"}
	if got := search(t, f, FoundQuery{Text: "dz", Categories: names, Status: FoundHeld}); !slices.Equal(got, []string{phone.Tag}) {
		t.Fatalf("held electronics: %v", got)
	}
	if got := search(t, f, FoundQuery{Text: "huawei", Status: FoundClaimed}); got != nil {
		t.Fatalf("claimed before the claim: %v", got)
	}
	f.Must(f.Svc.ClaimFound(apptest.AttID, ClaimInput{Tag: phone.Tag, Claimant: "Ms Chen", Contact: "138",
		IDType: "id_card", IDLast4: "123X", Description: "black Huawei phone"}))
	for status, want := range map[FoundStatus][]string{FoundHeld: nil, FoundClaimed: {phone.Tag}, "": {phone.Tag}} {
		if got := search(t, f, FoundQuery{Text: "huawei", Status: status}); !slices.Equal(got, want) {
			t.Errorf("%q after the claim: %v, want %v", status, got, want)
		}
	}
	if got := search(t, f, FoundQuery{Text: "ms chen"}); !slices.Equal(got, []string{phone.Tag}) {
		t.Errorf("by claimant: %v", got)
	}
	if got := search(t, f, FoundQuery{Status: FoundHeld}); !slices.Equal(got, []string{ring.Tag}) {
		t.Errorf("held: %v", got)
	}
}

// wordEntries lists the word index as "key entity".
func wordEntries(t *testing.T, f *fixture) []string {
	t.Helper()
	var out []string
	err := f.Store.ReadIndex("search/"+KindFound, func(r wire.IndexReader) error {
		return r.Scan(nil, nil, func(key []byte, ref wire.EntityRef) bool {
			out = append(out, fmt.Sprintf("%x %s", key, ref))
			return true
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRebuiltWordIndexEqualsTheKeptOne(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	for i := range 20 {
		item := logFound(f, umbrella(apptest.Start.AddDate(0, 0, -3*i)))
		if i%3 == 0 {
			f.Must(f.Svc.TransferFound(apptest.AttID, item.Tag, fmt.Sprintf("Shelf %d", i), false, ""))
		}
	}
	kept := wordEntries(t, f)
	if len(kept) < 20*10 {
		t.Fatalf("only %d entries for 20 items", len(kept))
	}
	if err := f.Store.RebuildIndexes(); err != nil {
		t.Fatal(err)
	}
	if rebuilt := wordEntries(t, f); !slices.Equal(rebuilt, kept) {
		t.Fatalf("rebuilt %d entries, kept %d", len(rebuilt), len(kept))
	}
}

// BenchmarkFileFoundItem is what filing a claimed item costs in every
// write of it (the store files the view before and after): its status,
// its words and the rest of app.Index.
func BenchmarkFileFoundItem(b *testing.B) {
	item := FoundItem{Tag: "LF260303-D1-001", FoundAt: apptest.Start, Place: "1203", Room: true, Finder: "S05",
		Category: app.CatCash, Description: "钱包 wallet with cash", Status: FoundClaimed,
		Custody: []Custody{{At: apptest.Start, By: "S05", Location: "服务台储物柜 desk cabinet"}, {At: apptest.Start, By: "S05", Location: "保险箱 safe"}},
		Claims:  []Claim{{Claimant: "陈静", Contact: "13800000000", IDType: "id_card", IDLast4: "1234", Description: "钱包", At: apptest.Start}}}
	view, err := json.Marshal(item)
	if err != nil {
		b.Fatal(err)
	}
	ref := app.Ref(KindFound, item.Tag)
	n := 0
	for b.Loop() {
		n = len(app.Index(ref, view))
	}
	b.ReportMetric(float64(n), "entries")
	b.ReportMetric(float64(len(view)), "view-bytes")
}
