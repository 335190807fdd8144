package paper

import (
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"floordesk/assets"
)

// Paper sizes in millimetres.
var (
	sizeA4  = fpdf.SizeType{Wd: 210, Ht: 297}
	sizeA5  = fpdf.SizeType{Wd: 148, Ht: 210}
	sizeTag = fpdf.SizeType{Wd: 100, Ht: 60}
)

const family = "noto"

// page is one document being laid out: fpdf with the desk's font, in
// millimetres, with a left and right margin.
type page struct {
	*fpdf.Fpdf
	margin float64
	bold   bool
}

// newDoc starts a document of the given paper size and margin; made is
// the creation date written into the file (so the same data makes the same
// bytes).
func newDoc(size fpdf.SizeType, margin float64, title string, made time.Time) *page {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: size})
	f.AddUTF8FontFromBytes(family, "", assets.PrintRegular)
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(true, margin)
	f.SetTitle(title, true)
	f.SetCreator("FloorDesk", true)
	f.SetCreationDate(made)
	f.SetModificationDate(made)
	f.SetCatalogSort(true)
	f.SetCellMargin(0)
	p := &page{Fpdf: f, margin: margin}
	p.AddPage()
	p.font(10, false)
	return p
}

// write finishes the document into w.
func (p *page) write(w io.Writer) error {
	if err := p.Output(w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// font sets the font size; bold text is drawn with a thin outline, since
// only the regular weight is embedded (assets.PrintRegular).
func (p *page) font(size float64, bold bool) {
	p.SetFont(family, "", size)
	p.bold = bold
}

// width is the width between the margins.
func (p *page) width() float64 {
	w, _ := p.GetPageSize()
	return w - 2*p.margin
}

// lineHeight is a comfortable line height for the current font size, in mm.
func (p *page) lineHeight() float64 {
	pt, _ := p.GetFontSize()
	return pt * 0.3528 * 1.35
}

// wrap splits text into lines no wider than w at the current font: at
// spaces in Latin text, between any two characters in Chinese text.
func (p *page) wrap(text string, w float64) []string {
	var lines []string
	for _, para := range splitParas(text) {
		lines = append(lines, p.wrapPara(para, w)...)
	}
	return lines
}

func splitParas(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if r == '\n' {
			out = append(out, text[start:i])
			start = i + 1
		}
	}
	return append(out, text[start:])
}

func (p *page) wrapPara(text string, w float64) []string {
	rs := []rune(text)
	var lines []string
	for len(rs) > 0 {
		n := p.fit(rs, w)
		lines = append(lines, string(trimRight(rs[:n])))
		rs = trimLeft(rs[n:])
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// fit is how many runes of rs go on a line w wide: up to the last break
// (a space, or beside a Chinese character) that fits, or as many as fit.
func (p *page) fit(rs []rune, w float64) int {
	if p.GetStringWidth(string(rs)) <= w {
		return len(rs)
	}
	brk, n := 0, 0
	for i := 1; i <= len(rs); i++ {
		if p.GetStringWidth(string(rs[:i])) > w {
			break
		}
		n = i
		if i == len(rs) || unicode.IsSpace(rs[i]) || wide(rs[i-1]) || wide(rs[i]) {
			brk = i
		}
	}
	if brk == 0 {
		brk = max(n, 1)
	}
	return brk
}

func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

func trimRight(rs []rune) []rune {
	for len(rs) > 0 && unicode.IsSpace(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	return rs
}

func trimLeft(rs []rune) []rune {
	for len(rs) > 0 && unicode.IsSpace(rs[0]) {
		rs = rs[1:]
	}
	return rs
}

// para writes text wrapped to the width between the margins, from the
// current position down.
func (p *page) para(text string) {
	h := p.lineHeight()
	for _, line := range p.wrap(text, p.width()) {
		p.SetX(p.margin)
		p.cell(p.width(), h, line, 1, "L")
	}
}

// field writes "label  value" with the label in bold in a column labelW
// wide, the value beside it; each wraps within its column.
func (p *page) field(label, value string, labelW float64) {
	h := p.lineHeight()
	y := p.GetY()
	pt := p.fontPt()
	p.font(pt, true)
	labels := p.wrap(label, labelW-2)
	for i, line := range labels {
		p.SetXY(p.margin, y+float64(i)*h)
		p.cell(labelW, h, line, 0, "L")
	}
	p.font(pt, false)
	values := p.wrap(value, p.width()-labelW)
	for i, line := range values {
		p.SetXY(p.margin+labelW, y+float64(i)*h)
		p.cell(p.width()-labelW, h, line, 0, "L")
	}
	p.SetXY(p.margin, y+float64(max(len(labels), len(values)))*h)
}

func (p *page) fontPt() float64 {
	pt, _ := p.GetFontSize()
	return pt
}

// heading writes a bold line, size pt, with a little space after.
func (p *page) heading(text string, pt float64) {
	p.font(pt, true)
	p.para(text)
	p.font(10, false)
	p.Ln(1)
}

// rule draws a thin line across the page at the current position.
func (p *page) rule() {
	y := p.GetY() + 1
	p.SetLineWidth(0.2)
	p.Line(p.margin, y, p.margin+p.width(), y)
	p.SetY(y + 2)
}

// signatures draws a signature line for each label, side by side, with the
// label under the line and, when given, the name and time that signed.
func (p *page) signatures(labels, signed []string) {
	p.Ln(10)
	n := float64(len(labels))
	gap := 10.0
	w := (p.width() - gap*(n-1)) / n
	y := p.GetY()
	if y+22 > p.pageHeight()-p.margin {
		p.AddPage()
		y = p.GetY() + 10
	}
	p.font(10, false)
	for i, label := range labels {
		x := p.margin + float64(i)*(w+gap)
		if i < len(signed) && signed[i] != "" {
			p.SetXY(x, y)
			p.cell(w, p.lineHeight(), signed[i], 0, "L")
		}
		p.SetLineWidth(0.3)
		p.Line(x, y+p.lineHeight()+1, x+w, y+p.lineHeight()+1)
		p.SetXY(x, y+p.lineHeight()+2)
		p.cell(w, p.lineHeight(), label, 0, "L")
	}
	p.SetY(y + 2*p.lineHeight() + 4)
}

func (p *page) pageHeight() float64 {
	_, h := p.GetPageSize()
	return h
}

// cell writes one line of text in a box w wide at the current position, as
// fpdf's CellFormat (ln 0: move right, 1: to the next line), in bold when
// the font says so.
func (p *page) cell(w, h float64, text string, ln int, align string) {
	if !p.bold {
		p.CellFormat(w, h, text, "", ln, align, false, 0, "")
		return
	}
	// Fill and stroke the glyphs (text render mode 2) with a thin line.
	p.RawWriteStr(fmt.Sprintf("q 2 Tr %.2f w\n", p.fontPt()*0.03))
	p.CellFormat(w, h, text, "", ln, align, false, 0, "")
	p.RawWriteStr("Q\n")
}

// pageNumbers puts "title · Page n of m" at the foot of every page.
func (p *page) pageNumbers(d Desk, title string) {
	p.AliasNbPages("{nb}")
	p.SetFooterFunc(func() {
		p.SetXY(p.margin, p.pageHeight()-p.margin+3)
		p.font(8, false)
		text := d.T("paper.page", map[string]string{"Page": strconv.Itoa(p.PageNo()), "Pages": "{nb}"})
		p.cell(p.width(), 4, title+" · "+text, 0, "R")
	})
}
