package paper

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"floordesk/app/reports"
	"floordesk/export"
)

// chartDPI is the resolution the charts are embedded at: sharp when
// printed, about 150 KB a chart.
const chartDPI = 200

// ReportPDF writes the supervisor's report of r (A4): the period and the
// one it is compared with, the figures at a glance, the charts, then the
// tables (ReportTables) and any further tables (the week's call topics).
// at is when it is printed.
func ReportPDF(w io.Writer, d Desk, r reports.Report, at time.Time, more ...export.Table) error {
	title := d.T("report.title")
	p := newDoc(sizeA4, 15, title, at)
	p.pageNumbers(d, title)
	p.header(d, title)
	p.font(10, false)
	p.para(ReportPeriod(d, r))
	p.para(d.T("report.printed", map[string]string{"At": d.DateTime(at)}))
	p.Ln(3)
	tables := ReportTables(d, r)
	if err := p.reportTable(tables[0]); err != nil {
		return err
	}
	for i, c := range ReportCharts(d, r) {
		png, err := c.PNG(p.width(), 80, chartDPI)
		if err != nil {
			return err
		}
		p.chart(fmt.Sprintf("chart%d", i), png, 80)
	}
	for _, t := range append(tables[1:], more...) {
		if err := p.reportTable(t); err != nil {
			return err
		}
	}
	return p.write(w)
}

// chart places a PNG h mm high across the page, on a new page when it
// does not fit on this one.
func (p *page) chart(name string, png []byte, h float64) {
	if p.GetY()+h > p.pageHeight()-p.margin {
		p.AddPage()
	}
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	p.RegisterImageOptionsReader(name, opt, bytes.NewReader(png))
	y := p.GetY()
	p.ImageOptions(name, p.margin, y, p.width(), h, false, opt, 0, "")
	p.SetY(y + h + 4)
}

// reportTable writes a table under its name; the first column is the
// widest, numbers are right-aligned.
func (p *page) reportTable(t export.Table) error {
	if p.GetY()+30 > p.pageHeight()-p.margin {
		p.AddPage()
	}
	p.heading(t.Name, 12)
	p.font(9, false)
	cols := make([]column, len(t.Header))
	for i, h := range t.Header {
		cols[i] = column{head: h, share: 1, align: "R"}
	}
	cols[0].share, cols[0].align = 2, "L"
	var rows [][]string
	err := t.Rows.Each(func(row []export.Cell) error {
		texts := make([]string, len(row))
		for i, c := range row {
			texts[i] = CellText(c)
		}
		rows = append(rows, texts)
		return nil
	})
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		p.para("—")
	} else {
		p.table(cols, rows)
	}
	p.font(10, false)
	p.Ln(4)
	return nil
}

// CellText is a table cell as the report writes it: numbers without
// trailing zeros.
func CellText(c export.Cell) string {
	if c.Kind == export.Number {
		return strconv.FormatFloat(c.Number, 'f', -1, 64)
	}
	return c.Text
}
