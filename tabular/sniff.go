package tabular

import "strings"

// separators are the cell separators sniffed, in the order a tie is
// settled: tabs (Excel's "Unicode text"), commas, full-width commas
// (typed with a Chinese input method), semicolons (CSV from a PC set to
// a European language).
var separators = []rune{'\t', ',', '，', ';'}

// sniffLines is how many lines that are not blank the sniffing reads.
const sniffLines = 20

// sniff picks the separator that splits the first lines most evenly:
// the most lines with the same number of cells, more than one. A file that mixes commas and full-width commas, and splits evenly
// only with both, has its full-width commas made commas. A file with no
// separator is one column (a comma).
func sniff(text string) (rune, string) {
	lines := sampleLines(text)
	best, bestScore := ',', 0
	for _, sep := range separators {
		if s := score(lines, func(l string) int { return countOutsideQuotes(l, sep) }); s > bestScore {
			best, bestScore = sep, s
		}
	}
	both := func(l string) int { return countOutsideQuotes(l, ',') + countOutsideQuotes(l, '，') }
	if s := score(lines, both); s > bestScore && (best == ',' || best == '，') {
		return ',', strings.ReplaceAll(text, "，", ",")
	}
	return best, text
}

// score counts the lines split into the most common number of cells,
// when that is more than one (a title line above the header splits into
// one).
func score(lines []string, count func(string) int) int {
	seen := map[int]int{}
	best := 0
	for _, l := range lines {
		if c := count(l); c > 0 {
			seen[c]++
			best = max(best, seen[c])
		}
	}
	return best
}

func sampleLines(text string) []string {
	var lines []string
	for l := range strings.Lines(text) {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
			if len(lines) == sniffLines {
				break
			}
		}
	}
	return lines
}

// countOutsideQuotes counts sep in a line, leaving out quoted text.
func countOutsideQuotes(line string, sep rune) int {
	n, quoted := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == sep && !quoted:
			n++
		}
	}
	return n
}
