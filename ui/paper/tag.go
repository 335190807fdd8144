package paper

import (
	"fmt"
	"io"

	qrcode "github.com/skip2/go-qrcode"

	appfound "floordesk/app/found"
)

// FoundTag writes the label for a found item's bag, 100×60 mm: the tag
// number large with a QR code of it (the found screen's search box takes
// the number from a scanner), when and where the item was found, its
// category and storage, and until when it is kept.
func FoundTag(w io.Writer, d Desk, f appfound.FoundItem) error {
	p := newDoc(sizeTag, 4, d.T("paper.tag.title")+" "+f.Tag, f.LoggedAt)
	const qrSize = 26.0
	textW := p.width() - qrSize - 3
	if err := p.qr(f.Tag, p.margin+p.width()-qrSize, p.margin, qrSize); err != nil {
		return err
	}
	p.font(9, true)
	p.cell(textW, 4.5, d.T("paper.tag.title"), 1, "L")
	p.font(17, true)
	p.cell(textW, 8, f.Tag, 1, "L")
	p.Ln(1)
	p.font(8, false)
	fields := [][2]string{
		{d.T("found.found_at"), d.DateTime(f.FoundAt)},
		{d.T("found.place"), place(d, f)},
		{d.T("found.category"), d.T("found.cat." + string(f.Category))},
		{d.T("found.storage"), storage(d, f.Location())},
		{d.T("found.hold_until"), d.Date(f.HoldUntil)},
	}
	for _, kv := range fields {
		p.tagField(kv[0], kv[1], textW)
	}
	p.SetY(max(p.GetY(), p.margin+qrSize+1))
	if f.Description != "" {
		p.font(8, false)
		p.para(firstLines(p, f.Description, p.width(), 2))
	}
	if f.Police {
		p.font(9, true)
		p.cell(p.width(), 4.5, d.T("found.label.police"), 1, "L")
	}
	return p.write(w)
}

// tagField is a label: value line of the tag, cut to one line.
func (p *page) tagField(label, value string, w float64) {
	const labelW = 16.0
	h := p.lineHeight()
	p.font(p.fontPt(), true)
	p.SetX(p.margin)
	p.cell(labelW, h, label, 0, "L")
	p.font(p.fontPt(), false)
	lines := p.wrap(value, w-labelW)
	p.cell(w-labelW, h, lines[0], 1, "L")
}

// firstLines is text cut to at most n lines w wide, with "…" when cut.
func firstLines(p *page, text string, w float64, n int) string {
	lines := p.wrap(text, w)
	if len(lines) <= n {
		return text
	}
	last := []rune(lines[n-1])
	for len(last) > 0 && p.GetStringWidth(string(last)+"…") > w {
		last = last[:len(last)-1]
	}
	lines[n-1] = string(last) + "…"
	out := lines[0]
	for _, l := range lines[1:n] {
		out += "\n" + l
	}
	return out
}

func place(d Desk, f appfound.FoundItem) string {
	if f.Room {
		return d.T("found.in_room", map[string]string{"Room": f.Place})
	}
	return f.Place
}

func storage(d Desk, c appfound.Custody) string {
	if c.InSafe {
		return d.T("found.in_safe_at", map[string]string{"Location": c.Location})
	}
	return c.Location
}

// qr draws text as a QR code (error correction M) size mm square at x, y,
// in vector squares, with the quiet zone of two modules inside the square.
func (p *page) qr(text string, x, y, size float64) error {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return fmt.Errorf("qr code: %w", err)
	}
	q.DisableBorder = true
	bm := q.Bitmap()
	const quiet = 2
	m := size / float64(len(bm)+2*quiet)
	p.SetFillColor(0, 0, 0)
	for r, row := range bm {
		for c := 0; c < len(row); c++ {
			if !row[c] {
				continue
			}
			run := 1 // one rectangle per run of dark modules
			for c+run < len(row) && row[c+run] {
				run++
			}
			p.Rect(x+float64(c+quiet)*m, y+float64(r+quiet)*m, float64(run)*m, m, "F")
			c += run - 1
		}
	}
	return nil
}
