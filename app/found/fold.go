package found

import (
	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data/wire"
)

func init() {
	app.IndexStatus(KindFound, func(f *FoundItem) string { return string(f.Status) })
	app.RegisterKind(KindFound, app.FoldWith(applyFound, app.PairClash[*FoundItem](map[[2]string]string{
		{TypeFoundLogged, TypeFoundLogged}:           "found.logged_twice",
		{TypeFoundClaimed, TypeFoundClaimed}:         "found.claimed_twice",
		{TypeFoundClaimed, TypeFoundDisposed}:        "found.claimed_and_disposed",
		{TypeFoundDisposed, TypeFoundDisposed}:       "found.disposed_twice",
		{TypeFoundTransferred, TypeFoundTransferred}: "found.moved_twice",
		{TypeFoundToPolice, TypeFoundToPolice}:       "found.disposed_twice",
		{TypeFoundClaimed, TypeFoundToPolice}:        "found.claimed_and_disposed",
		{TypeFoundDisposed, TypeFoundToPolice}:       "found.disposed_twice",
	})))
	app.RegisterMessages(map[string]string{
		"found.witness_required":     "A valuable item needs a witness — ask a second staff member to sign.",
		"found.witness_same":         "The witness must be someone other than you.",
		"found.safe_required":        "A valuable item must be stored in the safe — choose a safe location.",
		"found.in_future":            "The time found cannot be later than now — correct it.",
		"found.claimed":              "Item {tag} was already claimed by {claimant} on {at}.",
		"found.disposed":             "Item {tag} was already disposed of ({method}) on {at}.",
		"found.holding":              "Item {tag} is held until {until} — dispose of it earlier only with a reason.",
		"found.same_place":           "Item {tag} is already in {location}.",
		"found.ship_details":         "Shipping needs the carrier and the tracking number.",
		"found.logged_twice":         "Item {entity} was logged twice at once — check the details and keep one.",
		"found.claimed_twice":        "Item {entity} was handed to two claimants at two desks — contact both claimants.",
		"found.claimed_and_disposed": "Item {entity} was claimed at one desk and disposed of at another — find the item.",
		"found.disposed_twice":       "Item {entity} was disposed of twice — check which disposal happened.",
		"found.moved_twice":          "Item {entity} was moved to two places at once — check where it is.",
	})
}

func applyFound(f *FoundItem, ev wire.Event) error {
	switch ev.Type {
	case TypeFoundLogged:
		return applyFoundLogged(f, ev)
	case TypeFoundTransferred:
		c, err := app.DecodeBody[Custody](ev)
		f.Custody = append(f.Custody, c)
		return err
	case TypeFoundClaimed:
		c, o, err := personal.DecodeBody[Claim](ev)
		f.Claims, f.Status = append(f.Claims, c), FoundClaimed
		f.Personal.Note(o)
		return err
	case personal.TypePurged:
		for i := range f.Claims {
			f.Claims[i].Claimant, f.Claims[i].Contact = "", ""
		}
		return f.Personal.Purge(ev)
	case TypeFoundDisposed:
		d, err := app.DecodeBody[Disposal](ev)
		f.Disposal, f.Status = &d, FoundDisposed
		return err
	case TypeFoundToPolice:
		return applyToPolice(f, ev)
	}
	return nil
}

func applyFoundLogged(f *FoundItem, ev wire.Event) error {
	b, err := app.DecodeBody[FoundInput](ev)
	if err != nil {
		return err
	}
	*f = FoundItem{Meta: f.Meta, Tag: ev.Entity.ID, FoundAt: b.FoundAt, Place: b.Place, Room: b.Room,
		Finder: b.Finder, Category: b.Category, Description: b.Description, Valuable: b.Valuable,
		Witness: b.Witness, Storage: b.Storage, InSafe: b.InSafe, Dangerous: b.Dangerous,
		Police: b.Police, HoldUntil: b.HoldUntil, Desk: b.Desk, LoggedBy: ev.Actor, LoggedAt: b.At,
		Status: FoundHeld, Custody: []Custody{{At: b.At, By: ev.Actor, Location: b.Storage, InSafe: b.InSafe}}}
	return nil
}
