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
