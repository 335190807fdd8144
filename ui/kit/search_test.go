package kit_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"floordesk/ui/kit"
)

func TestSearchFinds(t *testing.T) {
	x := kit.NewIndex()
	x.Add("L1", "1203", "王芳", "吹风机", "LN-0001")
	x.Add("L2", "1508", "Wang Fang", "power strip, black", "LN-0002")
	x.Add("F1", "大堂", "LF260303-D1-001", "黑色钱包 内有身份证", "wallet")
	x.Add("K1", "F3-MASTER", "三楼总钥匙", "张伟")
	tests := []struct {
		query string
		want  []string
	}{
		{"cfj", []string{"L1"}},
		{"CFJ", []string{"L1"}},
		{"chuifengji", []string{"L1"}},
		{"chuifeng", []string{"L1"}},
		{"吹风", []string{"L1"}},
		{"风机", []string{"L1"}},
		{"1203", []string{"L1"}},
		{"12", []string{"L1"}},
		{"wang", []string{"L1", "L2"}},
		{"wf", []string{"L1"}},
		{"wang fang", []string{"L1", "L2"}},
		{"fang strip", []string{"L2"}},
		{"lf260303-d1-001", []string{"F1"}},
		{"d1", []string{"F1"}},
		{"qb", []string{"F1"}},
		{"sfz", []string{"F1"}},
		{"身份证", []string{"F1"}},
		{"f3-master", []string{"K1"}},
		{"master", []string{"K1"}},
		{"zys", []string{"K1"}},
		{"zhangwei", []string{"K1"}},
		{"hairdryer", nil},
		{"cfj 1508", nil},
		{"", []string{"L1", "L2", "F1", "K1"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := x.Find(tt.query); !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestSearchAddReplacesAndRemove(t *testing.T) {
	x := kit.NewIndex()
	x.Add("L1", "1203", "吹风机")
	x.Add("L1", "1203", "雨伞")
	if got := x.Find("cfj"); got != nil {
		t.Errorf("old fields still found: %v", got)
	}
	if got := x.Find("ys"); !slices.Equal(got, []string{"L1"}) {
		t.Errorf("new fields not found: %v", got)
	}
	x.Remove("L1")
	x.Remove("nobody")
	if got := x.Find("1203"); got != nil || x.Len() != 0 {
		t.Errorf("removed record found: %v, len %d", got, x.Len())
	}
}

func TestSearchCompactsAfterManyRemovals(t *testing.T) {
	x := kit.NewIndex()
	for i := range 3000 {
		x.Add(fmt.Sprint(i), fmt.Sprintf("%04d", 1000+i), "雨伞")
	}
	for i := range 2500 {
		x.Remove(fmt.Sprint(i))
	}
	got := x.Find("ys")
	if len(got) != 500 || got[0] != "2500" {
		t.Fatalf("after removals found %d, first %v", len(got), got[:min(1, len(got))])
	}
	x.Add("new", "9999", "吹风机")
	if got := x.Find("9999 cfj"); !slices.Equal(got, []string{"new"}) {
		t.Errorf("added after compaction: %v", got)
	}
}

// benchIndex is an index of n records like a busy hotel's: room, guest
// name, item or description in Chinese or English, tag.
func benchIndex(n int) *kit.Index {
	rng := rand.New(rand.NewPCG(1, 2))
	items := []string{"吹风机", "电源插座", "转换插头", "熨斗", "手机充电器", "雨伞", "婴儿床", "加枕头",
		"黑色钱包", "身份证", "笔记本电脑", "空调不制冷", "马桶堵塞", "需要加床", "噪音投诉", "hair dryer", "power strip", "umbrella"}
	surnames := []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"}
	given := []string{"芳", "伟", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "Smith", "Tanaka"}
	x := kit.NewIndex()
	for i := range n {
		room := fmt.Sprintf("%d%02d", 3+rng.IntN(12), 1+rng.IntN(25))
		name := surnames[rng.IntN(len(surnames))] + given[rng.IntN(len(given))]
		desc := items[rng.IntN(len(items))] + " " + items[rng.IntN(len(items))]
		x.Add(fmt.Sprintf("R%06d", i), room, name, desc, fmt.Sprintf("LF2603%02d-D%d-%03d", i%28, i%3+1, i%1000))
	}
	return x
}

var benchQueries = []string{"cfj", "1203", "chuifengji", "wang", "lf260303-d1", "吹风", "c", "wf 12", "雨伞 王"}

func BenchmarkSearch(b *testing.B) {
	x := benchIndex(100_000)
	x.Find("warm up")
	for _, q := range benchQueries {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				x.Find(q)
			}
		})
	}
}

// TestSearchFindsIn100000Records checks every benchmark query finds records
// in a 100,000-record index. Its speed is measured by BenchmarkSearch, not
// here: a timed unit test on a shared machine proves nothing.
func TestSearchFindsIn100000Records(t *testing.T) {
	x := benchIndex(100_000)
	for _, q := range benchQueries {
		if x.Find(q) == nil && q != "c" {
			t.Errorf("Find(%q) found nothing", q)
		}
	}
}
