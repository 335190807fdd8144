// Package clocale keeps Fyne quiet on a C or POSIX locale. Fyne's lang
// package reads the system locale when it is initialised, and reads "C"
// (from LANG=C.UTF-8) as a language: it logs "Error parsing user locale
// C". This package imports only the standard library, so Go initialises it
// before Fyne's lang in any program that imports it (directly or through
// ui/kit): its init sets LANGUAGE to zh_CN first, desk staff reading
// Chinese first.
package clocale

import (
	"os"
	"strings"
)

func init() { Fix() }

// Fix sets LANGUAGE to zh_CN when the message locale (the first set of
// LC_ALL, LC_MESSAGES, LANG) is C, POSIX, C.* or POSIX.* and LANGUAGE is
// empty. It reports whether it set LANGUAGE.
func Fix() bool {
	if os.Getenv("LANGUAGE") != "" || !IsPOSIX() {
		return false
	}
	return os.Setenv("LANGUAGE", "zh_CN") == nil
}

// IsPOSIX reports whether the message locale is C or POSIX.
func IsPOSIX() bool {
	base, _, _ := strings.Cut(messageLocale(), ".")
	return base == "C" || base == "POSIX"
}

// messageLocale is the locale that decides the language of messages.
func messageLocale() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}
