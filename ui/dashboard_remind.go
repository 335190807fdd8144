package ui

import (
	"fyne.io/fyne/v2/lang"
)

// remind announces follow-ups that fell due since the last refresh: an
// in-app notice, and a system notification where the OS allows. A request
// that is no longer due is forgotten, so its next follow-up is announced
// again.
func (d *Dashboard) remind(dd dashData) {
	due := map[string]bool{}
	var fresh []string
	var text string
	for _, r := range dd.due {
		due[r.ID] = true
		if !d.notified[r.ID] {
			fresh = append(fresh, r.ID)
			text = lang.L("dash.follow_up_notice", map[string]string{"Room": r.Room, "What": r.Description})
		}
	}
	d.notified = due
	if len(fresh) == 0 {
		return
	}
	if len(fresh) > 1 {
		text = lang.L("dash.follow_ups_notice", map[string]int{"Count": len(fresh)})
	}
	d.s.Notify(text)
	if d.systemNotify != nil {
		d.systemNotify(lang.L("dash.follow_up_title"), text)
	}
}
