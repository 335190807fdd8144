package found

import (
	"time"

	"floordesk/app"
)

func init() { app.RegisterSearch(KindFound, searchDoc) }

// searchDoc is what the history search finds an item by: its tag, place,
// claimant, finder, description and storage place, its category by name,
// and its status; the latest found first.
func searchDoc(f *FoundItem) app.SearchDoc {
	claimant := ""
	if len(f.Claims) > 0 {
		claimant = f.Claims[len(f.Claims)-1].Claimant
	}
	return app.SearchDoc{Words: []string{f.Tag, f.Place, claimant, f.Finder, f.Description, f.Location().Location},
		Codes: []string{string(f.Category)}, Facet: string(f.Status), At: f.FoundAt}
}

// FoundQuery is a search of every found item ever logged.
type FoundQuery struct {
	// Text is what was typed: each word must start a word of the item's
	// tag, place, claimant, finder, description or storage place (by
	// pinyin too), or of its category's name. Blank finds every item.
	Text string
	// Status keeps the items in that status; "" keeps all.
	Status FoundStatus
	// Categories are the categories' names as the desk shows them.
	Categories map[app.Category]string
	// From and To bound when the items were found (To excluded); zero:
	// open.
	From, To time.Time
	// Limit is the most items answered; 0 means app.SearchPageSize.
	Limit int
}

// SearchFound finds the items q asks for over the whole history, the
// latest found first, at most a page of them, and says whether older ones
// match too. Its cost follows the page, not the history (app.Search).
func (s *FoundRegister) SearchFound(q FoundQuery) (app.SearchPage[FoundItem], error) {
	names := make(map[string]string, len(q.Categories))
	for c, name := range q.Categories {
		names[string(c)] = name
	}
	return app.Search[FoundItem](s.Service, KindFound,
		app.SearchQuery{Text: q.Text, Facet: string(q.Status), Codes: names, From: q.From, To: q.To, Limit: q.Limit})
}
