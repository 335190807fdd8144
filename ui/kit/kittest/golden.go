package kittest

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// updateShots rewrites the golden screenshots instead of comparing with
// them; FLOORDESK_UPDATE_SHOTS=1 does the same. Declared here, once, so
// every test binary with screenshots accepts it:
//
//	go test -tags migrated_fynedo ./ui/found -run Screenshot -update-shots
var updateShots = flag.Bool("update-shots", false, "rewrite the golden screenshots in testdata/shots from what the screens show now")

// A golden is the window at half size, each pixel the mean of the 2×2 it
// covers: a quarter of the bytes (about 30 KB a screen), so many can live
// in the repository, and anti-aliasing noise halved. Every word stays
// readable (the text is 14 px high), and colour stays: a warning's red,
// a selected row.
const shotShrink = 2

// The tolerance. Here a screen renders the same to the bit, run after run
// and under -race; the tolerance is for anti-aliasing that comes out a
// little otherwise elsewhere (another CPU's float rounding moves a glyph's
// edge pixels by a few levels). A pixel differs when one of its red, green
// and blue is off by more than pixelTolerance of 255: the dimmest text the
// desk draws (hints, in dark grey) stands only 34 above the background,
// so a larger tolerance would let a hint vanish unseen (at 32 the join
// form's IT hint could go; at 16 it changes 450 pixels). A shot fails when
// more than maxDiffering of its pixels differ: 0.01% is 25 pixels at
// 640×400, well under what one short word changes (the found detail's
// heading "History" alone: 111 pixels; its Label button: 690), so a
// missing label or button fails, while a few stray edge pixels pass. The
// 0.5% one might pick first (1280 pixels) lets a whole button go.
const (
	pixelTolerance = 16
	maxDiffering   = 0.0001
)

// MatchShot compares what the test window shows with the golden
// testdata/shots/name.png of the test's package, and fails the test when
// they differ beyond the tolerance, or in size. On a failure it writes the
// shot as compared and a diff (differing pixels in red) to $FLOORDESK_SHOTS,
// or else to a new temporary folder, and says where. With -update-shots or
// FLOORDESK_UPDATE_SHOTS=1 it rewrites the golden instead. When
// $FLOORDESK_SHOTS is set it also writes the full shot there as name.png,
// for a person to look at.
func (e *Env) MatchShot(t testing.TB, name string) {
	t.Helper()
	img := e.Window.Canvas().Capture()
	if dir := os.Getenv("FLOORDESK_SHOTS"); dir != "" {
		writePNG(t, filepath.Join(dir, name+".png"), img, png.DefaultCompression)
	}
	MatchImage(t, name, img)
}

// MatchImage is MatchShot for an image the test made.
func MatchImage(t testing.TB, name string, img image.Image) {
	t.Helper()
	got := shrink(img)
	golden := filepath.Join("testdata", "shots", name+".png")
	if *updateShots || os.Getenv("FLOORDESK_UPDATE_SHOTS") == "1" {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		writePNG(t, golden, got, png.BestCompression) // goldens live in the repository
		t.Logf("wrote %s", golden)
		return
	}
	want, err := readGolden(golden)
	if errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s: no golden %s; run the test with -update-shots to make it", name, golden)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if got.Bounds() != want.Bounds() {
		t.Errorf("%s is %v, the golden %v; the shot is in %s", name,
			got.Bounds().Size(), want.Bounds().Size(), keep(t, name+"-actual.png", got))
		return
	}
	diff, n := compare(got, want)
	frac := float64(n) / float64(got.Rect.Dx()*got.Rect.Dy())
	if frac > maxDiffering {
		t.Errorf("%s differs from %s in %d pixels, %.3f%% (at most %.3f%% may): shot %s, diff %s; if the change is meant, run the test with -update-shots",
			name, golden, n, 100*frac, 100*maxDiffering, keep(t, name+"-actual.png", got), keep(t, name+"-diff.png", diff))
	} else if n > 0 {
		t.Logf("%s: %d pixels (%.4f%%) differ, within the tolerance", name, n, 100*frac)
	}
}

// shrink is img at 1/shotShrink size, opaque, each pixel the mean of the
// pixels it covers.
func shrink(img image.Image) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx()/shotShrink, b.Dy()/shotShrink))
	for y := range out.Rect.Dy() {
		for x := range out.Rect.Dx() {
			var sum [3]uint32
			for dy := range shotShrink {
				for dx := range shotShrink {
					r, g, bl, _ := img.At(b.Min.X+x*shotShrink+dx, b.Min.Y+y*shotShrink+dy).RGBA()
					sum[0], sum[1], sum[2] = sum[0]+r>>8, sum[1]+g>>8, sum[2]+bl>>8
				}
			}
			i := out.PixOffset(x, y)
			for c := range sum {
				out.Pix[i+c] = uint8(sum[c] / (shotShrink * shotShrink))
			}
			out.Pix[i+3] = 255
		}
	}
	return out
}

// compare counts the pixels with a channel off by more than
// pixelTolerance, and draws them in red on a dimmed grey copy of want.
func compare(got, want *image.RGBA) (diff *image.RGBA, n int) {
	diff = image.NewRGBA(got.Rect)
	for i := 0; i < len(got.Pix); i += 4 {
		differs := false
		for c := range 3 {
			if d := int(got.Pix[i+c]) - int(want.Pix[i+c]); d > pixelTolerance || d < -pixelTolerance {
				differs = true
			}
		}
		px := diff.Pix[i : i+4 : i+4]
		if differs {
			n++
			px[0], px[1], px[2], px[3] = 255, 0, 0, 255
			continue
		}
		grey := uint8((int(want.Pix[i]) + int(want.Pix[i+1]) + int(want.Pix[i+2])) / 9) // a third of the mean
		px[0], px[1], px[2], px[3] = grey, grey, grey, 255
	}
	return diff, n
}

// readGolden reads a golden as opaque RGBA.
func readGolden(path string) (*image.RGBA, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := image.NewRGBA(image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()))
	draw.Draw(out, out.Rect, img, img.Bounds().Min, draw.Src)
	return out, nil
}

var (
	failDirOnce sync.Once
	failDir     string
	failDirErr  error
)

// keep writes img as name for a person to look at after a failure, into
// $FLOORDESK_SHOTS or else one temporary folder that outlives the test
// (t.TempDir is removed when the test ends), and returns its path.
func keep(t testing.TB, name string, img image.Image) string {
	t.Helper()
	dir := os.Getenv("FLOORDESK_SHOTS")
	if dir == "" {
		failDirOnce.Do(func() { failDir, failDirErr = os.MkdirTemp("", "floordesk-shots-") })
		if failDirErr != nil {
			t.Fatal(failDirErr)
		}
		dir = failDir
	}
	path := filepath.Join(dir, name)
	writePNG(t, path, img, png.DefaultCompression)
	return path
}

// writePNG writes img to path as a PNG.
func writePNG(t testing.TB, path string, img image.Image, level png.CompressionLevel) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	enc := png.Encoder{CompressionLevel: level}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
