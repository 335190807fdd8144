package app

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"floordesk/app/textsearch"
	"floordesk/data/wire"
)

// SearchDoc is what the store's search finds a record by.
type SearchDoc struct {
	// Words are the texts its tokens come from (app/textsearch), the
	// most telling first: a record is filed under its first SearchTokens.
	Words []string
	// Codes are codes whose shown names find it (its category): a word
	// of a query matches a code when it starts a token of the name the
	// query gives the code (SearchQuery.Codes).
	Codes []string
	// Facet is what a query may ask for exactly (its status).
	Facet string
	// At places it in time: a search answers the latest first.
	At time.Time
}

// searchDocs are the kinds RegisterSearch named, with what their views
// are found by.
var searchDocs = map[string]func(ref wire.EntityRef, view []byte) (SearchDoc, bool){}

// RegisterSearch files every view of kind in the store's word index by
// what doc says of it, so Search finds them over the whole history; a
// register calls it from init (and changes IndexVersion with it). doc
// must be pure and quick: it runs in every write of the kind, for the
// view before and after, and must change nothing in the view it is given,
// which usually comes decoded from the fold that made it (as an index's).
func RegisterSearch[T any](kind string, doc func(*T) SearchDoc) {
	if _, dup := searchDocs[kind]; dup {
		panic("app: search registered twice for kind " + kind)
	}
	searchDocs[kind] = func(ref wire.EntityRef, view []byte) (SearchDoc, bool) {
		v, err := peekView[T](ref, view)
		if err != nil {
			return SearchDoc{}, false
		}
		return doc(v), true
	}
}

// The longest search: each word is read span by span, so a paste of a
// page of text into a search box would read the index for a long time at
// every keystroke.
const (
	MaxSearchRunes = 200
	MaxSearchWords = 10
)

func init() {
	RegisterMessages(map[string]string{
		"search.too_long": "Search for at most {max_words} words ({max_chars} characters) — shorten what is typed.",
	})
}

// CheckSearchText refuses a search text past MaxSearchRunes characters or
// MaxSearchWords words (ErrInvalid "search").
func CheckSearchText(text string) error {
	if utf8.RuneCountInString(text) <= MaxSearchRunes && len(textsearch.Terms(text)) <= MaxSearchWords {
		return nil
	}
	return Invalid("search", "search.too_long", "max_words", strconv.Itoa(MaxSearchWords), "max_chars", strconv.Itoa(MaxSearchRunes))
}

// SearchPageSize is how many records a search answers when the query
// does not say.
const SearchPageSize = 200

// SearchQuery is what to search a kind for.
type SearchQuery struct {
	// Text is what was typed: every word must start a token of a
	// record's words, or of the name of one of its codes. Blank matches
	// every record.
	Text string
	// Facet, when set, keeps only the records with that facet (a status).
	Facet string
	// Codes are the names codes are shown by (a category's name in the
	// desk's language), for words that name a code.
	Codes map[string]string
	// Limit is the most records answered; 0 means SearchPageSize.
	Limit int
	// From and To bound the records' times (SearchDoc.At): at or after
	// From, before To; a zero one leaves that side open. A search reads
	// only the spans of the period.
	From, To time.Time
}

// CodeNames adds names, by code, to into under prefix+code, for a
// SearchQuery's Codes when a kind is found by codes of several sorts (an
// item type's, a staff member's); it returns into, made when nil.
func CodeNames(into map[string]string, prefix string, names map[string]string) map[string]string {
	if into == nil {
		into = make(map[string]string, len(names))
	}
	for code, name := range names {
		into[prefix+code] = name
	}
	return into
}

// SearchPage is a search's answer: the records, the latest first, and
// whether older ones match too.
type SearchPage[T any] struct {
	Items []T
	More  bool
}

