package found

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"floordesk/app"
)

// The labelled match set, testdata/matchset.json: found items and loss
// reports as guests and staff write them, in Chinese, English and both.
// A report names the item it is about ("item"), or none: a near miss
// (same colour, different item; same item, different colour or brand...),
// whose "note" says what it must not match. Items no report names are
// distractors, so that "in the top three" means something.

// The targets: the right item among the top three suggestions for 90%
// of the reports about an item, and at most one wrong suggestion in ten.
// A suggestion is a match scored at or above matchThreshold, as the desk
// shows them.
const (
	wantRecall    = 0.90
	wantPrecision = 0.90
)

type matchSet struct {
	Offset  string      `json:"utc_offset"`
	Items   []setItem   `json:"items"`
	Reports []setReport `json:"reports"`
}

type setItem struct {
	ID          string       `json:"id"`
	FoundAt     string       `json:"found_at"`
	Place       string       `json:"place"`
	Room        bool         `json:"room"`
	Category    app.Category `json:"category"`
	Description string       `json:"description"`
}

type setReport struct {
	ID          string       `json:"id"`
	LostAt      string       `json:"lost_at"`
	Room        string       `json:"room"`
	Place       string       `json:"place"`
	Category    app.Category `json:"category"`
	Description string       `json:"description"`
	Item        string       `json:"item"` // the found item it is about, "" for a near miss
	Note        string       `json:"note"`
}

// labelled is the match set as matching reads it.
type labelled struct {
	loc     *time.Location
	items   []FoundItem
	reports []LostReport
	truth   map[string]string // report ID → item tag, "" for a near miss
	notes   map[string]string
}

// The labelled sets: the one matching is held to, and one written after
// the thesaurus and the points were tuned on it, to see how they carry
// over to descriptions they were not tuned on. Keep it so: when the
// held-out set shows a gap, add cases like it to matchset.json, and
// write new held-out cases.
const (
	tunedSet   = "testdata/matchset.json"
	heldOutSet = "testdata/matchset_holdout.json"
)

func loadMatchSet(tb testing.TB, file string) *labelled {
	tb.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	var set matchSet
	if err := json.Unmarshal(b, &set); err != nil {
		tb.Fatalf("%s: %v", file, err)
	}
	off, err := time.Parse("-07:00", set.Offset)
	if err != nil {
		tb.Fatalf("utc_offset: %v", err)
	}
	_, secs := off.Zone()
	l := &labelled{loc: time.FixedZone("hotel", secs), truth: map[string]string{}, notes: map[string]string{}}
	at := func(id, s string) time.Time {
		t, err := time.ParseInLocation("2006-01-02 15:04", s, l.loc)
		if err != nil {
			tb.Fatalf("%s: %v", id, err)
		}
		return t
	}
	tags := map[string]bool{}
	for _, it := range set.Items {
		tags[it.ID] = true
		l.items = append(l.items, FoundItem{Tag: it.ID, FoundAt: at(it.ID, it.FoundAt), Place: it.Place, Room: it.Room,
			Category: it.Category, Description: it.Description, Status: FoundHeld})
	}
	for _, r := range set.Reports {
		if r.Item != "" && !tags[r.Item] {
			tb.Fatalf("report %s names item %s, which the set does not have", r.ID, r.Item)
		}
		l.truth[r.ID], l.notes[r.ID] = r.Item, r.Note
		l.reports = append(l.reports, LostReport{ID: r.ID, LostAt: at(r.ID, r.LostAt), Room: r.Room, Place: r.Place,
			Category: r.Category, Description: r.Description})
	}
	return l
}

// quality is how matching does on the labelled set.
type quality struct {
	pairs, found int // reports about an item; those with it in their top three suggestions
	back         int // those whose item has the report in its top three (logging it)
	shown, wrong int // suggestions over all reports; those not the report's item
	misses       []string
	wrongs       []string
}

func (q quality) recall() float64     { return float64(q.found) / float64(max(1, q.pairs)) }
func (q quality) recallBack() float64 { return float64(q.back) / float64(max(1, q.pairs)) }
func (q quality) precision() float64  { return float64(q.shown-q.wrong) / float64(max(1, q.shown)) }

// evaluate matches every report of the set against every item, with the
// thesaurus l, as the desk does when a report is filed, and every item
// against every report, as when an item is logged.
func (set *labelled) evaluate(l *lexicon) quality {
	var q quality
	m := newMatcher(l, set.loc, nil)
	byItem := map[string][]ReportMatch{}
	for _, r := range set.reports {
		var got []FoundMatch
		for _, f := range set.items {
			if score, why := m.score(r, f); score >= matchThreshold {
				got = append(got, FoundMatch{Item: f, Score: score, Reasons: why})
				byItem[f.Tag] = append(byItem[f.Tag], ReportMatch{Report: r, Score: score, Reasons: why})
			}
		}
		slices.SortStableFunc(got, func(a, b FoundMatch) int { return compareScore(a.Score, b.Score) })
		want := set.truth[r.ID]
		if want != "" {
			q.pairs++
			if slices.ContainsFunc(got[:min(3, len(got))], func(m FoundMatch) bool { return m.Item.Tag == want }) {
				q.found++
			} else {
				q.misses = append(q.misses, fmt.Sprintf("%s %q: %s not in the top three of %s", r.ID, r.Description, want, describeMatches(got)))
			}
		}
		for _, g := range got {
			q.shown++
			if g.Item.Tag != want {
				q.wrong++
				q.wrongs = append(q.wrongs, fmt.Sprintf("%s %q: %s %q %.2f %v %s", r.ID, r.Description, g.Item.Tag,
					g.Item.Description, g.Score, g.Reasons, set.notes[r.ID]))
			}
		}
	}
	for id, tag := range set.truth {
		if tag == "" {
			continue
		}
		got := byItem[tag]
		slices.SortStableFunc(got, func(a, b ReportMatch) int { return compareScore(a.Score, b.Score) })
		if slices.ContainsFunc(got[:min(3, len(got))], func(m ReportMatch) bool { return m.Report.ID == id }) {
			q.back++
		}
	}
	return q
}

