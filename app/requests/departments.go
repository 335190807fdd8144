package requests

import (
	"slices"
	"strings"

	"floordesk/app"
)

// Glue between the request, loan and handover registers and the hotel
// set-up and store.

// checkRequestDepartment accepts a department of the hotel set-up, and ""
// unless need says one is required.
func (s *RequestRegister) checkRequestDepartment(field, dept string, need bool) error {
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
		return app.Invalid(field, "field.required")
	}
	return app.Invalid(field, "field.bad_value", "value", dept, "allowed", strings.Join(h.Departments, ", "))
}
