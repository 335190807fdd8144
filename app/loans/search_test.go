package loans

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
)

// The history search finds a loan made months ago, returned long since,
// by its room, guest, tag, item's name, the staff who lent it or took it
// back, and within a period; the open ones by status.
func TestSearchLoansOverTheHistory(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	old := lend(f, "0801", LoanLine{Item: "adapter", Tags: []string{"AD-01"}}) // by Wang Fang
	f.Must(f.Svc.ReturnAll(apptest.Att2ID, old.ID))                            // back to Zhang Wei
	f.Clock.Advance(90 * 24 * time.Hour)
	mid := lend(f, "1203", LoanLine{Item: "hair_dryer", Count: 1})
	f.Must(f.Svc.ReturnAll(apptest.AttID, mid.ID))
	f.Clock.Advance(24 * time.Hour)
	open := lend(f, "0802", LoanLine{Item: "iron", Count: 1})

	items := map[string]string{"adapter": "转换插头", "hair_dryer": "吹风机", "iron": "熨斗", "umbrella": "雨伞"}
	staff := map[string]string{apptest.SupID: "李娜", apptest.AttID: "王芳", apptest.Att2ID: "张伟"}
	now := f.Clock.Now()
	tests := []struct {
		name string
		q    LoanQuery
		want []string
	}{
		{"everything, the latest first", LoanQuery{}, []string{open.ID, mid.ID, old.ID}},
		{"a room", LoanQuery{Text: "0801"}, []string{old.ID}},
		{"the guest, by pinyin initials", LoanQuery{Text: "wf"}, []string{open.ID, mid.ID, old.ID}},
		{"a tag", LoanQuery{Text: "AD-01"}, []string{old.ID}},
		{"an item's name", LoanQuery{Text: "cfj", Items: items}, []string{mid.ID}},
		{"who took it back", LoanQuery{Text: "张伟", Staff: staff}, []string{old.ID}},
		{"returned", LoanQuery{Status: LoanStatusReturned}, []string{mid.ID, old.ID}},
		{"open", LoanQuery{Status: LoanStatusOpen}, []string{open.ID}},
		{"the last 30 days", LoanQuery{From: now.AddDate(0, 0, -30), To: now.Add(time.Minute)}, []string{open.ID, mid.ID}},
		{"a quarter back", LoanQuery{From: now.AddDate(0, 0, -120), To: now.AddDate(0, 0, -60)}, []string{old.ID}},
		{"no item of that name", LoanQuery{Text: "雨伞", Items: items}, nil},
	}
	for _, tt := range tests {
		page, err := f.Svc.SearchLoans(tt.q)
		var got []string
		for _, l := range page.Items {
			got = append(got, l.ID)
		}
		if err != nil || !slices.Equal(got, tt.want) || page.More {
			t.Errorf("%s: %v (more %v), %v; want %v", tt.name, got, page.More, err, tt.want)
		}
	}
}

// A search of MaxSearchWords words or MaxSearchRunes characters runs; one
// word or one character more is refused, as invalid, naming the search.
func TestSearchTextLimits(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	words := strings.TrimSpace(strings.Repeat("a ", app.MaxSearchWords))
	chars := strings.Repeat("雨", app.MaxSearchRunes)
	for _, q := range []string{words, chars} {
		if _, err := f.Svc.SearchLoans(LoanQuery{Text: q}); err != nil {
			t.Errorf("a search at the limit (%d runes) refused: %v", len([]rune(q)), err)
		}
	}
	for _, q := range []string{words + " a", chars + "雨"} {
		_, err := f.Svc.SearchLoans(LoanQuery{Text: q})
		if r := app.RefusalOf(err); !errors.Is(err, app.ErrInvalid) || r == nil || r.Field != "search" {
			t.Errorf("a search past the limit (%d runes): %v", len([]rune(q)), err)
		}
	}
}
