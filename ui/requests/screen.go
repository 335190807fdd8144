package requests

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// Screen is the guest requests screen: a kit.ListScreen of requests, with
// two menus that pick which requests it reads, the selected request (or a
// form) on the right. Use it on the Fyne goroutine.
type Screen struct {
	*kit.ListScreen[apprequests.RequestRow]
	s       *kit.Session
	svc     Service
	filter  *widget.Select // which requests: open, late, today...
	kind    *widget.Select // which kind, or every kind
	period  *widget.Select // the history's period (history_search.go)
	latest  *widget.Label  // says the history shows the latest page
	filters choices
	kinds   choices
	failed  *widget.Label                      // why the list could not be read, when it could not
	form    *form                              // the form shown, if any
	repeats map[string]apprequests.RepeatCount // the listed complaints that are repeats, as last read
	logBtn  *widget.Button                     // prints the complaint log
	printed func(path string)                  // tests: a document was printed
}

// New returns the guest requests screen of session s.
func New(s *kit.Session, svc Service) kit.Screen {
	sc := &Screen{s: s, svc: svc}
	sc.ListScreen = kit.NewListScreen(s, sc.look(), sc.requestList())
	sc.searchAsTyped()
	sc.Reload()
	return sc
}

// look is the requests screen's look: the New button above the search,
// the menus under it, the new-record key (Ctrl+N) for a new request.
func (sc *Screen) look() kit.ListLook {
	newBtn := widget.NewButtonWithIcon(kit.WithNewKey(lang.L("requests.new")), theme.ContentAddIcon(), sc.NewRequest)
	newBtn.Importance = widget.HighImportance
	return kit.ListLook{Screen: "requests", Title: "requests.title", Icon: theme.ListIcon,
		Search: "requests.search_hint", Pick: "requests.pick_hint", Count: "requests.count",
		Tools: container.NewHBox(newBtn, sc.logButton()), Below: sc.newMenus(),
		Shortcuts: []kit.Shortcut{kit.NewRecord(lang.L("requests.new"), sc.NewRequest)}}
}

// Refresh reads the list again when requests or the follow-up interval
// changed, and rebuilds the request's detail, at the reader's place, when
// it or what it reads changed (the history names staff); nil changes all
// (someone signed in). A form stays as typed.
func (sc *Screen) Refresh(changed []wire.EntityRef) {
	if kit.Changed(changed, apprequests.KindRequest, kit.KindHotel) {
		sc.Reload()
	}
	sc.RefreshDetail(changed)
}

// Show opens one request, listed or not.
func (sc *Screen) Show(kind, id string) bool {
	if kind != kit.KindRequest {
		return false
	}
	if _, err := sc.svc.Request(id); err != nil {
		return false
	}
	sc.Open(id)
	return true
}

// NewRequest shows the form for a new request.
func (sc *Screen) NewRequest() {
	sc.showForm(sc.openForm())
}

func (sc *Screen) setRight(obj fyne.CanvasObject) {
	sc.form = nil // showForm sets it again
	sc.Pane().Set(obj)
}

// closeForm goes back to the request shown, or to the placeholder.
func (sc *Screen) closeForm() {
	sc.form = nil
	sc.Back()
}

// saved tells the user a command went through and shows the result.
func (sc *Screen) saved(id, notice string) {
	sc.s.Notify(notice)
	sc.Reload()
	sc.Open(id)
}

func (sc *Screen) canvas() fyne.Canvas {
	if sc.s.Window == nil {
		return nil
	}
	return sc.s.Window.Canvas()
}
