package app

import (
	"errors"
	"io"
	"strconv"

	"floordesk/tabular"
)

// Reading a file a supervisor picks (the room list; later the PMS guest
// list): the reader's errors become refusals the desk says in the user's
// language, each naming the limit or line it is about.

func init() {
	RegisterMessages(map[string]string{
		"file.too_large":        "The file is larger than {max} MB — split it or remove what is not needed.",
		"file.too_many_rows":    "The file has more than {max} rows (line {line}) — split it.",
		"file.too_many_columns": "Line {line} of the file has more than {max} columns — check the file.",
		"file.cell_too_long":    "Line {line} of the file has a cell longer than {max} characters — shorten it.",
		"file.bad_line":         "Line {line} of the file cannot be read: check its quotation marks — correct the file and import it again.",
		"file.xls":              "This is an old Excel workbook (.xls) — in Excel, save it as .xlsx or CSV and import that.",
		"file.not_xlsx":         "This workbook cannot be read — open it in Excel, save it again as .xlsx or CSV and import that.",
		"file.not_text":         "This file is not a table — choose the CSV, text or .xlsx file of the list.",
	})
}

// ReadTable reads a table file within tabular.DefaultLimits; a file it
// cannot read is a refusal of field (ErrInvalid). isHeader picks a
// workbook's sheet (see tabular.Options).
func ReadTable(field string, r io.Reader, isHeader func([]string) bool) (*tabular.Table, error) {
	t, err := tabular.Read(r, tabular.Options{IsHeader: isHeader})
	if err != nil {
		return nil, fileRefusal(field, err)
	}
	return t, nil
}

// fileRefusal turns the reader's errors into refusals; an error reading
// the file itself is returned as it is.
func fileRefusal(field string, err error) error {
	var le *tabular.LimitError
	var se *tabular.SyntaxError
	var fe *tabular.FormatError
	switch {
	case errors.As(err, &le):
		return limitRefusal(field, le)
	case errors.As(err, &se):
		return Invalid(field, "file.bad_line", "line", strconv.Itoa(se.Line))
	case errors.As(err, &fe) && fe.Format == "xls":
		return Invalid(field, "file.xls")
	case errors.As(err, &fe) && fe.Format == "xlsx":
		return Invalid(field, "file.not_xlsx")
	case errors.As(err, &fe):
		return Invalid(field, "file.not_text")
	}
	return err
}

func limitRefusal(field string, le *tabular.LimitError) error {
	line := strconv.Itoa(le.Line)
	switch le.Limit {
	case tabular.LimitBytes:
		return Invalid(field, "file.too_large", "max", strconv.FormatInt(le.Max>>20, 10))
	case tabular.LimitRows:
		return Invalid(field, "file.too_many_rows", "max", strconv.FormatInt(le.Max, 10), "line", line)
	case tabular.LimitColumns:
		return Invalid(field, "file.too_many_columns", "max", strconv.FormatInt(le.Max, 10), "line", line)
	}
	return Invalid(field, "file.cell_too_long", "max", strconv.FormatInt(le.Max, 10), "line", line)
}
