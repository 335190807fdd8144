package requests

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
)

// Checks made as the user types: they return the text to show under the
// field, or "".

// missing marks a field left empty; checkAll asks for it by its name.
const missing = "\x00missing"

func requiredText(s string) string {
	if strings.TrimSpace(s) == "" {
		return missing
	}
	return ""
}

func clockText(s string, now time.Time) string {
	if _, err := parseClock(s, now); err != nil {
		return lang.L("requests.check.clock")
	}
	return ""
}

func dueText(s string, now time.Time) string {
	if _, err := parseDue(s, now); err != nil {
		return lang.L("requests.check.due")
	}
	return ""
}

func dayText(s string, now time.Time) string {
	if _, err := parseDay(s, now); err != nil {
		return lang.L("requests.check.day")
	}
	return ""
}

func moneyText(s string) string {
	if _, err := parseMoney(s); err != nil {
		return lang.L("requests.check.money")
	}
	return ""
}
