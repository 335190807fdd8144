package guests

import (
	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data/wire"
)

// applyList folds an import: the list becomes the file's. Two imports at
// two desks commute: the later in the fold's order stands.
func applyList(l *List, ev wire.Event) error {
	switch ev.Type {
	case personal.TypeKeysDropped:
		var err error
		l.Keys, err = personal.Drop(l.Keys, ev)
		return err
	case TypeGuestsImported:
	default:
		return nil
	}
	b, o, err := personal.DecodeBody[Imported](ev)
	if err != nil {
		return err
	}
	l.File, l.Guests, l.Imported, l.By = b.File, b.Guests, app.ActionTime(b.At, ev), ev.Actor
	l.Keys = personal.Use(l.Keys, o.Key, l.Imported)
	return nil
}

func init() {
	app.RegisterKind(KindGuests, app.FoldWith[List](applyList, nil))
}
