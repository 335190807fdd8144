// Package personal keeps guests' names, phone numbers and addresses for
// as long as the hotel needs them, and no longer (crypto-shredding).
//
// A register's command seals a record's personal fields (Seal): they leave
// the event's body, encrypted (AES-256-GCM) with a key of their own, and
// the key travels in a separate "pkey" entity's event (data/pkey). A fold
// reads the fields back through the key (DecodeBody) while it exists.
// After the hotel's retention period (app.Hotel.Retention) a closed
// record is purged (Housekeep), or at once on a guest's request
// (DeleteGuest): a "pkey.destroyed" event destroys the key on every desk
// and on the server, which erase the body that carried it, and a
// "personal.purged" event on the record makes every desk's fold drop the
// fields and show that they were removed. The record's own events are
// never changed: the audit trail stays whole, the person unreadable.
//
// Records written before this package (plain fields in their events) are
// purged the same way in every view and index; their events keep the
// plain text until the hotel's store is compacted (docs/data-protection.md).
package personal
