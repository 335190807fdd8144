package kit

import (
	"slices"
	"strings"
	"sync"

	"floordesk/app/textsearch"
)

// Index finds records by the words of their fields: room numbers, names,
// tags, description words, and Chinese text by its characters, its full
// pinyin ("chuifengji") and its pinyin initials ("cfj" finds 吹风机). A
// query's words must all match, each as the start of a word, of a tag, or
// anywhere in a run of Chinese: the tokens of app/textsearch, which the
// store's search over the history files too. It answers within a keystroke's time on
// 100,000 records. An Index is safe for concurrent use.
type Index struct {
	mu     sync.Mutex
	ids    []string         // record number -> ID, "" once removed
	num    map[string]int32 // ID -> record number
	post   map[string][]int32
	sorted []string // tokens in order, for prefix ranges
	fresh  []string // tokens not yet in sorted
	dead   int
	stage  []uint32 // per record: how many query words it matched, offset by base
	base   uint32
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{num: map[string]int32{}, post: map[string][]int32{}}
}

// Add indexes a record under id with the texts of its fields, replacing
// what id had before.
func (x *Index) Add(id string, fields ...string) {
	toks := textsearch.Tokens(fields...)
	x.mu.Lock()
	defer x.mu.Unlock()
	x.remove(id)
	n := int32(len(x.ids))
	x.ids = append(x.ids, id)
	x.num[id] = n
	for _, t := range toks {
		p, ok := x.post[t]
		if !ok {
			x.fresh = append(x.fresh, t)
		}
		x.post[t] = append(p, n)
	}
}

// Remove takes id out of the index; an unknown id is ignored.
func (x *Index) Remove(id string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.remove(id)
	if x.dead > 1024 && x.dead > len(x.ids)/2 {
		x.compact()
	}
}

func (x *Index) remove(id string) {
	n, ok := x.num[id]
	if !ok {
		return
	}
	delete(x.num, id)
	x.ids[n] = ""
	x.dead++
}

// Len is the number of records in the index.
func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.num)
}

// Find returns the IDs of the records matching every word of query, in the
// order they were added. An empty query matches every record.
func (x *Index) Find(query string) []string {
	terms := textsearch.Terms(query)
	x.mu.Lock()
	defer x.mu.Unlock()
	if len(terms) == 0 {
		return x.live(func(int) bool { return true })
	}
	x.merge()
	x.nextBase(len(terms))
	for k, t := range terms {
		x.matchTerm(t, x.base+uint32(k))
	}
	want := x.base + uint32(len(terms))
	return x.live(func(n int) bool { return x.stage[n] == want })
}

// matchTerm moves every record at stage from to the next stage when one
// of its tokens starts with term.
func (x *Index) matchTerm(term string, from uint32) {
	i, _ := slices.BinarySearch(x.sorted, term)
	for ; i < len(x.sorted) && strings.HasPrefix(x.sorted[i], term); i++ {
		for _, n := range x.post[x.sorted[i]] {
			if x.stage[n] == from {
				x.stage[n] = from + 1
			}
		}
	}
}

// nextBase makes a fresh stage base for a query of terms words, so that no
// record starts out matched.
func (x *Index) nextBase(terms int) {
	if len(x.stage) < len(x.ids) {
		x.stage = append(x.stage, make([]uint32, len(x.ids)-len(x.stage))...)
	}
	if x.base > 1<<31 {
		clear(x.stage)
		x.base = 0
	}
	x.base += uint32(terms) + 1
	// Every record starts the query at stage base: the first word's matches
	// move on from there.
	for i := range x.stage {
		x.stage[i] = x.base
	}
}

func (x *Index) live(keep func(n int) bool) []string {
	var out []string
	for n, id := range x.ids {
		if id != "" && keep(n) {
			out = append(out, id)
		}
	}
	return out
}

// merge sorts the fresh tokens into the sorted ones.
func (x *Index) merge() {
	if len(x.fresh) == 0 {
		return
	}
	slices.Sort(x.fresh)
	merged := make([]string, 0, len(x.sorted)+len(x.fresh))
	i, j := 0, 0
	for i < len(x.sorted) && j < len(x.fresh) {
		if x.sorted[i] < x.fresh[j] {
			merged = append(merged, x.sorted[i])
			i++
		} else {
			merged = append(merged, x.fresh[j])
			j++
		}
	}
	merged = append(append(merged, x.sorted[i:]...), x.fresh[j:]...)
	x.sorted, x.fresh = merged, nil
}

// compact drops removed records from the postings.
func (x *Index) compact() {
	renum := make([]int32, len(x.ids))
	var ids []string
	for n, id := range x.ids {
		renum[n] = int32(len(ids))
		if id != "" {
			x.num[id] = int32(len(ids))
			ids = append(ids, id)
		}
	}
	for t, p := range x.post {
		kept := p[:0]
		for _, n := range p {
			if x.ids[n] != "" {
				kept = append(kept, renum[n])
			}
		}
		if len(kept) == 0 {
			delete(x.post, t)
		} else {
			x.post[t] = kept
		}
	}
	x.ids, x.dead, x.stage = ids, 0, nil
	x.sorted = slices.DeleteFunc(append(x.sorted, x.fresh...), func(t string) bool { _, ok := x.post[t]; return !ok })
	x.fresh = nil
	slices.Sort(x.sorted)
}