// Search finds the records of kind (named by RegisterSearch) that q
// matches, the latest first, at most q.Limit of them. It reads the word
// index a week at a time from the newest, and the views of the records it
// answers, from one snapshot: a page of the latest matches reads the
// weeks it spans, and a query that matches little reads a few keys of
// each week. It fails only when the store does.
func Search[T any](s *Service, kind string, q SearchQuery) (SearchPage[T], error) {
	var page SearchPage[T]
	if err := CheckSearchText(q.Text); err != nil {
		return page, err
	}
	limit := cmp.Or(q.Limit, SearchPageSize)
	plan, ok := planSearch(kind, q)
	if !ok {
		return page, nil
	}
	err := s.store.ReadIndex(searchIndex(kind), func(r wire.IndexReader) error {
		hits, more, err := plan.run(r, limit)
		if err != nil {
			return err
		}
		page.More = more
		for _, h := range hits {
			v, err := decodeHit[T](r, h.ref)
			if errors.Is(err, wire.ErrNotFound) {
				continue // a view gone since: the index moves in its write
			}
			if err != nil {
				return err
			}
			page.Items = append(page.Items, v)
		}
		return nil
	})
	if err != nil {
		return SearchPage[T]{}, fmt.Errorf("search %s: %w", kind, err)
	}
	return page, nil
}

func decodeHit[T any](r wire.IndexReader, ref wire.EntityRef) (T, error) {
	b, err := r.View(ref)
	if err != nil {
		var zero T
		return zero, err
	}
	p, err := listedView[T](ref, b)
	if err != nil {
		var zero T
		return zero, err
	}
	return *p, nil
}

// searchTerm is one word of a query: the keys within a week that match
// it start with one of prefixes.
type searchTerm struct {
	prefixes [][]byte
}

// searchPlan is a query as reads of the word index: its terms, the most
// telling (longest) first, and the facet last; check, when set, is the
// query's words, for records found by a word longer than the tokens
// filed.
type searchPlan struct {
	terms    []searchTerm
	check    []string
	kind     string
	codes    map[string]string
	from, to int64 // the period in seconds since 1970, to excluded; 0: open
}

