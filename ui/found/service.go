package found

import (
	"floordesk/app"
	appfound "floordesk/app/found"
)

// Service is what the found screens need of the desk: their register's
// commands and queries and the core's they read beside them. main gives
// the register itself (it embeds the core service).
type Service interface {
	AwaitingClaim() ([]appfound.FoundItem, error)
	AwaitingClaimAt(desk string) ([]appfound.FoundItem, error)
	ClaimFound(actorID string, in appfound.ClaimInput) (appfound.FoundItem, error)
	DisposeFound(actorID, tag, method, reason string) (appfound.FoundItem, error)
	DisposalMethodsFor(c app.Category) ([]string, error)
	ForPolice() (due, may []appfound.FoundItem, err error)
	HandToPolice(actorID string, in appfound.PoliceInput) (appfound.PoliceHandover, error)
	PoliceListOf(tag string) (appfound.PoliceHandover, []appfound.FoundItem, error)
	FileLostReport(actorID string, in appfound.LostReportInput) (appfound.LostReport, []appfound.FoundMatch, error)
	FoundItem(tag string) (appfound.FoundItem, error)
	FoundItems(status appfound.FoundStatus) ([]appfound.FoundItem, error)
	FileFound(actorID string, in appfound.FoundInput) (appfound.FoundItem, error)
	LostReport(id string) (appfound.LostReport, error)
	MatchesForItem(tag string) ([]appfound.ReportMatch, error)
	MatchesForReport(id string) ([]appfound.FoundMatch, error)
	OpenLostReports() ([]appfound.LostReport, error)
	PoliceReportDue() ([]appfound.FoundItem, error)
	SearchFound(q appfound.FoundQuery) (app.SearchPage[appfound.FoundItem], error)
	StaffList(withDisabled bool) ([]app.Staff, error)
	TransferFound(actorID, tag, location string, inSafe bool, note string) (appfound.FoundItem, error)
}

var _ Service = (*appfound.FoundRegister)(nil)
