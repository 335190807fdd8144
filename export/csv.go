package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// BOM is the byte-order mark a CSV starts with: Excel on Chinese Windows
// reads a CSV without it as GBK and shows UTF-8 Chinese as mojibake.
const BOM = "\uFEFF"

// WriteCSV writes t to w as CSV: the BOM, the header, then every row,
// each line ended by CRLF and quoted as RFC 4180 says (a cell with a
// comma, a quote or a line break is quoted, its quotes doubled). A text
// cell that Excel would run as a formula (it starts with =, +, -, @, a
// tab or CR) is written with a leading apostrophe, so a guest's name
// cannot run anything on the PC that opens the file. It returns the
// first error of w or of t's rows.
func WriteCSV(w io.Writer, t Table) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString(BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	loc := t.Location()
	var line []string
	err := t.Rows.Each(func(row []Cell) error {
		line = line[:0]
		for _, c := range row {
			line = append(line, csvText(c, loc))
		}
		return cw.Write(line)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvText is a cell as CSV writes it.
func csvText(c Cell, loc *time.Location) string {
	switch c.Kind {
	case Time:
		return c.Time.In(loc).Format(TimeLayout)
	case Number:
		return strconv.FormatFloat(c.Number, 'f', -1, 64)
	}
	if c.Text != "" && strings.ContainsRune("=+-@\t\r", rune(c.Text[0])) {
		return "'" + c.Text
	}
	return c.Text
}
