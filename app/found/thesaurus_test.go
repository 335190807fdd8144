package found

import (
	"slices"
	"strings"
	"testing"
)

// TestThesaurus checks the table: a word names one concept, a broader
// concept exists, and a compound names concepts the table has.
func TestThesaurus(t *testing.T) {
	seen := map[string]string{}
	names := map[string]bool{}
	for _, c := range compoundConcepts {
		names[c.name] = true
	}
	for _, g := range thesaurus {
		names[g.name] = true
	}
	for _, g := range thesaurus {
		if g.broader != "" && !names[g.broader] {
			t.Errorf("%s is a kind of %s, which the thesaurus does not have", g.name, g.broader)
		}
		for _, w := range strings.Fields(g.words) {
			if w != strings.ToLower(w) {
				t.Errorf("%q (%s) is not in lower case", w, g.name)
			}
			if other, ok := seen[w]; ok {
				t.Errorf("%q is in %s and in %s", w, other, g.name)
			}
			seen[w] = g.name
		}
	}
	for w, cs := range compounds {
		for _, c := range cs {
			if !names[c] {
				t.Errorf("compound %q names %s, which the thesaurus does not have", w, c)
			}
		}
	}
}

// TestDescribe checks how descriptions are read, as a desk writes them.
func TestDescribe(t *testing.T) {
	tests := []struct {
		text     string
		concepts []string
		terms    []string
	}{
		{"黑色钱包 内有身份证", []string{"black", "wallet", "id_card"}, nil},
		{"丢了一个黑皮夹,里面有证件", []string{"black", "wallet", "id"}, nil},
		{"Black leather wallets with 2 credit cards", []string{"black", "leather", "wallet", "bank_card"}, nil},
		{"iPhone13 Pro 蓝色手机壳", []string{"phone", "apple", "blue", "phone_case"}, []string{"13", "pro"}},
		{"现金500元 银行卡 蓝牙耳机", []string{"cash", "china", "bank_card", "earphones"}, []string{"500"}},
		{"深灰色羊毛围巾", []string{"grey", "scarf", "wool"}, nil},
		{"black-framed glasses", []string{"black", "glasses"}, []string{"framed"}},
		{"书 三体 第二部", []string{"book"}, []string{"三", "体", "三体", "第", "二", "第二"}},
		{"包括身份证", []string{"id_card"}, nil},
		{"卡通图案的水杯", []string{"cup"}, []string{"图", "案", "图案"}},
		{"在地铁站丢的", nil, []string{"站"}},
		{"please call us, US dollars", []string{"cash", "usa"}, []string{"call"}},
	}
	for _, tt := range tests {
		d := describe(lex, tt.text)
		var got []string
		for _, m := range d.mentions {
			got = append(got, m.c.name)
		}
		var terms []string
		for term := range d.terms {
			terms = append(terms, term)
		}
		slices.Sort(terms)
		slices.Sort(tt.terms)
		if !slices.Equal(got, tt.concepts) || !slices.Equal(terms, tt.terms) {
			t.Errorf("%q: concepts %v terms %v, want %v %v", tt.text, got, terms, tt.concepts, tt.terms)
		}
	}
}
