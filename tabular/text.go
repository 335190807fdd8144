package tabular

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// The byte-order marks told apart.
var (
	bomUTF8    = []byte("\xef\xbb\xbf")
	bomUTF16LE = []byte("\xff\xfe")
	bomUTF16BE = []byte("\xfe\xff")
)

// readText reads a text table: decoded, its separator sniffed, then read
// as CSV.
func readText(b []byte, lim Limits) (*Table, error) {
	text, enc, err := decode(b)
	if err != nil {
		return nil, err
	}
	if strings.ContainsRune(text, 0) {
		return nil, &FormatError{Format: "binary"}
	}
	delim, text := sniff(text)
	t := &Table{Encoding: enc, Delimiter: delim}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	// A space after the separator may come before a quote; left in, the
	// quote is read as text. Tabs are separators, not spaces, there.
	cr.TrimLeadingSpace = delim != '\t'
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return t, nil
		}
		if err != nil {
			return nil, syntaxError(err)
		}
		line, _ := cr.FieldPos(0)
		if err := t.Add(lim, line, rec); err != nil {
			return nil, err
		}
	}
}

// Add keeps a row that is not blank, its cells trimmed, within the
// limits; readers of other formats call it for each row they read.
func (t *Table) Add(lim Limits, line int, cells []string) error {
	blank := true
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
		blank = blank && cells[i] == ""
	}
	if blank {
		return nil
	}
	if len(t.Rows) >= lim.Rows {
		return &LimitError{Limit: LimitRows, Max: int64(lim.Rows), Line: line}
	}
	if err := lim.Check(line, cells); err != nil {
		return err
	}
	t.Rows = append(t.Rows, Row{Line: line, Cells: cells})
	return nil
}

func syntaxError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &SyntaxError{Line: pe.Line, Err: pe.Err}
	}
	return &SyntaxError{Err: err}
}

// decode turns the file's bytes into text. Valid UTF-8 is taken as UTF-8
// (a GBK file of Chinese text is almost never valid UTF-8); then a
// UTF-16 byte-order mark; anything else is GB18030, which GBK is part of.
func decode(b []byte) (text, enc string, err error) {
	switch {
	case utf8.Valid(b):
		return string(bytes.TrimPrefix(b, bomUTF8)), "UTF-8", nil
	case bytes.HasPrefix(b, bomUTF16LE):
		text, err = decodeWith(b, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM))
		return text, "UTF-16LE", err
	case bytes.HasPrefix(b, bomUTF16BE):
		text, err = decodeWith(b, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM))
		return text, "UTF-16BE", err
	}
	text, err = decodeWith(b, simplifiedchinese.GB18030)
	return text, "GB18030", err
}

func decodeWith(b []byte, enc encoding.Encoding) (string, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", &FormatError{Format: "binary", Err: err}
	}
	return string(out), nil
}
