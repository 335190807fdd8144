package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"floordesk/data/wire"
)

// Sentinel errors. Every error a command returns wraps one of them, so a
// caller checks the kind with errors.Is and reads the details with errors.As
// on *Refusal.
var (
	// ErrNotFound: the staff member, key, item or request does not exist.
	ErrNotFound = errors.New("not found")
	// ErrForbidden: the actor's role or state does not allow the command.
	ErrForbidden = errors.New("forbidden")
	// ErrConflict: the command clashes with the entity's current state, such
	// as signing out a key someone already holds.
	ErrConflict = errors.New("conflict")
	// ErrInvalid: an input field breaks a rule; Refusal.Field names it.
	ErrInvalid = errors.New("invalid")
	// ErrLocked: the staff member is locked out after too many wrong PINs.
	ErrLocked = errors.New("locked")
	// ErrDiskFull: the desk's disk is full, so nothing was saved; what was
	// saved before stays and can be read. It is the store's own error
	// (wire.ErrDiskFull), so errors.Is finds it with or without a Refusal.
	ErrDiskFull = wire.ErrDiskFull
)

// Refusal is a command refused for a reason a user can act on. Code is a
// stable dotted identifier ("key.held") the UI translates, filling in
// Params; Field names the offending input for validation errors; Err is the
// sentinel (ErrConflict, ...).
type Refusal struct {
	Code   string
	Field  string
	Params map[string]string
	Err    error
}

// Error renders the English message, for logs and tests.
func (r *Refusal) Error() string { return Message(r.Code, r.Params) }

// Unwrap returns the sentinel.
func (r *Refusal) Unwrap() error { return r.Err }

// RefusalOf returns the refusal inside err, or nil.
func RefusalOf(err error) *Refusal {
	var r *Refusal
	if errors.As(err, &r) {
		return r
	}
	return nil
}

func Refuse(sentinel error, field, code string, kv []string) *Refusal {
	return &Refusal{Code: code, Field: field, Params: pairs(kv), Err: sentinel}
}

// pairs turns "k1", "v1", "k2", "v2" into a map; a trailing odd key gets "".
func pairs(kv []string) map[string]string {
	m := make(map[string]string, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		v := ""
		if i+1 < len(kv) {
			v = kv[i+1]
		}
		m[kv[i]] = v
	}
	return m
}

// Invalid refuses an input field. The field is also put in Params["field"].
func Invalid(field, code string, kv ...string) error {
	r := Refuse(ErrInvalid, field, code, kv)
	r.Params["field"] = field
	return r
}

func Forbidden(code string, kv ...string) error { return Refuse(ErrForbidden, "", code, kv) }

func Conflicting(code string, kv ...string) error { return Refuse(ErrConflict, "", code, kv) }

func Locked(code string, kv ...string) error { return Refuse(ErrLocked, "", code, kv) }

// NotFound refuses a reference to a missing entity of a kind ("key", "staff").
func NotFound(kind, id string) error {
	return Refuse(ErrNotFound, "", kind+".not_found", []string{"kind", kind, "id", id})
}

// Message renders a refusal code and its parameters as an English sentence.
// Unknown codes render as the code followed by the parameters.
func Message(code string, params map[string]string) string {
	tmpl, ok := messages[code]
	if !ok {
		if strings.HasSuffix(code, ".not_found") {
			tmpl = "No {kind} {id} was found — check the number and try again."
		} else {
			return code + " " + formatParams(params)
		}
	}
	return fill(tmpl, params)
}

func fill(tmpl string, params map[string]string) string {
	args := make([]string, 0, 2*len(params))
	for k, v := range params {
		args = append(args, "{"+k+"}", v)
	}
	return strings.NewReplacer(args...).Replace(tmpl)
}

func formatParams(params map[string]string) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%q", k, params[k])
	}
	return "(" + strings.Join(parts, " ") + ")"
}

// MessageCodes lists the codes that have an English message, sorted, so a
// test can check every code has a translation.
func MessageCodes() []string {
	codes := make([]string, 0, len(messages))
	for c := range messages {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

// RegisterMessages adds English messages for refusal codes; each register's
// file calls it from init. A duplicate code panics at start-up.
func RegisterMessages(m map[string]string) {
	for code, text := range m {
		if _, dup := messages[code]; dup {
			panic("app: duplicate message code " + code)
		}
		messages[code] = text
	}
}

var messages = map[string]string{
	"field.required":   "{field} is required — fill it in.",
	"field.too_long":   "{field} is too long (at most {max} characters) — shorten it.",
	"field.bad_time":   "{field} must be a time after {after} — correct it.",
	"field.bad_value":  "{field} must be one of: {allowed}.",
	"field.bad_number": "{field} must be a whole number between {min} and {max}.",
}
