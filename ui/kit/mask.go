package kit

import (
	"strings"
	"unicode"
)

// Guests' names in lists are masked for attendants and
// shown whole to supervisors (PIPL's minimum necessary: a list on a
// corridor PC need not show who is in which room). A record's detail,
// opened on purpose, shows them whole to the person serving the guest.

// GuestName is name as the person at the desk may see it in a list: whole
// for a supervisor (or where no desk is signed in), masked otherwise.
func GuestName(name string) string {
	if s := active.Load(); s == nil || s.IsSupervisor() {
		return name
	}
	return MaskName(name)
}

// MaskPersonal is a guest's name or contact masked for a reader who does
// not serve the guest: a phone number (seven digits or more) keeps its
// first three and last four digits, "138****5678"; anything else is
// masked as a name.
func MaskPersonal(value string) string {
	n := 0
	for _, r := range value {
		if unicode.IsDigit(r) {
			n++
		}
	}
	if n < 7 {
		return MaskName(value)
	}
	var b strings.Builder
	i := 0
	for _, r := range value {
		if unicode.IsDigit(r) {
			if i >= 3 && i < n-4 {
				r = '*'
			}
			i++
		}
		b.WriteRune(r)
	}
	return b.String()
}

// MaskName keeps a name's first letter and hides the rest: "张*", "张**"
// for three characters, "John Smith" → "J*** S***".
func MaskName(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	words := strings.Fields(name)
	for i, w := range words {
		words[i] = maskWord(w)
	}
	return strings.Join(words, " ")
}

// titles are the forms of address a name is written with; they stay:
// "陈经理", "王先生", "Mr. B***".
var titles = []string{"先生", "女士", "小姐", "太太", "经理", "总"}

func maskWord(w string) string {
	r := []rune(w)
	if unicode.Is(unicode.Han, r[0]) {
		title := ""
		for _, t := range titles {
			if len(r) > len([]rune(t)) && strings.HasSuffix(w, t) {
				title, r = t, r[:len(r)-len([]rune(t))]
				break
			}
		}
		return string(r[0]) + strings.Repeat("*", min(len(r)-1, 2)) + title
	}
	if len(r) == 1 || strings.HasSuffix(w, ".") {
		return w
	}
	return string(r[0]) + "***"
}
