package main

import (
	"fmt"
	"os"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// series is one line of a panel: a value per store (negative: none).
type series struct {
	name  string
	value func(st store) float64
}

// panel is one chart of the growth picture.
type panel struct {
	title, unit string
	lines       []series
}

// growthPanels are the figures drawn against the size of the history.
func growthPanels(res results) []panel {
	desk := func(f func(deskFigures) float64) func(store) float64 {
		return func(st store) float64 { return f(res.desk[st.size]) }
	}
	bench := func(name string) func(store) float64 {
		return func(st store) float64 {
			v, ok := res.bench.metric(historyKey(st, name), "fig-ms")
			if !ok {
				return -1
			}
			return v
		}
	}
	return []panel{
		{"start to dashboard drawn", "ms", []series{{"desk start", desk(func(f deskFigures) float64 { return f.startMS })}}},
		{"memory", "MB", []series{
			{"RSS", desk(func(f deskFigures) float64 { return f.rssMB })},
			{"Go heap", desk(func(f deskFigures) float64 { return f.heapMB })}}},
		{"lists' first page (median)", "ms", []series{
			{"requests", bench("list/requests")}, {"loans", bench("list/loans")},
			{"found", bench("list/found")}, {"keys", bench("list/keys")}}},
		{"dashboard parts loaded (median)", "ms", []series{{"dashboard", bench("dashboard")}}},
	}
}

// drawGrowth draws the panels side by side into a PNG at path.
func drawGrowth(res results, path string) error {
	panels := growthPanels(res)
	row := make([]*plot.Plot, len(panels))
	for i, pn := range panels {
		p, err := panelPlot(pn, res.stores)
		if err != nil {
			return err
		}
		row[i] = p
	}
	img := vgimg.New(vg.Length(len(panels))*3.2*vg.Inch, 3*vg.Inch)
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: 1, Cols: len(panels), PadX: vg.Millimeter * 4, PadY: vg.Millimeter * 2,
		PadTop: vg.Millimeter * 2, PadBottom: vg.Millimeter * 2, PadLeft: vg.Millimeter * 2, PadRight: vg.Millimeter * 2}
	canvases := plot.Align([][]*plot.Plot{row}, tiles, dc)
	for i, p := range row {
		p.Draw(canvases[0][i])
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = vgimg.PngCanvas{Canvas: img}.WriteTo(f)
	return err
}

// panelPlot draws one panel: its lines against the records of history
// (the empty store at 1), on a logarithmic axis.
func panelPlot(pn panel, stores []store) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = pn.title
	p.X.Label.Text = "records of history"
	p.Y.Label.Text = pn.unit
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = plot.LogTicks{Prec: -1}
	p.Y.Min = 0
	p.Legend.Top = true
	p.Legend.Left = true
	var args []any
	for _, s := range pn.lines {
		var pts plotter.XYs
		for _, st := range stores {
			if v := s.value(st); v >= 0 {
				pts = append(pts, plotter.XY{X: float64(st.size), Y: v})
			}
		}
		if len(pts) > 0 {
			args = append(args, s.name, pts)
		}
	}
	if err := plotutil.AddLinePoints(p, args...); err != nil {
		return nil, fmt.Errorf("plot %s: %w", pn.title, err)
	}
	return p, nil
}
