package app

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Field checks shared by every register's commands. Each returns nil or an
// ErrInvalid refusal naming the field.

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func required(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return invalid(field, "field.required")
	}
	return nil
}

func maxLen(field, v string, max int) error {
	if utf8.RuneCountInString(v) > max {
		return invalid(field, "field.too_long", "max", strconv.Itoa(max))
	}
	return nil
}

func choice(field, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return invalid(field, "field.bad_value", "value", v, "allowed", strings.Join(allowed, ", "))
}

func after(field string, t, min time.Time, minText string) error {
	if !t.After(min) {
		return invalid(field, "field.bad_time", "after", minText)
	}
	return nil
}

func between(field string, n, min, max int) error {
	if n < min || n > max {
		return invalid(field, "field.bad_number", "min", strconv.Itoa(min), "max", strconv.Itoa(max))
	}
	return nil
}
