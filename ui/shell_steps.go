package ui

import (
	"floordesk/data"
	"floordesk/ui/kit"
)

// The steps before the screens on a new desk: the choice between a new
// hotel and joining one, each way's form, the wait for a joined hotel's
// data, and naming the desk.

// store is the desk's own store, or nil when the session has none
// (joining needs it: it enrols it and reads its sync state).
func (sh *Shell) store() kit.LocalStore { return sh.s.Local }

func (sh *Shell) showChoice() {
	st := sh.store()
	url := ""
	if enrolled(st) {
		url, _ = st.Setting(data.SettingServerURL)
	}
	c := newFirstRunChoice(sh.showNewHotel, sh.showJoin, url)
	if st == nil {
		c.join.Disable()
	}
	sh.showStep(c, c.content)
}

func (sh *Shell) showNewHotel() {
	fr := newFirstRun(sh.s, sh.signedIn, sh.showChoice)
	sh.showStep(fr, fr.content)
	sh.s.Window.Canvas().Focus(fr.number)
}

// showJoin shows the join form, or the wait when the desk is already
// enrolled (it went back from the wait, or started again during it).
func (sh *Shell) showJoin() {
	if enrolled(sh.store()) {
		sh.showJoinWait()
		return
	}
	j := newJoinForm(sh.s, sh.store(), sh.background, sh.joined, sh.showChoice)
	sh.showStep(j, j.content)
	sh.s.Window.Canvas().Focus(j.url)
}

// joined goes on from an enrolment: to the group overview for a group
// supervisor's code, else to the wait for the hotel's data.
func (sh *Shell) joined() {
	if st := sh.store(); st != nil && sh.opt.GroupJoined != nil {
		if g, _ := st.Setting(data.SettingGroup); g != "" {
			sh.opt.GroupJoined()
			return
		}
	}
	sh.showJoinWait()
}

func (sh *Shell) showJoinWait() {
	w := newJoinWait(sh.s, sh.store(), func() SyncSource { return sh.opt.Sync }, sh.background, sh.showSignIn, sh.showChoice)
	sh.showStep(w, w.content)
	w.refresh()
}

func (sh *Shell) showDeskPick() {
	d := newDeskPick(sh.s, sh.signedIn, sh.SwitchUser)
	sh.showStep(d, d.content)
}
