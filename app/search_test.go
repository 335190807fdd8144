package app

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"floordesk/data/wire"
)

// note is a record the tests search: found by its text, its category's
// name and its status.
type note struct {
	ID, Text, Cat, Status string
	At                    time.Time
}

const kindNote = "note"

func registerNotes(t *testing.T) {
	RegisterSearch(kindNote, func(n *note) SearchDoc {
		return SearchDoc{Words: []string{n.ID, n.Text}, Codes: []string{n.Cat}, Facet: n.Status, At: n.At}
	})
	t.Cleanup(func() { delete(searchDocs, kindNote) })
}

// memIndex is the word index as the store keeps it (data's key order:
// key, kind, NUL, ID, the key's length), with the views, counting the
// entries a search reads.
type memIndex struct {
	views map[string][]byte
	keys  map[string][]string // note ID -> its entries' full keys
	read  int
	scans int
}

func newMemIndex() *memIndex {
	return &memIndex{views: map[string][]byte{}, keys: map[string][]string{}}
}

func (m *memIndex) put(t testing.TB, n note) {
	view, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	m.views[n.ID] = view
	m.keys[n.ID] = nil
	for _, e := range searchEntries(Ref(kindNote, n.ID), view) {
		full := append(append(slices.Clip(e.Key), kindNote+"\x00"+n.ID...), 0, 0)
		binary.BigEndian.PutUint16(full[len(full)-2:], uint16(len(e.Key)))
		m.keys[n.ID] = append(m.keys[n.ID], string(full))
	}
}

func (m *memIndex) Scan(prefix, from []byte, fn func(key []byte, ref wire.EntityRef) bool) error {
	m.scans++
	var all []string
	for _, ks := range m.keys {
		all = append(all, ks...)
	}
	slices.Sort(all)
	start := string(max(string(prefix), string(from)))
	for _, k := range all[lowerBound(all, start):] {
		if !strings.HasPrefix(k, string(prefix)) {
			break
		}
		m.read++
		n := int(binary.BigEndian.Uint16([]byte(k[len(k)-2:])))
		_, id, _ := strings.Cut(k[n:len(k)-2], "\x00")
		if !fn([]byte(k[:n]), wire.EntityRef{Kind: kindNote, ID: id}) {
			break
		}
	}
	return nil
}

func lowerBound(all []string, start string) int {
	i, _ := slices.BinarySearch(all, start)
	return i
}

func (m *memIndex) View(ref wire.EntityRef) ([]byte, error) {
	if v, ok := m.views[ref.ID]; ok {
		return v, nil
	}
	return nil, wire.ErrNotFound
}

// search answers q from m as Search does, as "id" list.
func (m *memIndex) search(t testing.TB, q SearchQuery) ([]string, bool) {
	t.Helper()
	plan, ok := planSearch(kindNote, q)
	if !ok {
		return nil, false
	}
	hits, more, err := plan.run(m, cmp.Or(q.Limit, SearchPageSize))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ref.ID)
	}
	return ids, more
}

