package tabular_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"floordesk/tabular"
)

func gbk(t *testing.T, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16(t *testing.T, s string, order unicode.Endianness) string {
	t.Helper()
	b, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReadsWhatExcelWrites: the same table, saved every way Excel and
// Notepad save it, reads as the same cells.
func TestReadsWhatExcelWrites(t *testing.T) {
	const table = "房号,楼层,房型\r\n0801,8,大床房\r\n0901,9,双床房\r\n"
	want := [][]string{{"房号", "楼层", "房型"}, {"0801", "8", "大床房"}, {"0901", "9", "双床房"}}
	tab := strings.ReplaceAll(table, ",", "\t")
	tests := []struct {
		name, file, encoding string
		sep                  rune
	}{
		{"UTF-8", table, "UTF-8", ','},
		{"UTF-8 with BOM", "\ufeff" + table, "UTF-8", ','},
		{"GBK", gbk(t, table), "GB18030", ','},
		{"UTF-16LE tab-separated", utf16(t, tab, unicode.LittleEndian), "UTF-16LE", '\t'},
		{"UTF-16BE tab-separated", utf16(t, tab, unicode.BigEndian), "UTF-16BE", '\t'},
		{"full-width commas", strings.ReplaceAll(table, ",", "，"), "UTF-8", '，'},
		{"commas and full-width commas", "房号，楼层,房型\n0801,8，大床房\n0901，9，双床房\n", "UTF-8", ','},
		{"semicolons", strings.ReplaceAll(table, ",", ";"), "UTF-8", ';'},
		{"LF only, blank lines, spaces", "\n房号, 楼层 ,房型\n\n 0801,8,大床房\n0901,9,双床房 \n\n", "UTF-8", ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tabular.Read(strings.NewReader(tt.file), tabular.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Encoding != tt.encoding || got.Delimiter != tt.sep {
				t.Errorf("read as %s separated by %q, want %s and %q", got.Encoding, got.Delimiter, tt.encoding, tt.sep)
			}
			if cells := cellsOf(got); !reflect.DeepEqual(cells, want) {
				t.Errorf("cells %q, want %q", cells, want)
			}
		})
	}
}

func cellsOf(t *tabular.Table) [][]string {
	var out [][]string
	for _, r := range t.Rows {
		out = append(out, r.Cells)
	}
	return out
}

// TestRowsKeepTheirLines: a row names the file's line it starts on, past
// blank lines and cells quoted over two lines.
func TestRowsKeepTheirLines(t *testing.T) {
	got, err := tabular.Read(strings.NewReader("a,b\r\n\r\n\"x\ny\",z\r\nc,d\r\n"), tabular.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, r := range got.Rows {
		lines = append(lines, r.Line)
	}
	if !reflect.DeepEqual(lines, []int{1, 3, 5}) {
		t.Fatalf("lines %v, want [1 3 5]", lines)
	}
}

// TestLimits: a file at each limit is read; one past it is refused with
// the limit named.
func TestLimits(t *testing.T) {
	lim := tabular.Limits{Bytes: 64, Rows: 3, Columns: 4, CellRunes: 5}
	tests := []struct {
		name, file string
		limit      tabular.Limit
		line       int
	}{
		{"bytes at", strings.Repeat("aaaaa,bbbbb,ccccc,ddddd\n", 2) + "aaaaa,bbbbb,ccc\n", "", 0},
		{"bytes beyond", strings.Repeat("aaaaa,bbbbb,ccccc,ddddd\n", 2) + "aaaaa,bbbbb,cccc\n", tabular.LimitBytes, 0},
		{"rows at", "a\n\nb\nc\n\n", "", 0},
		{"rows beyond", "a\nb\nc\n\nd\n", tabular.LimitRows, 5},
		{"columns at", "a,b,c,d\n", "", 0},
		{"columns beyond", "a,b\na,b,c,d,e\n", tabular.LimitColumns, 2},
		{"cell at", "房号房号房,b\n", "", 0},
		{"cell beyond", "a\n房号房号房号\n", tabular.LimitCellRunes, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tabular.Read(strings.NewReader(tt.file), tabular.Options{Limits: lim})
			var le *tabular.LimitError
			switch {
			case tt.limit == "" && err != nil:
				t.Fatalf("refused at the limit: %v", err)
			case tt.limit == "":
			case !errors.As(err, &le) || le.Limit != tt.limit || le.Line != tt.line:
				t.Fatalf("got %v, want the %s limit on line %d", err, tt.limit, tt.line)
			}
		})
	}
}

// TestDefaultByteLimit: 8 MiB is read, a byte more is not.
func TestDefaultByteLimit(t *testing.T) {
	max := int(tabular.DefaultLimits.Bytes)
	line := strings.Repeat("x", 1000) + "\n"
	file := strings.Repeat(line, max/len(line)-1)
	file += strings.Repeat("y", max-len(file)-1) + "\n"
	if _, err := tabular.Read(strings.NewReader(file), tabular.Options{Limits: tabular.Limits{Bytes: int64(max), Rows: 10_000, Columns: 1, CellRunes: 1 << 20}}); err != nil {
		t.Fatalf("%d bytes: %v", len(file), err)
	}
	_, err := tabular.Read(strings.NewReader(file+"z"), tabular.Options{})
	var le *tabular.LimitError
	if !errors.As(err, &le) || le.Limit != tabular.LimitBytes || le.Max != 8<<20 {
		t.Fatalf("%d bytes: %v", len(file)+1, err)
	}
}

func TestNotATable(t *testing.T) {
	tests := []struct{ name, file, format string }{
		{"old Excel", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "xls"},
		{"NUL bytes", "3,\x00,twin\n", "binary"},
	}
	for _, tt := range tests {
		var fe *tabular.FormatError
		_, err := tabular.Read(strings.NewReader(tt.file), tabular.Options{})
		if !errors.As(err, &fe) || fe.Format != tt.format || !errors.Is(err, tabular.ErrFormat) {
			t.Errorf("%s: %v, want a %s FormatError", tt.name, err, tt.format)
		}
	}
}

func TestBadQuoteNamesItsLine(t *testing.T) {
	_, err := tabular.Read(strings.NewReader("a,b\n\nc,\"d\"e\n"), tabular.Options{})
	var se *tabular.SyntaxError
	if !errors.As(err, &se) || se.Line != 3 {
		t.Fatalf("%v, want a syntax error on line 3", err)
	}
}
