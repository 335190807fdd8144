package guests

import (
	"floordesk/app"
	"floordesk/data/wire"
)

// applyList folds an import: the list becomes the file's. Two imports at
// two desks commute: the later in the fold's order stands.
func applyList(l *List, ev wire.Event) error {
	if ev.Type != TypeGuestsImported {
		return nil
	}
	b, err := app.DecodeBody[Imported](ev)
	if err != nil {
		return err
	}
	l.File, l.Guests, l.Imported, l.By = b.File, b.Guests, app.ActionTime(b.At, ev), ev.Actor
	return nil
}

func init() {
	app.RegisterKind(KindGuests, app.FoldWith[List](applyList, nil))
}
