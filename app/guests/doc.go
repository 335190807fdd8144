// Package guests is the in-house guest list (在住客人): who is in which
// room until when, as the hotel's PMS exports it, so the desk sees who
// leaves today and what to collect from them before they go (loans,
// requests still open, found items from the room).
//
// The list is imported whole from a table file (CSV or .xlsx, read by
// package tabular as the room list is) after a preview, and each import
// replaces it with one event, which every desk syncs. It is personal
// data: the desk keeps the room, the name, the arrival and departure
// dates and the VIP mark, nothing else of the file; how long an old list
// is kept is the data-protection issue's to decide (an import replaces
// the view, but the events stay in the history).
//
// Files, as in every register: doc.go (this), register.go, module.go,
// guests.go (the list, its event and body), fold.go, commands.go (the
// import), columns.go (reading the file's columns and dates) and
// queries.go.
package guests
