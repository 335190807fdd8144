package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Glue between the request, loan and handover registers and the hotel
// set-up and store.

// checkRequestDepartment accepts a department of the hotel set-up, and ""
// unless need says one is required.
func (s *Service) checkRequestDepartment(field, dept string, need bool) error {
	if dept == "" && !need {
		return nil
	}
	h, err := s.Settings()
	if err != nil {
		return err
	}
	if slices.Contains(h.Departments, dept) {
		return nil
	}
	if dept == "" {
		return invalid(field, "field.required")
	}
	return invalid(field, "field.bad_value", "value", dept, "allowed", strings.Join(h.Departments, ", "))
}

// scanViews is listViews for registers with many finished entities: it
// decodes only the views whose status is one of statuses, found by a
// byte search (views are encoded by encoding/json, so a status is always
// spelled `"status":"open"`), then keeps those keep accepts.
func scanViews[T any](s *Service, kind string, statuses []string, keep func(*T) bool) ([]T, error) {
	marks := make([][]byte, len(statuses))
	for i, st := range statuses {
		marks[i] = []byte(`"status":"` + st + `"`)
	}
	var out []T
	err := s.store.Views(kind, func(id string, b []byte) error {
		if !slices.ContainsFunc(marks, func(m []byte) bool { return bytes.Contains(b, m) }) {
			return nil
		}
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			return fmt.Errorf("decode %s/%s: %w", kind, id, err)
		}
		if keep(&v) {
			out = append(out, v)
		}
		return nil
	})
	return out, err
}
