package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data"
	"floordesk/ui/kit"
)

// noticeFor is how long an in-app notice stays in the status bar.
const noticeFor = 8 * time.Second

// statusBar is the line under every screen: who is signed in, the desk,
// sync state, the latest notice, and the switch-person button; above it,
// while the disk is full, a line that says so.
type statusBar struct {
	s                                *kit.Session
	user, desk, sync, noticeLb, disk *widget.Label
	switchBtn                        *widget.Button
	content                          fyne.CanvasObject
	noticeAt                         time.Time
}

func newStatusBar(s *kit.Session, switchUser func()) *statusBar {
	b := &statusBar{s: s, user: widget.NewLabel(""), desk: widget.NewLabel(""), sync: widget.NewLabel(""),
		noticeLb: widget.NewLabel(""), disk: widget.NewLabel("")}
	b.user.TextStyle.Bold = true
	b.noticeLb.Importance = widget.SuccessImportance
	b.noticeLb.Truncation = fyne.TextTruncateEllipsis
	b.disk.Importance = widget.DangerImportance
	b.disk.TextStyle.Bold = true
	b.disk.Wrapping = fyne.TextWrapWord
	b.disk.Hide()
	b.switchBtn = widget.NewButtonWithIcon(lang.L("shell.switch_user"), theme.AccountIcon(), switchUser)
	left := container.NewHBox(b.user, widget.NewSeparator(), b.desk, widget.NewSeparator(), b.sync)
	b.content = container.NewVBox(widget.NewSeparator(), b.disk,
		container.NewBorder(nil, nil, left, b.switchBtn, b.noticeLb))
	return b
}

// refresh reads who is signed in, the desk, the sync state and the disk.
func (b *statusBar) refresh(opt Options) {
	b.user.SetText(userText(b.s))
	b.desk.SetText(deskText(b.s))
	b.sync.SetText(syncText(b.s, opt))
	b.showDisk(opt.Disk)
}

// showDisk shows the full-disk line while the store cannot save: nothing
// new is saved, everything saved still shows.
func (b *statusBar) showDisk(d Disk) {
	text := ""
	if d != nil {
		switch st := d.Disk(); {
		case st.ReadOnly:
			text = lang.L("shell.disk_full_read_only")
		case st.Full:
			text = lang.L("shell.disk_full")
		}
	}
	if text == b.disk.Text {
		return
	}
	b.disk.SetText(text)
	if text == "" {
		b.disk.Hide()
	} else {
		b.disk.Show()
	}
}

func userText(s *kit.Session) string {
	u, ok := s.User()
	if !ok {
		return ""
	}
	if s.ReadOnly() { // no one of the property: the group desk reading it
		return lang.L("shell.group_viewer")
	}
	return lang.L("shell.user", map[string]string{"Name": u.Name, "Role": roleName(u.Role)})
}

func roleName(r app.Role) string {
	if r == app.RoleSupervisor {
		return lang.L("shell.role_supervisor")
	}
	return lang.L("shell.role_attendant")
}

// deskText is the desk's name from the hotel set-up, or its code; every
// desk for a session that reads them all (a group desk's).
func deskText(s *kit.Session) string {
	if s.EveryDesk {
		return lang.L("shell.desk", map[string]string{"Name": lang.L("shell.every_desk")})
	}
	code := s.Desk()
	desks, _ := s.Svc.Desks()
	for _, d := range desks {
		if d.Code == code {
			return lang.L("shell.desk", map[string]string{"Name": d.Name})
		}
	}
	return lang.L("shell.desk", map[string]string{"Name": code})
}

// syncText is the sync state: that the desk works on its own when no
// server is set (a choice, not a fault: no count of records "waiting"), or
// online/offline, events waiting and the last sync time.
func syncText(s *kit.Session, opt Options) string {
	if opt.Sync == nil {
		return lang.L("shell.no_server")
	}
	st := opt.Sync.Status()
	parts := []string{lang.L("shell.offline")}
	switch {
	case st.Online:
		parts[0] = lang.L("shell.online")
	case st.Problem != data.ProblemNone:
		parts[0] = lang.L("shell.offline_because", map[string]string{"Why": problemText(s, st)})
	}
	parts = append(parts, lang.L("shell.pending", map[string]int{"Count": st.Pending}))
	if st.UpdateAdvised() && st.Problem != data.ProblemUpdateNeeded {
		parts = append(parts, lang.L("shell.update_advised"))
	}
	if clock := clockText(s, st); clock != "" {
		parts = append(parts, clock)
	}
	if st.SetAside > 0 {
		parts = append(parts, lang.L("shell.set_aside", map[string]int{"Count": st.SetAside}))
	}
	if !st.LastSync.IsZero() {
		parts = append(parts, lang.L("shell.last_sync", map[string]string{"Time": kit.When(st.LastSync, s.Now())}))
	}
	return strings.Join(parts, " · ")
}

// problemText says why sync fails in the desk's language; a clock ahead of
// the server's comes with the server's time, so whoever sets it right
// knows what to set.
func problemText(s *kit.Session, st data.SyncStatus) string {
	key := "shell.sync_problem." + st.Problem.String()
	if st.Problem == data.ProblemClockAhead {
		return lang.L(key, map[string]string{"ServerTime": kit.DateTime(st.ServerTime.In(s.Now().Location()))})
	}
	return lang.L(key)
}

// clockText says, when this PC's clock is more than data.ClockWarn from
// the server's, how far and the server's time; "" otherwise, and while
// the server refuses the desk's events as ahead (problemText says it).
func clockText(s *kit.Session, st data.SyncStatus) string {
	off := st.ClockOffset
	if st.Problem == data.ProblemClockAhead || (off < data.ClockWarn && off > -data.ClockWarn) {
		return ""
	}
	now := s.Now()
	args := map[string]string{"Span": kit.Duration(off), "ServerTime": kit.DateTime(now.Add(-off))}
	if off < 0 {
		return lang.L("shell.clock_behind", args)
	}
	return lang.L("shell.clock_ahead_warn", args)
}

// notice shows text until a newer notice or the first tick after
// noticeFor.
func (b *statusBar) notice(text string) {
	b.noticeLb.SetText(text)
	b.noticeAt = b.s.Now()
}

// expire hides a notice older than noticeFor.
func (b *statusBar) expire() {
	if b.noticeLb.Text != "" && b.s.Now().Sub(b.noticeAt) >= noticeFor {
		b.noticeLb.SetText("")
	}
}

func (b *statusBar) text() string {
	parts := []string{b.user.Text, b.desk.Text, b.sync.Text, b.noticeLb.Text}
	if b.disk.Text != "" {
		parts = append([]string{b.disk.Text}, parts...)
	}
	return strings.Join(parts, " | ")
}