func describeMatches(ms []FoundMatch) string {
	var s []string
	for _, m := range ms {
		s = append(s, fmt.Sprintf("%s %.2f", m.Item.Tag, m.Score))
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// TestMatchQuality holds matching to its targets on the labelled set.
func TestMatchQuality(t *testing.T) {
	set := loadMatchSet(t, tunedSet)
	if set.pairsCount() < 60 {
		t.Fatalf("the set has %d true pairs, want at least 60", set.pairsCount())
	}
	q := set.evaluate(lex)
	t.Logf("recall (right item in the top 3) %.3f (%d of %d), the other way %.3f; precision %.3f (%d wrong of %d suggestions)",
		q.recall(), q.found, q.pairs, q.recallBack(), q.precision(), q.wrong, q.shown)
	if q.recall() < wantRecall {
		t.Errorf("the right item is in the top three for %.3f of the reports, want %.2f:\n%s", q.recall(), wantRecall, strings.Join(q.misses, "\n"))
	}
	if q.recallBack() < wantRecall {
		t.Errorf("the right report is in the top three for %.3f of the items, want %.2f", q.recallBack(), wantRecall)
	}
	if q.precision() < wantPrecision {
		t.Errorf("%d of %d suggestions are wrong, want at most one in ten:\n%s", q.wrong, q.shown, strings.Join(q.wrongs, "\n"))
	}
	if testing.Verbose() {
		for _, s := range append(q.misses, q.wrongs...) {
			t.Log(s)
		}
	}
}

// TestMatchSetNeedsTheThesaurus checks that the set tells meaning from
// spelling: without the thesaurus, matching misses its targets.
func TestMatchSetNeedsTheThesaurus(t *testing.T) {
	q := loadMatchSet(t, tunedSet).evaluate(newLexicon(nil, nil))
	t.Logf("without the thesaurus: recall %.3f, precision %.3f", q.recall(), q.precision())
	if q.recall() >= wantRecall && q.precision() >= wantPrecision {
		t.Fatal("matching meets its targets without the thesaurus: the set does not test it")
	}
}

// TestMatchQualityHeldOut reports how matching does on the held-out set;
// it holds it to nothing (see heldOutSet), and logs what it misses.
func TestMatchQualityHeldOut(t *testing.T) {
	q := loadMatchSet(t, heldOutSet).evaluate(lex)
	t.Logf("held out: recall %.3f (%d of %d), the other way %.3f; precision %.3f (%d wrong of %d suggestions)",
		q.recall(), q.found, q.pairs, q.recallBack(), q.precision(), q.wrong, q.shown)
	for _, s := range append(q.misses, q.wrongs...) {
		t.Log(s)
	}
}

func (set *labelled) pairsCount() int {
	n := 0
	for _, item := range set.truth {
		if item != "" {
			n++
		}
	}
	return n
}

// BenchmarkMatchQuality matches every report of the labelled set against
// every item and reports the share of reports with the right item in
// their top three (recall; and of items with the right report in theirs)
// and of suggestions that are right (precision):
//
//	go test -tags migrated_fynedo ./app/found -run XXX -bench MatchQuality
func BenchmarkMatchQuality(b *testing.B) {
	for _, file := range []string{tunedSet, heldOutSet} {
		b.Run(strings.TrimSuffix(strings.TrimPrefix(file, "testdata/"), ".json"), func(b *testing.B) {
			set := loadMatchSet(b, file)
			var q quality
			for b.Loop() {
				q = set.evaluate(lex)
			}
			b.ReportMetric(q.precision(), "precision")
			b.ReportMetric(q.recall(), "recall@3")
			b.ReportMetric(q.recallBack(), "item_recall@3")
			b.ReportMetric(float64(q.shown)/float64(len(set.reports)), "suggestions/report")
		})
	}
}

// BenchmarkMatchItem matches one found item against the set's reports,
// each read once, as logging an item does with the open reports of its
// window: the cost per report.
func BenchmarkMatchItem(b *testing.B) {
	set := loadMatchSet(b, tunedSet)
	item := set.items[0]
	for b.Loop() {
		m := newMatcher(lex, set.loc, nil)
		for _, r := range set.reports {
			m.score(r, item)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(set.reports)), "ns/report")
}
