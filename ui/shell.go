package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"floordesk/app"
	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// SyncSource is what the status bar needs from the sync client;
// *data.SyncClient implements it.
type SyncSource interface {
	Status() data.SyncStatus
	Watch() (<-chan struct{}, func())
}

var _ SyncSource = (*data.SyncClient)(nil)

// Feed is the store's change feed; *data.Store implements it.
type Feed interface {
	Subscribe() *data.Subscription
}

// Disk says whether the store can save; *data.Store implements it. It is
// cheap enough to ask at every refresh.
type Disk interface {
	Disk() data.DiskState
}

// Options are the shell's connections to the world outside the UI.
type Options struct {
	// Feed tells the shell about store changes; nil for none.
	Feed Feed
	// Disk tells the status bar when the disk is full; nil: never.
	Disk Disk
	// Sync is the running sync client; nil when no server is set.
	Sync SyncSource
	// Tick re-evaluates time-based lines (due, late); nil: every 15 s.
	Tick <-chan time.Time
	// SystemNotify sends an OS notification; nil sends none.
	SystemNotify func(title, text string)
	// SetTheme applies a light or dark choice ("light", "dark", "" for the
	// system's); nil leaves the theme alone.
	SetTheme func(variant string)
	// SetLanguage makes the desk speak a language choice ("zh", "en", ""
	// for the system's) at once; nil: the choice shows from the next start.
	// Window sets it.
	SetLanguage func(choice string) error
	// Ready is called once, on the Fyne goroutine, when the screens first
	// show a signed-in person's data (for the benchmarks); nil: nothing.
	Ready func()
	// GroupJoined is called, on the Fyne goroutine, when the desk was
	// just enrolled with a group supervisor's code (data.SettingGroup):
	// the desk becomes the group overview; nil: the join's wait shows.
	GroupJoined func()
}

// Shell is the desk app's window content: first run, sign-in, then the
// navigation between screens with a status bar under them.
type Shell struct {
	s       *kit.Session
	opt     Options
	screens []kit.Screen // dashboard first, settings last
	clock   kit.Clocker  // clocks staff in and out from the sign-in; nil: none
	dash    *Dashboard
	root    *fyne.Container
	main    *mainView
	bar     *statusBar
	step    any    // the step before the screens (first run, join, sign-in, desk) shown; nil with the screens
	desk    string // this PC's desk the screens last showed everything of
	stale   staleScreens

	ctx      context.Context // ends when the shell stops, for work off the Fyne goroutine
	cancel   context.CancelFunc
	stopOnce sync.Once
	stop     chan struct{}
	wg       sync.WaitGroup
	// signOutAfter is the hotel's time without use before the desk signs
	// its person out (readSignOutAfter).
	signOutAfter time.Duration
}

// stepRefresher is a step that follows store and sync changes.
type stepRefresher interface{ refresh() }

// NewShell builds the shell around the registers' screens, in navigation
// order; it adds the dashboard (the registers' parts, in their modules'
// order) before them and the settings after (none for a read-only
// session). Call it on the Fyne goroutine after UseLanguage, then Start.
func NewShell(s *kit.Session, regs []kit.Register, opt Options) *Shell {
	sh := &Shell{s: s, opt: opt, root: container.NewStack(), stop: make(chan struct{})}
	sh.ctx, sh.cancel = context.WithCancel(context.Background())
	var screens []kit.Screen
	for _, r := range regs {
		if r.Screen != nil {
			screens = append(screens, r.Screen)
		}
		if r.Clock != nil {
			sh.clock = r.Clock
		}
	}
	sh.dash = NewDashboard(s, kit.DashSources(regs))
	sh.dash.systemNotify = opt.SystemNotify
	sh.screens = append([]kit.Screen{sh.dash}, screens...)
	if !s.ReadOnly() { // a group viewer's settings are the group desk's, in its overview
		sh.screens = append(sh.screens, NewSettings(s, opt.SetTheme, opt.SetLanguage))
	}
	sh.bar = newStatusBar(s, sh.SwitchUser)
	s.SetOpener(sh.open)
	s.SetNotifier(sh.notice)
	sh.main = newMainView(s, sh.screens, sh.bar)
	sh.main.signOut = sh.SwitchUser
	sh.stale = staleScreens{}
	sh.main.tabs.OnSelected = func(*container.TabItem) {
		s.Touch()
		sh.stale.bringForward(sh.main.current())
		sh.stripCommands()
	}
	return sh
}

// Content is the window's content.
func (sh *Shell) Content() fyne.CanvasObject { return sh.root }

// Start shows first run, sign-in or the signed-in desk, and starts
// following store changes, sync status and the clock. Call Stop when the
// window closes.
func (sh *Shell) Start() {
	sh.showCurrent()
	sh.startFeed()
	sh.startSync()
	sh.startTicker()
}

// Stop ends the background work and waits for it.
func (sh *Shell) Stop() {
	sh.stopOnce.Do(func() {
		close(sh.stop)
		sh.cancel()
	})
	sh.wg.Wait()
}

