package app

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Field checks shared by every register's commands. Each returns nil or an
// ErrInvalid refusal naming the field.

func FirstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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
