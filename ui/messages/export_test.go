package messages

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"floordesk/export"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestExportHasWhatTheListShows: the waiting message exports as the list
// shows it, the caller's name masked for the attendant, with when it was
// taken and by whom.
func TestExportHasWhatTheListShows(t *testing.T) {
	_, sc := world(t, kit.Chinese)
	takeOne(sc, "301", "", "布朗先生", "138 0000 1234", "请回电确认明天的会议")
	name := filepath.Join(t.TempDir(), sc.ExportName(export.XLSX))
	w, err := kittest.SaveFile(name)
	if _, err := sc.ExportTo(export.XLSX, w, err); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("留言登记")
	if len(rows) != 2 || rows[0][0] != "记录时间" || rows[1][1] != "0301" || rows[1][3] != "布*先生 留言" ||
		rows[1][4] != "请回电确认明天的会议" || rows[1][6] != "Wang Fang" {
		t.Errorf("exported %q", rows)
	}
}
