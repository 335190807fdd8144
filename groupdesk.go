package main

import (
	"context"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"floordesk/data"
	"floordesk/group"
	"floordesk/ui"
	uigroup "floordesk/ui/group"
	"floordesk/ui/kit"
	"floordesk/ui/paper"
)

// groupDesk is a group supervisor's desk running in the window: the
// overview of its properties and the copies it keeps of them.
type groupDesk struct {
	g    *group.Desk
	o    *uigroup.Overview
	stop context.CancelFunc
	done chan struct{}
}

// showGroupDesk opens the copies of the properties the desk whose own
// store is st reads, syncs them (pull-only) until ctx ends or Stop, and
// shows their overview in w (do runs on the Fyne goroutine: fyne.Do);
// rejoined runs, on the Fyne goroutine, once
// the desk is enrolled again from the overview with a new code. Call it
// on the Fyne goroutine.
func showGroupDesk(ctx context.Context, a fyne.App, w fyne.Window, st *data.Store, do func(func()), rejoined func()) (*groupDesk, error) {
	opt, err := group.OptionsFor(st, st.FolderKey())
	if err != nil {
		return nil, err
	}
	g, err := group.Open(opt)
	if err != nil {
		return nil, err
	}
	ctx, stop := context.WithCancel(ctx)
	d := &groupDesk{g: g, stop: stop, done: make(chan struct{})}
	go func() { defer close(d.done); g.Run(ctx) }()
	sess := kit.NewSession(nil, st, w)
	sess.Do = do
	props := make([]uigroup.Property, len(g.Properties))
	for i, p := range g.Properties {
		props[i] = uigroup.Property{Name: p.Name, Svc: p.Svc, Feed: p.Store, Sync: p.Sync, Copy: p}
	}
	d.o = uigroup.New(sess, st.Desk(), props, func(name string) { openGroupProperty(a, g, name, st, do) })
	w.SetTitle(lang.L("group.title"))
	d.o.OnNewCode(func(ctx context.Context, url, code string) error { return data.EnrollStore(ctx, st, url, code) }, rejoined)
	w.SetContent(d.o.Content())
	d.o.Start()
	return d, nil
}

// openGroupProperty opens property's copy read-only in a window of its
// own: the register screens with the group viewer signed in. own is the
// group desk's own store.
func openGroupProperty(a fyne.App, g *group.Desk, name string, own *data.Store, do func(func())) {
	for _, p := range g.Properties {
		if p.Name != name {
			continue
		}
		w := a.NewWindow(lang.L("group.read_only", map[string]string{"Property": name}))
		sess := uigroup.Viewer(p.Svc, own.Desk(), w, do, time.Now)
		dw := propertyWindow(w, sess, p, paper.PrintsDir(own.Dir()), nil)
		w.SetOnClosed(dw.Stop)
		w.Resize(ui.DefaultWindowSize) // fits a 1366×768 screen with a taskbar
		dw.Start()
		w.Show()
		return
	}
}

// propertyWindow fills w with the register screens of property p's copy
// for the group viewer's session sess (uigroup.Viewer): read-only, with
// the copy's sync state in the status bar; what is printed goes to
// prints; tick moves the times shown (nil: every 15 s). Start it, and
// Stop it when w closes.
func propertyWindow(w fyne.Window, sess *kit.Session, p *group.Property, prints string, tick <-chan time.Time) *ui.Window {
	sess.SetPrinter(paper.Folder{Dir: prints})
	opt := ui.Options{Feed: p.Store, Disk: p.Store, Tick: tick}
	if p.Sync != nil {
		opt.Sync = p.Sync
	}
	dw := ui.NewWindow(w, sess, registers(p.Svc, nil), opt)
	w.SetTitle(lang.L("group.read_only", map[string]string{"Property": p.Name}))
	return dw
}

// Stop stops the overview and the syncing, and closes the copies.
func (d *groupDesk) Stop() {
	d.o.Stop()
	d.stop()
	<-d.done
	if err := d.g.Close(); err != nil {
		slog.Error("close the group's copies", "err", err)
	}
}
