package chart

import (
	"image"
	"os"
	"testing"
)

func sample() Bars {
	return Bars{Title: "每日需求 Requests per day", XLabel: "日期 Day", YLabel: "件数 Requests",
		Groups: []string{"3/2", "3/3", "3/4", "3/5", "3/6", "3/7", "3/8"},
		Series: []Series{{"服务 Service", []float64{4, 7, 3, 5, 6, 2, 1}}, {"咨询 Inquiry", []float64{1, 2, 0, 1, 1, 0, 0}},
			{"投诉 Complaint", []float64{0, 1, 1, 0, 0, 0, 1}}},
		Stacked: true}
}

// TestChartDrawsInk draws a chart and checks it is a picture of the size
// asked with ink in it: the title's and the bars' pixels are not all
// background.
func TestChartDrawsInk(t *testing.T) {
	img, err := sample().Image(160, 80, 100)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 620 || b.Dx() > 640 || b.Dy() < 310 || b.Dy() > 320 {
		t.Fatalf("size %v, want about 630×315 pixels", b)
	}
	if n := colouredPixels(img); n < 2000 {
		t.Errorf("only %d coloured pixels: no bars drawn?", n)
	}
	if os.Getenv("CHART_PNG") != "" {
		b, _ := sample().PNG(160, 80, 150)
		_ = os.WriteFile(os.Getenv("CHART_PNG"), b, 0o644)
	}
}

func colouredPixels(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if max(r, g, bl)-min(r, g, bl) > 0x3000 {
				n++
			}
		}
	}
	return n
}
