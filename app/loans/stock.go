package loans

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"floordesk/app"
	"floordesk/data/wire"
)

// Stock: a desk's loanable items are its set-up stock (ItemType.Stock) less
// what is still out on its open loans. A lost or damaged item is accounted
// for on the loan; the supervisor lowers the set-up stock when it is written
// off.

// StockRow is one item type's stock at one desk.
type StockRow struct {
	Item  string `json:"item"`
	Name  string `json:"name"`
	Desk  string `json:"desk"`
	Stock int    `json:"stock"` // owned, from the set-up
	Out   int    `json:"out"`   // on open loans
	Left  int    `json:"left"`  // on the shelf
	Low   bool   `json:"low,omitempty"`
}

// lowStock reports whether left is low for a desk that owns stock items:
// none left, or at most a fifth of the stock.
func lowStock(stock, left int) bool {
	return stock > 0 && left*5 <= stock
}

// outIndexName files every open loan under each item type it still has
// out, with the desk it was lent from and how many, so the stock is
// counted from the index's keys alone, without reading a loan.
const outIndexName = "loans/out"

// outKey is an entry's key in outIndexName: desk, item and count, split
// by NUL bytes (codes are entity IDs, which hold no control characters).
// A loan lent reads every key of the index to count the stock left, so
// the key is read without JSON (issue 12; it was JSON up to the loans'
// index version 4).
type outKey struct {
	Desk string
	Item string
	Out  int
}

func (k outKey) encode() []byte {
	b := append([]byte(k.Desk), 0)
	b = append(append(b, k.Item...), 0)
	return strconv.AppendInt(b, int64(k.Out), 10)
}

func parseOutKey(b []byte) (outKey, error) {
	desk, rest, ok := bytes.Cut(b, []byte{0})
	item, count, ok2 := bytes.Cut(rest, []byte{0})
	n, err := strconv.Atoi(string(count))
	if !ok || !ok2 || err != nil {
		return outKey{}, fmt.Errorf("malformed key %q", b)
	}
	return outKey{Desk: string(desk), Item: string(item), Out: n}, nil
}

// outIndex files an open loan's items still out: one entry per item type
// (its lines of one type added up).
func outIndex(l *Loan) []wire.IndexEntry {
	if !l.IsOpen() {
		return nil
	}
	var keys []outKey
	for i := range l.Lines {
		n := l.Lines[i].Outstanding()
		if n == 0 {
			continue
		}
		if j := slices.IndexFunc(keys, func(k outKey) bool { return k.Item == l.Lines[i].Item }); j >= 0 {
			keys[j].Out += n
			continue
		}
		keys = append(keys, outKey{Desk: l.Desk, Item: l.Lines[i].Item, Out: n})
	}
	out := make([]wire.IndexEntry, 0, len(keys))
	for _, k := range keys {
		out = append(out, wire.IndexEntry{Name: outIndexName, Key: k.encode()})
	}
	return out
}

// outByDesk counts items of each type still out on open loans, by lending
// desk: out[desk][item], from outIndexName.
func (s *LoanRegister) outByDesk() (map[string]map[string]int, error) {
	out := map[string]map[string]int{}
	err := s.Store().IndexKeys(outIndexName, func(key []byte, ref wire.EntityRef) error {
		k, err := parseOutKey(key)
		if err != nil {
			return fmt.Errorf("index %s of %s: %w", outIndexName, ref, err)
		}
		if out[k.Desk] == nil {
			out[k.Desk] = map[string]int{}
		}
		out[k.Desk][k.Item] += k.Out
		return nil
	})
	return out, err
}

// stockRows lists the stock of every item type at every desk that has
// some (or has some out), by item then desk.
func stockRows(types []app.ItemType, out map[string]map[string]int) []StockRow {
	var rows []StockRow
	for _, t := range types {
		for _, desk := range stockDesks(t, out) {
			n, o := t.Stock[desk], out[desk][t.Code]
			left := max(0, n-o)
			rows = append(rows, StockRow{Item: t.Code, Name: t.Name, Desk: desk,
				Stock: n, Out: o, Left: left, Low: lowStock(n, left)})
		}
	}
	return rows
}

// stockDesks is the sorted desks that own or have lent item type t.
func stockDesks(t app.ItemType, out map[string]map[string]int) []string {
	var desks []string
	for d := range t.Stock {
		desks = append(desks, d)
	}
	for d, items := range out {
		if items[t.Code] > 0 && t.Stock[d] == 0 {
			desks = append(desks, d)
		}
	}
	slices.Sort(desks)
	return desks
}

// shortRefusal says a desk has fewer than wanted of an item, and where
// else the most are.
func shortRefusal(rows []StockRow, t app.ItemType, desk string, want int) error {
	left := 0
	var others []StockRow
	for _, r := range rows {
		switch {
		case r.Item != t.Code:
		case r.Desk == desk:
			left = r.Left
		case r.Left > 0:
			others = append(others, r)
		}
	}
	kv := []string{"item", t.Name, "item_code", t.Code, "left", strconv.Itoa(left), "want", strconv.Itoa(want)}
	if len(others) == 0 {
		return app.Conflicting("loan.short_nowhere", kv...)
	}
	slices.SortStableFunc(others, func(a, b StockRow) int { return cmp.Compare(b.Left, a.Left) })
	kv = append(kv, "other", others[0].Desk, "other_left", strconv.Itoa(others[0].Left))
	return app.Conflicting("loan.short", kv...)
}
