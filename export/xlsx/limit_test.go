package xlsx_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"

	"floordesk/export"
	"floordesk/export/xlsx"
)

// counted gives n rows of one small text cell, made as they are asked
// for, and keeps the peak of the Go heap while they are written.
func counted(n int, peak *uint64) export.Rows {
	return func(yield func([]export.Cell) error) error {
		row := []export.Cell{export.TextCell("0801")}
		var ms runtime.MemStats
		for i := range n {
			if i%100_000 == 0 {
				runtime.ReadMemStats(&ms)
				*peak = max(*peak, ms.HeapAlloc)
			}
			if err := yield(row); err != nil {
				return err
			}
		}
		return nil
	}
}

// TestSheetAtExcelsRowLimit writes a sheet of exactly export.MaxRows rows
// (the header and 1,048,575 rooms) and reads its last row back; one row
// more is refused by name before anything is written. The heap stays
// bounded while it streams (excelize keeps the sheet in a temporary
// file). About 10 s of CPU: skipped with -short and under the race
// detector.
func TestSheetAtExcelsRowLimit(t *testing.T) {
	if testing.Short() || race {
		t.Skip("writes a million rows")
	}
	var peak uint64
	name := filepath.Join(t.TempDir(), "limit.xlsx")
	file, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	tab := export.Table{Name: "rooms", Header: []string{"room"}, Rows: counted(export.MaxRows-1, &peak)}
	if err := xlsx.Write(file, tab); err != nil {
		t.Fatal(err)
	}
	if err := file.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("heap peak while writing: %d MB", peak>>20)
	if peak > 256<<20 {
		t.Errorf("the heap reached %d MB writing a million rows", peak>>20)
	}
	f, err := excelize.OpenFile(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows("rooms")
	if err != nil {
		t.Fatal(err)
	}
	n, last := 0, ""
	for rows.Next() {
		n++
		cells, _ := rows.Columns()
		if len(cells) > 0 {
			last = cells[0]
		}
	}
	rows.Close()
	if n != export.MaxRows || last != "0801" {
		t.Fatalf("read %d rows, the last %q; want %d ending with 0801", n, last, export.MaxRows)
	}

	var lim *export.LimitError
	tab.Rows = counted(export.MaxRows, &peak)
	if err := xlsx.Write(io.Discard, tab); !errors.As(err, &lim) || lim.Limit != export.LimitRows || lim.Row != export.MaxRows+1 {
		t.Fatalf("one row past the limit: %v", err)
	}
}
