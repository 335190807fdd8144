// Command pinyingen writes textsearch's pinyin table (pinyin_syllables.txt
// and pinyin_runes.bin) from go-pinyin's dictionary: for every character
// go-pinyin knows, its first reading without tones, as go-pinyin's
// SinglePinyin gives it. Run by `go generate ./app/textsearch`.
package main

import (
	"encoding/binary"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"

	"github.com/mozillazg/go-pinyin"
)

func main() {
	syllables, runes := table()
	if err := os.WriteFile("pinyin_syllables.txt", []byte(strings.Join(syllables, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("pinyin_runes.bin", runes, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("pinyingen: %d syllables, %d characters\n", len(syllables), len(runes)/5)
}

// table returns the sorted syllables, and for each character with a
// reading, in code point order, 3 bytes of code point and 2 of the index
// of its syllable, big-endian.
func table() ([]string, []byte) {
	args := pinyin.NewArgs()
	reading := map[rune]string{}
	for cp := range pinyin.PinyinDict {
		if all := pinyin.SinglePinyin(rune(cp), args); len(all) > 0 && all[0] != "" {
			reading[rune(cp)] = all[0]
		}
	}
	var syllables []string
	for _, s := range reading {
		syllables = append(syllables, s)
	}
	slices.Sort(syllables)
	syllables = slices.Compact(syllables)
	cps := make([]rune, 0, len(reading))
	for cp := range reading {
		cps = append(cps, cp)
	}
	slices.Sort(cps)
	out := make([]byte, 0, 5*len(cps))
	for _, cp := range cps {
		i, _ := slices.BinarySearch(syllables, reading[cp])
		out = append(out, byte(cp>>16), byte(cp>>8), byte(cp))
		out = binary.BigEndian.AppendUint16(out, uint16(i))
	}
	return syllables, out
}
