package kit

import (
	"context"

	"floordesk/data"
	"floordesk/data/wire"
)

// LocalStore is what the window needs of the desk's own store beyond the
// registers: this PC's settings, its contents' counts, and enrolling it
// with the hotel's server. main gives the desk's *data.Store.
type LocalStore interface {
	Desk() string
	Setting(name string) (string, error)
	SetSetting(name, value string) error
	Stats() (data.Stats, error)
	Cursor() (uint64, error)
	Epoch() (string, error)
	Enroll(ctx context.Context, url, code string) error
	ServerInfo(ctx context.Context) (wire.InfoResponse, error)
}

// Enroll enrols st with the server at url: LocalStore.Enroll as a
// function, for screens whose tests replace it.
func Enroll(ctx context.Context, st LocalStore, url, code string) error {
	return st.Enroll(ctx, url, code)
}

// ServerInfo asks the server st is enrolled with what it holds:
// LocalStore.ServerInfo as a function, for screens whose tests replace it.
func ServerInfo(ctx context.Context, st LocalStore) (wire.InfoResponse, error) {
	return st.ServerInfo(ctx)
}
