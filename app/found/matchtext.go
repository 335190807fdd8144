package found

import (
	"strings"
	"unicode"
)

// How matching reads a description or a place: the concepts it names,
// from the thesaurus, and the rest of its terms. Chinese has no spaces:
// a run of Han characters is read longest word first against the
// thesaurus, and what no word takes is split into single characters and
// character pairs (bigrams). English is read by words, case-folded,
// plurals made singular, phrases of up to a few words first.

// described is a text as matching reads it.
type described struct {
	mentions []mention       // the concepts named, each once, in order
	terms    map[string]bool // the words, characters and bigrams no concept took
}

// mention is a concept named in a text, with the word that named it.
type mention struct {
	c    *concept
	word string
}

// describe reads text with the thesaurus l.
func describe(l *lexicon, text string) *described {
	d := &described{terms: map[string]bool{}}
	var words []string
	for _, tok := range tokens(strings.ToLower(text)) {
		if isHan(tok) {
			d.readWords(l, words)
			words = words[:0]
			d.readHan(l, []rune(tok))
			continue
		}
		words = append(words, l.parts(tok)...)
	}
	d.readWords(l, words)
	return d
}

// tokens splits text into runs of Han characters and words of letters or
// digits (a hyphen or an apostrophe inside a word stays in it; letters
// and digits part: "iphone13" is "iphone" and "13").
func tokens(text string) []string {
	var out []string
	rs := []rune(text)
	start, kind := 0, 0 // kind: 0 none, 1 Han, 2 letters, 3 digits
	flush := func(i int) {
		if kind != 0 {
			out = append(out, strings.Trim(string(rs[start:i]), "-'"))
		}
		kind = 0
	}
	for i, r := range rs {
		k := runeKind(r)
		if (r == '-' || r == '\'') && kind == 2 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) {
			continue
		}
		if k != kind {
			flush(i)
			start, kind = i, k
		}
	}
	flush(len(rs))
	return out
}

// parts is a word as the thesaurus reads it: a hyphenated word it does
// not know is its parts ("black-framed": "black", "framed").
func (l *lexicon) parts(w string) []string {
	if _, ok := l.words[w]; ok || !strings.Contains(w, "-") {
		return []string{w}
	}
	return strings.FieldsFunc(w, func(r rune) bool { return r == '-' })
}

func runeKind(r rune) int {
	switch {
	case unicode.Is(unicode.Han, r):
		return 1
	case unicode.IsLetter(r):
		return 2
	case unicode.IsDigit(r):
		return 3
	}
	return 0
}

func isHan(s string) bool {
	for _, r := range s {
		return unicode.Is(unicode.Han, r)
	}
	return false
}

// readHan reads a run of Han characters: at each position the longest
// word the thesaurus knows, else the character as a term.
func (d *described) readHan(l *lexicon, run []rune) {
	var rest []rune // characters no word took, since the last word
	for i := 0; i < len(run); {
		n := min(l.hanMax, len(run)-i)
		for ; n > 0; n-- {
			if cs, ok := l.words[string(run[i:i+n])]; ok {
				d.addHan(rest)
				rest = rest[:0]
				d.mention(cs, string(run[i:i+n]))
				break
			}
		}
		if n == 0 {
			rest = append(rest, run[i])
			n = 1
		}
		i += n
	}
	d.addHan(rest)
}

// addHan files the characters and the bigrams of a run no word took;
// stop characters (particles, measure words...) part it and are left out.
func (d *described) addHan(run []rune) {
	start := 0
	for i := 0; i <= len(run); i++ {
		if i < len(run) && !stopHan[run[i]] {
			continue
		}
		seg := run[start:i]
		for j := range seg {
			d.terms[string(seg[j])] = true
			if j+1 < len(seg) {
				d.terms[string(seg[j:j+2])] = true
			}
		}
		start = i + 1
	}
}

// readWords reads English words: the longest phrase the thesaurus knows
// at each word, else the word (singular) as a term.
func (d *described) readWords(l *lexicon, words []string) {
	for i := 0; i < len(words); {
		n := min(l.wordsMax, len(words)-i)
		for ; n > 0; n-- {
			phrase := strings.Join(words[i:i+n], " ")
			cs, ok := l.words[phrase]
			if !ok {
				phrase = strings.Join(append(words[i:i+n-1:i+n-1], singular(words[i+n-1])), " ")
				cs, ok = l.words[phrase]
			}
			if ok {
				d.mention(cs, strings.Join(words[i:i+n], " "))
				break
			}
		}
		if n == 0 {
			d.addWord(words[i])
			n = 1
		}
		i += n
	}
}

func (d *described) addWord(w string) {
	for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' }) {
		p = singular(p)
		if stopWords[p] || (len(p) < 2) {
			continue
		}
		d.terms[p] = true
	}
}

// mention records the concepts a word names, once each; a neutral word
// names none.
func (d *described) mention(cs []*concept, word string) {
	for _, c := range cs {
		if c.facet == facetNone || d.names(c) {
			continue
		}
		d.mentions = append(d.mentions, mention{c, word})
	}
}

func (d *described) names(c *concept) bool {
	for _, m := range d.mentions {
		if m.c == c {
			return true
		}
	}
	return false
}

// of lists the mentions of a facet.
func (d *described) of(f facet) []mention {
	var out []mention
	for _, m := range d.mentions {
		if m.c.facet == f {
			out = append(out, m)
		}
	}
	return out
}

// singular strips an English plural: keys, watches, batteries.
func singular(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "sses")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:n-1]
	}
	return w
}

// stopWords are English words that say nothing about a thing.
var stopWords = setOf("a an the and or with without of in on at to it is was are my our his her its their this that " +
	"for from by inside near some one lost left found have has had think maybe probably please guest room " +
	"i we us me you he she they there about around very small big large little new old")

// stopHan are Chinese characters that say nothing about a thing
// (particles, pronouns, measure words, "lost", "inside").
var stopHan = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "的了一个有在是里面内我丢掉失找到和与及把被只件支部副张块条台本串枚对双顶很也还上下边旁请帮忙好像可能大概左右着过些这那其它他她们您你色款小大新旧" {
		m[r] = true
	}
	return m
}()

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
