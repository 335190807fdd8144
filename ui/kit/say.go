package kit

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	"floordesk/assets"
)

// Translated reports whether key has a text in the language the UI
// speaks, so a caller can fall back without Fyne logging a failure.
func Translated(key string) bool {
	file := "zh-Hans"
	if Language() == English {
		file = "en"
	}
	table, err := assets.Table(file)
	return err == nil && table[key] != ""
}

// Say turns an error from a command into a sentence for the user in the
// user's language. A domain refusal reads its translation "refusal.<code>"
// with its Params as template data ({{.room}}); a refusal without a
// translation reads a sentence for its kind (invalid input, not allowed,
// clashes, not found, locked). A full disk reads as one, refusal or not.
// Any other error reads "could not save, try again; if it keeps happening
// call IT". A Go error string never shows. Say(nil) is "".
func Say(err error) string {
	if err == nil {
		return ""
	}
	r := app.RefusalOf(err)
	if r == nil && errors.Is(err, app.ErrDiskFull) {
		r = app.Refuse(app.ErrDiskFull, "", "disk.full", nil)
	}
	if r == nil {
		return lang.L("kit.failed")
	}
	if key := "refusal." + r.Code; Translated(key) {
		return lang.L(key, templateData(r.Params))
	}
	return lang.L(kindKey(r))
}

// SayKey is the translation key Say uses for err's refusal, for tests.
func SayKey(err error) string {
	r := app.RefusalOf(err)
	if r == nil && errors.Is(err, app.ErrDiskFull) {
		return "refusal.disk.full"
	}
	if r == nil {
		return "kit.failed"
	}
	return "refusal." + r.Code
}

// kindKey is the translation of a refusal's kind, by its sentinel.
func kindKey(r *app.Refusal) string {
	for _, k := range []struct {
		err error
		key string
	}{
		{app.ErrInvalid, "kit.refused_invalid"},
		{app.ErrForbidden, "kit.refused_forbidden"},
		{app.ErrConflict, "kit.refused_conflict"},
		{app.ErrNotFound, "kit.refused_not_found"},
		{app.ErrLocked, "kit.refused_locked"},
	} {
		if errors.Is(r, k.err) {
			return k.key
		}
	}
	return "kit.failed"
}

// templateData turns refusal params into template data; nil stays usable.
func templateData(params map[string]string) map[string]string {
	if params == nil {
		return map[string]string{}
	}
	return params
}

// SayConflict is the sentence for a conflict the fold recorded, by its
// code and params, like Say for a refusal.
func SayConflict(c app.Conflict) string {
	if key := "refusal." + c.Code; Translated(key) {
		return lang.L(key, templateData(c.Params))
	}
	return lang.L("kit.refused_conflict")
}
