package loans

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
)

// checkMoney is the format check of an amount in yuan.
func checkMoney(s string) string {
	if _, ok := parseMoney(s); !ok {
		return lang.L("loans.money_format")
	}
	return ""
}

// parseMoney reads an amount in yuan ("50", "12.5") as cents; "" is 0.
func parseMoney(s string) (int64, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "¥"))
	if s == "" {
		return 0, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f > 1e7 {
		return 0, false
	}
	return int64(f*100 + 0.5*sign(f)), true
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// money formats cents as yuan: "¥50", "¥12.50".
func money(cents int64) string {
	if cents%100 == 0 {
		return "¥" + strconv.FormatInt(cents/100, 10)
	}
	return "¥" + strconv.FormatFloat(float64(cents)/100, 'f', 2, 64)
}
