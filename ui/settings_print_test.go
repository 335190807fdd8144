package ui

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"floordesk/ui/kit"
	"floordesk/ui/paper"
)

// TestSettingsPrintDirect: "send straight to the default printer" set on
// the settings screen sends the next document to the printer and says
// so; a printer that will not take it leaves it open in the viewer, with
// words saying why and where to change the setting.
func TestSettingsPrintDirect(t *testing.T) {
	e := dashEnv(t, kit.Chinese)
	var sent, opened []string
	var refuse error
	e.Session.SetPrinter(paper.Folder{Dir: t.TempDir(), Direct: PrintsDirect(e.Svc),
		Send: func(p string) error { sent = append(sent, p); return refuse },
		Open: func(p string) error { opened = append(opened, p); return nil }})
	doc := func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-1.4"); return err }
	print := func() string {
		done := make(chan string, 1)
		e.Session.Print("slip", "1", doc, func(string) { done <- "" })
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("the document was not printed")
		}
		n := e.Session.Notices()
		return n[len(n)-1]
	}

	if got := print(); len(sent) != 0 || len(opened) != 1 || !strings.Contains(got, "请在阅读器中打印") {
		t.Fatalf("by default: sent %q, opened %q, notice %q", sent, opened, got)
	}
	st := NewSettings(e.Session, nil, nil)
	e.Window.SetContent(st.Content())
	st.Choose(SettingPrint, PrintDirect)
	if v, _ := e.Store.Setting(SettingPrint); v != PrintDirect {
		t.Fatalf("saved %q", v)
	}
	if got := print(); len(sent) != 1 || len(opened) != 1 || !strings.Contains(got, "已发送到默认打印机") {
		t.Errorf("direct: sent %q, opened %q, notice %q", sent, opened, got)
	}
	refuse = errors.New("lp: Error - No default destination.")
	if got := print(); len(opened) != 2 || !strings.Contains(got, "未能直接打印") || !strings.Contains(got, "设置 → 打印方式") {
		t.Errorf("no printer: opened %q, notice %q", opened, got)
	}
	if again := NewSettings(e.Session, nil, nil); again.printing.Selected != "直接发送到本机默认打印机" {
		t.Errorf("a new settings screen shows %q", again.printing.Selected)
	}
}
