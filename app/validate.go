package app

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Field checks shared by every register's commands. Each returns nil or an
// ErrInvalid refusal naming the field.

// FirstErr returns nil when every check passed; otherwise the first
// refusal of each field that failed, together, so a form shows every wrong
// field at once (RefusalsOf lists them; errors.As and RefusalOf find the
// first). An error naming no field is returned only when no field failed:
// it is most often a consequence of one (no key "" was found).
func FirstErr(errs ...error) error {
	var fields, other []error
	seen := map[string]bool{}
	for _, err := range errs {
		if err == nil {
			continue
		}
		r := RefusalOf(err)
		if r == nil || r.Field == "" {
			other = append(other, err)
			continue
		}
		if !seen[r.Field] {
			seen[r.Field] = true
			fields = append(fields, err)
		}
	}
	if len(fields) == 0 && len(other) > 0 {
		return other[0]
	}
	return joined(fields)
}

// joined is nil, the one error, or the errors together.
func joined(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

// RefusalsOf lists the refusals in err, one for each refusal it joins
// (see FirstErr); nil when there is none.
func RefusalsOf(err error) []*Refusal {
	switch e := err.(type) {
	case nil:
		return nil
	case *Refusal:
		return []*Refusal{e}
	case interface{ Unwrap() []error }:
		var out []*Refusal
		for _, inner := range e.Unwrap() {
			out = append(out, RefusalsOf(inner)...)
		}
		return out
	}
	return RefusalsOf(errors.Unwrap(err))
}

func Required(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return Invalid(field, "field.required")
	}
	return nil
}

func MaxLen(field, v string, max int) error {
	if utf8.RuneCountInString(v) > max {
		return Invalid(field, "field.too_long", "max", strconv.Itoa(max))
	}
	return nil
}

func Choice(field, v string, allowed ...string) error {
	if v == "" {
		return Invalid(field, "field.required")
	}
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return Invalid(field, "field.bad_value", "value", v, "allowed", strings.Join(allowed, ", "))
}

func After(field string, t, min time.Time, minText string) error {
	if !t.After(min) {
		return Invalid(field, "field.bad_time", "after", minText)
	}
	return nil
}

func Between(field string, n, min, max int) error {
	if n < min || n > max {
		return Invalid(field, "field.bad_number", "min", strconv.Itoa(min), "max", strconv.Itoa(max))
	}
	return nil
}

func CheckLast4(v string) error {
	if len(v) != 4 {
		return Invalid("id_last4", "door.id_last4")
	}
	for _, r := range v {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return Invalid("id_last4", "door.id_last4")
		}
	}
	return nil
}

func NonNegative(field string, n int64, code string) error {
	if n < 0 {
		return Invalid(field, code)
	}
	return nil
}
