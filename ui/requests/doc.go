// Package requests is the guest requests screen (客人需求): a searchable,
// filterable list of service requests, inquiries and complaints, a detail
// view with each request's time-stamped history, and a form for every
// command the domain offers (open, dispatch, follow up, escalate,
// compensate, resolve, confirm with the guest, cancel).
//
// It imports ui/kit and app, never another screen package.
package requests
