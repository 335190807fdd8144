package paper

// column is one column of a table: its heading, its share of the width
// (the shares are scaled to the page) and its alignment ("L", "C", "R").
type column struct {
	head  string
	share float64
	align string
}

// table draws a ruled table of rows under a header row; a row's cells wrap
// within their column, and the header is drawn again at the top of each
// new page.
func (p *page) table(cols []column, rows [][]string) {
	widths := p.colWidths(cols)
	p.tableHead(cols, widths)
	for _, row := range rows {
		p.tableRow(cols, widths, row, false)
	}
}

func (p *page) colWidths(cols []column) []float64 {
	total := 0.0
	for _, c := range cols {
		total += c.share
	}
	w := make([]float64, len(cols))
	for i, c := range cols {
		w[i] = p.width() * c.share / total
	}
	return w
}

func (p *page) tableHead(cols []column, widths []float64) {
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.head
	}
	p.tableRow(cols, widths, head, true)
}

const cellPad = 1.2 // mm inside each cell

// tableRow draws one row, starting a new page (with the header) when it
// does not fit on this one.
func (p *page) tableRow(cols []column, widths []float64, row []string, head bool) {
	pt := p.fontPt()
	p.font(pt, head)
	h := p.lineHeight()
	cells := make([][]string, len(cols))
	n := 1
	for i := range cols {
		text := ""
		if i < len(row) {
			text = row[i]
		}
		cells[i] = p.wrap(text, widths[i]-2*cellPad)
		n = max(n, len(cells[i]))
	}
	rowH := float64(n)*h + 2*cellPad
	if !head && p.GetY()+rowH > p.pageHeight()-p.margin {
		p.AddPage()
		p.tableHead(cols, widths)
		p.font(pt, false)
	}
	y := p.GetY()
	x := p.margin
	p.SetLineWidth(0.2)
	if head {
		p.SetFillColor(230, 230, 230)
		p.Rect(p.margin, y, p.width(), rowH, "F")
	}
	for i, lines := range cells {
		p.Rect(x, y, widths[i], rowH, "D")
		for j, line := range lines {
			p.SetXY(x+cellPad, y+cellPad+float64(j)*h)
			p.cell(widths[i]-2*cellPad, h, line, 0, cols[i].align)
		}
		x += widths[i]
	}
	p.SetXY(p.margin, y+rowH)
	p.font(pt, false)
}
