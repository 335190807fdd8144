package supervisor

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appkeys "floordesk/app/keys"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// keyTypes are the domain's key types, in the order offered.
var keyTypes = []appkeys.KeyType{appkeys.KeyFloorMaster, appkeys.KeySection, appkeys.KeyStoreRoom, appkeys.KeyEmergency, appkeys.KeyOther}

func keyTypeName(k appkeys.KeyType) string { return lang.L("supervisor.key_type." + string(k)) }

// keysTab is the key register: register keys, clear re-key flags. The
// list is read again when keys change.
// KeyAdmin is what the supervisor's key tab needs of the key register:
// its keys, registering one, and clearing a re-keying.
type KeyAdmin interface {
	Keys() ([]appkeys.Key, error)
	Key(tag string) (appkeys.Key, error)
	RegisterKey(actorID string, in appkeys.NewKey) (appkeys.Key, error)
	ClearRekey(actorID, tag, note string) (appkeys.Key, error)
}

var _ KeyAdmin = (*appkeys.KeyRegister)(nil)

type keysTab struct {
	*kit.ListScreen[appkeys.Key]
	s       *kit.Session
	keys    KeyAdmin
	regForm *keyForm
	clear   *kit.Form
}

func newKeysTab(s *kit.Session, keys KeyAdmin) *keysTab {
	t := &keysTab{s: s, keys: keys}
	t.ListScreen = kit.NewListScreen(s, tabLook(t.showRegister, "supervisor.key_add"), kit.ListConfig[appkeys.Key]{
		Kind: kit.KindKey,
		ID:   func(k appkeys.Key) string { return k.Tag },
		All:  keys.Keys, Row: t.fillRow, Pick: t.show,
		Export: "supervisor.keys_export", Columns: keyColumns(),
	})
	return t
}

func (t *keysTab) title() string { return lang.L("supervisor.keys") }

func (t *keysTab) content() fyne.CanvasObject { return t.Content() }

func (t *keysTab) refresh(changed []wire.EntityRef) { t.Refresh(changed) }

func (t *keysTab) fillRow(k appkeys.Key, r *kit.Row) {
	imp, note := widget.MediumImportance, t.s.DeskName(k.Desk)
	if k.Rekey {
		imp, note = widget.WarningImportance, lang.L("supervisor.rekey_flagged")
	}
	r.Set(k.Tag+"  "+keyTypeName(k.Type), strings.Join(k.Areas, ", "), note, imp)
}

// keyForm registers a key.
type keyForm struct {
	*kit.Form
	tag, areas, desk *kit.Entry
	kind             *kit.Choice
}

func (t *keysTab) showRegister() {
	f := &keyForm{Form: newForm()}
	f.tag = f.Entry("F3-MASTER")
	names := make([]string, len(keyTypes))
	for i, k := range keyTypes {
		names[i] = keyTypeName(k)
	}
	f.kind = kit.NewChoice(names, nil)
	f.areas = f.Entry(lang.L("supervisor.areas_hint"))
	f.desk = f.Entry("D1")
	f.Row(lang.L("supervisor.key_tag"), "tag", f.tag)
	f.Row(lang.L("supervisor.key_type"), "type", f.kind)
	f.Row(lang.L("supervisor.areas"), "areas", f.areas)
	f.Row(lang.L("supervisor.key_desk"), "desk", f.desk)
	f.Submit = func() { t.s.WithPIN(func() { t.register(f) }) }
	f.Cancel = func() { t.Back() }
	t.regForm = f
	t.Pane().Set(container.NewVScroll(f.Content(lang.L("supervisor.key_add"), lang.L("supervisor.key_add_save"))))
	t.s.Window.Canvas().Focus(f.tag)
}

func (t *keysTab) register(f *keyForm) {
	var kind appkeys.KeyType
	if i := f.kind.SelectedIndex(); i >= 0 {
		kind = keyTypes[i]
	}
	k, err := t.keys.RegisterKey(t.s.UserID(), appkeys.NewKey{Tag: f.tag.Text, Type: kind,
		Areas: splitList(f.areas.Text), Desk: strings.TrimSpace(f.desk.Text)})
	if saved(t.s, f.Form, err, "supervisor.key_added", map[string]string{"Key": k.Tag}) {
		t.refresh(nil)
		t.show(k.Tag)
	}
}

// show opens a key: its details and, when flagged, clearing the re-key.
func (t *keysTab) show(tag string) {
	k, err := t.keys.Key(tag)
	if err != nil {
		return
	}
	box := container.NewVBox(wrapped(k.Tag+"  "+keyTypeName(k.Type)), wrapped(strings.Join(k.Areas, ", ")))
	if k.Rekey {
		f := newForm()
		note := f.Entry(lang.L("supervisor.rekey_note_hint"))
		f.Row(lang.L("supervisor.note"), "note", note)
		f.Submit = func() {
			t.s.WithPIN(func() {
				_, err := t.keys.ClearRekey(t.s.UserID(), tag, note.Text)
				if saved(t.s, f, err, "supervisor.rekey_cleared", map[string]string{"Key": tag}) {
					t.refresh(nil)
					t.show(tag)
				}
			})
		}
		f.Cancel = func() { t.Back() }
		t.clear = f
		box.Add(f.Content(lang.L("supervisor.rekey_clear"), lang.L("supervisor.rekey_clear_save")))
	}
	t.Pane().Set(container.NewVScroll(box))
}

// splitList reads "a, b，c" into its trimmed, non-empty parts.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
