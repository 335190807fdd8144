package textsearch

import (
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

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
