package kit_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// based is a screen made of nothing but its base.
type based struct{ kit.ScreenBase }

func TestScreenBaseAnswersForTheScreen(t *testing.T) {
	kittest.New(t)
	content := widget.NewLabel("the key board")
	sc := &based{kit.NewScreenBase("keys", "keys.title", theme.AccountIcon, content)}
	if sc.ID() != "keys" || sc.Content() != content {
		t.Errorf("ID %q, content %v", sc.ID(), sc.Content())
	}
	if got, want := sc.Icon(), theme.AccountIcon(); got == nil || got.Name() != want.Name() {
		t.Errorf("icon %v, want %v", got, want)
	}
	if (&based{kit.NewScreenBase("keys", "keys.title", nil, content)}).Icon() != nil {
		t.Error("a screen without an icon shows one")
	}
	var scr any = sc
	if _, ok := scr.(kit.Searcher); ok {
		t.Error("a screen without a search field claims one")
	}
}

func TestScreenBaseTitleIsInTheLanguageSpokenNow(t *testing.T) {
	kittest.New(t)
	sc := &based{kit.NewScreenBase("keys", "keys.title", nil, widget.NewLabel(""))}
	if sc.Title() != "Keys" {
		t.Errorf("title %q in English", sc.Title())
	}
	t.Cleanup(func() { kit.UseLanguage(kit.English) })
	if _, err := kit.UseLanguage(kit.Chinese); err != nil {
		t.Fatal(err)
	}
	if sc.Title() != "钥匙管理" {
		t.Errorf("title %q after switching to Chinese", sc.Title())
	}
}

// The base answers the part of kit.Screen that says what a screen is.
var _ interface {
	ID() string
	Title() string
	Icon() fyne.Resource
	Content() fyne.CanvasObject
} = (*based)(nil)
