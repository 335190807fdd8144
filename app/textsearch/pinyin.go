package textsearch

import (
	_ "embed"
	"sort"
	"strings"
)

//go:generate go run ./internal/pinyingen

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

// The pinyin of Chinese characters is a table made from go-pinyin's
// dictionary by internal/pinyingen: go-pinyin builds a map of its 42,000
// characters when the program starts, 3.6 MB of the desk's heap for as
// long as it runs (issue 12), while this table stays in the program's
// read-only data. pinyinRunes holds, for every character with a reading
// in code point order, 3 bytes of code point and 2 of the index of its
// toneless reading in pinyinSyllables, big-endian.
var (
	//go:embed pinyin_syllables.txt
	syllablesText   string
	pinyinSyllables = strings.Fields(syllablesText)
	//go:embed pinyin_runes.bin
	pinyinRunes string
)

const pinyinEntry = 5 // bytes of one character in pinyinRunes

// runPinyin is the toneless pinyin of each character ("" for none).
func runPinyin(run []rune) []string {
	out := make([]string, len(run))
	for i, r := range run {
		out[i] = pinyinOf(r)
	}
	return out
}

// pinyinOf is the first toneless reading of r, as go-pinyin gives it, or
// "" for a character with none.
func pinyinOf(r rune) string {
	n := len(pinyinRunes) / pinyinEntry
	i := sort.Search(n, func(i int) bool { return tableRune(i) >= r })
	if i == n || tableRune(i) != r {
		return ""
	}
	e := pinyinRunes[i*pinyinEntry:]
	return pinyinSyllables[int(e[3])<<8|int(e[4])]
}

func tableRune(i int) rune {
	e := pinyinRunes[i*pinyinEntry:]
	return rune(e[0])<<16 | rune(e[1])<<8 | rune(e[2])
}
