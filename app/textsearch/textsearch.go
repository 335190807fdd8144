// Package textsearch turns the texts of a record into the tokens a search
// finds it by, and a query into its terms: words, tags, room numbers, and
// Chinese by its characters, its full pinyin ("chuifengji") and its pinyin
// initials ("cfj" finds 吹风机) from every position. A query's terms must
// all match, each as the start of a token. The desk's in-memory search
// (ui/kit.Index) and the store's search over the history (app.Search) use
// the same tokens, so both find a record by the same words. It imports only
// the standard library: its pinyin is a table made from go-pinyin's
// dictionary (pinyin.go).
package textsearch

import (
	"strings"
	"unicode"
)

// Limits on the tokens made from one run of Chinese characters: every
// position starts a token of at most this many characters.
const (
	hanSpan    = 8
	pinyinSpan = 6
	wholeField = 64 // bytes; a longer field is not a token whole
)

// Normalize lowercases text for indexing and queries.
func Normalize(s string) string { return strings.ToLower(s) }

// Terms are the words of a query, normalized; none for a blank query.
func Terms(query string) []string { return strings.Fields(Normalize(query)) }

// Tokens returns the distinct tokens of fields, in the order of the fields
// they come from.
func Tokens(fields ...string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, f := range fields {
		fieldTokens(Normalize(f), add)
	}
	return out
}

// Match reports whether every term starts one of tokens.
func Match(terms, tokens []string) bool {
	for _, t := range terms {
		if !startsAny(t, tokens) {
			return false
		}
	}
	return true
}

func startsAny(term string, tokens []string) bool {
	for _, tok := range tokens {
		if strings.HasPrefix(tok, term) {
			return true
		}
	}
	return false
}

// fieldTokens makes the tokens of one field: the whole field without
// spaces (a tag, "lf260303-d1-001"), each run of letters and digits, and
// for each run of Chinese its characters, full pinyin and initials from
// every position.
func fieldTokens(f string, add func(string)) {
	if whole := strings.Join(strings.Fields(f), ""); len(whole) <= wholeField {
		add(whole)
	}
	runs(f, func(run []rune, han bool) {
		if !han {
			add(string(run))
			return
		}
		py := runPinyin(run)
		for i := range run {
			add(string(run[i:min(len(run), i+hanSpan)]))
			add(joinPinyin(py[i:min(len(run), i+pinyinSpan)], false))
			add(joinPinyin(py[i:min(len(run), i+hanSpan)], true))
		}
	})
}

// runs calls fn with each run of Chinese characters and each run of other
// letters and digits in s.
func runs(s string, fn func(run []rune, han bool)) {
	var run []rune
	han := false
	flush := func() {
		if len(run) > 0 {
			fn(run, han)
		}
		run = nil
	}
	for _, r := range s {
		isHan := unicode.Is(unicode.Han, r)
		word := isHan || unicode.IsLetter(r) || unicode.IsDigit(r)
		if !word || isHan != han {
			flush()
		}
		if word {
			han = isHan
			run = append(run, r)
		}
	}
	flush()
}
