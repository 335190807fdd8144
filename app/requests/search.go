package requests

import (
	"time"

	"floordesk/app"
)

func init() { app.RegisterSearch(KindRequest, searchDoc) }

// Codes a request is found by, besides its words: its kind and its
// department, each by the name the query gives for it.
const (
	kindCode = "kind:"
	deptCode = "dept:"
)

// searchDoc is what the history search finds a request by: its room or
// area, guest and contact, topic and description, its kind's and its
// department's names (what the desk's list finds a request by), and its
// status; the latest opened first.
func searchDoc(r *Request) app.SearchDoc {
	words := []string{r.Room, r.Area, r.Guest, r.Contact, r.Topic, r.Description}
	codes := []string{kindCode + string(r.Kind)}
	if r.Department != "" {
		codes = append(codes, deptCode+r.Department)
	}
	return app.SearchDoc{Words: words, Codes: codes, Facet: string(r.Status), At: r.OpenedAt}
}

// RequestQuery is a search of every request ever taken.
type RequestQuery struct {
	// Text is what was typed: each word must start a word of the
	// request's room or area, guest, contact, topic or description (by
	// pinyin too), or of the name of its kind or department.
	Text string
	// Status keeps the requests in that status; "" keeps all.
	Status RequestStatus
	// Kinds and Departments are the names these are shown by, by code.
	Kinds, Departments map[string]string
	// From and To bound when the requests were opened (To excluded);
	// zero: open.
	From, To time.Time
	// Limit is the most requests answered; 0 means app.SearchPageSize.
	Limit int
}

// SearchRequests finds the requests q asks for over the whole history,
// the latest opened first, at most a page, and says whether older ones
// match too. Its cost follows the page and the period, not the history.
func (s *RequestRegister) SearchRequests(q RequestQuery) (app.SearchPage[Request], error) {
	names := app.CodeNames(app.CodeNames(nil, kindCode, q.Kinds), deptCode, q.Departments)
	return app.Search[Request](s.Service, KindRequest, app.SearchQuery{Text: q.Text, Facet: string(q.Status),
		Codes: names, From: q.From, To: q.To, Limit: q.Limit})
}

// HistoryPage is how many requests the desk's history list shows at
// once: the latest that match.
const HistoryPage = 200

// SearchRows are the requests SearchRequests finds, as the list's rows at
// now, the latest opened first, and whether older ones match too.
func (s *RequestRegister) SearchRows(q RequestQuery, now time.Time) ([]RequestRow, bool, error) {
	page, err := s.SearchRequests(q)
	if err != nil {
		return nil, false, err
	}
	return s.rowsAt(page.Items, now), page.More, nil
}
