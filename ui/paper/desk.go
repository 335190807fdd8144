package paper

import (
	"fmt"
	"strings"
	"text/template"
	"time"

	"floordesk/assets"
)

// Desk is what every document needs of the desk that prints it.
type Desk struct {
	Lang  string         // "zh" or "en"; anything else prints Chinese
	Loc   *time.Location // the hotel's time zone; nil is UTC
	Hotel string         // the hotel's name, printed in headers; may be empty
	Code  string         // the desk's code
	// Name gives a staff member's name for an ID; nil prints the ID.
	Name func(staffID string) string
	// DeskName gives a desk's name for its code; nil prints the code.
	DeskName func(code string) string
}

// desk is the name of the desk with code, or the code.
func (d Desk) desk(code string) string {
	if d.DeskName == nil {
		return code
	}
	return d.DeskName(code)
}

// table is the translation file of the desk's language.
func (d Desk) table() map[string]string {
	lang := "zh-Hans"
	if d.Lang == "en" {
		lang = "en"
	}
	t, err := assets.Table(lang)
	if err != nil {
		return nil
	}
	return t
}

// T translates key with the {{.Field}} values of data; the key itself when
// the translation files lack it (a test catches that).
func (d Desk) T(key string, data ...map[string]string) string {
	text, ok := d.table()[key]
	if !ok {
		return key
	}
	if len(data) == 0 || !strings.Contains(text, "{{") {
		return text
	}
	tmpl, err := template.New(key).Option("missingkey=zero").Parse(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, data[0]); err != nil {
		return text
	}
	return b.String()
}

func (d Desk) staff(id string) string {
	if d.Name == nil || id == "" {
		return id
	}
	if n := d.Name(id); n != "" {
		return n
	}
	return id
}

func (d Desk) loc() *time.Location {
	if d.Loc == nil {
		return time.UTC
	}
	return d.Loc
}

// Date prints a day in the desk's language: "2026年3月5日", "5 Mar 2026".
func (d Desk) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(d.loc())
	if d.Lang == "en" {
		return t.Format("2 Jan 2006")
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}

// DateTime prints a day and a time of day.
func (d Desk) DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return d.Date(t) + " " + t.In(d.loc()).Format("15:04")
}

// Money prints cents as yuan: "¥50", "¥12.50".
func Money(cents int64) string {
	if cents%100 == 0 {
		return fmt.Sprintf("¥%d", cents/100)
	}
	return fmt.Sprintf("¥%d.%02d", cents/100, cents%100)
}

// sentenceGap goes between two sentences: a space in English, nothing
// after a Chinese full stop.
func (d Desk) sentenceGap() string {
	if d.Lang == "en" {
		return " "
	}
	return ""
}
