package kit

import (
	"floordesk/app"
	appfound "floordesk/app/found"
	apphandover "floordesk/app/handover"
	appkeys "floordesk/app/keys"
	apploans "floordesk/app/loans"
	apprequests "floordesk/app/requests"
)

// Services is the core service with every register on it, as the screens
// call them: the core's methods come from Service (one level up, so they
// win over the copies each register embeds), each register's from its own
// field.
type Services struct {
	*app.Service
	*appkeys.KeyRegister
	*apploans.LoanRegister
	*appfound.FoundRegister
	*apprequests.RequestRegister
	*apphandover.HandoverRegister
}

// NewServices returns every register on core.
func NewServices(core *app.Service) *Services {
	return &Services{Service: core, KeyRegister: appkeys.New(core), LoanRegister: apploans.New(core),
		FoundRegister: appfound.New(core), RequestRegister: apprequests.New(core), HandoverRegister: apphandover.New(core)}
}
