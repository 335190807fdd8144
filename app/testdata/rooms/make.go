//go:build ignore

// make.go writes the room list files the room import tests read, as the
// programs hotels use save them: run `go generate ./app` (or `go run
// testdata/rooms/make.go` in app/). The text files are made byte for byte
// as Excel and Notepad write them (the encodings through
// golang.org/x/text); rooms.xlsx is written by excelize, as Excel lays out
// a workbook whose room numbers are text or numbers formatted "0000".
package main

import (
	"log"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const dir = "testdata/rooms"

func main() {
	// Excel on Chinese Windows, "CSV (逗号分隔)": GBK, CRLF.
	write("gbk-crlf.csv", encode(gbk, "楼层,房号,房型\r\n8,0801,豪华大床房\r\n8,0802,标准双床房\r\n9,0901,行政套房\r\n"))
	// Excel, "CSV UTF-8 (逗号分隔)": a byte-order mark, CRLF.
	write("utf8-bom.csv", "\ufeff房号,楼层,房型,楼栋\r\n0801,8,豪华大床房,A座\r\n0802,8,标准双床房,A座\r\n0901,9,行政套房,B座\r\n")
	write("utf8-bom-no-header.csv", "\ufeff8,0801,豪华大床房\r\n8,0802,标准双床房\r\n9,0901,行政套房\r\n")
	// Excel, "Unicode 文本": UTF-16LE with a byte-order mark, tabs, CRLF.
	write("unicode-text.txt", encode(utf16le, "Room No.\tFloor\tRoom Type\tStatus\r\n0801\t8\t豪华大床房\tOK\r\n0802\t8\t标准双床房\tOOO\r\n0901\t9\t行政套房\tOK\r\n"))
	// One room a floor, the header in the PMS's order.
	write("header-order.csv", "房号,楼层,房型\n0801,8,豪华大床房\n0901,9,标准双床房\n1201,12,行政套房\n")
	writeXLSX("rooms.xlsx")
	// Files whose columns the desk cannot tell apart by itself: the
	// supervisor says which is which.
	// No header, the room number first (Excel on Chinese Windows: GBK, CRLF).
	write("gbk-no-header-room-first.csv", encode(gbk, "0801,8,豪华大床房\r\n0802,8,标准双床房\r\n0901,9,行政套房\r\n"))
	// No header, two lists pasted together in different orders.
	write("no-header-mixed.csv", "\ufeff8,0801,豪华大床房\r\n0802,8,标准双床房\r\n9,0901,行政套房\r\n")
	writeUnknownHeader("unknown-header.xlsx")
}

// writeUnknownHeader writes a workbook whose header names its columns in
// words the desk does not know.
func writeUnknownHeader(name string) {
	f := excelize.NewFile()
	defer f.Close()
	must(f.SetSheetRow("Sheet1", "A1", &[]any{"房间编码", "楼层号", "房间类别", "楼座"}))
	must(f.SetSheetRow("Sheet1", "A2", &[]any{"0801", 8, "豪华大床房", "A座"}))
	must(f.SetSheetRow("Sheet1", "A3", &[]any{"0802", 8, "标准双床房", "A座"}))
	must(f.SetSheetRow("Sheet1", "A4", &[]any{"1201", 12, "行政套房", "B座"}))
	must(f.SaveAs(filepath.Join(dir, name)))
}

var (
	gbk     = simplifiedchinese.GBK.NewEncoder()
	utf16le = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
)

func encode(enc interface{ String(string) (string, error) }, s string) string {
	out, err := enc.String(s)
	if err != nil {
		log.Fatal(err)
	}
	return out
}

func write(name, content string) {
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		log.Fatal(err)
	}
}

// writeXLSX writes a workbook whose first sheet holds notes and whose
// second holds a title line, the header and the rooms; 0901 is the
// number 901 formatted "0000".
func writeXLSX(name string) {
	f := excelize.NewFile()
	defer f.Close()
	must(f.SetCellValue("Sheet1", "A1", "说明：房间表见第二页"))
	_, err := f.NewSheet("房间表")
	must(err)
	must(f.SetCellValue("房间表", "A1", "2026 年房间表"))
	must(f.SetSheetRow("房间表", "A2", &[]any{"楼层", "房间号", "房间类型", "区域"}))
	must(f.SetSheetRow("房间表", "A3", &[]any{8, "0801", "豪华大床房", "东翼"}))
	must(f.SetSheetRow("房间表", "A4", &[]any{9, 901, "行政套房", "西翼"}))
	format := "0000"
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	must(err)
	must(f.SetCellStyle("房间表", "B4", "B4", style))
	must(f.SaveAs(filepath.Join(dir, name)))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
