package supervisor

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	appkeys "floordesk/app/keys"
	"floordesk/export"
	"floordesk/ui/kit"
)

// The exports of the key register and of the loanable items' stock, as
// their tabs list them: for the yearly count and the insurer.

func keyColumns() []kit.Column[appkeys.Key] {
	text := func(f func(appkeys.Key) string) func(appkeys.Key) export.Cell {
		return func(k appkeys.Key) export.Cell { return kit.Text(f(k)) }
	}
	return []kit.Column[appkeys.Key]{
		{Head: "supervisor.key_tag", Cell: text(func(k appkeys.Key) string { return k.Tag })},
		{Head: "supervisor.key_type", Cell: text(func(k appkeys.Key) string { return keyTypeName(k.Type) })},
		{Head: "supervisor.key_areas", Cell: text(func(k appkeys.Key) string { return strings.Join(k.Areas, ", ") })},
		{Head: "supervisor.key_desk", Cell: text(func(k appkeys.Key) string { return k.Desk })},
		{Head: "supervisor.key_state", Cell: text(keyState)},
	}
}

// keyState says whether a key is on its board, out, lost or to re-key.
func keyState(k appkeys.Key) string {
	switch {
	case k.Rekey:
		return lang.L("supervisor.rekey_flagged")
	case k.Lost:
		return lang.L("supervisor.key_lost")
	case len(k.Loans) > 0:
		return lang.L("supervisor.key_out")
	}
	return lang.L("supervisor.key_in")
}

func itemColumns() []kit.Column[app.ItemType] {
	return []kit.Column[app.ItemType]{
		{Head: "supervisor.item_code", Cell: func(it app.ItemType) export.Cell { return kit.Text(it.Code) }},
		{Head: "supervisor.item_name", Cell: func(it app.ItemType) export.Cell { return kit.Text(it.Name) }},
		{Head: "supervisor.item_total", Cell: func(it app.ItemType) export.Cell {
			total := 0
			for _, n := range it.Stock {
				total += n
			}
			return kit.Number(float64(total))
		}},
		{Head: "supervisor.item_by_desk", Cell: func(it app.ItemType) export.Cell {
			var parts []string
			for _, d := range sortedKeys(it.Stock) {
				parts = append(parts, d+" "+strconv.Itoa(it.Stock[d]))
			}
			return kit.Text(strings.Join(parts, ", "))
		}},
	}
}
