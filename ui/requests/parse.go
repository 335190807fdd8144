package requests

import (
	"errors"
	"strconv"
	"strings"
	"time"

	apprequests "floordesk/app/requests"
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

// dayWords are the words for a day relative to today a desk types before
// a time or alone: "明天 06:30", "tomorrow 06:30".
var dayWords = map[string]int{
	"今天": 0, "今日": 0, "today": 0,
	"明天": 1, "明日": 1, "明早": 1, "明晚": 1, "tomorrow": 1,
	"后天": 2, "後天": 2,
}

// parseDue reads a due time typed at now: "06:30" is the next 06:30 (today
// unless that was more than apprequests.MaxDueInPast ago, then tomorrow);
// "明天 06:30", "后天 0630", "tomorrow 06:30" name the day; "3-10 06:30",
// "3/10 06:30" and "2026-03-10 06:30" give the date. "" is the zero time:
// due at once. A time in the past or far ahead is the domain's to refuse.
func parseDue(text string, now time.Time) (time.Time, error) {
	fields := strings.Fields(strings.ToLower(strings.TrimSpace(text)))
	if len(fields) == 0 {
		return time.Time{}, nil
	}
	if len(fields) == 1 { // "明天06:30" written without a space
		for w := range dayWords {
			if rest, ok := strings.CutPrefix(fields[0], w); ok && rest != "" {
				fields = []string{w, rest}
			}
		}
	}
	h, m, ok := splitClock(fields[len(fields)-1])
	if !ok || len(fields) > 2 {
		return time.Time{}, errFormat
	}
	y, mo, d := now.Date()
	if len(fields) == 1 {
		t := time.Date(y, mo, d, h, m, 0, 0, now.Location())
		if t.Before(now.Add(-apprequests.MaxDueInPast)) {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	day, err := parseDay(fields[0], now)
	if err != nil {
		return time.Time{}, err
	}
	y, mo, d = day.Date()
	return time.Date(y, mo, d, h, m, 0, 0, now.Location()), nil
}

// parseDay reads a day typed at now: a day word ("明天"), "3-10" or
// "3/10" or "3月10日" (this year, or next year when that day has passed),
// or "2026-03-10". "" is the zero time.
func parseDay(text string, now time.Time) (time.Time, error) {
	text = strings.ToLower(strings.TrimSpace(text))
	if text == "" {
		return time.Time{}, nil
	}
	y, mo, d := now.Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
	if n, ok := dayWords[text]; ok {
		return today.AddDate(0, 0, n), nil
	}
	text = strings.NewReplacer("/", "-", "月", "-", "日", "", "号", "").Replace(text)
	parts := strings.Split(text, "-")
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return time.Time{}, errFormat
		}
		nums[i] = n
	}
	switch {
	case len(nums) == 3 && nums[0] > 999:
		return validDay(nums[0], nums[1], nums[2], now.Location())
	case len(nums) != 2:
		return time.Time{}, errFormat
	}
	t, err := validDay(y, nums[0], nums[1], now.Location())
	if err == nil && t.Before(today) {
		t, err = validDay(y+1, nums[0], nums[1], now.Location())
	}
	return t, err
}

// validDay is y-m-d, refused when there is no such day (2-30).
func validDay(y, m, d int, loc *time.Location) (time.Time, error) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, errFormat
	}
	return t, nil
}
