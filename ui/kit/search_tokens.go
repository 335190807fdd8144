package kit

import (
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// Limits on the tokens made from one run of Chinese characters: every
// position starts a token of at most this many characters.
const (
	hanSpan    = 8
	pinyinSpan = 6
	wholeField = 64 // bytes; a longer field is not indexed whole
)

// normalize lowercases text for indexing and queries.
func normalize(s string) string { return strings.ToLower(s) }

// tokens returns the distinct tokens of fields.
func tokens(fields []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, f := range fields {
		fieldTokens(normalize(f), add)
	}
	return out
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

func joinPinyin(py []string, initials bool) string {
	var b strings.Builder
	for _, p := range py {
		if initials && p != "" {
			b.WriteByte(p[0])
		} else {
			b.WriteString(p)
		}
	}
	return b.String()
}

var (
	pinyinMu    sync.Mutex
	pinyinCache = map[rune]string{}
	pinyinArgs  = pinyin.NewArgs()
)

// runPinyin is the toneless pinyin of each character ("" for none).
func runPinyin(run []rune) []string {
	pinyinMu.Lock()
	defer pinyinMu.Unlock()
	out := make([]string, len(run))
	for i, r := range run {
		p, ok := pinyinCache[r]
		if !ok {
			if all := pinyin.SinglePinyin(r, pinyinArgs); len(all) > 0 {
				p = all[0]
			}
			pinyinCache[r] = p
		}
		out[i] = p
	}
	return out
}
