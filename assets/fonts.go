package assets

import _ "embed"

// The desk's Chinese font: Noto Sans SC (SIL Open Font License 1.1, see
// fonts/OFL.txt), subset to GB 2312, common name characters outside it,
// Latin and punctuation, so Chinese renders the same on every desk PC
// whatever fonts Windows or Linux has installed.
var (
	//go:embed fonts/NotoSansSC-Regular.otf
	FontRegular []byte
	//go:embed fonts/NotoSansSC-Bold.otf
	FontBold []byte
)

// PrintRegular is Noto Sans SC Regular with TrueType outlines, made from
// FontRegular by scripts/otf2ttf.py (same glyphs, metrics and licence): the
// printed documents embed it (ui/paper), since the Go PDF writers embed
// TrueType outlines only. Headings print larger rather than bold, which
// keeps a second 4 MB font out of the program.
//
//go:embed fonts/NotoSansSC-Regular.ttf
var PrintRegular []byte
