package requests

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

var errFormat = errors.New("bad format")

// parseClock reads a time of day "14:30" (or "1430") typed at now: today
// at that time, or tomorrow when that time has long passed today (a
// promise at 00:30 typed at 23:50). "" is the zero time.
func parseClock(text string, now time.Time) (time.Time, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return time.Time{}, nil
	}
	h, m, ok := splitClock(text)
	if !ok {
		return time.Time{}, errFormat
	}
	y, mo, d := now.Date()
	t := time.Date(y, mo, d, h, m, 0, 0, now.Location())
	if now.Sub(t) > 12*time.Hour {
		t = t.AddDate(0, 0, 1)
	}
	return t, nil
}

func splitClock(text string) (h, m int, ok bool) {
	hs, ms, found := strings.Cut(strings.ReplaceAll(text, "：", ":"), ":")
	if !found && len(text) == 4 {
		hs, ms = text[:2], text[2:]
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || len(ms) != 2 {
		return 0, 0, false
	}
	return h, m, true
}

// parseMoney reads yuan ("50", "12.5") as cents; "" is 0. A minus sign
// is kept, for the domain to refuse with its own words.
func parseMoney(text string) (int64, error) {
	text = strings.TrimPrefix(strings.TrimSpace(text), "¥")
	if text == "" {
		return 0, nil
	}
	digits, neg := strings.CutPrefix(text, "-")
	yuan, frac, _ := strings.Cut(digits, ".")
	y, err1 := strconv.ParseUint(yuan, 10, 40)
	f, err2 := strconv.ParseUint((frac + "00")[:2], 10, 8)
	if err1 != nil || err2 != nil || len(frac) > 2 {
		return 0, errFormat
	}
	cents := int64(y*100 + f)
	if neg {
		return -cents, nil
	}
	return cents, nil
}
