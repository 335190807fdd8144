package keys

import (
	"slices"

	"floordesk/app"
	"floordesk/data/wire"
)

func init() {
	app.RegisterKind(KindKey, app.FoldWith(applyKey, app.PairClash[*Key](map[[2]string]string{
		{TypeKeyRegistered, TypeKeyRegistered}: "key.registered_twice",
		{TypeKeySignedOut, TypeKeySignedOut}:   "key.signed_out_twice",
		{TypeKeySignedOut, TypeKeyLost}:        "key.lost_and_signed_out",
		{TypeKeySignedIn, TypeKeyLost}:         "key.lost_and_returned",
	})))
	app.RegisterMessages(map[string]string{
		"key.exists":              "Key {key} is already registered — pick another tag.",
		"keys.count_too_many":     "{counted} keys counted, but only {board} keys hang on this desk's board — count again.",
		"key.held":                "Key {key} is held by {holder} since {since} — sign it in first, or report it lost.",
		"key.lost":                "Key {key} was reported lost — a supervisor must clear the re-keying first.",
		"key.already_lost":        "Key {key} is already reported lost.",
		"key.not_out":             "Key {key} is on the board, not signed out — nothing to sign in.",
		"key.witness_required":    "Key {key} is a {type} key — a second staff member must witness the sign-out.",
		"key.witness_same":        "The witness must be someone other than {holder}.",
		"key.not_flagged":         "Key {key} has no locks flagged for re-keying.",
		"key.registered_twice":    "Key {entity} was registered at two desks at once — check the details and confirm one.",
		"key.signed_out_twice":    "Key {entity} was signed out at two desks at once (desks {desk_a} and {desk_b}) — find who has it and sign the other out again.",
		"key.lost_and_signed_out": "Key {entity} was reported lost at one desk while signed out at another — find the key.",
		"key.lost_and_returned":   "Key {entity} was reported lost at one desk while signed in at another — check the board.",
	})
}

// applyKey changes a key's view by one event. The view keeps the open
// loans only: the key's detail, the reports and "who held it when" fold
// the key's stream (KeyHistory), and closed loans kept in the view were
// read by nothing but rewritten on every sign-out and sign-in.
func applyKey(k *Key, ev wire.Event) error {
	err := applyKeyEvent(k, ev)
	k.Loans = slices.DeleteFunc(k.Loans, func(l KeyLoan) bool { return !l.Open() })
	return err
}

// applyKeyEvent changes a key by one event, keeping every loan.
func applyKeyEvent(k *Key, ev wire.Event) error {
	switch ev.Type {
	case TypeKeyRegistered:
		b, err := app.DecodeBody[keyRegisteredBody](ev)
		k.Tag, k.Type, k.Areas, k.Desk = ev.Entity.ID, b.Type, b.Areas, b.Desk
		return err
	case TypeKeySignedOut:
		return applyKeyOut(k, ev)
	case TypeKeySignedIn:
		return applyKeyIn(k, ev)
	case TypeKeyLost:
		return applyKeyLost(k, ev)
	case TypeKeyRekeyClosed:
		k.Lost, k.Rekey = false, false
	}
	return nil
}

func applyKeyOut(k *Key, ev wire.Event) error {
	b, err := app.DecodeBody[keyOutBody](ev)
	if err != nil {
		return err
	}
	k.Loans = append(k.Loans, KeyLoan{ID: ev.ID, Holder: b.Holder, Purpose: b.Purpose,
		Witness: b.Witness, Out: b.At, Due: b.Due, OutBy: ev.Actor, OutDesk: b.Desk})
	return nil
}

// applyKeyIn closes the loan the signer saw (no loan: the latest open
// one); a second sign-in of the same loan (two desks) changes nothing.
func applyKeyIn(k *Key, ev wire.Event) error {
	b, err := app.DecodeBody[keyInBody](ev)
	if err != nil {
		return err
	}
	for i := len(k.Loans) - 1; i >= 0; i-- {
		l := &k.Loans[i]
		if l.Open() && (l.ID == b.Loan || b.Loan == "") {
			l.In, l.InBy, l.InDesk = b.At, ev.Actor, b.Desk
			return nil
		}
	}
	return nil
}

func applyKeyLost(k *Key, ev wire.Event) error {
	b, err := app.DecodeBody[keyNoteBody](ev)
	if err != nil {
		return err
	}
	k.Lost, k.Rekey, k.LostAt, k.LostBy, k.LostNote = true, true, b.At, ev.Actor, b.Note
	for i := range k.Loans {
		if k.Loans[i].Open() {
			k.Loans[i].Lost, k.Loans[i].LostAt = true, b.At
		}
	}
	return nil
}
