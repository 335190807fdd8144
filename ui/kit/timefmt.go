package kit

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"
)

// Language is the language the UI speaks now: "zh" or "en", as the loaded
// translations say.
func Language() string {
	if X("kit.lang", "zh") == "en" {
		return "en"
	}
	return "zh"
}

// Clock formats a time of day: "14:20".
func Clock(t time.Time) string { return t.Format("15:04") }

// Date formats a day in the user's language: "2026年3月5日", "5 Mar 2026".
func Date(t time.Time) string {
	if Language() == "en" {
		return t.Format("2 Jan 2006")
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}

// When formats a time relative to now for lists: "14:20" today,
// "昨天 14:20" / "yesterday 14:20", "3月5日 14:20" / "5 Mar 14:20" within the
// year, and with the year otherwise.
func When(t, now time.Time) string {
	t = t.In(now.Location())
	switch day(now).Sub(day(t)) {
	case 0:
		return Clock(t)
	case 24 * time.Hour:
		return lang.L("kit.yesterday", map[string]string{"Time": Clock(t)})
	case -24 * time.Hour:
		return lang.L("kit.tomorrow", map[string]string{"Time": Clock(t)})
	}
	if t.Year() == now.Year() {
		return monthDay(t) + " " + Clock(t)
	}
	return Date(t) + " " + Clock(t)
}

// DateTime formats a full date and time: "2026年3月5日 14:20".
func DateTime(t time.Time) string { return Date(t) + " " + Clock(t) }

func monthDay(t time.Time) string {
	if Language() == "en" {
		return t.Format("2 Jan")
	}
	return fmt.Sprintf("%d月%d日", t.Month(), t.Day())
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// Duration formats a span for a glance, to the minute: "45分钟", "2小时5分钟",
// "3天2小时" / "45 min", "2 h 5 min", "3 d 2 h". Negative spans read as
// their size.
func Duration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	mins := int(d / time.Minute)
	days, hours, mins := mins/(24*60), mins/60%24, mins%60
	switch {
	case days > 0:
		return lang.L("kit.days_hours", map[string]int{"Days": days, "Hours": hours})
	case hours > 0 && mins > 0:
		return lang.L("kit.hours_minutes", map[string]int{"Hours": hours, "Minutes": mins})
	case hours > 0:
		return lang.L("kit.hours", map[string]int{"Hours": hours})
	}
	return lang.L("kit.minutes", map[string]int{"Minutes": mins})
}

// Late says how long ago a due time passed: "超时12分钟" / "12 min late";
// "刚到期" / "due now" within the first minute.
func Late(due, now time.Time) string {
	if now.Sub(due) < time.Minute {
		return lang.L("kit.due_now")
	}
	return lang.L("kit.late", map[string]string{"Span": Duration(now.Sub(due))})
}

// DueIn says how long until a due time: "12分钟后到期" / "due in 12 min".
func DueIn(due, now time.Time) string {
	return lang.L("kit.due_in", map[string]string{"Span": Duration(due.Sub(now))})
}
