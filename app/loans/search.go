package loans

import (
	"time"

	"floordesk/app"
)

func init() { app.RegisterSearch(KindLoan, searchDoc) }

// Codes a loan is found by, besides its words: its items' types and the
// staff who lent it and took it back, each by the name the query gives
// for it (LoanQuery's names).
const (
	itemCode  = "item:"
	staffCode = "staff:"
)

// searchDoc is what the history search finds a loan by: its room, guest,
// tags and desk, its items' and staff's names, and its status; the latest
// lent first.
func searchDoc(l *Loan) app.SearchDoc {
	words := []string{l.Room, l.Guest, l.Desk}
	codes := []string{staffCode + l.OpenedBy}
	for _, ln := range l.Lines {
		codes = append(codes, itemCode+ln.Item)
		words = append(words, ln.Tags...)
	}
	for _, r := range l.Returns {
		codes = append(codes, staffCode+r.By)
	}
	return app.SearchDoc{Words: words, Codes: codes, Facet: string(l.Status), At: l.OpenedAt}
}

// LoanQuery is a search of every loan ever made.
type LoanQuery struct {
	// Text is what was typed: each word must start a word of the loan's
	// room, guest, tags or desk (by pinyin too), or of the name of one of
	// its item types or of the staff who lent it or took it back.
	Text string
	// Status keeps the loans in that status; "" keeps all.
	Status LoanStatus
	// Items and Staff are the names item types and staff are shown by,
	// by ID.
	Items, Staff map[string]string
	// From and To bound when the loans were made (To excluded); zero:
	// open.
	From, To time.Time
	// Limit is the most loans answered; 0 means app.SearchPageSize.
	Limit int
}

// SearchLoans finds the loans q asks for over the whole history, the
// latest lent first, at most a page, and says whether older ones match
// too. Its cost follows the page and the period, not the history.
func (s *LoanRegister) SearchLoans(q LoanQuery) (app.SearchPage[Loan], error) {
	names := app.CodeNames(app.CodeNames(nil, itemCode, q.Items), staffCode, q.Staff)
	return app.Search[Loan](s.Service, KindLoan, app.SearchQuery{Text: q.Text, Facet: string(q.Status),
		Codes: names, From: q.From, To: q.To, Limit: q.Limit})
}
