// Package attendance is the staff attendance register (员工出勤): the
// housekeeping staff sign in at the service centre when they start work
// and out when they finish (manual 001, 员工出勤控制), with their PIN or a
// scan of their badge (the staff number). The desk shows who is on duty,
// the handover lists who came and went in the shift, a clock-in is
// compared with the staff member's shift in the hotel set-up (late past
// the hotel's grace, early leaves likewise), and a supervisor closes a
// forgotten clock-out with the time the person left and a note, or
// enters a missed clock-in (someone worked but never clocked in), whose
// lateness then reads as entered, not measured.
//
// A record is one staff member's work day (the day their shift starts,
// so a night shift is one day): its clock-ins and clock-outs as stints.
// Its ID is the day and the staff number, so two desks clocking the same
// person in offline write to one record, whose fold keeps the first
// clock-in and marks the record in conflict for a supervisor to check.
//
// Files, as in every register: doc.go (this), register.go, module.go
// (its handover rows and demo), attendance.go (state, event types and
// bodies), fold.go, commands.go, queries.go, demo.go, plan.go (the shift
// plan a clock-in is held against), entered.go (missed clock-ins a
// supervisor enters) and index.go (its indexes).
package attendance
