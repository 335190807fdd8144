package keys

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	appkeys "floordesk/app/keys"
	"floordesk/export"
	"floordesk/ui/kit"
)

// columns are the key board's export: a row a key, its tag as text
// ("0801" stays so), who holds it and since when.
func (sc *Screen) columns() []kit.Column[appkeys.Key] {
	text := func(f func(appkeys.Key) string) func(appkeys.Key) export.Cell {
		return func(k appkeys.Key) export.Cell { return kit.Text(f(k)) }
	}
	loan := func(f func(appkeys.KeyLoan) export.Cell) func(appkeys.Key) export.Cell {
		return func(k appkeys.Key) export.Cell {
			if l, out := k.Current(); out {
				return f(l)
			}
			return kit.Text("")
		}
	}
	return []kit.Column[appkeys.Key]{
		{Head: "keys.col_tag", Cell: text(func(k appkeys.Key) string { return k.Tag })},
		{Head: "keys.col_type", Cell: text(func(k appkeys.Key) string { return keyType(k.Type) })},
		{Head: "keys.areas", Cell: text(func(k appkeys.Key) string { return strings.Join(k.Areas, " ") })},
		{Head: "keys.col_status", Cell: text(sc.statusWord)},
		{Head: "keys.holder", Cell: loan(func(l appkeys.KeyLoan) export.Cell { return kit.Text(sc.names.Name(l.Holder)) })},
		{Head: "keys.purpose", Cell: loan(func(l appkeys.KeyLoan) export.Cell { return kit.Text(l.Purpose) })},
		{Head: "keys.col_out", Cell: loan(func(l appkeys.KeyLoan) export.Cell { return kit.Time(l.Out) })},
		{Head: "keys.due", Cell: loan(func(l appkeys.KeyLoan) export.Cell { return kit.Time(l.Due) })},
		{Head: "keys.col_lost_at", Cell: func(k appkeys.Key) export.Cell { return kit.Time(k.LostAt) }},
	}
}

// statusWord says where a key is in a word: on the board, out, lost.
func (sc *Screen) statusWord(k appkeys.Key) string {
	_, out := k.Current()
	switch {
	case k.Lost:
		return lang.L("keys.lost_rekey")
	case k.Rekey:
		return lang.L("keys.rekey")
	case out:
		return lang.L("keys.col_out_now")
	}
	return lang.L("keys.on_board")
}
