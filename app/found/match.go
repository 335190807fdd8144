package found

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Matching of loss reports with found items. A report and an item match
// on what their descriptions mean (matchtext.go reads them with the
// thesaurus): the same item, colour, brand and material, and the words
// they share. The category, the room or floor or place, and the days
// between the loss and the find are evidence too, not gates: a wallet
// filed under "other" in the lobby is still suggested for a wallet lost
// in room 1205, when its description says so. Different items, colours
// or brands count against a match. Only the matching window (below) is a
// gate: it bounds the open reports read for an item.

// Reason is one piece of evidence for a match, for the desk to read:
// Code names it (the translation key found.why.<code>) and Params fill
// it in.
type Reason struct {
	Code   string            `json:"code"`
	Params map[string]string `json:"params,omitempty"`
}

// Reason codes.
const (
	WhyItem      = "item"       // Found, Lost: the words for the same item, "钱包", "皮夹"
	WhyColour    = "colour"     // Word
	WhyBrand     = "brand"      // Word
	WhyMaterial  = "material"   // Word
	WhyOrigin    = "origin"     // Word: a country
	WhyWords     = "words"      // Words: the other words both use
	WhyCategory  = "category"   // filed under the same category
	WhyRoom      = "room"       // Room
	WhyFloor     = "floor"      // Floor
	WhyPlace     = "place"      // Word
	WhySameDay   = "same_day"   // found the day it was lost
	WhyNextDay   = "next_day"   // found the day after
	WhyDaysAfter = "days_after" // Days
)

// ReasonCodes lists every reason code a match may give.
func ReasonCodes() []string {
	return []string{WhyItem, WhyColour, WhyBrand, WhyMaterial, WhyOrigin, WhyWords, WhyCategory, WhyRoom, WhyFloor,
		WhyPlace, WhySameDay, WhyNextDay, WhyDaysAfter}
}

// FoundMatch is a found item that may match a loss report.
type FoundMatch struct {
	Item    FoundItem
	Score   float64
	Reasons []Reason
}

// ReportMatch is a loss report that may be about a found item.
type ReportMatch struct {
	Report  LostReport
	Score   float64
	Reasons []Reason
}

// matchThreshold is the least score shown to the desk: the same item
// (3.5) with nothing against it and two more things that agree, say the
// colour and the category, or the category and a place or a day. The
// circumstances alone (category, room, day) never reach it: a pair whose
// descriptions agree on nothing scores nothing more (see score). Tuned
// on the labelled set in testdata/matchset.json.
const matchThreshold = 5.5

// Points for each piece of evidence. The description's are worth most;
// a difference in item, colour or brand outweighs the circumstances.
const (
	pointsItem          = 3.5  // the same item
	pointsItemKind      = 2.5  // one is a kind of the other: 护照 and 证件
	pointsItemContent   = 2    // what one holds is the other, or both hold it
	pointsItemMore      = 0.5  // each further item both name (a wallet and its ID), up to 1
	pointsItemOther     = -4   // both name items, none the same
	pointsContentsOther = -1   // both say what it holds, nothing the same
	pointsColour        = 1.5  // a colour both name
	pointsColourOther   = -5   // both name colours, none the same
	pointsBrand         = 2    // a brand both name
	pointsBrandOther    = -5   // both name brands, none the same
	pointsMaterial      = 0.75 // a material both name
	pointsMaterialOther = -3.5 // both name materials, none the same
	pointsOrigin        = 1    // a country both name
	pointsOriginOther   = -4   // both name countries, none the same
	pointsWords         = 3    // times the share of their other words (Dice, 0 to 1)
	pointsNumbersOther  = -2   // both give numbers (an amount, a model), none the same
	pointsCategory      = 1
	pointsRoom          = 1.5
	pointsFloor         = 0.5
	pointsPlace         = 1
	pointsSameDay       = 1   // found the day it was lost, or the day after
	pointsDaysAfter     = 0.5 // found two or three days after
	pointsWeeksAfter    = -1  // found more than a week after
	pointsMonthAfter    = -2  // found more than a month after
)

