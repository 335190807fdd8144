package requests

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// listPanel is the searchable, filterable list of requests.
type listPanel struct {
	s       *kit.Session
	search  *widget.Entry
	filter  *widget.Select
	kind    *widget.Select
	count   *widget.Label
	failed  *widget.Label
	list    *kit.IDList
	newBtn  *widget.Button
	filters choices
	kinds   choices

	rows  map[string]apprequests.RequestRow
	order []string // IDs of the loaded rows, most pressing first
	index *kit.Index
}

func newListPanel(s *kit.Session, onPick func(id string), onNew func()) *listPanel {
	p := &listPanel{s: s, filters: filterChoices(), kinds: kindFilterChoices(), rows: map[string]apprequests.RequestRow{}}
	p.search = widget.NewEntry()
	p.search.PlaceHolder = lang.L("requests.search_hint")
	p.search.OnChanged = func(string) { p.show() }
	p.filter = widget.NewSelect(p.filters.names, func(string) { p.reload() })
	p.filter.SetSelectedIndex(0)
	p.kind = widget.NewSelect(p.kinds.names, func(string) { p.reload() })
	p.kind.SetSelectedIndex(0)
	p.count = widget.NewLabel("")
	p.count.Importance = widget.LowImportance
	p.failed = widget.NewLabel("")
	p.failed.Importance = widget.DangerImportance
	p.failed.Hide()
	p.newBtn = widget.NewButtonWithIcon(lang.L("requests.new"), theme.ContentAddIcon(), onNew)
	p.newBtn.Importance = widget.HighImportance
	p.list = kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() }, p.fillRow)
	p.list.OnSelectedID(onPick)
	return p
}

func (p *listPanel) content() fyne.CanvasObject {
	filters := container.NewGridWithColumns(2, p.filter, p.kind)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, p.newBtn, p.search), filters, p.failed, p.count)
	return container.NewBorder(top, nil, nil, nil, p.list.List)
}

func (p *listPanel) fillRow(id string, obj fyne.CanvasObject) {
	r, ok := p.rows[id]
	if !ok {
		return
	}
	v := viewRow(&r, p.s.Now())
	obj.(*kit.Row).Set(v.title, v.detail, v.note, v.importance)
}

// reload reads the rows of the chosen filter and kind afresh.
func (p *listPanel) reload() {
	if p.list == nil {
		return // still being built
	}
	now := p.s.Now()
	rows, err := loadRows(p.s.Svc, filter(p.filters.code(p.filter.Selected)), p.kinds.code(p.kind.Selected), now)
	p.setFailed(err)
	p.rows = make(map[string]apprequests.RequestRow, len(rows))
	p.order = make([]string, len(rows))
	p.index = kit.NewIndex()
	for i := range rows {
		r := &rows[i]
		p.rows[r.ID], p.order[i] = *r, r.ID
		p.index.Add(r.ID, searchFields(r)...)
	}
	p.show()
}

// searchFields are what the search finds a request by.
func searchFields(r *apprequests.RequestRow) []string {
	return []string{r.Room, r.Guest, r.Description, deptName(r.Department), kindName(r.Kind)}
}

// show lists the loaded rows that match the search.
func (p *listPanel) show() {
	ids := p.order
	if p.search.Text != "" && p.index != nil {
		ids = p.index.Find(p.search.Text)
	}
	p.list.SetIDs(ids)
	p.count.SetText(lang.L("requests.count", map[string]int{"Count": len(ids)}))
}

func (p *listPanel) setFailed(err error) {
	if err == nil {
		p.failed.Hide()
		return
	}
	p.failed.SetText(kit.Say(err))
	p.failed.Show()
}
