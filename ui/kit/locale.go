package kit

import "floordesk/ui/kit/clocale"

// FixPOSIXLocale keeps Fyne quiet on a C or POSIX locale: Fyne's locale
// lookup reads "C" as a language and logs "Error parsing user locale C".
// When the message locale (the first set of LC_ALL, LC_MESSAGES, LANG) is
// C, POSIX, C.* or POSIX.* and LANGUAGE is empty, it sets LANGUAGE to
// zh_CN: desk staff read Chinese first. Importing kit already does this
// before Fyne's lang starts (see package clocale); call it again after
// changing the environment. It reports whether it set LANGUAGE.
func FixPOSIXLocale() bool { return clocale.Fix() }

// posixLocale reports whether the message locale is C or POSIX.
func posixLocale() bool { return clocale.IsPOSIX() }
