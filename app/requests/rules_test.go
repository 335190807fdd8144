package requests

import (
	"slices"
	"testing"
	"time"

	"floordesk/app/apptest"
)

func TestEscalationReasons(t *testing.T) {
	t0 := apptest.Start
	promised := t0.Add(30 * time.Minute)
	dispatched := []Dispatch{{At: t0.Add(5 * time.Minute), Department: "engineering"}}
	grave := &Complaint{Category: ComplaintNoise, Severity: SeveritySerious}
	minor := &Complaint{Category: ComplaintNoise, Severity: SeverityMinor}
	tests := []struct {
		name string
		r    Request
		now  time.Time
		want []EscalationReason
	}{
		{"on time", Request{Status: StatusOpen, Department: "engineering", PromisedAt: promised}, t0.Add(10 * time.Minute), nil},
		{"not dispatched by promise", Request{Status: StatusOpen, Department: "engineering", PromisedAt: promised}, t0.Add(31 * time.Minute), []EscalationReason{EscalatedNotDispatched}},
		{"desk's own, not done", Request{Status: StatusOpen, PromisedAt: promised}, t0.Add(31 * time.Minute), []EscalationReason{EscalatedNotDone}},
		{"dispatched, not done", Request{Status: StatusDispatched, Department: "engineering", PromisedAt: promised, Dispatches: dispatched}, t0.Add(31 * time.Minute), []EscalationReason{EscalatedNotDone}},
		{"done late is not escalated", Request{Status: StatusResolved, PromisedAt: promised}, t0.Add(2 * time.Hour), nil},
		{"by hand", Request{Status: StatusOpen, PromisedAt: promised, Escalations: []Escalation{{Reason: "guest angry"}}}, t0, []EscalationReason{EscalatedByHand}},
		{"by hand ends when done", Request{Status: StatusResolved, Escalations: []Escalation{{Reason: "x"}}}, t0, nil},
		{"serious complaint", Request{Status: StatusOpen, Kind: RequestComplaint, Complaint: grave, PromisedAt: promised}, t0, []EscalationReason{EscalatedGraveComplaint}},
		{"serious complaint until confirmed", Request{Status: StatusResolved, Kind: RequestComplaint, Complaint: grave}, t0, []EscalationReason{EscalatedGraveComplaint}},
		{"serious complaint closed", Request{Status: StatusClosed, Kind: RequestComplaint, Complaint: grave}, t0, nil},
		{"minor complaint", Request{Status: StatusOpen, Kind: RequestComplaint, Complaint: minor, PromisedAt: promised}, t0, nil},
		{"cancelled", Request{Status: StatusCancelled, PromisedAt: promised}, t0.Add(time.Hour), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EscalationReasons(&tt.r, tt.now)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("EscalationReasons = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNextFollowUp(t *testing.T) {
	t0 := apptest.Start
	tests := []struct {
		name  string
		r     Request
		every time.Duration
		want  time.Time
	}{
		{"from opening, default interval", Request{Status: StatusOpen, OpenedAt: t0}, 0, t0.Add(10 * time.Minute)},
		{"set-up interval", Request{Status: StatusOpen, OpenedAt: t0}, 15 * time.Minute, t0.Add(15 * time.Minute)},
		{"request's own interval wins", Request{Status: StatusOpen, OpenedAt: t0, FollowEvery: 5 * time.Minute}, 15 * time.Minute, t0.Add(5 * time.Minute)},
		{"from dispatch", Request{Status: StatusDispatched, OpenedAt: t0, Dispatches: []Dispatch{{At: t0.Add(3 * time.Minute)}}}, 0, t0.Add(13 * time.Minute)},
		{"from last check", Request{Status: StatusDispatched, OpenedAt: t0,
			Dispatches: []Dispatch{{At: t0.Add(3 * time.Minute)}},
			FollowUps:  []FollowUp{{At: t0.Add(14 * time.Minute)}, {At: t0.Add(12 * time.Minute)}}}, 0, t0.Add(24 * time.Minute)},
		{"none once done", Request{Status: StatusResolved, OpenedAt: t0}, 0, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NextFollowUp(&tt.r, tt.every); !got.Equal(tt.want) {
				t.Fatalf("NextFollowUp = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestResponseAndCompletionTimes(t *testing.T) {
	t0 := apptest.Start
	r := Request{OpenedAt: t0}
	if _, ok := ResponseTime(&r); ok {
		t.Fatal("response time before anything happened")
	}
	r.Resolution = &Resolution{At: t0.Add(7 * time.Minute)}
	if d, _ := ResponseTime(&r); d != 7*time.Minute {
		t.Fatalf("desk's own response = %v", d)
	}
	r.Dispatches = []Dispatch{{At: t0.Add(2 * time.Minute)}}
	if d, _ := ResponseTime(&r); d != 2*time.Minute {
		t.Fatalf("response after dispatch = %v", d)
	}
	if d, ok := CompletionTime(&r); !ok || d != 7*time.Minute {
		t.Fatalf("completion = %v %v", d, ok)
	}
	sum := requestTimes([]Request{r, {OpenedAt: t0, Status: StatusCancelled}})
	if sum.Opened != 2 || sum.AvgResponse != 2*time.Minute || sum.Cancelled != 1 || sum.Completed != 1 {
		t.Fatalf("summary = %+v", sum)
	}
}

func TestDefaultPromise(t *testing.T) {
	if got := DefaultPromise(PriorityUrgent, apptest.Start); !got.Equal(apptest.Start.Add(15 * time.Minute)) {
		t.Fatalf("urgent = %v", got)
	}
	if got := DefaultPromise("odd", apptest.Start); !got.Equal(apptest.Start.Add(time.Hour)) {
		t.Fatalf("unknown priority = %v", got)
	}
}
