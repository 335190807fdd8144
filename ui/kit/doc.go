// Package kit is the toolkit every FloorDesk screen is built with: the
// Session a screen works in (the core service as Core, the desk's own store
// as LocalStore, the window, the signed-in staff member, navigation and
// notices), the Register a register's screen package gives the shell (its
// screen, its DashSource on the dashboard, its handover section), the
// Screen interface the shell
// shows and the ScreenBase a screen embeds for its ID, title, icon and
// content, turning domain refusals into sentences (Say) and showing them
// next to the form field they concern (FieldErrors), the keyboard-first
// form the keys, loans, found and supervisor screens build on (Form),
// uniform callback lists over slices of IDs (IDList), the detail pane
// beside a list that keeps the reader's place when a refresh rebuilds it
// and keeps live views current (DetailPane), the list screen every
// register is (ListScreen: its records searched and filtered beside that
// pane, kept current from the store's changes and the clock), the record
// kinds and their names, the Ticker a screen implements to move its times
// with the clock, dates and times in the user's language, the server
// address check and enrolment refusals shared by first start and the
// supervisor's Sync tab, and the search index (Index) that finds records
// by room, name, tag, words and pinyin.
//
// kit imports app (and the registers' packages for their kind names) and
// Fyne, never fyne.io/fyne/v2/app, and never a screen package.
package kit
