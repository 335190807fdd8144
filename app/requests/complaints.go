package requests

import (
	"time"

	"floordesk/app"
)

// Complaints (投诉) are guest requests of kind complaint. They carry a
// category, a severity, the department responsible, what was given to the
// guest (apology, compensation) and, after the fix, a call-back with the
// guest's satisfaction (the request's confirmation).

// ComplaintCategory is what the complaint is about.
type ComplaintCategory string

// Complaint categories.
const (
	ComplaintService    ComplaintCategory = "service_quality"
	ComplaintHygiene    ComplaintCategory = "environment_hygiene"
	ComplaintFacilities ComplaintCategory = "facilities_equipment"
	ComplaintFood       ComplaintCategory = "food_beverage"
	ComplaintNoise      ComplaintCategory = "noise"
	ComplaintOther      ComplaintCategory = "other"
)

// ComplaintSeverity grades a complaint. Serious and urgent complaints always
// show as escalated.
type ComplaintSeverity string

// Complaint severities.
const (
	SeverityMinor    ComplaintSeverity = "minor"
	SeverityModerate ComplaintSeverity = "moderate"
	SeveritySerious  ComplaintSeverity = "serious"
	SeverityUrgent   ComplaintSeverity = "urgent"
)

// Complaint holds the complaint-only fields of a request.
type Complaint struct {
	Category    ComplaintCategory `json:"category"`
	Severity    ComplaintSeverity `json:"severity"`
	Responsible string            `json:"responsible,omitempty"` // department at fault
}

// Compensation is what the hotel gave the guest: an apology, a fruit
// basket, a discount. Amount is in cents (0 when nothing was charged back).
type Compensation struct {
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Given  string    `json:"given"`
	Amount int64     `json:"amount,omitempty"`
}

// RequestCompensated is the body of request.compensated.
type RequestCompensated struct {
	At     time.Time `json:"at"`
	Given  string    `json:"given"`
	Amount int64     `json:"amount,omitempty"`
}

var complaintCategories = []ComplaintCategory{
	ComplaintService, ComplaintHygiene, ComplaintFacilities,
	ComplaintFood, ComplaintNoise, ComplaintOther,
}

var complaintSeverities = []ComplaintSeverity{
	SeverityMinor, SeverityModerate, SeveritySerious, SeverityUrgent,
}

// Grave reports whether the severity escalates by itself.
func (s ComplaintSeverity) Grave() bool {
	return s == SeveritySerious || s == SeverityUrgent
}

// checkComplaint checks a complaint's category and severity.
func checkComplaint(c *Complaint) error {
	return app.FirstErr(
		enumField("complaint.category", c.Category, complaintCategories),
		enumField("complaint.severity", c.Severity, complaintSeverities),
	)
}

// enumField refuses an empty value as missing and an unknown one as not
// among the allowed values.
func enumField[T ~string](field string, v T, allowed []T) error {
	if v == "" {
		return app.Invalid(field, "field.required")
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return app.Choice(field, string(v), names...)
}
