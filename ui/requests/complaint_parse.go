package requests

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
)

// pastWords are the words for a day before today a desk types before a
// time: "昨天 23:10".
var pastWords = map[string]int{"今天": 0, "today": 0, "昨天": -1, "昨晚": -1, "yesterday": -1, "前天": -2}

// parsePast reads a moment in the past typed at now, for a CCTV window:
// "23:10" is the latest 23:10 not after now (today or yesterday);
// "昨天 23:10", "3-10 23:10" and "2026-03-10 23:10" give the day (a
// month-day not yet come this year is last year's). "" is the zero time.
func parsePast(text string, now time.Time) (time.Time, error) {
	fields := strings.Fields(strings.ToLower(strings.TrimSpace(text)))
	switch len(fields) {
	case 0:
		return time.Time{}, nil
	case 1, 2:
	default:
		return time.Time{}, errFormat
	}
	h, m, ok := splitClock(fields[len(fields)-1])
	if !ok {
		return time.Time{}, errFormat
	}
	day, err := pastDay(fields[:len(fields)-1], now)
	if err != nil {
		return time.Time{}, err
	}
	y, mo, d := day.Date()
	t := time.Date(y, mo, d, h, m, 0, 0, now.Location())
	if len(fields) == 1 && t.After(now) {
		t = t.AddDate(0, 0, -1)
	}
	return t, nil
}

// pastDay is the day named (today when none), never after today.
func pastDay(fields []string, now time.Time) (time.Time, error) {
	y, mo, d := now.Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
	if len(fields) == 0 {
		return today, nil
	}
	if n, ok := pastWords[fields[0]]; ok {
		return today.AddDate(0, 0, n), nil
	}
	t, err := parseDay(fields[0], now)
	if err != nil {
		return t, err
	}
	if t.After(today) && strings.Count(fields[0], "-")+strings.Count(fields[0], "/") < 2 {
		t = t.AddDate(-1, 0, 0) // parseDay reads "3-10" ahead; a window is behind
	}
	return t, nil
}

// parseDueDay reads the day an action is due ("3-10", "明天",
// "2026-03-10"): due by the end of that day, 23:59 on the desk's clock.
func parseDueDay(text string, now time.Time) (time.Time, error) {
	day, err := parseDay(text, now)
	if err != nil || day.IsZero() {
		return day, err
	}
	y, mo, d := day.Date()
	return time.Date(y, mo, d, 23, 59, 0, 0, now.Location()), nil
}

func pastText(s string, now time.Time) string {
	if _, err := parsePast(s, now); err != nil {
		return lang.L("requests.check.past")
	}
	return ""
}
