package loans

import (
	"cmp"
	"slices"
	"strconv"

	"floordesk/app"
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

// outByDesk counts items of each type still out, by lending desk:
// out[desk][item].
func outByDesk(loans []Loan) map[string]map[string]int {
	out := map[string]map[string]int{}
	for i := range loans {
		l := &loans[i]
		for j := range l.Lines {
			n := l.Lines[j].Outstanding()
			if n == 0 {
				continue
			}
			if out[l.Desk] == nil {
				out[l.Desk] = map[string]int{}
			}
			out[l.Desk][l.Lines[j].Item] += n
		}
	}
	return out
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