// planSearch makes the reads of q; ok is false for a query that can
// match nothing (a word no token starts with).
func planSearch(kind string, q SearchQuery) (p searchPlan, ok bool) {
	p.kind, p.codes = kind, q.Codes
	if !q.From.IsZero() {
		p.from = max(q.From.Unix(), 1)
	}
	if !q.To.IsZero() {
		p.to = max(q.To.Unix(), 1)
		if p.to <= p.from {
			return p, false
		}
	}
	words := textsearch.Terms(q.Text)
	slices.SortStableFunc(words, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	for _, w := range words {
		if w[0] < ' ' {
			return p, false
		}
		t := cut(w, SearchTokenBytes)
		if t != w {
			p.check = words
		}
		term := searchTerm{prefixes: [][]byte{[]byte(t)}}
		for code, name := range q.Codes {
			if textsearch.Match([]string{w}, textsearch.Tokens(name)) {
				term.prefixes = append(term.prefixes, append(append([]byte{codeMark}, code...), 0))
			}
		}
		p.terms = append(p.terms, term)
	}
	if facet := []byte{facetMark}; q.Facet != "" || len(words) == 0 {
		if q.Facet != "" {
			facet = append(append(facet, q.Facet...), 0)
		}
		p.terms = append(p.terms, searchTerm{prefixes: [][]byte{facet}})
	}
	return p, true
}

// searchHit is a record a query matched, where it stands in time.
type searchHit struct {
	ref    wire.EntityRef
	second uint32
}

// run reads the weeks from the newest until it has more than limit hits,
// and answers the latest limit of them and whether there were more.
func (p searchPlan) run(r wire.IndexReader, limit int) ([]searchHit, bool, error) {
	var hits []searchHit
	wk, last, more := p.spans()
	for more && wk <= last && len(hits) <= limit {
		found, next, ok, err := p.week(r, wk)
		if err != nil {
			return nil, false, err
		}
		hits = append(hits, p.within(wk, found)...)
		wk, more = next, ok
	}
	if len(hits) > limit {
		return hits[:limit], true, nil
	}
	return hits, false, nil
}

// spans are the first span (the newest) and the last a search of the
// plan reads: those of its period, every span for none.
func (p searchPlan) spans() (first, last uint16, ok bool) {
	first, last = 0, 0xFFFF
	if p.to > 0 {
		wk, _ := week(time.Unix(p.to-1, 0))
		first = binary.BigEndian.Uint16(wk[:])
	}
	if p.from > 0 {
		wk, _ := week(time.Unix(p.from, 0))
		last = binary.BigEndian.Uint16(wk[:])
	}
	return first, last, first <= last
}

// within keeps the hits of span wk in the plan's period.
func (p searchPlan) within(wk uint16, hits []searchHit) []searchHit {
	if p.from == 0 && p.to == 0 {
		return hits
	}
	start := int64(0xFFFF-wk) * spanSecs
	return slices.DeleteFunc(hits, func(h searchHit) bool {
		at := start + spanSecs - 1 - int64(h.second)
		return at < p.from || p.to > 0 && at >= p.to
	})
}

// week finds the records of week wk that every term matches, the latest
// first (by second, then by ID, the greatest first), and the next week
// that may hold matches (ok false when none does). The first term's scans
// also find where the next week with any entries starts, so a week with
// none costs no read.
func (p searchPlan) week(r wire.IndexReader, wk uint16) (hits []searchHit, next uint16, ok bool, err error) {
	week := binary.BigEndian.AppendUint16(nil, wk)
	var cand map[string]uint32
	for i, t := range p.terms {
		matched := map[string]uint32{}
		for _, prefix := range t.prefixes {
			within := append(slices.Clip(week), prefix...)
			from := []byte(nil)
			if i == 0 {
				from, within = within, nil // scan on past the term: the key after it says which week is next
			}
			err := r.Scan(within, from, func(key []byte, ref wire.EntityRef) bool {
				if i == 0 && !bytes.HasPrefix(key, from) {
					n, later := nextWeek(wk, key)
					if later && (!ok || n < next) {
						next, ok = n, true
					}
					return false
				}
				if _, in := cand[ref.ID]; i == 0 || in {
					matched[ref.ID] = secondOf(key)
				}
				return true
			})
			if err != nil {
				return nil, 0, false, err
			}
		}
		if cand = matched; len(cand) == 0 {
			return nil, next, ok, nil
		}
	}
	hits = make([]searchHit, 0, len(cand))
	for id, sec := range cand {
		ref := wire.EntityRef{Kind: p.kind, ID: id}
		keep, err := p.confirm(r, ref)
		if err != nil {
			return nil, 0, false, err
		}
		if keep {
			hits = append(hits, searchHit{ref, sec})
		}
	}
	slices.SortFunc(hits, func(a, b searchHit) int {
		return cmp.Or(cmp.Compare(a.second, b.second), strings.Compare(b.ref.ID, a.ref.ID))
	})
	return hits, next, ok, nil
}

// nextWeek is the week to read after wk, given the first key past a
// term's entries in wk: the week after wk when that key is in wk, else
// the key's own week (the weeks between have no entries). later is false
// past the last week.
func nextWeek(wk uint16, key []byte) (next uint16, later bool) {
	if len(key) < 2 {
		return 0, false
	}
	if k := binary.BigEndian.Uint16(key); k > wk {
		return k, true
	}
	return wk + 1, wk < 0xFFFF
}

// confirm checks a record found by the start of a word longer than the
// tokens filed against all of the word.
func (p searchPlan) confirm(r wire.IndexReader, ref wire.EntityRef) (bool, error) {
	if p.check == nil {
		return true, nil
	}
	b, err := r.View(ref)
	if err != nil {
		return false, err
	}
	d, ok := searchDocs[p.kind](ref, b)
	if !ok {
		return false, nil
	}
	fields := slices.Clone(d.Words)
	for _, c := range d.Codes {
		fields = append(fields, p.codes[c])
	}
	return textsearch.Match(p.check, textsearch.Tokens(fields...)), nil
}
