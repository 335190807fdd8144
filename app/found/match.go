package found

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// Matching of loss reports with found items: by date, place, category and
// the words of the descriptions. Chinese has no spaces, so Han text is
// compared by character bigrams ("黑色钱包" → 黑色, 色钱, 钱包).

// FoundMatch is a found item that may match a loss report.
type FoundMatch struct {
	Item    FoundItem
	Score   float64
	Reasons []string // "category", "room", "place", "description"
}

// ReportMatch is a loss report that may be about a found item.
type ReportMatch struct {
	Report  LostReport
	Score   float64
	Reasons []string
}

// matchThreshold is the least score shown: a category and room match, or
// a category and a fair share of the description.
const matchThreshold = 2.5

// Matching window: an item found up to a day before the guest thinks it
// was lost (guests misremember) and up to 60 days after.
const (
	matchBefore = 24 * time.Hour
	matchAfter  = 60 * 24 * time.Hour
)

func (s *FoundRegister) itemsMatching(r LostReport) ([]FoundMatch, error) {
	items, err := s.FoundItems(FoundHeld)
	if err != nil {
		return nil, err
	}
	var out []FoundMatch
	known := termsOf{}
	for _, f := range items {
		if score, why := matchScore(r, f, known); score >= matchThreshold {
			out = append(out, FoundMatch{Item: f, Score: score, Reasons: why})
		}
	}
	slices.SortStableFunc(out, func(a, b FoundMatch) int { return compareScore(a.Score, b.Score) })
	return out, nil
}

func (s *FoundRegister) reportsMatching(f FoundItem) ([]ReportMatch, error) {
	reports, err := s.openReportsLost(f.FoundAt.Add(-matchAfter), f.FoundAt.Add(matchBefore).AddDate(0, 0, 1))
	if err != nil {
		return nil, err
	}
	var out []ReportMatch
	known := termsOf{}
	for _, r := range reports {
		if score, why := matchScore(r, f, known); score >= matchThreshold {
			out = append(out, ReportMatch{Report: r, Score: score, Reasons: why})
		}
	}
	slices.SortStableFunc(out, func(a, b ReportMatch) int { return compareScore(a.Score, b.Score) })
	return out, nil
}

// compareScore orders higher scores first.
func compareScore(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// matchScore scores a report against an item; 0 when the dates rule it
// out. known keeps the texts' terms over one matching run, where one side
// (the item, or the report) is the same for every pair.
func matchScore(r LostReport, f FoundItem, known termsOf) (float64, []string) {
	if f.FoundAt.Before(r.LostAt.Add(-matchBefore)) || f.FoundAt.After(r.LostAt.Add(matchAfter)) {
		return 0, nil
	}
	var score float64
	var why []string
	add := func(points float64, reason string) {
		score += points
		why = append(why, reason)
	}
	if r.Category == f.Category {
		add(2, "category")
	}
	switch {
	case r.Room != "" && f.Room && r.Room == f.Place:
		add(2, "room")
	case dice(known.of(r.Place+" "+r.Room), known.of(f.Place)) > 0:
		add(1, "place")
	}
	if d := dice(known.of(r.Description), known.of(f.Description)); d > 0 {
		add(4*d, "description")
	}
	return score, why
}

// termsOf keeps the terms of texts already split.
type termsOf map[string]map[string]bool

func (k termsOf) of(text string) map[string]bool {
	t, ok := k[text]
	if !ok {
		t = terms(text)
		k[text] = t
	}
	return t
}

// similarity is the Dice coefficient of two texts' terms, 0 to 1.
func similarity(a, b string) float64 { return dice(terms(a), terms(b)) }

func dice(ta, tb map[string]bool) float64 {
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	common := 0
	for t := range ta {
		if tb[t] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(ta)+len(tb))
}

// terms splits text into lower-case words (two letters or more, not stop
// words) and Han character bigrams (a lone Han character stands alone).
func terms(text string) map[string]bool {
	out := map[string]bool{}
	var word, han []rune
	flush := func() {
		addWord(out, string(word))
		addHan(out, han)
		word, han = word[:0], han[:0]
	}
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.Is(unicode.Han, r):
			addWord(out, string(word))
			word = word[:0]
			han = append(han, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			addHan(out, han)
			han = han[:0]
			word = append(word, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

var stopWords = map[string]bool{"the": true, "and": true, "with": true, "of": true, "in": true,
	"on": true, "an": true, "at": true, "to": true, "it": true, "is": true, "my": true, "for": true}

func addWord(out map[string]bool, w string) {
	if len([]rune(w)) >= 2 && !stopWords[w] {
		out[w] = true
	}
}

func addHan(out map[string]bool, han []rune) {
	if len(han) == 1 {
		out[string(han)] = true
	}
	for i := 0; i+1 < len(han); i++ {
		out[string(han[i:i+2])] = true
	}
}
