// Package chart draws the supervisor's report charts with gonum/plot:
// bar charts (side by side or stacked) with a title, axis labels and a
// legend, in the desk's Noto Sans SC so Chinese reads as well as English.
// A chart is drawn to an image: the reports screen shows it, the printed
// report embeds it as a PNG. It imports no Fyne and reads no store:
// charts are plain values in, pictures out.
package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"floordesk/assets"
)

// Bars is a bar chart: a group of bars for each label along the bottom,
// one bar per series in each group, side by side or (Stacked) on top of
// each other.
type Bars struct {
	Title  string
	XLabel string // what the groups are ("Day", "Department")
	YLabel string // what the bars measure, with the unit ("Minutes")
	Groups []string
	Series []Series
	// Stacked puts a group's bars on top of each other (parts of a
	// whole, as requests by kind make the day's requests).
	Stacked bool
}

// Series is one colour of bars: a value for each group.
type Series struct {
	Name   string
	Values []float64
}

// Palette is the series' colours, in order: distinct in print and for
// the common colour-blindnesses (Okabe and Ito's).
var Palette = []color.RGBA{
	{0, 114, 178, 255},   // blue
	{230, 159, 0, 255},   // orange
	{0, 158, 115, 255},   // green
	{204, 121, 167, 255}, // purple
	{86, 180, 233, 255},  // sky
	{213, 94, 0, 255},    // vermilion
}

// typeface is the font the charts are drawn in.
const typeface = "Noto Sans SC"

var fontOnce sync.Once
var fontErr error

// useDeskFont makes gonum/plot draw in Noto Sans SC (assets.PrintRegular,
// the TrueType copy the printed documents embed). gonum/plot keeps its
// fonts in a process-wide cache, so this is done once.
func useDeskFont() error {
	fontOnce.Do(func() {
		f, err := opentype.Parse(assets.PrintRegular)
		if err != nil {
			fontErr = fmt.Errorf("chart font: %w", err)
			return
		}
		nf := font.Font{Typeface: typeface}
		font.DefaultCache.Add(font.Collection{{Font: nf, Face: f}})
		plot.DefaultFont = nf
	})
	return fontErr
}

// Image draws the chart w×h millimetres at dpi dots per inch.
func (b Bars) Image(wmm, hmm float64, dpi int) (image.Image, error) {
	p, err := b.plot(vg.Length(wmm) * vg.Millimeter)
	if err != nil {
		return nil, err
	}
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(wmm)*vg.Millimeter, vg.Length(hmm)*vg.Millimeter), vgimg.UseDPI(dpi))
	p.Draw(draw.New(c))
	return c.Image(), nil
}

// PNG is Image encoded as PNG.
func (b Bars) PNG(wmm, hmm float64, dpi int) ([]byte, error) {
	img, err := b.Image(wmm, hmm, dpi)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("chart png: %w", err)
	}
	return buf.Bytes(), nil
}

func (b Bars) plot(width vg.Length) (*plot.Plot, error) {
	if err := useDeskFont(); err != nil {
		return nil, err
	}
	p := plot.New()
	p.Title.Text = b.Title
	p.Title.TextStyle.Font.Size = vg.Points(13)
	p.X.Label.Text, p.Y.Label.Text = b.XLabel, b.YLabel
	p.X.Label.TextStyle.Font.Size, p.Y.Label.TextStyle.Font.Size = vg.Points(10), vg.Points(10)
	p.X.Tick.Label.Font.Size, p.Y.Tick.Label.Font.Size = vg.Points(9), vg.Points(9)
	p.Y.Min = 0
	p.Legend.Top, p.Legend.Left = true, false
	p.Legend.TextStyle.Font.Size = vg.Points(9)
	p.Legend.ThumbnailWidth = 3 * vg.Millimeter
	p.Legend.XOffs = -2 * vg.Millimeter
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil // the bars mark the groups; lines through them only clutter
	p.Add(grid)
	if err := b.addBars(p, b.barWidth(width)); err != nil {
		return nil, err
	}
	p.NominalX(thin(b.Groups)...)
	p.X.Min, p.X.Max = -0.5, float64(len(b.Groups))-0.5
	p.Y.Max = niceMax(b.top() * (1 + 0.12*float64(b.legendLines())))
	p.Y.Tick.Marker = wholeTicks{}
	return p, nil
}

// barWidth is the bars' width on a chart width wide: a group fills
// 80 % of its slot along the axis (the axis takes the width less about
// 20 mm of labels).
func (b Bars) barWidth(width vg.Length) vg.Length {
	slot := max(width-20*vg.Millimeter, width/2) / vg.Length(max(len(b.Groups), 1))
	n := len(b.Series)
	if b.Stacked || n == 0 {
		n = 1
	}
	return min(slot*0.8/vg.Length(n), 28)
}

func (b Bars) addBars(p *plot.Plot, w vg.Length) error {
	var below *plotter.BarChart
	for i, s := range b.Series {
		bc, err := plotter.NewBarChart(plotter.Values(pad(s.Values, len(b.Groups))), w)
		if err != nil {
			return fmt.Errorf("chart %q: %w", b.Title, err)
		}
		bc.Color = Palette[i%len(Palette)]
		bc.LineStyle.Width = 0
		if b.Stacked {
			if below != nil {
				bc.StackOn(below)
			}
			below = bc
		} else {
			bc.Offset = w * (vg.Length(i) - vg.Length(len(b.Series)-1)/2)
		}
		p.Add(bc)
		if len(b.Series) > 1 {
			p.Legend.Add(s.Name, bc)
		}
	}
	return nil
}

// top is the highest bar (or stack).
func (b Bars) top() float64 {
	top := 0.0
	for g := range b.Groups {
		sum := 0.0
		for _, s := range b.Series {
			v := 0.0
			if g < len(s.Values) {
				v = s.Values[g]
			}
			if b.Stacked {
				sum += v
			} else {
				sum = max(sum, v)
			}
		}
		top = max(top, sum)
	}
	return top
}

func pad(vs []float64, n int) []float64 {
	out := make([]float64, n)
	copy(out, vs)
	return out
}

// thin keeps at most about 16 labels along the bottom (every k-th), so
// a month's or a year's days do not print over each other.
func thin(labels []string) []string {
	k := (len(labels) + 15) / 16
	if k <= 1 {
		return labels
	}
	out := make([]string, len(labels))
	for i := range labels {
		if i%k == 0 {
			out[i] = labels[i]
		}
	}
	return out
}

// niceMax is a round number above top, with room for the legend
// (plot asks for 12 % more a legend line): 5 for an empty chart.
func niceMax(top float64) float64 {
	if top <= 0 {
		return 5
	}
	top *= 1.1
	step := math.Pow(10, math.Floor(math.Log10(top)))
	for _, m := range []float64{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10} {
		if m*step >= top {
			return m * step
		}
	}
	return 10 * step
}

// wholeTicks marks the value axis at about five round values, whole
// numbers only (a count of half a request means nothing).
type wholeTicks struct{}

func (wholeTicks) Ticks(lo, hi float64) []plot.Tick {
	step := math.Max(1, niceStep((hi-lo)/5))
	var ts []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi+1e-9; v += step {
		ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprintf("%.0f", v)})
	}
	return ts
}

func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// legendLines is how many lines the legend takes (none for one series).
func (b Bars) legendLines() int {
	if len(b.Series) < 2 {
		return 0
	}
	return len(b.Series)
}
