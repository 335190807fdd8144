package group

import (
	"log/slog"
	"time"
)

// The copy's own settings (data.Store.SetSetting: kept on this PC, never
// synced) that the overview reads across restarts.
const (
	// settingSynced is "1" once the copy has taken the property's events
	// from the server (a snapshot loaded or a pull answered).
	settingSynced = "group_synced"
	// settingReceived is when the copy last received an event from the
	// server, RFC 3339.
	settingReceived = "group_last_event"
)

// Synced tells whether p's copy has taken the property's events from the
// server at least once, in this run or an earlier one; before that its
// registers are still arriving and show nothing true.
func (p *Property) Synced() bool {
	if v, _ := p.Store.Setting(settingSynced); v == "1" {
		return true
	}
	st := p.Sync.Status()
	if st.LastSync.IsZero() && st.FromSnapshot == 0 {
		return false
	}
	if err := p.Store.SetSetting(settingSynced, "1"); err != nil {
		slog.Warn("group: keep that the copy synced", "property", p.Name, "err", err)
	}
	return true
}

// LastReceived is when p's copy last received an event from the server;
// zero when never (or not known).
func (p *Property) LastReceived() time.Time {
	v, err := p.Store.Setting(settingReceived)
	if err != nil {
		return time.Time{}
	}
	t, _ := time.Parse(time.RFC3339, v)
	return t
}

// Received keeps at as when p's copy last received an event.
func (p *Property) Received(at time.Time) {
	if err := p.Store.SetSetting(settingReceived, at.UTC().Format(time.RFC3339)); err != nil {
		slog.Warn("group: keep when the copy last received", "property", p.Name, "err", err)
	}
}
