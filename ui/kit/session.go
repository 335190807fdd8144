package kit

import (
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"floordesk/app"
)

// Session is what a screen works with: the domain service, the window, the
// clock and the staff member signed in at the desk. Its methods are safe
// from any goroutine; Do runs widget updates on the Fyne goroutine.
type Session struct {
	// Svc runs the desk's commands and queries.
	Svc Core
	// Local is the desk's own store for this PC's settings, counts and
	// enrolment; nil in tests that need none.
	Local LocalStore
	// Window is the desk's window, for dialogs and the canvas.
	Window fyne.Window
	// Do runs f on the Fyne goroutine: fyne.Do in the app; tests may set it
	// to a direct call.
	Do func(f func())
	// Clock is the time now; it defaults to the service's clock.
	Clock func() time.Time
	// EveryDesk makes Desk "" (every desk of the property): a group
	// desk's view of a property counts the whole property, as no one
	// desk of it.
	EveryDesk bool

	mu       sync.Mutex
	user     app.Staff
	signedIn bool
	opener   func(kind, id string) bool
	notifier func(text string)
	notices  []string
	onUser   []func()
	printer  Printer
	touched  atomic.Int64 // Unix ns of the last use (Touch)
	pinAt    time.Time    // when the person at the desk last gave their PIN
	asking   *PINEntry    // the PIN asked again while its dialog shows
}

// NewSession returns a session on svc, the desk's local store and w, with
// Do = fyne.Do and the service's clock, and nobody signed in.
func NewSession(svc *app.Service, local LocalStore, w fyne.Window) *Session {
	s := &Session{Svc: svc, Local: local, Window: w, Do: fyne.Do}
	s.Clock = time.Now
	if svc != nil && svc.Clock != nil {
		s.Clock = svc.Clock
	}
	s.Touch()
	active.Store(s)
	return s
}

// Location is the hotel's time zone: the service's, or the PC's when the
// service names none.
func (s *Session) Location() *time.Location {
	if s.Svc == nil {
		return time.Local
	}
	return s.Svc.Loc()
}

// Now is the session clock's time.
func (s *Session) Now() time.Time { return s.Clock() }

// User returns the staff member signed in, and false when nobody is.
func (s *Session) User() (app.Staff, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.user, s.signedIn
}

// UserID is the signed-in staff member's ID, or "" when nobody is signed
// in; it is the actorID of every command.
func (s *Session) UserID() string {
	u, _ := s.User()
	return u.ID
}

// IsSupervisor tells whether the signed-in staff member is a supervisor.
func (s *Session) IsSupervisor() bool {
	u, ok := s.User()
	return ok && u.Role.AtLeast(app.RoleSupervisor)
}

// ReadOnly tells whether the person signed in may only read: a group
// supervisor viewing a property's copy (app.RoleGroupViewer). Screens
// hide their actions then; app.Authorize would refuse them anyway.
func (s *Session) ReadOnly() bool {
	u, ok := s.User()
	return ok && u.Role == app.RoleGroupViewer
}

// SignIn makes st the staff member at the desk. The shell calls it after a
// successful app Login; it then calls the functions given to OnUserChange.
func (s *Session) SignIn(st app.Staff) {
	s.Touch()
	s.mu.Lock()
	s.pinAt = s.Now()
	s.mu.Unlock()
	s.setUser(st, true)
}

// SignOut leaves nobody signed in.
func (s *Session) SignOut() {
	s.setUser(app.Staff{}, false)
}

func (s *Session) setUser(st app.Staff, in bool) {
	s.mu.Lock()
	s.user, s.signedIn = st, in
	fns := append([]func(){}, s.onUser...)
	s.mu.Unlock()
	for _, f := range fns {
		f()
	}
}

// OnUserChange registers f to run (on the caller's goroutine of SignIn or
// SignOut) whenever the person at the desk changes.
func (s *Session) OnUserChange(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onUser = append(s.onUser, f)
}

// Open navigates to one record of a kind (KindRequest, KindKey, KindLoan,
// KindFound, KindLostReport, KindHandover, KindConflict...) in whatever
// screen owns that kind. It reports false when no screen took it.
func (s *Session) Open(kind, id string) bool {
	s.Touch()
	s.mu.Lock()
	open := s.opener
	s.mu.Unlock()
	return open != nil && open(kind, id)
}

// SetOpener sets the function Open uses; the shell sets it.
func (s *Session) SetOpener(open func(kind, id string) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opener = open
}

// Notify shows text as a short in-app notice (a confirmation, a reminder).
// It is safe from any goroutine.
func (s *Session) Notify(text string) {
	s.mu.Lock()
	s.notices = append(s.notices, text)
	show := s.notifier
	s.mu.Unlock()
	if show != nil {
		show(text)
	}
}

// SetNotifier sets the function Notify shows notices with; the shell sets
// it.
func (s *Session) SetNotifier(show func(text string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.notifier = show
}

// Notices returns every notice given so far, oldest first, for tests.
func (s *Session) Notices() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.notices...)
}

// LastNotice returns the latest notice, or "".
func (s *Session) LastNotice() string {
	n := s.Notices()
	if len(n) == 0 {
		return ""
	}
	return n[len(n)-1]
}

// Desk is this desk's code in the hotel set-up ("D1"), the one the
// domain's desk-filtered queries take; the store's desk ID when none is
// set.
func (s *Session) Desk() string {
	if s.EveryDesk {
		return ""
	}
	return s.Svc.Desk()
}
