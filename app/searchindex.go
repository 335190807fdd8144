package app

import (
	"encoding/binary"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"floordesk/app/textsearch"
	"floordesk/data/wire"
)

// The word index of a kind that RegisterSearch names, "search/<kind>",
// files each view ByPrefix under the span of eight weeks its time falls
// in, newest span first:
//
//	<span:2><token>\0<second:3>        a token of its words (app/textsearch)
//	<span:2>\x02<code>\0<second:3>     each of its codes (a category)
//	<span:2>\x01<facet>\0<second:3>    its facet (a status), "" for none
//
// span is 0xFFFF less the spans from 1970 to the record's time, second
// the seconds from that time to the end of its span: within a span, keys
// that start with a token hold the newest records first, and every record
// has one facet entry. A query reads a span at a time from the newest
// (Search), so a page of the latest matches reads the spans it covers,
// not the history. A word few records have is looked for in every span:
// eight weeks make that some 70 reads for eleven years of a hotel (a
// week made it 570, 10 ms at 700,000 records), while a span holds few
// enough records (some 900 found items) that a common word's page is
// still one or two spans' reads. Tokens start with a letter, digit or Chinese character,
// never with \x01 or \x02.
const (
	// SearchTokenBytes is the longest token filed: a longer one is filed
	// by its first SearchTokenBytes bytes (whole characters), which still
	// find it by any shorter word; a longer word is looked up by its
	// start and checked against the record's words.
	SearchTokenBytes = 24
	// SearchTokens is how many distinct tokens of its words (in the order
	// of the words) a record is filed under at most: a very long
	// description is found by its start, not by its tail.
	SearchTokens = 96

	facetMark = 0x01
	codeMark  = 0x02
	spanSecs  = 8 * 7 * 24 * 3600 // fits second's three bytes
)

func searchIndex(kind string) string { return "search/" + kind }

// week is the two bytes of t's span (named for the week it once was),
// newest first, and the three of t within it, latest first.
func week(t time.Time) (wk [2]byte, sec [3]byte) {
	u := max(t.Unix(), 0)
	w := min(u/spanSecs, 0xFFFF)
	binary.BigEndian.PutUint16(wk[:], uint16(0xFFFF-w))
	in := uint32(spanSecs - 1 - (u - w*spanSecs))
	sec = [3]byte{byte(in >> 16), byte(in >> 8), byte(in)}
	return wk, sec
}

// secondOf is the second a word index key ends with.
func secondOf(key []byte) uint32 {
	n := len(key)
	return uint32(key[n-3])<<16 | uint32(key[n-2])<<8 | uint32(key[n-1])
}

// searchEntries are the word index entries of a view of a kind that
// RegisterSearch names, none for another kind or a view it cannot read.
func searchEntries(ref wire.EntityRef, view []byte) []wire.IndexEntry {
	kind := ref.Kind
	doc, ok := searchDocs[kind]
	if !ok {
		return nil
	}
	d, ok := doc(ref, view)
	if !ok {
		return nil
	}
	wk, sec := week(d.At)
	name := searchIndex(kind)
	entry := func(mark byte, s string) wire.IndexEntry {
		k := make([]byte, 0, 2+1+len(s)+1+3)
		k = append(k, wk[:]...)
		if mark != 0 {
			k = append(k, mark)
		}
		k = append(append(k, s...), 0)
		return wire.IndexEntry{Name: name, Key: append(k, sec[:]...), ByPrefix: true}
	}
	toks := fileTokens(d.Words)
	out := make([]wire.IndexEntry, 0, len(toks)+len(d.Codes)+1)
	for _, t := range toks {
		out = append(out, entry(0, t))
	}
	for _, c := range d.Codes {
		out = append(out, entry(codeMark, c))
	}
	return append(out, entry(facetMark, d.Facet))
}

// fileTokens are the tokens a record is filed under: the first
// SearchTokens distinct ones of words, cut to SearchTokenBytes, less
// those that start another (a word that starts them starts it too).
func fileTokens(words []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range textsearch.Tokens(words...) {
		t = cut(t, SearchTokenBytes)
		if t == "" || t[0] < ' ' || strings.IndexByte(t, 0) >= 0 || seen[t] {
			continue
		}
		if len(out) == SearchTokens {
			break
		}
		seen[t] = true
		out = append(out, t)
	}
	slices.Sort(out)
	kept := out[:0]
	for i, t := range out {
		if i+1 == len(out) || !strings.HasPrefix(out[i+1], t) {
			kept = append(kept, t)
		}
	}
	return kept
}

// cut is s cut to at most n bytes, on a character boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
