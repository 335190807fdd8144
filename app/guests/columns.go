package guests

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"floordesk/app"
)

// The guest list's columns, found by their header.
type column int

const (
	colRoom column = iota
	colName
	colArrival
	colDeparture
	colVIP
	columns
)

// headers are the names each column is known by in PMS exports, as
// app.HeaderKey writes them.
var headers = [columns][]string{
	colRoom:      {"房号", "房间号", "房间", "房间号码", "room", "roomno", "roomnumber", "rmno", "rm"},
	colName:      {"客人姓名", "姓名", "宾客", "宾客姓名", "客人", "住客", "住客姓名", "guest", "guestname", "name"},
	colArrival:   {"到店", "到店日期", "入住", "入住日期", "抵店", "抵店日期", "到达日期", "arrival", "arrivaldate", "arr", "checkin"},
	colDeparture: {"离店", "离店日期", "退房", "退房日期", "离开日期", "departure", "departuredate", "dep", "checkout"},
	colVIP:       {"vip", "贵宾", "vip标志", "vip等级", "vipflag"},
}

// headerColumns finds the known columns in a row: each column's index,
// -1 when absent, and how many were found.
func headerColumns(cells []string) (cols [columns]int, found int) {
	for c := range cols {
		cols[c] = -1
	}
	for i, cell := range cells {
		key := app.HeaderKey(cell)
		for c, names := range headers {
			if cols[c] < 0 && slices.Contains(names, key) {
				cols[c] = i
				found++
				break
			}
		}
	}
	return cols, found
}

// isHeader says whether a row is the guest list's header: a room column
// and another known one.
func isHeader(cells []string) bool {
	cols, found := headerColumns(cells)
	return cols[colRoom] >= 0 && found >= 2
}

// isVIP reads the VIP column: blank, 0, N, No, 否 or 非 are not; any other
// mark (Y, 1, VIP2, 是, 贵宾) is.
func isVIP(cell string) bool {
	switch strings.ToLower(strings.TrimSpace(cell)) {
	case "", "0", "n", "no", "否", "非", "false", "-":
		return false
	}
	return true
}

// dateOrder is how a file writes a date whose year comes last:
// 12/06/2026 is 12 June (dayFirst) or 6 December (monthFirst).
type dateOrder int

const (
	orderUnknown dateOrder = iota
	dayFirst
	monthFirst
)

// yearLast is a date written with its year last: 6/12/2026, 06-12-2026.
var yearLast = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$`)

// dateOnly is a cell without its time of day: "2026-12-06 12:00" is
// "2026-12-06".
func dateOnly(cell string) string {
	cell = strings.TrimSpace(cell)
	if i := strings.IndexAny(cell, " T"); i > 0 {
		cell = cell[:i]
	}
	return cell
}

// orderOf decides how the file writes dates with the year last, from
// the dates that can only be read one way (a first number over 12 is a
// day, a second over 12 a day too). It returns the order, or a refusal
// when the file's dates can be read both ways (every one has both
// numbers 12 or less: 05/06/2026) or contradict each other.
func orderOf(dates []string) (dateOrder, error) {
	var dmy, mdy, ambiguous string
	for _, d := range dates {
		m := yearLast.FindStringSubmatch(dateOnly(d))
		if m == nil {
			continue
		}
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		switch {
		case a > 12 && dmy == "":
			dmy = d
		case b > 12 && mdy == "":
			mdy = d
		case a <= 12 && b <= 12 && ambiguous == "":
			ambiguous = d
		}
	}
	switch {
	case dmy != "" && mdy != "":
		return orderUnknown, app.Invalid("file", "guests.mixed_dates", "date", dmy, "other", mdy)
	case dmy != "":
		return dayFirst, nil
	case mdy != "":
		return monthFirst, nil
	case ambiguous != "":
		return orderUnknown, app.Invalid("file", "guests.ambiguous_dates", "date", ambiguous)
	}
	return orderUnknown, nil
}

// parseDate reads a date as PMS exports write it: 2026-12-06,
// 2026/12/6, 2026.12.6, 2026年12月6日, 20261206, or with the year last in
// the file's order; a time of day after it is left aside. It returns the
// date as DateLayout writes it, or false.
func parseDate(cell string, order dateOrder) (string, bool) {
	d := dateOnly(cell)
	d = strings.TrimSuffix(strings.NewReplacer("年", "-", "月", "-").Replace(d), "日")
	var y, m, day string
	if parts := strings.FieldsFunc(d, func(r rune) bool { return r == '-' || r == '/' || r == '.' }); len(parts) == 3 {
		switch {
		case len(parts[0]) == 4:
			y, m, day = parts[0], parts[1], parts[2]
		case len(parts[2]) == 4 && order == dayFirst:
			day, m, y = parts[0], parts[1], parts[2]
		case len(parts[2]) == 4 && order == monthFirst:
			m, day, y = parts[0], parts[1], parts[2]
		}
	} else if len(d) == 8 && strings.Trim(d, "0123456789") == "" {
		y, m, day = d[:4], d[4:6], d[6:]
	}
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	di, err3 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || err3 != nil || yi < 2000 || yi > 2200 {
		return "", false
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Month() != time.Month(mi) || t.Day() != di {
		return "", false
	}
	return t.Format(DateLayout), true
}
