package requests

import (
	"floordesk/app"
	apprequests "floordesk/app/requests"
	"time"
)

// Service is what the requests screens need of the desk: their register's
// commands and queries and the core's they read beside them. main gives
// the register itself (it embeds the core service).
type Service interface {
	CancelRequest(actorID, id, reason string) (apprequests.Request, error)
	CancelSeries(actorID, seriesID, reason string) (int, error)
	CompensateComplaint(actorID, id, given string, amount int64) (apprequests.Request, error)
	ConfirmRequest(actorID, id string, satisfaction int, comment string) (apprequests.Request, error)
	DispatchRequest(actorID, id string, in apprequests.DispatchInput) (apprequests.Request, error)
	EscalateRequest(actorID, id, to, reason string) (apprequests.Request, error)
	FollowUpRequest(actorID, id, note string) (apprequests.Request, error)
	LogCall(actorID, id string, in apprequests.CallInput) (apprequests.Request, error)
	OpenRequest(actorID string, in apprequests.NewRequest) (apprequests.Request, error)
	OpenSet(desk string) (apprequests.OpenSet, error)
	Request(id string) (apprequests.Request, error)
	RequestHistory(id string) ([]apprequests.HistoryEntry, error)
	RequestRow(id string) (apprequests.RequestRow, error)
	ResolveRequest(actorID, id, department, result string) (apprequests.Request, error)
	Rows(q apprequests.RowQuery) ([]apprequests.RequestRow, error)
	SearchRows(q apprequests.RequestQuery, now time.Time) ([]apprequests.RequestRow, bool, error)
	Settings() (app.Hotel, error)
	ComplaintService
	SupervisorsOnDuty() ([]app.Staff, error)
}

var _ Service = (*apprequests.RequestRegister)(nil)