// background runs fn off the Fyne goroutine; its ctx ends when the shell
// stops, and Stop waits for it. Call it on the Fyne goroutine.
func (sh *Shell) background(fn func(ctx context.Context)) {
	sh.wg.Add(1)
	go func() {
		defer sh.wg.Done()
		fn(sh.ctx)
	}()
}

// showCurrent shows the step the desk is at: no staff yet → first run, or
// the wait for the hotel's data when the desk has joined a server; nobody
// signed in → sign-in; else the screens (after naming the desk, on a PC
// that does not know which desk it is). A read-only session (a group
// supervisor reading a property's copy) goes to the screens at once: it
// never starts a hotel, joins or signs in.
func (sh *Shell) showCurrent() {
	if sh.s.ReadOnly() {
		sh.signedIn()
		return
	}
	if has, err := sh.s.Svc.HasStaff(); err == nil && !has {
		if enrolled(sh.store()) {
			sh.showJoinWait()
			return
		}
		sh.showChoice()
		return
	}
	if _, ok := sh.s.User(); !ok {
		sh.showSignIn()
		return
	}
	sh.signedIn()
}

// showStep shows a step before the screens.
func (sh *Shell) showStep(step any, content fyne.CanvasObject) {
	sh.step = step
	sh.show(content)
}

// show puts o in the window; the widget focused before (the PIN entry)
// is gone, so the focus goes too, letting the canvas get the shortcuts,
// and what is typed on no field goes nowhere until o's step takes it.
func (sh *Shell) show(o fyne.CanvasObject) {
	if c := sh.s.Window.Canvas(); c != nil {
		c.Unfocus()
		c.SetOnTypedRune(nil)
		c.SetOnTypedKey(nil)
	}
	sh.root.Objects = []fyne.CanvasObject{o}
	sh.root.Refresh()
}

// signedIn shows the screens for the person now at the desk, or first
// asks which desk this PC is.
func (sh *Shell) signedIn() {
	if needsDesk(sh.s) {
		sh.showDeskPick()
		return
	}
	sh.step = nil
	sh.readSignOutAfter(nil)
	u, _ := sh.s.User()
	sh.main.forUser(u)
	sh.bar.refresh(sh.opt)
	sh.show(sh.main.content)
	sh.refreshAll(nil)
	sh.main.registerShortcuts(sh.s.Window.Canvas())
	sh.stripCommands()
	if ready := sh.opt.Ready; ready != nil {
		sh.opt.Ready = nil
		ready()
	}
}

// SwitchUser signs the person at the desk out and shows the sign-in.
func (sh *Shell) SwitchUser() {
	sh.s.SignOut()
	sh.main.clearShortcuts(sh.s.Window.Canvas())
	sh.showSignIn()
}

func (sh *Shell) showSignIn() {
	si := newSignIn(sh.s, sh.clock, sh.signedIn)
	sh.showStep(si, si.content)
	si.listen()
	sh.s.Window.Canvas().Focus(si.filter)
}

// open shows a record in the screen that owns its kind; not before the
// screens show.
func (sh *Shell) open(kind, id string) bool {
	return sh.step == nil && sh.main.open(kind, id)
}

// notice shows an in-app notice; safe from any goroutine.
func (sh *Shell) notice(text string) {
	sh.s.Do(func() { sh.bar.notice(text) })
}

// refreshAll refreshes, on the Fyne goroutine, the screen in front, the
// dashboard and the status bar after a change (everything for nil); the
// other screens read it when they come to the front.
func (sh *Shell) refreshAll(changed []wire.EntityRef) {
	if _, ok := sh.s.User(); !ok || sh.step != nil {
		return
	}
	if changed == nil {
		sh.desk = sh.s.Desk()
	}
	sh.readSignOutAfter(changed)
	front := sh.main.current()
	for _, scr := range sh.main.visible {
		if scr == front || scr == kit.Screen(sh.dash) {
			scr.Refresh(changed)
		} else {
			sh.stale.add(scr.ID(), changed)
		}
	}
	sh.bar.refresh(sh.opt)
	sh.stripCommands()
}

// stripCommands hides every command button of the screens and the status
// bar for a read-only session (kit.Session.StripCommands): after each
// refresh, as a screen may show a button again.
func (sh *Shell) stripCommands() { sh.s.StripCommands(sh.main.content) }

// Screens returns the screens the signed-in user can reach, in order.
func (sh *Shell) Screens() []kit.Screen { return append([]kit.Screen(nil), sh.main.visible...) }

// Current is the screen in front, or nil before sign-in.
func (sh *Shell) Current() kit.Screen { return sh.main.current() }

// Select brings the screen with id to the front and reports whether it is
// reachable.
func (sh *Shell) Select(id string) bool { return sh.main.selectID(id) }

// Dashboard is the home screen.
func (sh *Shell) Dashboard() *Dashboard { return sh.dash }

// StatusText is what the status bar shows, for tests.
func (sh *Shell) StatusText() string { return sh.bar.text() }

// allowed tells whether u may see scr.
func allowed(scr kit.Screen, u app.Staff) bool {
	r, ok := scr.(kit.Restricted)
	return !ok || u.Role.AtLeast(r.MinRole())
}
