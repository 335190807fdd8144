package supervisor

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// itemsTab is the loanable item types and their stock at each desk. The
// list is read again when item types or desks change.
type itemsTab struct {
	*kit.ListScreen[app.ItemType]
	s    *kit.Session
	form *itemForm
}

func newItemsTab(s *kit.Session) *itemsTab {
	t := &itemsTab{s: s}
	t.ListScreen = kit.NewListScreen(s, tabLook(func() { t.showForm(app.ItemType{}) }, "supervisor.item_add"), kit.ListConfig[app.ItemType]{
		Kind: kit.KindItemType, Reads: []string{kit.KindDesk},
		ID:  func(it app.ItemType) string { return it.Code },
		All: s.Svc.ItemTypes, Row: t.fillRow, Pick: func(code string) { t.show(code) },
		Export: "supervisor.items_export", Columns: itemColumns(),
	})
	return t
}

func (t *itemsTab) title() string { return lang.L("supervisor.items") }

func (t *itemsTab) content() fyne.CanvasObject { return t.Content() }

func (t *itemsTab) refresh(changed []wire.EntityRef) { t.Refresh(changed) }

func (t *itemsTab) fillRow(it app.ItemType, r *kit.Row) {
	total := 0
	var parts []string
	for _, d := range sortedKeys(it.Stock) {
		total += it.Stock[d]
		parts = append(parts, d+" "+strconv.Itoa(it.Stock[d]))
	}
	r.Set(it.Name+"  "+it.Code, strings.Join(parts, " · "),
		lang.L("supervisor.item_total", map[string]int{"Count": total}), widget.MediumImportance)
}

func (t *itemsTab) show(code string) bool {
	it, err := t.s.Svc.ItemTypeByCode(code)
	if err != nil {
		return false
	}
	t.showForm(it)
	if t.List().Selected() != code {
		t.List().SelectID(code)
	}
	return true
}

// itemForm sets an item type and its stock at each desk.
type itemForm struct {
	*kit.Form
	code, name *kit.Entry
	stock      map[string]*kit.Entry // by desk code
	tags       map[string][]string
}

func (t *itemsTab) showForm(it app.ItemType) {
	f := &itemForm{Form: newForm(), stock: map[string]*kit.Entry{}, tags: it.Tags}
	f.code = f.Entry("HAIRDRYER")
	f.code.SetText(it.Code)
	f.name = f.Entry(lang.L("supervisor.item_name_hint"))
	f.name.SetText(it.Name)
	f.Row(lang.L("supervisor.item_code"), "code", f.code)
	f.Row(lang.L("supervisor.item_name"), "name", f.name)
	desks, _ := t.s.Svc.Desks()
	if len(desks) == 0 {
		f.Row("", "stock", wrapped(lang.L("supervisor.no_desks")))
	}
	for _, d := range desks {
		f.addDesk(d, it)
	}
	f.Submit = func() { t.save(f) }
	f.Cancel = func() { t.Back() }
	t.form = f
	t.Pane().Set(container.NewVScroll(f.Content(lang.L("supervisor.item_heading"), lang.L("supervisor.save"))))
}

func (f *itemForm) addDesk(d app.Desk, it app.ItemType) {
	e := f.Entry("0")
	e.SetText(strconv.Itoa(it.Stock[d.Code]))
	f.Check(e, "stock."+d.Code, checkCount)
	if len(it.Tags[d.Code]) > 0 {
		e.Disable() // counted by its asset tags
	}
	f.stock[d.Code] = e
	f.Row(lang.L("supervisor.stock_at", map[string]string{"Desk": d.Code}), "stock."+d.Code, e)
}

func checkCount(s string) string {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); s != "" && (err != nil || n < 0) {
		return lang.L("supervisor.count_format")
	}
	return ""
}

func (t *itemsTab) save(f *itemForm) {
	in := app.ItemTypeInput{Code: strings.TrimSpace(f.code.Text), Name: strings.TrimSpace(f.name.Text),
		Stock: map[string]int{}, Tags: f.tags}
	for desk, e := range f.stock {
		n, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			f.Say("stock."+desk, lang.L("supervisor.count_format"))
			return
		}
		in.Stock[desk] = n
	}
	it, err := t.s.Svc.SetItemType(t.s.UserID(), in)
	if saved(t.s, f.Form, err, "supervisor.item_saved", map[string]string{"Name": it.Name}) {
		t.refresh(nil)
		t.List().SelectID(it.Code)
	}
}