var monday = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func TestSearchFindsEveryWordLatestFirst(t *testing.T) {
	registerNotes(t)
	m := newMemIndex()
	for _, n := range []note{
		{"N1", "黑色钱包 1203", "cash", "claimed", monday.AddDate(-3, 0, 0)},
		{"N2", "钱包 wallet 1508", "cash", "held", monday.AddDate(0, 0, -1)},
		{"N3", "吹风机 1203", "electronics", "held", monday},
		{"N4", "雨伞 umbrella", "other", "disposed", monday.Add(time.Hour)},
		{"N5", "钱包", "cash", "held", monday},
	} {
		m.put(t, n)
	}
	names := map[string]string{"cash": "现金", "electronics": "电子产品", "other": "其他"}
	tests := []struct {
		q    SearchQuery
		want []string
	}{
		{SearchQuery{Text: "qb"}, []string{"N5", "N2", "N1"}},
		{SearchQuery{Text: "QB 1203"}, []string{"N1"}},
		{SearchQuery{Text: "12"}, []string{"N3", "N1"}},
		{SearchQuery{Text: "15"}, []string{"N2"}},
		{SearchQuery{Text: "qb", Facet: "held"}, []string{"N5", "N2"}},
		{SearchQuery{Text: "", Facet: "held"}, []string{"N5", "N3", "N2"}},
		{SearchQuery{}, []string{"N4", "N5", "N3", "N2", "N1"}},
		{SearchQuery{Text: "xj", Codes: names}, []string{"N5", "N2", "N1"}},
		{SearchQuery{Text: "xj 1508", Codes: names}, []string{"N2"}},
		{SearchQuery{Text: "xj"}, nil},
		{SearchQuery{Text: "dz 吹风"}, nil},
		{SearchQuery{Text: "dz 吹风", Codes: names}, []string{"N3"}},
		{SearchQuery{Text: "held"}, nil},
		{SearchQuery{Text: "\x01held"}, nil},
	}
	for _, tt := range tests {
		if got, more := m.search(t, tt.q); !slices.Equal(got, tt.want) || more {
			t.Errorf("%+v finds %v (more %v), want %v", tt.q, got, more, tt.want)
		}
	}
	m.put(t, note{"N2", "钱包 wallet 1508", "cash", "claimed", monday.AddDate(0, 0, -1)})
	if got, _ := m.search(t, SearchQuery{Text: "qb", Facet: "held"}); !slices.Equal(got, []string{"N5"}) {
		t.Errorf("after N2 was claimed, held wallets: %v", got)
	}
}

// A page of the latest matches reads the weeks it spans and stops: its
// cost follows the page, not the history.
func TestSearchReadsThePageNotTheHistory(t *testing.T) {
	registerNotes(t)
	m := newMemIndex()
	for i := range 520 { // ten years, a note a week
		m.put(t, note{fmt.Sprintf("N%03d", i), "雨伞 umbrella", "other", "held", monday.AddDate(0, 0, -7*i)})
	}
	m.read = 0
	got, more := m.search(t, SearchQuery{Text: "ys", Limit: 10})
	if len(got) != 10 || got[0] != "N000" || got[9] != "N009" || !more {
		t.Fatalf("the latest 10: %v, more %v", got, more)
	}
	if m.read > 40 {
		t.Errorf("10 answers read %d entries", m.read)
	}
	m.read = 0
	if got, more := m.search(t, SearchQuery{Text: "ys", Limit: 600}); len(got) != 520 || more || got[519] != "N519" {
		t.Fatalf("all of them: %d, more %v", len(got), more)
	}
}

// A word only an old record has is looked for span by span, not week by
// week: over ten years of records a few dozen reads of the index, not the
// 520 a week each would take.
func TestRareWordReadsSpansNotWeeks(t *testing.T) {
	registerNotes(t)
	m := newMemIndex()
	for i := range 520 { // ten years, a note a week
		m.put(t, note{fmt.Sprintf("N%03d", i), "雨伞 umbrella", "other", "held", monday.AddDate(0, 0, -7*i)})
	}
	m.put(t, note{"OLD", "护照 passport", "documents", "held", monday.AddDate(-9, 0, 0)})
	m.scans = 0
	if got, _ := m.search(t, SearchQuery{Text: "passport"}); !slices.Equal(got, []string{"OLD"}) {
		t.Fatalf("passport finds %v", got)
	}
	if m.scans > 80 {
		t.Errorf("one old record over ten years took %d reads of the index", m.scans)
	}
}

