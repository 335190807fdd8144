//go:build ignore

// make.go writes the guest list files the column tests read, as PMS
// exports and Excel save them: run `go generate ./app/guests` (or `go run
// testdata/make.go` in app/guests).
package main

import (
	"log"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	// An in-house report saved without its header by Excel on Chinese
	// Windows, "CSV (逗号分隔)": GBK, CRLF; room, name, arrival, departure.
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("0801,张伟,2026-03-01,2026-03-03\r\n0802,王芳,2026-03-02,2026-03-04\r\n0805,李娜,2026-03-02,2026-03-03\r\n")
	if err != nil {
		log.Fatal(err)
	}
	write("gbk-no-header.csv", gbk)
	// A workbook whose header the desk half knows: Rm# and Guest, but not In and Out.
	f := excelize.NewFile()
	defer f.Close()
	must(f.SetSheetRow("Sheet1", "A1", &[]any{"Rm#", "Guest", "In", "Out"}))
	must(f.SetSheetRow("Sheet1", "A2", &[]any{"0801", "Smith John", "2026-03-01", "2026-03-03"}))
	must(f.SetSheetRow("Sheet1", "A3", &[]any{"0803", "Tanaka Yuki", "2026-03-02", "2026-03-05"}))
	must(f.SaveAs(filepath.Join("testdata", "in-out.xlsx")))
}

func write(name, content string) {
	if err := os.WriteFile(filepath.Join("testdata", name), []byte(content), 0o644); err != nil {
		log.Fatal(err)
	}
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
