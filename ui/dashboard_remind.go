package ui

import (
	"fyne.io/fyne/v2/lang"

	"floordesk/ui/kit"
)

// remind announces what fell due since the last refresh, each source's
// notices together: an in-app notice, and a system notification where the
// OS allows. A notice no longer due is forgotten, so its next time is
// announced again.
func (d *Dashboard) remind(dd dashData) {
	due := map[string]bool{}
	for i, p := range dd.parts {
		src := d.sources[i]
		var fresh []kit.Notice
		for _, n := range p.Notices {
			key := src.NoticeTitle + "/" + n.ID
			due[key] = true
			if !d.notified[key] {
				fresh = append(fresh, n)
			}
		}
		d.announce(src, fresh)
	}
	d.notified = due
}

// announce says the fresh notices of one source: the one's own text, or
// how many when several.
func (d *Dashboard) announce(src *kit.DashSource, fresh []kit.Notice) {
	if len(fresh) == 0 {
		return
	}
	text := fresh[len(fresh)-1].Text
	if len(fresh) > 1 {
		text = lang.L(src.NoticeMany, map[string]int{"Count": len(fresh)})
	}
	d.s.Notify(text)
	if d.systemNotify != nil {
		d.systemNotify(lang.L(src.NoticeTitle), text)
	}
}
