package keys

import (
	"testing"

	"github.com/xuri/excelize/v2"

	appkeys "floordesk/app/keys"
	"floordesk/data/wire"
	"floordesk/export"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestExportKeepsTheTagsZero: a room key tagged 0801 exports with its
// tag as text and its Chinese area intact; a search exports only it.
func TestExportKeepsTheTagsZero(t *testing.T) {
	e, sc := world(t, kit.Chinese)
	_, err := e.Svc.RegisterKey("S01", appkeys.NewKey{Tag: "0801", Type: appkeys.KeySection, Areas: []string{"8楼东"}, Desk: "D1"})
	must(t, err)
	sc.Refresh([]wire.EntityRef{{Kind: kit.KindKey, ID: "0801"}})
	sc.Search().SetText("0801")
	if n := sc.List().Len(); n != 1 {
		t.Fatalf("the search lists %d keys", n)
	}
	name := t.TempDir() + "/" + sc.ExportName(export.XLSX)
	w, err := kittest.SaveFile(name)
	if _, err := sc.ExportTo(export.XLSX, w, err); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(name)
	must(t, err)
	defer f.Close()
	rows, err := f.GetRows("钥匙登记")
	must(t, err)
	if len(rows) != 2 || rows[0][0] != "钥匙编号" || rows[1][0] != "0801" || rows[1][2] != "8楼东" || rows[1][3] == "" {
		t.Fatalf("rows %q", rows)
	}
	if typ, _ := f.GetCellType("钥匙登记", "A2"); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		t.Errorf("the tag is of type %v, want text", typ)
	}
}
