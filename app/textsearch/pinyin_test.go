package textsearch

import (
	"testing"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// TestPinyinTableIsGoPinyin checks the generated table against go-pinyin
// itself: every character of its dictionary reads the same, and a
// character outside it reads as none. A failure after updating go-pinyin
// means: run `go generate ./app/textsearch`.
func TestPinyinTableIsGoPinyin(t *testing.T) {
	args := pinyin.NewArgs()
	want := func(r rune) string {
		if all := pinyin.SinglePinyin(r, args); len(all) > 0 {
			return all[0]
		}
		return ""
	}
	checked := 0
	for cp := range pinyin.PinyinDict {
		if got, w := pinyinOf(rune(cp)), want(rune(cp)); got != w {
			t.Errorf("%c (U+%04X): table %q, go-pinyin %q", rune(cp), cp, got, w)
		}
		checked++
	}
	if checked < 40000 {
		t.Errorf("go-pinyin's dictionary has %d characters, expected over 40,000", checked)
	}
	for _, r := range []rune{'a', 'Z', '0', ' ', '。', 'の', '한', unicode.MaxRune, 0x9FFF + 1} {
		if got, w := pinyinOf(r), want(r); got != w {
			t.Errorf("%q: table %q, go-pinyin %q", r, got, w)
		}
	}
}

func TestRunPinyin(t *testing.T) {
	got := runPinyin([]rune("吹风机A绿"))
	want := []string{"chui", "feng", "ji", "", "lv"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("runPinyin: %q, want %q", got, want)
			break
		}
	}
}

func BenchmarkPinyinOf(b *testing.B) {
	run := []rune("客人说吹风机坏了请送一个新的到房间")
	for b.Loop() {
		runPinyin(run)
	}
}