// A record is filed under SearchTokens tokens at most, in the order of
// its words, each of at most SearchTokenBytes bytes; a longer word still
// finds it, and only when all of the word matches.
func TestSearchTokenLimits(t *testing.T) {
	registerNotes(t)
	words := func(n int) string {
		var b strings.Builder
		for i := range n - 1 { // the note's ID is a token too
			fmt.Fprintf(&b, "w%04d ", i)
		}
		return b.String()
	}
	m := newMemIndex()
	m.put(t, note{"AT", words(SearchTokens), "other", "held", monday})
	m.put(t, note{"OVER", "x " + words(SearchTokens+5), "other", "held", monday})
	at := fmt.Sprintf("w%04d", SearchTokens-2)
	if got, _ := m.search(t, SearchQuery{Text: at}); !slices.Equal(got, []string{"AT"}) {
		t.Errorf("the last token of a record at the limit (%s) finds %v", at, got)
	}
	if got, _ := m.search(t, SearchQuery{Text: fmt.Sprintf("w%04d", SearchTokens-3)}); !slices.Equal(got, []string{"OVER", "AT"}) {
		t.Errorf("a token within the limit of both finds %v", got)
	}
	if got, _ := m.search(t, SearchQuery{Text: at + " x"}); got != nil {
		t.Errorf("a token past the limit finds %v", got)
	}
	for _, e := range searchEntries(Ref(kindNote, "OVER"), m.views["OVER"]) {
		if n := len(e.Key) - 2 - 1 - 3; n > SearchTokenBytes {
			t.Errorf("a token of %d bytes: %q", n, e.Key)
		}
	}
	if n := len(searchEntries(Ref(kindNote, "OVER"), m.views["OVER"])); n != SearchTokens+2 {
		t.Errorf("a record past the limit has %d entries, want %d tokens, a code and a facet", n, SearchTokens)
	}

	long := strings.Repeat("长", SearchTokenBytes/3) + "江大桥"
	m.put(t, note{"LONG", long + " " + strings.Repeat("a", SearchTokenBytes) + "bc", "other", "held", monday})
	m.put(t, note{"OTHER", strings.Repeat("长", SearchTokenBytes/3) + "城 " + strings.Repeat("a", SearchTokenBytes) + "x", "other", "held", monday})
	for q, want := range map[string][]string{
		strings.Repeat("长", SearchTokenBytes/3): {"OTHER", "LONG"},
		long: {"LONG"},
		strings.Repeat("a", SearchTokenBytes) + "b": {"LONG"},
		strings.Repeat("a", SearchTokenBytes) + "y": nil,
	} {
		if got, _ := m.search(t, SearchQuery{Text: q}); !slices.Equal(got, want) {
			t.Errorf("%q finds %v, want %v", q, got, want)
		}
	}
}

func TestSearchWeekKeysSortLatestFirst(t *testing.T) {
	times := []time.Time{monday.AddDate(1, 0, 0), monday.Add(time.Second), monday, monday.Add(-time.Second),
		monday.AddDate(0, 0, -8), time.Unix(0, 0), {}}
	var keys [][]byte
	for _, at := range times {
		wk, sec := week(at)
		keys = append(keys, append(wk[:], sec[:]...))
	}
	if !slices.IsSortedFunc(keys, bytes.Compare) {
		t.Errorf("week keys of later times do not sort first: %x", keys)
	}
}

// A period keeps the records at or after From and before To, and reads
// only its spans: a month five years back costs a few reads, not the
// five years in front of it.
func TestSearchWithinAPeriod(t *testing.T) {
	registerNotes(t)
	m := newMemIndex()
	for i := range 520 { // ten years, a note a week
		m.put(t, note{fmt.Sprintf("N%03d", i), "雨伞 umbrella", "other", "held", monday.AddDate(0, 0, -7*i)})
	}
	tests := []struct {
		name     string
		from, to time.Time
		want     []string
	}{
		{"the last 30 days", monday.AddDate(0, 0, -30), monday.Add(time.Hour), []string{"N000", "N001", "N002", "N003", "N004"}},
		{"From is kept, To is not", monday.AddDate(0, 0, -14), monday, []string{"N001", "N002"}},
		{"open before", time.Time{}, monday.AddDate(0, 0, -7*517), []string{"N518", "N519"}},
		{"open after", monday.AddDate(0, 0, -7), time.Time{}, []string{"N000", "N001"}},
		{"five years back", monday.AddDate(0, 0, -7*261), monday.AddDate(0, 0, -7*259), []string{"N260", "N261"}},
		{"a period with none", monday.AddDate(0, 0, -6), monday.AddDate(0, 0, -1), nil},
		{"To before From", monday, monday.AddDate(0, 0, -30), nil},
	}
	for _, tt := range tests {
		m.scans = 0
		got, more := m.search(t, SearchQuery{Text: "ys", From: tt.from, To: tt.to})
		if !slices.Equal(got, tt.want) || more {
			t.Errorf("%s: %v (more %v), want %v", tt.name, got, more, tt.want)
		}
		if m.scans > 6 {
			t.Errorf("%s: %d reads of the index", tt.name, m.scans)
		}
	}
}