// Matching window: an item found up to a day before the guest thinks it
// was lost (guests misremember) and up to 60 days after. It bounds the
// open reports read for an item (by the date they were lost), not the
// evidence: the days count as points within it.
const (
	matchBefore = 24 * time.Hour
	matchAfter  = 60 * 24 * time.Hour
)

func (s *FoundRegister) itemsMatching(r LostReport) ([]FoundMatch, error) {
	items, err := s.FoundItems(FoundHeld)
	if err != nil {
		return nil, err
	}
	m, err := s.matcher()
	if err != nil {
		return nil, err
	}
	var out []FoundMatch
	for _, f := range items {
		if score, why := m.score(r, f); score >= matchThreshold {
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
	m, err := s.matcher()
	if err != nil {
		return nil, err
	}
	var out []ReportMatch
	for _, r := range reports {
		if score, why := m.score(r, f); score >= matchThreshold {
			out = append(out, ReportMatch{Report: r, Score: score, Reasons: why})
		}
	}
	slices.SortStableFunc(out, func(a, b ReportMatch) int { return compareScore(a.Score, b.Score) })
	return out, nil
}

// matcher is a matching run's: the hotel's floors and time zone, read once.
func (s *FoundRegister) matcher() (*matcher, error) {
	rooms, err := s.Rooms()
	if err != nil {
		return nil, err
	}
	floors := make(map[string]int, len(rooms.Rooms))
	for _, r := range rooms.Rooms {
		floors[r.Number] = r.Floor
	}
	return newMatcher(lex, s.Loc(), floors), nil
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

// matcher scores reports against items over one matching run, where one
// side (the item, or the report) is the same for every pair: it keeps
// the texts it has read.
type matcher struct {
	lex    *lexicon
	loc    *time.Location
	floors map[string]int // room number → floor, from the room list
	known  map[string]*described
}

func newMatcher(l *lexicon, loc *time.Location, floors map[string]int) *matcher {
	return &matcher{lex: l, loc: loc, floors: floors, known: map[string]*described{}}
}

func (m *matcher) read(text string) *described {
	d, ok := m.known[text]
	if !ok {
		d = describe(m.lex, text)
		m.known[text] = d
	}
	return d
}

// score scores a report against an item, with the reasons; 0 when the
// dates rule it out.
func (m *matcher) score(r LostReport, f FoundItem) (float64, []Reason) {
	if f.FoundAt.Before(r.LostAt.Add(-matchBefore)) || f.FoundAt.After(r.LostAt.Add(matchAfter)) {
		return 0, nil
	}
	var e evidence
	lost, found := m.read(r.Description), m.read(f.Description)
	e.items(m.lex, found, lost)
	e.facet(m.lex, found, lost, facetBrand, WhyBrand, pointsBrand, pointsBrandOther)
	e.facet(m.lex, found, lost, facetColour, WhyColour, pointsColour, pointsColourOther)
	e.facet(m.lex, found, lost, facetMaterial, WhyMaterial, pointsMaterial, pointsMaterialOther)
	e.facet(m.lex, found, lost, facetOrigin, WhyOrigin, pointsOrigin, pointsOriginOther)
	e.words(found, lost)
	e.numbers(found, lost)
	if e.points <= 0 {
		// The descriptions agree on nothing, or disagree more than
		// they agree: the circumstances do not make a match.
		return e.points, e.why
	}
	if r.Category == f.Category {
		e.add(pointsCategory, WhyCategory, nil)
	}
	m.where(&e, r, f)
	m.when(&e, r, f)
	return e.points, e.why
}

// evidence adds up a pair's points and reasons.
type evidence struct {
	points float64
	why    []Reason
}

func (e *evidence) add(points float64, code string, params map[string]string) {
	e.points += points
	if points > 0 {
		e.why = append(e.why, Reason{Code: code, Params: params})
	}
}

// items compares the items both descriptions name, each side's most
// precise words only (a "LEGO toy car" is a toy car, not any toy). The
// first item a description names is the thing itself, the others what it
// holds: the best pair counts in full when it is the thing on both sides
// (the same item, or one a kind of the other), less when it is only what
// one holds ("a bag with a cup" for a cup), and each further pair a
// little. Items that differ count against, and so, a little, what both
// say it holds when nothing of it is the same (a wallet with a bank card
// is not one with a driving licence, though both are wallets).
func (e *evidence) items(l *lexicon, found, lost *described) {
	fs, ls := precise(l, found.of(facetItem)), precise(l, lost.of(facetItem))
	var best [2]mention
	points, pairs, contents := 0.0, 0, 0
	for i, x := range fs {
		for j, y := range ls {
			if !l.related(x.c, y.c) {
				continue
			}
			pairs++
			if i > 0 && j > 0 {
				contents++
			}
			p := float64(pointsItemContent)
			switch {
			case i > 0 || j > 0:
			case x.c == y.c:
				p = pointsItem
			default:
				p = pointsItemKind
			}
			if p > points {
				best, points = [2]mention{x, y}, p
			}
		}
	}
	switch {
	case pairs > 0:
		points += min(1, pointsItemMore*float64(pairs-1))
		e.add(points, WhyItem, map[string]string{"Found": best[0].word, "Lost": best[1].word})
		if len(fs) > 1 && len(ls) > 1 && contents == 0 {
			e.add(pointsContentsOther, "", nil)
		}
	case len(fs) > 0 && len(ls) > 0:
		e.add(pointsItemOther, WhyItem, nil)
	}
}

// precise leaves out the mentions of concepts another mention is a kind
// of.
func precise(l *lexicon, ms []mention) []mention {
	var out []mention
	for _, m := range ms {
		if !slices.ContainsFunc(ms, func(n mention) bool { return n.c.broader != "" && l.concepts[n.c.broader] == m.c }) {
			out = append(out, m)
		}
	}
	return out
}

// facet compares the concepts of one facet both descriptions name.
func (e *evidence) facet(l *lexicon, found, lost *described, f facet, code string, same, other float64) {
	fs, ls := found.of(f), lost.of(f)
	pairs := related(l, fs, ls)
	switch {
	case len(pairs) > 0:
		e.add(same, code, map[string]string{"Word": sameWord(pairs[0])})
	case len(fs) > 0 && len(ls) > 0:
		e.add(other, code, nil)
	}
}

// words scores the words, characters and bigrams no concept took.
func (e *evidence) words(found, lost *described) {
	d, common := dice(found.terms, lost.terms)
	if d > 0 {
		e.add(pointsWords*d, WhyWords, map[string]string{"Words": strings.Join(common, " ")})
	}
}

// numbers counts against a pair whose descriptions both give numbers
// (an amount of cash, a model, a size) and share none.
func (e *evidence) numbers(found, lost *described) {
	a, b := numbers(found.terms), numbers(lost.terms)
	if len(a) > 0 && len(b) > 0 && !slices.ContainsFunc(a, func(n string) bool { return slices.Contains(b, n) }) {
		e.add(pointsNumbersOther, "", nil)
	}
}

// numbers lists the terms that are numbers of two digits or more.
func numbers(terms map[string]bool) []string {
	var out []string
	for t := range terms {
		if len(t) >= 2 && t[0] >= '0' && t[0] <= '9' {
			out = append(out, t)
		}
	}
	return out
}

// where scores the room, its floor, or the place.
func (m *matcher) where(e *evidence, r LostReport, f FoundItem) {
	if r.Room != "" && f.Room {
		if r.Room == f.Place {
			e.add(pointsRoom, WhyRoom, map[string]string{"Room": r.Room})
			return
		}
		if a, ok := m.floor(r.Room); ok {
			if b, ok := m.floor(f.Place); ok && a == b {
				e.add(pointsFloor, WhyFloor, map[string]string{"Floor": strconv.Itoa(a)})
				return
			}
		}
	}
	lost, found := m.read(r.Place+" "+r.Room), m.read(f.Place)
	if pairs := related(m.lex, found.of(facetPlace), lost.of(facetPlace)); len(pairs) > 0 {
		e.add(pointsPlace, WhyPlace, map[string]string{"Word": sameWord(pairs[0])})
		return
	}
	if d, common := dice(found.terms, lost.terms); d > 0 {
		e.add(pointsPlace, WhyPlace, map[string]string{"Word": strings.Join(common, " ")})
	}
}

// floor is a room's floor: from the room list, else from its number
// (the digits before the last two: 1205 is on the 12th).
func (m *matcher) floor(room string) (int, bool) {
	if f, ok := m.floors[room]; ok {
		return f, true
	}
	if len(room) < 3 {
		return 0, false
	}
	f, err := strconv.Atoi(room[:len(room)-2])
	return f, err == nil && f >= 0
}

// when scores the days from the loss to the find, as calendar days in
// the hotel: an item turns up the same day or the next, or within days.
func (m *matcher) when(e *evidence, r LostReport, f FoundItem) {
	days := calendarDays(r.LostAt.In(m.loc), f.FoundAt.In(m.loc))
	switch {
	case days == 0:
		e.add(pointsSameDay, WhySameDay, nil)
	case days == 1:
		e.add(pointsSameDay, WhyNextDay, nil)
	case days > 1 && days <= 3:
		e.add(pointsDaysAfter, WhyDaysAfter, map[string]string{"Days": strconv.Itoa(days)})
	case days > 30:
		e.add(pointsMonthAfter, "", nil)
	case days > 7:
		e.add(pointsWeeksAfter, "", nil)
	}
}

// calendarDays counts the dates from a's to b's.
func calendarDays(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// related lists the pairs of mentions, one of each side, whose concepts
// are the same or one a kind of the other, in the order of the first side.
func related(l *lexicon, a, b []mention) [][2]mention {
	var out [][2]mention
	for _, x := range a {
		for _, y := range b {
			if l.related(x.c, y.c) {
				out = append(out, [2]mention{x, y})
				break
			}
		}
	}
	return out
}

// sameWord is what a reason shows of a pair: the word, or both when they
// differ ("黑色≈black").
func sameWord(p [2]mention) string {
	if p[0].word == p[1].word {
		return p[0].word
	}
	return p[0].word + "≈" + p[1].word
}

// similarity is the Dice coefficient of what two descriptions say, 0 to
// 1: the concepts they name (and those broader) and their other terms.
func similarity(a, b string) float64 {
	d, _ := dice(keys(describe(lex, a)), keys(describe(lex, b)))
	return d
}

func keys(d *described) map[string]bool {
	out := map[string]bool{}
	for t := range d.terms {
		out[t] = true
	}
	for _, m := range d.mentions {
		out["\x00"+m.c.name] = true
		if m.c.broader != "" {
			out["\x00"+m.c.broader] = true
		}
	}
	return out
}

// dice is the Dice coefficient of two sets of terms, a lone Han
// character weighing half a word or a bigram, with the terms in common
// (longest first, at most three and none inside another, for a reason
// to show).
func dice(ta, tb map[string]bool) (float64, []string) {
	if len(ta) == 0 || len(tb) == 0 {
		return 0, nil
	}
	var common []string
	var shared, total float64
	for t := range ta {
		total += weight(t)
		if tb[t] {
			common = append(common, t)
			shared += weight(t)
		}
	}
	for t := range tb {
		total += weight(t)
	}
	slices.SortFunc(common, func(x, y string) int {
		if c := len(y) - len(x); c != 0 {
			return c
		}
		return strings.Compare(x, y)
	})
	var shown []string // no term inside one shown before it
	for _, t := range common {
		if len(shown) < 3 && !slices.ContainsFunc(shown, func(s string) bool { return strings.Contains(s, t) }) {
			shown = append(shown, t)
		}
	}
	return 2 * shared / total, shown
}

func weight(term string) float64 {
	if len(term) <= 4 && isHan(term) && len([]rune(term)) == 1 {
		return 0.5
	}
	return 1
}
