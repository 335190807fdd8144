package kit

import (
	"fmt"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"floordesk/assets"
)

// The languages the desk speaks, as accepted by UseLanguage.
const (
	Chinese = "zh"
	English = "en"
)

// UseLanguage loads FloorDesk's translations into Fyne's lang package and
// makes the UI speak choice: Chinese, English, or "" to follow the system
// (English on an English system, Simplified Chinese otherwise). Call it
// before building any screen. It returns the language in use, and an error
// for an unknown choice or when the translations cannot be loaded.
func UseLanguage(choice string) (string, error) {
	FixPOSIXLocale()
	want := choice
	if want == "" && posixLocale() {
		want = Chinese
	}
	if want == "" {
		want = systemLanguage(lang.SystemLocale())
	}
	file, ok := map[string]string{Chinese: "zh-Hans", English: "en"}[want]
	if !ok {
		return "", fmt.Errorf("language %q: want %s or %s", choice, Chinese, English)
	}
	table, err := assets.Table(file)
	if err != nil {
		return "", err
	}
	spoken.Store(&table)
	// Only the language chosen is loaded: Fyne keeps every message it is
	// given, parsed, for as long as the desk runs (about 2.5 MB a
	// language; issue 12). Fyne picks among its translations by the
	// system locale; the choice is made to win by registering it under
	// its own name, else under the language Fyne matches.
	content, err := assets.Translations.ReadFile("translations/" + file + ".json")
	if err != nil {
		return "", fmt.Errorf("load translations: %w", err)
	}
	sys := lang.SystemLocale()
	for _, loc := range []fyne.Locale{fyne.Locale(file), fyne.Locale(baseLanguage(sys)), sys, "en"} {
		if err := lang.AddTranslationsForLocale(content, loc); err != nil {
			return "", fmt.Errorf("load translations: %w", err)
		}
		if speaks(table) {
			return want, nil
		}
	}
	return "", fmt.Errorf("language %q: the system locale %s wins", want, sys)
}

// spoken is the table of the language chosen last, for X.
var spoken atomic.Pointer[map[string]string]

// X is the text under key in the language in use, or fallback when the
// translations have no such key: a department or shift a supervisor added,
// say. Unlike lang.X, it logs nothing for the fallback.
func X(key, fallback string) string {
	if t := spoken.Load(); t == nil || (*t)[key] == "" {
		return fallback
	}
	return lang.L(key)
}

// systemLanguage maps a system locale to the desk's language: English for
// English, Chinese for everything else, since desk staff read Chinese first.
func systemLanguage(loc fyne.Locale) string {
	if strings.EqualFold(baseLanguage(loc), English) {
		return English
	}
	return Chinese
}

// baseLanguage is a locale's language subtag: "en" for "en-GB".
func baseLanguage(loc fyne.Locale) string {
	base, _, _ := strings.Cut(string(loc), "-")
	return base
}

// speaks tells whether lang currently answers with table's texts.
func speaks(table map[string]string) bool {
	const probe = "status.heading"
	return lang.L(probe) == table[probe]
}
